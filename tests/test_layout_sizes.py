"""Layout at the sizes people use (issue 16, items 31-33)."""

from __future__ import annotations

from dataclasses import replace

from textual.geometry import Region
from textual.widget import Widget

from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.main import MainScreen


def main_screen(app: StoryApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def lines_of(widget: Widget) -> list[str]:
    strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
    return [strip.text.replace("\u00a0", " ") for strip in strips]


async def test_the_seen_badge_never_wraps_onto_its_own_line(story: Story) -> None:
    # Item 33: `✓ seen` wrapped onto a line of its own in the 34-column sidebar.
    first = story.figures[0]
    long_value = replace(first, value=1234567, unit="migrants in Chile")  # 27 cells
    story = replace(story, figures=(long_value, *story.figures[1:]))
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 60)) as pilot:
        screen = main_screen(app)
        for figure in story.figures:
            screen.mark_seen("figure", figure.id)
        for event in story.timeline:
            screen.mark_seen("event", event.key)
        await pilot.pause()
        for pane_id in ("figures", "timeline"):
            lines = lines_of(screen.pane(pane_id))
            assert any("✓ seen" in line for line in lines), pane_id
            for line in lines:
                assert line.strip(" │╭╮╰╯─▁▔▊▌█") != "✓ seen", (pane_id, line)
