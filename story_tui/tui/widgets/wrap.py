"""Word wrapping that keeps character offsets, so marks can be placed on wrapped lines exactly.

(`Content.wrap` in Textual 8.2 shifts spans that cross a line break by the whitespace it drops.)
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len

_TOKEN = re.compile(r"[^\S\n]+|\n|\S+")


def _split_long(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Break one word wider than `width` cells into pieces, by cells (wide characters count 2)."""
    pieces: list[tuple[int, int]] = []
    piece_start, used = start, 0
    for index in range(start, end):
        cells = cell_len(text[index])
        if used + cells > width and index > piece_start:
            pieces.append((piece_start, index))
            piece_start, used = index, 0
        used += cells
    pieces.append((piece_start, end))
    return pieces


# Text made only of these characters takes one cell per character (no wide, zero-width or
# combining characters, no newlines or tabs): printable ASCII, Latin-1 to Latin Extended and IPA,
# Greek, Cyrillic, dashes, quotation marks and other general punctuation, currency signs.
_ONE_CELL_EACH = re.compile(
    "[\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u04ff"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*\\Z"
)


@lru_cache(maxsize=16)
def _line_pattern(width: int) -> re.Pattern[str]:
    # A line: from a non-space, as many characters as fit, ending on a non-space before a space
    # or the end; failing that (a word longer than the line), `width` characters of the word.
    if width == 1:
        return re.compile(r"\S")
    return re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?=\s|$)|\S{{1,{width}}}")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` to `width` cells.

    Returns `(start, end)` character offsets of each line in `text`. Spaces at a break are
    dropped; newlines force a break; a word wider than the line is split.
    """
    width = max(1, width)
    if _ONE_CELL_EACH.match(text):
        # One cell per character: a regular expression does the greedy wrap in C.
        lines = [match.span() for match in _line_pattern(width).finditer(text)]
        return lines or [(0, 0)]
    return _wrap_slow(text, width)


def _wrap_slow(text: str, width: int) -> list[tuple[int, int]]:
    """The general wrap: wide characters, zero-width ones and newlines."""
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0
    pending_gap = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            lines.append(
                (line_start, line_end) if line_start is not None else (match.start(), match.start())
            )
            line_start, used, pending_gap = None, 0, 0
            continue
        if token.isspace():
            if line_start is not None:
                pending_gap = cell_len(token)
            continue
        cells = cell_len(token)
        if line_start is not None and used + pending_gap + cells <= width:
            line_end = match.end()
            used += pending_gap + cells
            pending_gap = 0
            continue
        if line_start is not None:
            lines.append((line_start, line_end))
        pending_gap = 0
        if cells <= width:
            line_start, line_end, used = match.start(), match.end(), cells
            continue
        pieces = _split_long(text, match.start(), match.end(), width)
        lines.extend(pieces[:-1])
        line_start, line_end = pieces[-1]
        used = cell_len(text[line_start:line_end])
    if line_start is not None:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]


def fit_lines(text: str, width: int, lines: int) -> str:
    """`text` cut to what `lines` lines of `width` cells show, ending in `…` when cut."""
    wrapped = wrap_offsets(text, width)
    if len(wrapped) <= lines:
        return text
    start, end = wrapped[lines - 1]
    last = text[start:end]
    while last and cell_len(last) + 1 > width:
        last = last[:-1]
    return text[:start] + last.rstrip() + "…"
