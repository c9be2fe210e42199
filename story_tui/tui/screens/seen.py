"""Seen marks: the items the reader has opened, remembered and shown in their lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from story_tui.tui.widgets.figures import FiguresPane
from story_tui.tui.widgets.timeline import TimelinePane

if TYPE_CHECKING:
    from textual.screen import Screen

    from story_tui.story.model import Story


def show_seen(screen: Screen[None], story: Story, kind: str, key: str) -> None:
    """Mark an opened figure or event in its list (quotes are marked on the person card)."""
    if kind == "figure":
        figure = story.figure(key)
        if figure is not None:
            screen.query_one(FiguresPane).mark_seen(figure)
    elif kind == "event":
        event = next((e for e in story.timeline if e.key == key), None)
        if event is not None:
            screen.query_one(TimelinePane).mark_seen(event)
