"""Find an anchored span again in an edited article: exact, then fuzzy with its old context.

Like Hypothesis's re-anchoring: the span's exact words where they still are (the place whose
surroundings best match the old ones, its own paragraph first), else the passage between the old
text before and after it (so a reworded quote takes the article's new words), else the passage
most like the old words. Plain Python; no UI imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from story_tui.story.anchoring import joins

CONTEXT = 40
"""Characters of old context compared on each side of a span."""
EDGE = 24
"""Characters of old context searched for to find where a reworded span starts and ends."""
EDGE_SCORE = 80.0
"""Least similarity (0-100) for a piece of old context to count as found again."""
SPAN_SCORE = 50.0
"""Least similarity between the old words and the new passage for a fuzzy match."""
ALONE_SCORE = 80.0
"""Least similarity for a passage found by the old words alone (no context left)."""


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a span is in the new article: paragraph (article order) and offsets in it."""

    paragraph: int
    start: int
    end: int
    exact: bool


def reanchor(
    text: str,
    *,
    old_paragraph: str,
    start: int,
    end: int,
    target: int | None,
    paragraphs: Sequence[str],
    occurrences: Sequence[tuple[int, int]],
) -> Placed | None:
    """Place `text` (at `old_paragraph[start:end]`) in the new `paragraphs`.

    Args:
        target: The new paragraph its old paragraph became, or None when that was removed.
        occurrences: (paragraph, start) of every place the exact text stands at word boundaries.
    """
    from rapidfuzz import fuzz

    before = old_paragraph[max(0, start - CONTEXT) : start]
    after = old_paragraph[end : end + CONTEXT]
    length = len(text)
    best: tuple[float, int, int] | None = None
    for paragraph, at in occurrences:
        new = paragraphs[paragraph]
        score = fuzz.ratio(before, new[max(0, at - CONTEXT) : at])
        score += fuzz.ratio(after, new[at + length : at + length + CONTEXT])
        if paragraph == target:
            score += 100
        if best is None or score > best[0]:
            best = (score, paragraph, at)
    if best is not None and (best[1] == target or target is None or best[0] >= 120):
        return Placed(best[1], best[2], best[2] + length, True)
    if target is not None:
        found = _between(text, before, after, paragraphs[target])
        if found is not None:
            return Placed(target, found[0], found[1], False)
    if best is not None:
        return Placed(best[1], best[2], best[2] + length, True)
    # The paragraph went, or the span left it: the passage most like the old words, anywhere.
    candidates = [target] if target is not None else []
    candidates += [i for i in range(len(paragraphs)) if i != target]
    best_fuzzy: tuple[float, int, int, int] | None = None
    for index in candidates:
        alone = _alone(text, paragraphs[index])
        if alone is not None and (best_fuzzy is None or alone[0] > best_fuzzy[0]):
            best_fuzzy = (alone[0], index, alone[1], alone[2])
    if best_fuzzy is not None:
        return Placed(best_fuzzy[1], best_fuzzy[2], best_fuzzy[3], False)
    return None


def _between(text: str, before: str, after: str, paragraph: str) -> tuple[int, int] | None:
    """The passage of `paragraph` between where the old context before and after now are."""
    from rapidfuzz import fuzz

    head, tail = before[-EDGE:], after[:EDGE]
    start: int | None = 0 if not before else None
    context_found = False
    if head.strip() and len(head) <= len(paragraph):
        found = fuzz.partial_ratio_alignment(head, paragraph, score_cutoff=EDGE_SCORE)
        if found is not None:
            start, context_found = found.dest_end, True
    end: int | None = len(paragraph) if not after else None
    if tail.strip():
        rest = paragraph[start or 0 :]
        if len(tail) <= len(rest):
            found = fuzz.partial_ratio_alignment(tail, rest, score_cutoff=EDGE_SCORE)
            if found is not None:
                end, context_found = (start or 0) + found.dest_start, True
    if start is None and end is None:
        alone = _alone(text, paragraph)
        return (alone[1], alone[2]) if alone is not None else None
    enclosed = start is not None and end is not None
    if start is None:
        assert end is not None
        start = max(0, end - len(text))
    if end is None:
        end = min(len(paragraph), start + len(text))
    span = snap(paragraph, start, end)
    if span is None:
        return None
    if enclosed and context_found and span[1] - span[0] <= max(3 * len(text), len(text) + EDGE):
        # Old context on both sides, with a short passage between: that passage replaced the
        # old words, however unlike them it is (a figure revised from "35%" to "40%").
        return span
    if fuzz.ratio(text, paragraph[span[0] : span[1]]) < SPAN_SCORE:
        return None
    return span


def _alone(text: str, paragraph: str) -> tuple[float, int, int] | None:
    """The passage of `paragraph` most like `text`, with its score, if it is like enough."""
    from rapidfuzz import fuzz

    if len(text) > len(paragraph):
        return None
    found = fuzz.partial_ratio_alignment(text, paragraph, score_cutoff=ALONE_SCORE)
    if found is None:
        return None
    span = snap(paragraph, found.dest_start, found.dest_end)
    if span is None:
        return None
    return found.score, span[0], span[1]


def snap(paragraph: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen `paragraph[start:end]` to whole words and numbers, trimmed of spaces; None if empty."""
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    while start > 0 and paragraph[start].isalnum():
        prev = paragraph[start - 1]
        if joins(prev, ""):
            start -= 1
        elif prev in ".," and start > 1 and paragraph[start - 2].isdigit():
            start -= 2
        else:
            break
    size = len(paragraph)
    while end < size and paragraph[end - 1].isalnum():
        nxt = paragraph[end]
        if joins(nxt, ""):
            end += 1
        elif nxt in ".," and end + 1 < size and paragraph[end + 1].isdigit():
            end += 2
        else:
            break
    return start, end
