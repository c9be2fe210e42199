"""What the story screen's helpers may use of it: a base class, so that routing, find, copy, the
position line, What changed and the reading session depend on this small interface and never
import the main screen (no cycle: tests/test_import_cycles.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.screen import Screen

if TYPE_CHECKING:
    from story_tui.story.model import Location, Story, Target
    from story_tui.tui.screens.lens import SpeakerLens
    from story_tui.tui.widgets.article import ArticleView
    from story_tui.tui.widgets.lists import ListPane


class BrowserScreen(Screen[None]):
    """The story screen as its helpers see it (`screens/main.py` `MainScreen` is the one)."""

    active: reactive[str] = reactive("article", repaint=False)
    """The pane the reader is in."""
    story: Story
    """The story shown."""
    seen: set[str]
    """Items the reader has opened, as `kind:key` (e.g. `quote:rivas#0`)."""
    lens: SpeakerLens

    @property
    def article(self) -> ArticleView:
        """The article pane."""
        raise NotImplementedError

    def list_pane(self, pane_id: str) -> ListPane:
        """The list pane with this id (`panes.LIST_PANES`)."""
        raise NotImplementedError

    def action_focus_pane(self, pane_id: str) -> None:
        """Focus a pane by id, showing it first if the layout folded it away."""
        raise NotImplementedError

    def mark_seen(self, kind: str, key: str) -> None:
        """Remember that the reader opened an item, and show it."""
        raise NotImplementedError

    def open_target(self, target: Target, record: bool = True) -> None:
        """Open a section, person, quote, figure or event (recorded for `backspace`)."""
        raise NotImplementedError

    def show_location(self, location: Location) -> None:
        """Highlight a place in the article, recorded for `backspace`."""
        raise NotImplementedError

    async def replace_story(self, story: Story) -> None:
        """Show a new version of the story, keeping the reader's place."""
        raise NotImplementedError
