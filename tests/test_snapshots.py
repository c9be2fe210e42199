"""SVG snapshots of what a reader sees; each was reviewed by eye before it was committed.

Update with `pytest tests/test_snapshots.py --snapshot-update`, then look at every changed SVG.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path))


def _app(story: Story, **kwargs: Any) -> StoryApp:
    return StoryApp(story, remember=False, **kwargs)


def test_main_screen_120x36(snap_compare: SnapCompare, story: Story) -> None:
    assert snap_compare(_app(story), terminal_size=(120, 36))


def test_main_screen_80x24(snap_compare: SnapCompare, story: Story) -> None:
    assert snap_compare(_app(story), terminal_size=(80, 24))


def test_person_card(snap_compare: SnapCompare, story: Story) -> None:
    assert snap_compare(_app(story), press=["3", "enter"], terminal_size=(120, 36))


def test_help_screen(snap_compare: SnapCompare, story: Story) -> None:
    assert snap_compare(_app(story), press=["question_mark"], terminal_size=(120, 36))


def test_light_theme_with_a_highlighted_quote(snap_compare: SnapCompare, story: Story) -> None:
    app = _app(story, theme="textual-light")
    assert snap_compare(app, press=["3", "enter", "enter"], terminal_size=(120, 36))
