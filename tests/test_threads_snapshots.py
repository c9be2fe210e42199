"""An SVG snapshot of a thread; reviewed by eye (as PNG) before it was committed.

Update with `pytest tests/test_threads_snapshots.py --snapshot-update`, then look at it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import open_library
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.threads import ThreadScreen, ThreadsScreen
from tests.conftest import wait_for
from tests.threads_fixture import write_library

SnapCompare = Callable[..., bool]


def test_thread_view_100x44(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_library(tmp_path / "library")
    monkeypatch.chdir(tmp_path)  # relative paths: the same screen on every machine
    library = open_library(["library"], index=LibraryIndex(tmp_path / "index.sqlite3"))
    app = StoryApp(library, remember=False)

    async def open_thread(pilot: Any) -> None:
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, ThreadsScreen), "threads")
        screen = app.screen
        assert isinstance(screen, ThreadsScreen)
        await wait_for(pilot, lambda: screen.list.option_count == 2, "the threads grouped")
        screen.list.highlighted = 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ThreadScreen), "the thread")

    assert snap_compare(app, terminal_size=(100, 44), run_before=open_thread)
