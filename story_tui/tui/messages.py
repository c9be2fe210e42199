"""Messages any screen posts to the app (the mediator between screens)."""

from __future__ import annotations

from textual.message import Message

from story_tui.story.model import Location, Target


class OpenStory(Message):
    """The reader asked to open a story of the library (at an item or a place, maybe)."""

    def __init__(
        self, path: str, target: Target | None = None, location: Location | None = None
    ) -> None:
        super().__init__()
        self.path = path
        """The story file to open."""
        self.target = target
        """An item to open it at: ("quote", key), ("person", id), …"""
        self.location = location
        """A place in the article to highlight (a search hit)."""
