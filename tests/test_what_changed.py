"""A returning reader sees what changed since they last read the story, and jumps to it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from story_tui.storage.editions import editions_dir, load_edition, save_edition
from story_tui.storage.opening import opened
from story_tui.story.bundled import bundled_story
from story_tui.story.diff.stories import diff_stories
from story_tui.story.loader import load_story, parse_story
from story_tui.story.model import Story
from story_tui.story.yamlout import to_yaml
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.changes import ChangesList, ChangesScreen
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.figures import FiguresPane
from tests.conftest import notifications, wait_for

STORY = load_story(bundled_story())


def second_edition() -> Story:
    """The bundled story updated: a figure revised, a paragraph and a figure added."""
    data: dict[str, Any] = yaml.safe_load(bundled_story().read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    first = data["sections"][0]["paragraphs"]
    first[1] = first[1].replace("roughly 330,000", "roughly 340,000")
    data["figures"][2].update(text="roughly 340,000", value=340000)
    data["timeline"][2]["text"] = "roughly 340,000 by 2024"
    data["sections"][1]["paragraphs"].append(
        "Officials said the border would stay closed for weeks."
    )
    data["figures"].append({"id": "closed-weeks", "label": "Border closure", "text": "for weeks"})
    return parse_story(to_yaml(data))


def test_an_edition_is_private_and_read_back_with_the_caches_checks() -> None:
    save_edition(STORY, "d4")
    (path,) = editions_dir().glob(f"{STORY.id}-d4.json")
    assert path.stat().st_mode & 0o777 == 0o600
    raw = path.read_text(encoding="utf-8")
    first = STORY.quotes[0].text
    path.write_text(raw.replace(first, first[:-2] + "\\u001b]", 1), encoding="utf-8")
    assert load_edition(STORY.id, "d4") is None  # a hidden control character
    path.write_text(raw.replace(first, first.upper(), 1), encoding="utf-8")
    assert load_edition(STORY.id, "d4") is None  # a quote that is no longer its place's words


def test_editions_are_kept_two_per_story() -> None:
    save_edition(STORY, "a1")
    assert load_edition(STORY.id, "a1") == STORY
    save_edition(second_edition(), "b2")
    save_edition(STORY, "c3")
    kept = sorted(p.name for p in editions_dir().glob("*.json"))
    assert len(kept) == 2 and f"{STORY.id}-a1.json" not in kept
    assert load_edition(STORY.id, "a1") is None
    assert load_edition(STORY.id, "../x") is None


async def test_returning_reader_lists_the_changes_and_jumps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path / "state"))
    first = StoryApp(opened(STORY, "a1"))
    async with first.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
    new = second_edition()
    app = StoryApp(opened(new, "b2"))
    notes = notifications(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        session = app.first_session
        assert session is not None
        await wait_for(pilot, lambda: session.changes, "the changes found")
        changes = diff_stories(STORY, new)
        assert session.changes == tuple(changes)
        assert "5 changes since you last read it: press w to see them." in notes
        figures = app.screen.query_one(FiguresPane)
        await wait_for(
            pilot,
            lambda: "new" in str(figures.get_option("figure-closed-weeks").prompt),
            "the new figure marked new",
        )
        assert "new" not in str(figures.get_option("figure-undocumented-2024").prompt)
        from story_tui.tui.palette import story_commands

        main = app.screen
        assert isinstance(main, MainScreen)
        titles = [c.title for c in story_commands(main)]
        assert "changes: what changed since you last read it" in titles
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes list")
        listing = app.screen.query_one(ChangesList)
        assert listing.option_count == len(changes)
        index = next(i for i, c in enumerate(changes) if c.kind == "figure")
        listing.highlighted = index
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is main, "back on the main screen")
        figure = new.figure("undocumented-2024")
        assert figure is not None
        assert main.article.highlight == figure.location
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes list")
        listing = app.screen.query_one(ChangesList)
        listing.highlighted = next(
            i for i, c in enumerate(changes) if c.kind == "paragraph" and c.change == "added"
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is main, "back on the main screen")
        highlight = main.article.highlight
        assert highlight is not None
        assert new.paragraph(highlight) == "Officials said the border would stay closed for weeks."


async def test_nothing_to_list_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    app = StoryApp(STORY, remember=False)
    notes = notifications(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(app.screen, ChangesScreen)
        assert "Nothing to list: it is the edition you read last." in notes


def test_what_changed_snapshot(snap_compare: Any) -> None:
    new = second_edition()
    app = StoryApp(new, remember=False)
    assert app.first_session is not None
    app.first_session.changes = tuple(diff_stories(STORY, new))
    assert snap_compare(app, press=["w"], terminal_size=(120, 36))
