"""Figure notes appear wherever a figure does; a unit is kept when the figure has no value."""

from __future__ import annotations

from pathlib import Path

from story_tui.cli.main import main
from story_tui.outputs.html import to_html
from story_tui.outputs.markdown import to_markdown
from story_tui.outputs.text import read_text
from story_tui.story.attribution import figure_attribution
from story_tui.story.formatting import format_value
from story_tui.story.loader import load_story
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


QUALIFIED = """\
Turnout at the bridge meeting

Over 100 residents came to the meeting on the bridge. Nearly 40 percent of drivers use it,
and a letter was signed by more than 2,300 people. At least $5 million is needed for its 12 lanes.
"""


async def test_a_figures_qualifier_is_kept_wherever_it_is_shown(tmp_path: Path) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(QUALIFIED, encoding="utf-8")
    assert main(["draft", str(article), "-o", str(tmp_path / "s.yaml")]) == 0
    story = load_story(tmp_path / "s.yaml")
    shown = {f.text: format_value(f) for f in story.figures}
    assert shown == {
        "Over 100": "over 100",
        "Nearly 40 percent": "nearly 40 percent",
        "more than 2,300 people": "more than 2,300 people",
        "At least $5 million": "At least $5 million",  # money as written
        "12 lanes": "12 lanes",
    }
    for export in (read_text(story), to_markdown(story), to_html(story)):
        for value in ("over 100", "nearly 40 percent", "more than 2,300 people"):
            assert value in export
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        pane = widget_text(main_screen(app).list_pane("figures"))
        assert "over 100" in pane and "more than 2,300 people" in pane
