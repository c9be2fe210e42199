"""Figure notes appear wherever a figure does; a unit is kept when the figure has no value."""

from __future__ import annotations

from story_tui.outputs.markdown import to_markdown
from story_tui.story.attribution import figure_attribution
from story_tui.story.formatting import format_value
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.paragraph import ParagraphItems, paragraph_options
from story_tui.tui.widgets.figures import figure_prompt
from tests.test_browser import main_screen, widget_text

PLEDGE = "kast-expulsion-pledge"
NOTE = "A campaign pledge; the article gives no exact number."


def test_a_figure_without_a_value_keeps_its_unit(story: Story) -> None:
    figure = story.figure(PLEDGE)
    assert figure is not None and figure.value is None
    assert format_value(figure) == "hundreds of thousands (people)"
    counted = story.figure("stranded-at-border")
    assert counted is not None and format_value(counted) == "100 people"


def test_the_note_is_in_the_pane_the_paragraph_list_and_the_copy(story: Story) -> None:
    figure = story.figure(PLEDGE)
    assert figure is not None
    assert f"Note: {NOTE}" in figure_prompt(story, figure).plain
    where = figure.location
    prompts = [o.prompt for o in paragraph_options(story, where.section, where.paragraph)]
    assert any(NOTE in str(getattr(p, "plain", p)) for p in prompts)
    assert f"Note: {NOTE} From" in figure_attribution(story, figure)
    plain = story.figure("peru-emergency-2023")
    assert plain is not None and "Note" not in figure_attribution(story, plain)


async def test_the_figures_pane_and_paragraph_list_show_notes(story: Story) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = main_screen(app)
        pane = screen.list_pane("figures")
        figure = story.figure(PLEDGE)
        assert figure is not None
        pane.highlighted = story.figures.index(figure)
        await pilot.pause()
        assert "Note: A campaign pledge" in widget_text(pane)
        await pilot.press("enter")  # shows the figure in the article
        await pilot.pause()
        await pilot.press("enter")  # the paragraph's items
        await pilot.pause()
        assert isinstance(app.screen, ParagraphItems)
        assert "Note: A campaign pledge" in widget_text(app.screen.query_one("#items-list"))


def test_the_markdown_export_has_a_note_column(story: Story) -> None:
    markdown = to_markdown(story)
    assert "| Figure | Value | As of | Sources | Note |" in markdown
    rows = markdown.splitlines()
    row = next(line for line in rows if line.startswith("| Undocumented migrants Kast"))
    assert row.endswith("| A campaign pledge; the article gives no exact number. |")
    assert "hundreds of thousands (people)" in row
