"""Empty list panes say so instead of showing a blank box."""

from __future__ import annotations

from story_tui.story.loader import parse_story
from story_tui.tui.app import StoryApp
from story_tui.tui.widgets.keybar import KeyBar
from tests.test_browser import main_screen, widget_text

BARE = """format: 1
id: bare
title: A story with nothing anchored
sections:
  - id: only
    title: Only
    paragraphs:
      - "One paragraph, no figures, no events, nobody named."
"""


async def test_empty_panes_say_there_is_nothing_to_list() -> None:
    app = StoryApp(parse_story(BARE, "bare.yaml"), remember=False)
    async with app.run_test(size=(140, 36)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        for key, pane_id, words in [
            ("4", "figures", "No key figures in this story"),
            ("5", "timeline", "No timeline events in this story"),
            ("3", "people", "No people in this story"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            pane = screen.list_pane(pane_id)
            shown = " ".join(widget_text(pane).replace("│", " ").split())
            assert words in shown
            assert pane.highlighted is None  # the message is not an item
            assert "Open" not in widget_text(screen.query_one(KeyBar))
            await pilot.press("j", "enter", "y")  # nothing to move to, open or copy
            await pilot.pause()
            assert isinstance(app.screen, type(screen))
            assert pane.highlighted is None
