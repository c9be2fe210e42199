"""SVG snapshots of the library screen; each was reviewed by eye (as PNG) before it was committed.

Update with `pytest tests/test_library_snapshots.py --snapshot-update`, then look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import open_library
from story_tui.tui.app import StoryApp
from tests.library_fixture import write_library

SnapCompare = Callable[..., bool]


async def _steady_cursor(pilot: Pilot[None]) -> None:
    """The filter's cursor blinks on a timer: hold it steady, or a slow start snaps it hidden."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def _app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StoryApp:
    write_library(tmp_path)
    monkeypatch.chdir(tmp_path)  # relative paths: the same screen on every machine
    library = open_library(["library"], index=LibraryIndex(tmp_path / "index.sqlite3"))
    return StoryApp(library, remember=False)


def test_library_screen_120x36(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_steady_cursor)


def test_library_screen_80x24(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_steady_cursor)
