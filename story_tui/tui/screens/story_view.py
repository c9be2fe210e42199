"""The written interface between the story screen and its helpers.

The main screen's work is split into modules (routing, find, copy, the position line, What
changed, its reading session). Each talks to the screen through `StoryView`: the few things it
may read and ask, not any attribute of `MainScreen`. Helpers import this protocol, never the
screen, so no helper and the screen import each other (tests/test_import_cycles.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.app import App

    from story_tui.story.model import Location, Story, Target
    from story_tui.tui.widgets.article import ArticleView
    from story_tui.tui.widgets.lists import ListPane


class StoryView(Protocol):
    """What the story screen offers its helpers."""

    @property
    def app(self) -> App[Any]:
        """The app (to push a screen, notify, run a worker)."""

    @property
    def story(self) -> Story:
        """The story shown."""

    @property
    def active(self) -> str:
        """The pane the reader is in."""

    @property
    def seen(self) -> set[str]:
        """The items the reader opened, as `kind:key`."""

    @property
    def article(self) -> ArticleView:
        """The article pane."""

    def list_pane(self, pane_id: str) -> ListPane:
        """A list pane, by id (`panes.LIST_PANES`)."""

    def action_focus_pane(self, pane_id: str) -> None:
        """Focus a pane, showing it first if the layout folded it away."""

    def open_target(self, target: Target, record: bool = True) -> None:
        """Open a section, person, quote, figure or event (recorded for `backspace`)."""

    def show_location(self, location: Location) -> None:
        """Highlight a place in the article, recorded for `backspace`."""

    async def replace_story(self, story: Story) -> None:
        """Show a new version of the story, keeping the reader's place."""
