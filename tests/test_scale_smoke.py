"""The 6 MB generated story loads and the app mounts it (a smoke check, not a timing test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generate import generate
from story_tui.story.loader import parse_story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.main import MainScreen


@pytest.mark.slow
async def test_six_megabyte_story_loads_and_mounts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path))
    text = generate()
    assert len(text.encode()) > 6_000_000
    story = parse_story(text, "scale.yaml")
    assert story.paragraph_count == 20_000
    assert len(story.quotes) == 10_000
    assert len(story.figures) == 1000
    assert len(story.timeline) == 200
    for quote in story.quotes[::997]:
        assert story.span(quote.location) == quote.text
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("G", "tab", "j", "4", "j", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.article.highlight == story.figures[1].location
