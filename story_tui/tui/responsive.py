"""Which panes the main screen shows at a terminal size: plain Python, no UI imports.

The panes themselves (ids, order, titles) are `panes.py`.

The screen asks `layout_mode` for the mode of a size and `visible_parts` for what to show in that
mode, then sets `display` on the widgets. Both are pure functions, tested without Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from story_tui.tui.panes import LIST_PANES

COLUMN_OF = {
    "sections": "left",
    "people": "left",
    "article": "article",
    "figures": "right",
    "timeline": "right",
}
"""The column each pane sits in."""
COLUMNS: tuple[str, ...] = ("left", "article", "right")
MODES: tuple[str, ...] = ("tiny", "narrow", "medium", "wide")

MIN_WIDTH, MIN_HEIGHT = 40, 12
"""Below this the screen shows a message instead of a broken layout."""
NARROW_WIDTH = 70
"""Below this width one pane is shown at a time."""
MEDIUM_WIDTH = 110
"""Below this width the figures and timeline sidebar folds away until 4 or 5 is pressed."""
TALL_HEIGHT = 50
"""From this height the key figures get four fifths of the sidebar's lists (app.tcss)."""
CHART_MIN_HEIGHT = 24
"""Below this height the growth chart (it has no number key) gives its rows to the lists."""
TALL_ENOUGH_FOR_STANDFIRST = 30
"""From this height the standfirst shows under the title unless the reader hid it."""


def layout_mode(width: int, height: int) -> str:
    """`tiny`, `narrow`, `medium` or `wide` for a terminal size."""
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return "tiny"
    if width < NARROW_WIDTH:
        return "narrow"
    if width < MEDIUM_WIDTH:
        return "medium"
    return "wide"


@dataclass(frozen=True)
class Visible:
    """What the screen shows: each part by id (columns, panes, chart, standfirst, the notice)."""

    shown: dict[str, bool]

    def __getitem__(self, part: str) -> bool:
        return self.shown[part]


def visible_parts(
    mode: str,
    active: str,
    *,
    height: int,
    has_standfirst: bool,
    standfirst_wanted: bool | None,
    has_chart: bool,
) -> Visible:
    """The parts to show in `mode`, always including the `active` pane.

    `standfirst_wanted` is the reader's choice (`s`), or None to decide by the height.
    """
    tiny = mode == "tiny"
    wanted = standfirst_wanted
    if wanted is None:
        wanted = height >= TALL_ENOUGH_FOR_STANDFIRST
    shown = {
        "too-small": tiny,
        "body": not tiny,
        "standfirst": has_standfirst and wanted and not tiny,
    }
    column = COLUMN_OF[active]
    chart = has_chart and height >= CHART_MIN_HEIGHT
    if mode == "narrow":
        for column_id in COLUMNS:
            shown[column_id] = column_id == column
        for pane_id in LIST_PANES:
            shown[pane_id] = pane_id == active
        shown["chart"] = active == "figures" and chart
    else:
        shown["left"] = shown["article"] = True
        for pane_id in LIST_PANES:
            shown[pane_id] = True
        shown["chart"] = chart
        # In a medium terminal the sidebar opens over the article while it has focus.
        shown["right"] = mode == "wide" or column == "right"
    return Visible(shown)
