"""The main screen's widgets: the title, the three columns of panes, the notice, the key bar.

Which of them show at a terminal size is `tui/responsive.py`'s decision.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from story_tui.story.formatting import byline
from story_tui.story.model import Story
from story_tui.story.safety import visible
from story_tui.tui.panes import PANES
from story_tui.tui.responsive import MIN_HEIGHT, MIN_WIDTH
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.figures import FiguresPane, GrowthChart
from story_tui.tui.widgets.keybar import KeyBar
from story_tui.tui.widgets.people import PeoplePane
from story_tui.tui.widgets.sections import SectionsPane
from story_tui.tui.widgets.text import literal
from story_tui.tui.widgets.timeline import TimelinePane
from story_tui.tui.widgets.wrap import fit_lines

TITLE_LINES = 2
"""The most lines the story's title takes (app.tcss: `#title { max-height: 2 }`)."""


def title_content(story: Story, width: int) -> Content:
    """The title for a terminal `width` wide: a longer one ends in `…` rather than being cut."""
    return literal(fit_lines(visible(story.title), width - 2, TITLE_LINES), "bold")


def standfirst_content(story: Story) -> Content:
    """Under the title: the byline (authors, dates, outlets), then the standfirst."""
    lines = [literal(byline(story), "not italic"), literal(story.standfirst or "")]
    return Content("\n").join(line for line in lines if line.plain)


def main_widgets(story: Story) -> ComposeResult:
    """The widgets of the main screen, in order."""
    yield Static(literal(story.title, "bold"), id="title")
    yield Static(standfirst_content(story), id="standfirst")
    with Horizontal(id="body"):
        with Vertical(id="left"):
            yield SectionsPane(story, id="sections")
            yield PeoplePane(story, id="people")
        yield ArticleView(story, id="article")
        with Vertical(id="right"):
            yield GrowthChart(story, id="chart")
            yield FiguresPane(story, id="figures")
            yield TimelinePane(story, id="timeline")
    yield Static(
        Content(
            f"The terminal is too small for story-tui.\nMake it at least {MIN_WIDTH}x{MIN_HEIGHT}."
        ),
        id="too-small",
    )
    yield KeyBar()


def pane_of(widget: Widget | None, screen: Widget) -> Widget | None:
    """The pane (one of PANES) `widget` is in, or None (the find bar, the key bar)."""
    while widget is not None and widget is not screen:
        if widget.id in PANES:
            return widget
        parent = widget.parent
        widget = parent if isinstance(parent, Widget) else None
    return None


def show(widget: Widget, shown: bool) -> None:
    """Show or hide a widget; setting the same value again would still cost a relayout."""
    if widget.display != shown:
        widget.display = shown
