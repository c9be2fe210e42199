"""The base classes of the browser's messages (like Textual's `OptionList.OptionMessage`).

Every message names the widget that posted it as `control`, so a handler can be limited with a
selector (`@on(ListPane.ItemChosen, "#people")`). Messages that ask the screen to open
something derive from `TargetChosen`, so the screen needs one handler for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from textual.message import Message
from textual.widget import Widget

from story_tui.story.model import Target

W = TypeVar("W", bound=Widget)


@dataclass(eq=False)
class PaneMessage(Message, Generic[W]):
    """A message from one of the browser's widgets."""

    widget: W
    """The widget that posted the message."""

    @property
    def control(self) -> W:
        """The widget that posted the message."""
        return self.widget


@dataclass(eq=False)
class TargetChosen(PaneMessage[W]):
    """The reader asked to open something: a section, person, quote, figure or event."""

    @property
    def target(self) -> Target:
        """What to open, as `(kind, key)`."""
        raise NotImplementedError
