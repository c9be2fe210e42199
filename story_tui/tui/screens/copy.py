"""Copy (`y`): the highlighted quote, figure or event with its attribution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from story_tui.story.model import Figure, Quote, TimelineEvent
from story_tui.tui.widgets.lists import option_item

if TYPE_CHECKING:
    from story_tui.tui.screens.browser import BrowserScreen


def copyable(screen: BrowserScreen) -> Quote | Figure | TimelineEvent | None:
    """The item `y` would copy: the focused list's item, or the article's highlighted one."""
    if screen.active == "figures":
        option = screen.list_pane("figures").highlighted_option
        return option_item(option, Figure)
    if screen.active == "timeline":
        option = screen.list_pane("timeline").highlighted_option
        return option_item(option, TimelineEvent)
    if screen.active == "article" and screen.article.highlight is not None:
        location = screen.article.highlight
        for item in screen.story.anchored_in(location.section, location.paragraph):
            if item.location == location:
                return item
    return None


def copy_item(screen: BrowserScreen) -> None:
    """Copy the focused quote, figure or event with its attribution, and say what was copied."""
    item = copyable(screen)
    if item is None:
        screen.notify("Nothing to copy here: highlight a quote, figure or event first.", timeout=3)
        return
    from story_tui.tui.clipboard import copy_with_attribution

    copy_with_attribution(screen, screen.story, item)
