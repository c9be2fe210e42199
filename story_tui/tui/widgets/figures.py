"""The Key figures sidebar: each figure as a large value, and the growth drawn as bars."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from story_tui.story.formatting import (
    capitalized,
    format_number,
    format_value,
    growth_series,
    human_date,
    source_names,
)
from story_tui.story.model import Figure, Story
from story_tui.tui.widgets.lists import ItemOption, ListPane, separated
from story_tui.tui.widgets.seen_mark import mark_first_fitting
from story_tui.tui.widgets.text import guess_line, guess_mark, literal

BAR_WIDTH = 14
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of `width` cells at most, in eighths of a cell; never empty for > 0."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def figure_prompt(story: Story, figure: Figure, seen: bool = False) -> Content:
    """Value (bold), label, as-of and sources, then the editor's note; `✓ seen` once opened."""
    meta: list[str] = []
    if figure.as_of:
        meta.append(f"as of {human_date(figure.as_of)}")
    if figure.sources:
        meta.append(source_names(story, figure.sources))
    value = literal(format_value(figure), "bold $accent") + guess_mark(figure.check)
    lines = [value, literal(figure.label)]
    if meta:
        lines.append(literal(" · ".join(meta), "$text-muted"))
    lines = mark_first_fitting(lines, seen)
    if figure.note:
        lines.append(literal(f"Note: {figure.note}", "italic $text-muted"))
    if guess := guess_line(figure.check):
        lines.append(guess)
    return Content("\n").join(lines)


def figure_words(story: Story, figure: Figure) -> tuple[str, ...]:
    """The story's words in `figure_prompt`, in order (not `as of`, `Note:` or `✓ seen`)."""
    words = [format_value(figure), figure.label]
    if figure.as_of:
        words.append(human_date(figure.as_of))
    if figure.sources:
        words.append(source_names(story, figure.sources))
    if figure.note:
        words.append(figure.note)
    return tuple(words)


CHART_ROWS = 8
"""The chart draws at most this many of the latest figures (it sits above the figures list)."""


def growth_chart(story: Story, rows_wanted: int = CHART_ROWS) -> Content:
    """Bars for the latest figures that share a unit, by date; empty when there are none."""
    unit, series = growth_series(story.figures)
    if not series:
        return Content("")
    title = f"{capitalized(unit)} over time"
    if len(series) > rows_wanted:
        title += f" (latest {rows_wanted} of {len(series)})"
        series = series[-rows_wanted:]
    largest = max(float(f.value) for f in series if isinstance(f.value, int | float))
    label_width = max(len(human_date(f.as_of or "")) for f in series)
    rows = [literal(title, "bold")]
    for figure in series:
        assert isinstance(figure.value, int | float)
        rows.append(
            Content.assemble(
                (human_date(figure.as_of or "").rjust(label_width) + " ", "$text-muted"),
                (bar(float(figure.value), largest), "$accent"),
                " ",
                format_number(figure.value),
            )
        )
    return Content("\n").join(rows)


class GrowthChart(Static):
    """The bar chart above the figures list."""

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        chart = growth_chart(story)
        super().__init__(chart, id=id)
        self.has_bars = bool(chart.plain)
        """Whether the story has figures to draw."""


def figure_option(story: Story, figure: Figure) -> ItemOption[Figure]:
    """The option of one figure; find matches the story's words in it, not `as of` or `Note:`."""
    return ItemOption(
        figure_prompt(story, figure),
        figure,
        ("figure", figure.id),
        figure_words(story, figure),
        id=f"figure-{figure.id}",
    )


class FiguresPane(ListPane):
    """Key numbers and dates; `enter` shows a figure in the article."""

    empty_text = "No key figures in this story"

    HELP = """\
## Key figures

The story's key numbers and dates, each with what it counts, when, and who reported it.
The chart draws the figures that share a unit over time.
Press `enter` to see the highlighted figure in the article.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Show")]

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*separated(figure_option(story, f) for f in story.figures), id=id)
        self.story = story

    def mark_seen(self, figure: Figure) -> None:
        """Show that the reader has opened this figure."""
        self.replace_option_prompt(
            f"figure-{figure.id}", figure_prompt(self.story, figure, seen=True)
        )
