"""The one `✓ seen` mark: how an opened item is remembered, and how its list shows it."""

from __future__ import annotations

from textual.content import Content

SEEN_MARK = "✓ seen"
"""Placed where it fits (`mark_first_fitting`), so it never wraps onto a line of its own."""
NARROWEST_TEXT = 28
"""Cells of text in the narrowest list (the 34-column sidebar, less border and padding)."""


def with_seen_mark(line: Content, seen: bool, separator: str = "  ") -> Content:
    """`line`, then the muted `✓ seen` mark when the reader has opened the item."""
    if not seen:
        return line
    return Content.assemble(line, (f"{separator}{SEEN_MARK}", "$text-muted"))


def fits_seen_mark(line: Content, separator: str = "  ") -> bool:
    """Whether `line` and the mark fit on one line of the narrowest list."""
    return line.cell_length + len(separator) + len(SEEN_MARK) <= NARROWEST_TEXT


def mark_first_fitting(lines: list[Content], seen: bool) -> list[Content]:
    """`lines` with the seen mark after the first line it fits beside (else after the last),
    so the mark never wraps onto a line of its own."""
    if not seen or not lines:
        return lines
    index = next((i for i, line in enumerate(lines) if fits_seen_mark(line)), len(lines) - 1)
    return [with_seen_mark(line, i == index) for i, line in enumerate(lines)]
