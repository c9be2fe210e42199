"""A sense of position: less's percentage, a step's `2/5`, a notice when a step wraps."""

from __future__ import annotations

from story_tui.tui.position import scroll_position, step_position, wrapped


def test_scroll_position_reads_like_less() -> None:
    assert scroll_position(0, 30, 20) == "All"
    assert scroll_position(0, 30, 300) == "Top"
    assert scroll_position(96, 30, 300) == "42%"
    assert scroll_position(270, 30, 300) == "End"
    assert scroll_position(269, 30, 300) == "99%"
    assert scroll_position(0.5, 30, 3000) == "1%"


def test_step_position_counts_from_one() -> None:
    assert step_position(1, 5) == "2/5"


def test_wrapping_is_noticed_both_ways() -> None:
    assert wrapped(None, 0, 1) is None
    assert wrapped(2, 3, 1) is None
    assert wrapped(4, 0, 1) == "Reached the end: wrapped to the first match."
    assert wrapped(0, 4, -1) == "Reached the start: wrapped to the last match."
    assert wrapped(0, 0, 1) is None
    assert wrapped(3, 0, 1, "mention") == "Reached the end: wrapped to the first mention."
