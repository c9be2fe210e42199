"""The library screen's key help: F1 opens it (and `?` when the filter is not focused: typed
into the filter, `?` filters, as in the story screen's find bar), listing the real bindings."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import Library, open_library
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.help import HelpScreen
from story_tui.tui.screens.library import LibraryScreen
from tests.conftest import palette_highlight, wait_for
from tests.library_fixture import write_library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return open_library([write_library(tmp_path)], index=LibraryIndex(tmp_path / "index.sqlite3"))


def _help_text(app: StoryApp) -> str:
    return str(app.screen.query_one("#help-text", Static).render())


async def test_f1_opens_the_library_keys_and_closes_again(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert isinstance(app.focused, Input)  # the filter has focus
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        text = _help_text(app)
        lines = [" ".join(line.split()) for line in text.splitlines()]
        for expected in (
            "ctrl+t Threads",
            "a Add address",
            "r Refresh",
            "/ Search all",
            "tab People",
            "escape Clear filter",
            "? f1 Help",
            "enter Open the highlighted story",
        ):
            assert expected in lines, expected
        assert "m Move story" in lines  # a thread's keys, reached from the library
        assert "Article" not in lines  # not the story screen's keys
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen is screen, "the library again")


async def test_question_mark_types_into_the_filter_and_opens_help_from_the_list(
    library: Library,
) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        pane = screen.list
        await pilot.press("question_mark")
        assert screen.query_one(Input).value == "?"  # the filter has focus: `?` is typed
        assert app.screen is screen
        await pilot.press("escape")
        pane.focus()
        await wait_for(pilot, lambda: app.focused is pane, "the list focused")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "the library again")


async def test_the_palette_keys_command_shows_the_library_keys(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        await pilot.press("ctrl+p", *"Keys")
        await wait_for(pilot, lambda: palette_highlight(app) == "Keys", "the Keys hit")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        assert not app.screen.query("HelpPanel")  # not Textual's side panel
        assert "ctrl+t Threads" in [" ".join(line.split()) for line in _help_text(app).split("\n")]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "the library again")
