"""A thread in the list says what the library says: read or unread from the same memory (reading
a story, not opening a thread), every source of its stories as outlets, and timeline dates
written as the story's own timeline writes them."""

from __future__ import annotations

import shutil
from pathlib import Path

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import open_library
from story_tui.story.bundled import bundled_story
from story_tui.threads.store import open_threads
from story_tui.threads.view import thread_items
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.library import LibraryScreen
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.screens.threads import ThreadScreen, ThreadsScreen
from story_tui.tui.widgets.library_list import StoryOption
from story_tui.tui.widgets.thread_list import ThreadItemOption, ThreadOption
from tests.conftest import wait_for


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(bundled_story(), folder / bundled_story().name)
    return folder


def test_a_thread_names_every_source_and_dates_as_the_story_does(tmp_path: Path) -> None:
    [thread] = open_threads([_folder(tmp_path)]).threads
    assert thread.outlets == ["AFP", "The Economic Times"]
    texts = [item.text for item in thread_items(thread, None)]
    assert "Apr 2023  Peru declares a two-month state of emergency on the Chile border" in texts
    assert "28 Nov 2025  Peru declares a state of emergency along its border with Chile" in texts
    assert "2018  An estimated 10,000 undocumented migrants live in Chile" in texts
    story = next(i for i in thread_items(thread, None) if i.path and i.target is None)
    assert story.detail.endswith("· AFP, The Economic Times")


async def test_a_story_read_in_the_library_is_read_in_its_thread(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = open_library([folder], index=LibraryIndex(tmp_path / "index.sqlite3"))
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        stories = screen.list
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, ThreadsScreen), "the threads")
        listed = app.screen
        assert isinstance(listed, ThreadsScreen)
        await wait_for(pilot, lambda: listed.list.option_count == 1, "the threads grouped")
        prompt = str(listed.list.get_option_at_index(0).prompt)
        assert prompt.startswith("● ") and prompt.endswith("· 1 unread")  # as in the library
        assert "· AFP, The Economic Times ·" in prompt
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: app.screen is screen, "all stories")
        await pilot.press("enter")  # read the story
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: app.screen is screen, "all stories again")
        row = stories.get_option_at_index(0)
        assert isinstance(row, StoryOption) and str(row.prompt).startswith("  ")  # no ●
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, ThreadsScreen), "the threads")
        again = app.screen
        assert isinstance(again, ThreadsScreen)
        await wait_for(pilot, lambda: again.list.option_count == 1, "the threads grouped")
        option = again.list.get_option_at_index(0)
        assert isinstance(option, ThreadOption)
        prompt = str(option.prompt)
        assert not prompt.startswith("●") and "unread" not in prompt  # never opened, but read
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ThreadScreen), "the thread")
        thread = app.screen
        assert isinstance(thread, ThreadScreen)
        texts = [o.item.text for o in thread.list.options if isinstance(o, ThreadItemOption)]
        assert "Apr 2023  Peru declares a two-month state of emergency on the Chile border" in texts
