"""Wording every view of a thread shares (the TUI, `story-tui threads`). No UI imports."""

from __future__ import annotations

import datetime as _dt

from story_tui.threads.store import Thread


def day(date: _dt.date) -> str:
    """`2 Dec 2025`."""
    return f"{date.day} {date:%b %Y}"


def span_text(thread: Thread) -> str:
    """`2 Dec – 5 Dec 2025`, `2 Dec 2025`, or "" when no story has a date."""
    first, last = thread.span
    if first is None or last is None:
        return ""
    if first == last:
        return day(first)
    if first.year == last.year:
        return f"{first.day} {first:%b} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def counts_text(thread: Thread) -> str:
    """`4 stories · 3 outlets`."""
    stories = len(thread.stories)
    outlets = len(thread.outlets)
    return (
        f"{stories} stor{'ies' if stories != 1 else 'y'} · "
        f"{outlets} outlet{'s' if outlets != 1 else ''}"
    )
