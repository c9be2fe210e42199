"""The find bar: type to find in the focused pane; `n`/`N` step; `escape` closes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from story_tui.tui.widgets.messages import PaneMessage


class FindBar(Horizontal):
    """An input and a match count; posts what the reader types."""

    HELP = """\
## Find

Type to find; matches are marked as you type. Case is ignored unless you type a capital;
accents are matched loosely (`Nunez` finds `Núñez`). `enter` or `down` goes to the next match
and back to the pane, `up` to the previous one; `escape` closes the bar.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find"),
        Binding("down", "step(1)", "Next match", show=False),
        Binding("up", "step(-1)", "Previous match", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close the find bar and clear the matches. |
    | enter, down | Next match (enter also returns to the pane). |
    | up | Previous match. |
    """

    @dataclass(eq=False)
    class Changed(PaneMessage["FindBar"]):
        """The query changed."""

        query: str
        """The text to find."""

    @dataclass(eq=False)
    class Step(PaneMessage["FindBar"]):
        """Go to the next (+1) or previous (-1) match; `leave` returns focus to the pane."""

        step: int
        """+1 or -1."""
        leave: bool
        """Whether to put focus back on the pane being searched."""

    @dataclass(eq=False)
    class Closed(PaneMessage["FindBar"]):
        """The reader closed the find bar."""

    def compose(self) -> ComposeResult:
        yield Static("Find:", id="find-label")
        yield Input(placeholder="text to find", id="find-input")
        yield Static("", id="find-count")

    @property
    def query_text(self) -> str:
        """The text being searched for."""
        return self.query_one(Input).value

    def open(self, target: str) -> None:
        """Show the bar for a pane and focus the input."""
        self.query_one("#find-label", Static).update(Content(f"Find in {target}:"))
        self.display = True
        # Focus now, not after the next message (Widget.focus() is deferred): letters typed
        # right after `/` must land in the bar, not in the pane behind it.
        self.screen.set_focus(self.query_one(Input))

    def show_count(self, current: int | None, total: int, more: bool) -> None:
        """Show `3/14`, `0 matches`, or `?/14` before the first step."""
        plus = "+" if more else ""
        if not self.query_text:
            text = ""
        elif total == 0:
            text = "no matches"
        else:
            text = f"{current + 1 if current is not None else '?'}/{total}{plus}"
        # A fixed-width label: no layout pass for each letter typed.
        self.query_one("#find-count", Static).update(Content(text), layout=False)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(self, 1, leave=True))

    def action_step(self, step: int) -> None:
        """Go to the next or previous match, staying in the bar."""
        self.post_message(self.Step(self, step, leave=False))

    def action_close(self) -> None:
        """Close the bar."""
        self.display = False
        self.query_one(Input).value = ""
        self.post_message(self.Closed(self))
