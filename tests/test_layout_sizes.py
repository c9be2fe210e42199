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


async def test_a_cut_title_ends_with_an_ellipsis(story: Story) -> None:
    # Item 32: titles were cut without an ellipsis (at 40x12, and a long headline at 120).
    long_title = replace(story, title=" ".join(["A very long headline about the border"] * 8))
    for size, tale in (((40, 12), story), ((120, 36), long_title)):
        app = StoryApp(tale, remember=False)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            lines = [line.rstrip() for line in lines_of(app.screen.query_one("#title"))]
            assert len(lines) <= 2, size
            assert lines[-1].endswith("…"), (size, lines)
            assert all(len(line) <= size[0] for line in lines)


async def test_200x60_gives_the_side_columns_room(story: Story) -> None:
    # Item 31: at 200x60 the side columns stayed 30 and 36 wide beside a wide empty margin,
    # and Key figures showed 6 of its 8 items.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        left, right = screen.query_one("#left"), screen.query_one("#right")
        assert left.region.width > 30 and right.region.width > 36
        margin = (screen.article.region.width - 80) // 2
        assert margin < 15
        figures = screen.pane("figures")
        assert figures.virtual_size.height <= figures.scrollable_content_region.height


async def test_60x20_hides_the_chart_for_the_figures(story: Story) -> None:
    # Item 31: at 60x20 the unnumbered chart took 5 of the 20 rows.
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = main_screen(app)
        assert not screen.query_one("#chart").display
        assert screen.pane("figures").region.height >= 14
