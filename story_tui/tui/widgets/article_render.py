"""Drawing one line of the article: its text with the marks styled, after the cursor gutter."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style as RichStyle
from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style

from story_tui.tui.article_marks import Mark

GUTTER = 2
"""Cells left of the text for the paragraph cursor."""
CURSOR_MARK = "▌"

# Reverse video shows in every theme and under NO_COLOR; Textual's CSS visual styles cannot carry
# `reverse`, so the overlays that must stand out are fixed here.
FIXED_STYLES = {
    "highlight": Style(bold=True, reverse=True),
    "current-match": Style(bold=True, reverse=True, underline=True),
}


def line_strip(
    text: str,
    marks: list[Mark],
    style_of: Callable[[str], Style],
    *,
    margin: int,
    cursor: bool,
    width: int,
    base: RichStyle,
) -> Strip:
    """A line `width` cells wide: `margin` cells of gutter (the cursor mark when `cursor`),
    then `text` with each mark in the style `style_of` gives its kind."""
    spans = [
        Span(start, end, FIXED_STYLES.get(kind) or style_of(kind)) for start, end, kind in marks
    ]
    content = Content(text, spans, strip_control_codes=False)
    gutter = " " * margin
    if cursor:
        gutter = " " * (margin - GUTTER) + CURSOR_MARK + " "
    gutter_strip = Strip(
        Content(gutter, [Span(0, len(gutter), style_of("cursor"))]).render_segments(), margin
    ).apply_style(base)
    body = Strip(content.render_segments(), content.cell_length).apply_style(base)
    return Strip.join([gutter_strip, body]).extend_cell_length(width, base).crop(0, width)
