"""Where the reader is, in words: `less`'s percentage for the article, `2/5` for a step.

Pure functions of numbers, tested without a terminal.
"""

from __future__ import annotations


def scroll_position(top: float, height: int, total: int) -> str:
    """The article's position like `less`: how far down the last line on screen is.

    `All` when the whole article fits, `Top` at the start, `End` at the end, else `42%`.
    """
    if total <= height:
        return "All"
    if top <= 0:
        return "Top"
    bottom = top + height
    if bottom >= total:
        return "End"
    return f"{min(99, max(1, int(100 * bottom / total)))}%"


def step_position(index: int, count: int) -> str:
    """`2/5`: the step's place among all of them, counted from 1."""
    return f"{index + 1}/{count}"


def wrapped(previous: int | None, current: int, step: int, what: str = "match") -> str | None:
    """A notice when a step went past the last (or first) `what` and wrapped around."""
    if previous is None:
        return None
    if step > 0 and current < previous:
        return f"Reached the end: wrapped to the first {what}."
    if step < 0 and current > previous:
        return f"Reached the start: wrapped to the last {what}."
    return None
