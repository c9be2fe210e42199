"""One reading session, alone or from a library: the reader gets the same either way.

Every test here runs twice — the story opened alone (`story-tui FILE`) and opened from a library
(`story-tui FOLDER`, then `enter`) — so a feature cannot exist in one only. Before the one app,
the library lost three of them: `w` did nothing, `--watch` did not exist, and the lists'
highlights were saved but never restored.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import open_library
from story_tui.storage.opening import open_story_file
from story_tui.tui.app import StoryApp
from story_tui.tui.options import AppOptions
from story_tui.tui.screens.changes import ChangesScreen
from story_tui.tui.screens.library import LibraryScreen
from story_tui.tui.screens.main import MainScreen
from tests.conftest import DEADLINE, mini_text, wait_for

CONTEXTS = ["alone", "library"]


@pytest.fixture(params=CONTEXTS)
def context(request: pytest.FixtureRequest) -> str:
    """How the story is opened: alone, or from a library of its folder."""
    return str(request.param)


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    """The mini story, in a folder of its own (the library of the `library` context)."""
    folder = tmp_path / "stories"
    folder.mkdir()
    path = folder / "mini.yaml"
    path.write_text(mini_text(), encoding="utf-8")
    return path


@asynccontextmanager
async def reading(
    context: str, path: Path, options: AppOptions | None = None, **kwargs: Any
) -> AsyncIterator[tuple[StoryApp, Pilot[None], MainScreen]]:
    """Run the app on a story file, alone or from a library, until the story screen shows."""
    options = options or AppOptions()
    if context == "alone":
        app = StoryApp(open_story_file(path), options=options, **kwargs)
    else:
        index = LibraryIndex(path.parent.parent / "index.sqlite3")
        app = StoryApp(open_library([path.parent], index=index), options=options, **kwargs)
    async with app.run_test(size=(120, 36)) as pilot:
        if context == "library":
            await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
            await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story screen")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        yield app, pilot, screen


def _second_edition(path: Path) -> None:
    text = mini_text().replace(
        'Lee spoke to the wire."', 'Lee spoke to the wire."\n      - "The bakery closed in June."'
    )
    assert text != mini_text()
    path.write_text(text, encoding="utf-8")


async def test_what_changed_lists_the_changes(context: str, story_file: Path) -> None:
    async with reading(context, story_file) as (_app, pilot, _screen):
        await pilot.press("q")
    _second_edition(story_file)
    async with reading(context, story_file) as (app, pilot, screen):
        await wait_for(pilot, lambda: screen.session.changes, "the changes found")
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes list")


async def test_the_lists_highlights_come_back(context: str, story_file: Path) -> None:
    async with reading(context, story_file) as (_app, pilot, screen):
        await pilot.press("3", "down")
        assert screen.list_pane("people").highlighted == 1
        await pilot.press("q")
    async with reading(context, story_file) as (_app, pilot, screen):
        people = screen.list_pane("people")
        await wait_for(pilot, lambda: screen.active == "people", "the people pane again")
        assert people.highlighted == 1


async def test_place_seen_marks_and_theme_come_back(context: str, story_file: Path) -> None:
    async with reading(context, story_file) as (app, pilot, _screen):
        await pilot.press("right_square_bracket", "4", "enter", "3")
        app.theme = "nord"
        await pilot.press("q")
    async with reading(context, story_file) as (app, pilot, screen):
        await wait_for(pilot, lambda: screen.active == "people", "the people pane again")
        assert app.theme == "nord"
        assert screen.article.cursor_location[0] == "first"  # the figure's paragraph
        assert "figure:bread-price" in screen.seen


async def test_watch_reloads_the_story(context: str, story_file: Path) -> None:
    options = AppOptions(watch=True, remember=False)
    renamed = mini_text().replace("title: Second", "title: Second, renamed")
    async with reading(context, story_file, options) as (_app, pilot, screen):

        def reloaded() -> bool:
            return screen.story.sections[1].title == "Second, renamed"

        deadline = time.monotonic() + DEADLINE
        while not reloaded():
            story_file.write_text(renamed, encoding="utf-8")  # the watcher may start after a write
            try:
                await wait_for(pilot, reloaded, "the story reloaded", seconds=1.0)
            except AssertionError:
                if time.monotonic() > deadline:
                    raise
        assert screen.session.story.sections[1].title == "Second, renamed"


async def test_a_new_cache_schema_does_not_mark_the_story_changed(
    context: str, story_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from story_tui.storage import cache

    async with reading(context, story_file) as (_app, pilot, _screen):
        await pilot.press("q")
    monkeypatch.setattr(cache, "SCHEMA", cache.SCHEMA + 1)  # as CONTRIBUTING asks after a change
    async with reading(context, story_file) as (app, _pilot, screen):
        assert not screen.session.changed_since_last_time
        if context == "library":
            assert app.host is not None and app.host.library is not None
            (row,) = app.host.library.stories
            assert app.host.status_of(row) == "read"


async def test_the_cache_is_written_after_the_first_frame(context: str, story_file: Path) -> None:
    from story_tui.storage.cache import cache_dir, cache_key, edition_key

    entry = cache_dir() / f"{cache_key(edition_key(story_file.read_bytes()))}.json"
    async with reading(context, story_file) as (_app, pilot, screen):
        assert screen.session.opened.cache_pending
        await wait_for(pilot, entry.exists, "the cache entry")


def test_memory_from_before_the_one_edition_key_is_the_same_edition() -> None:
    from story_tui.storage.state import Place, parse_state

    old = {  # version 1: no version number, the place spread over the record, the cache key
        "theme": "nord",
        "stories": {
            "mini": {
                "hash": "ab12" * 10 + "-v3",
                "pane": "people",
                "section": "first",
                "paragraph": 1,
                "lists": {"people": "lee", "bad": 3},
                "seen": ["figure:bread-price", 4],
            },
            "broken": "not a record",
        },
        "libraries": {"k": {"story": "/x/a.yaml"}},
    }
    state = parse_state(old, "state.json")
    memory = state.story("mini")
    assert memory is not None and state.problem is None
    assert memory.edition == "ab12" * 10
    assert memory.place == Place("people", "first", 1)
    assert dict(memory.lists) == {"people": "lee"} and memory.seen == {"figure:bread-price"}
    assert state.story("broken") is None and state.theme == "nord"
    assert state.libraries["k"].story == "/x/a.yaml"


async def test_the_place_is_saved_as_the_reader_goes(context: str, story_file: Path) -> None:
    import threading

    from story_tui.storage.state import load_state

    async with reading(context, story_file) as (_app, pilot, screen):
        await pilot.press("3", "down")
        option = screen.list_pane("people").highlighted_option
        assert option is not None and option.id is not None

        def saved() -> bool:
            memory = load_state().story("mini")
            place = memory.place if memory else None
            return (
                memory is not None
                and place is not None
                and place.pane == "people"
                and dict(memory.lists).get("people") == option.id
            )

        await wait_for(pilot, saved, "the place saved while the app still runs")
    assert not [t for t in threading.enumerate() if t.name == "story-tui-saver"]
