"""Copying an item with its attribution (`y`), the one way every screen does it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from story_tui.story.safety import visible

if TYPE_CHECKING:
    from textual.widget import Widget

    from story_tui.story.model import Figure, Quote, Story, TimelineEvent


def copy_with_attribution(node: Widget, story: Story, item: Quote | Figure | TimelineEvent) -> str:
    """Put `item` with its attribution (story/attribution.py) on the clipboard, say what was
    copied, and return the text."""
    from story_tui.story.attribution import attribution

    text = attribution(story, item)
    node.app.copy_to_clipboard(text)
    node.notify(visible(text), title="Copied", timeout=4, markup=False)
    return text
