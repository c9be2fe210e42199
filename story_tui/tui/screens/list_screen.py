"""The library's screens share one shape: a title, a filter and one list."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from story_tui.tui.widgets.library_list import LibraryList


class ListScreen(Screen[None]):
    """A title, a filter and one list; the arrow keys move the list while the filter has focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move('cursor_down')", "Down", show=False),
        Binding("up", "move('cursor_up')", "Up", show=False),
        Binding("pagedown", "move('page_down')", "Page down", show=False),
        Binding("pageup", "move('page_up')", "Page up", show=False),
    ]

    @property
    def list(self) -> LibraryList:
        """The screen's list."""
        return self.query_one(LibraryList)

    def action_move(self, action: str) -> None:
        """Move the list's cursor (from the filter)."""
        getattr(self.list, f"action_{action}")()

    def highlighted_option(self) -> object | None:
        """The option under the cursor, if any."""
        pane = self.list
        return None if pane.highlighted is None else pane.get_option_at_index(pane.highlighted)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        pane = self.list
        if pane.highlighted is not None:
            pane.action_select()
