"""The Timeline pane: the story's dated events in date order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content

from story_tui.story.formatting import human_date
from story_tui.story.model import Story, Target, TimelineEvent
from story_tui.tui.widgets.lists import ListPane, PaneOption, separated
from story_tui.tui.widgets.messages import TargetChosen
from story_tui.tui.widgets.seen_mark import mark_first_fitting
from story_tui.tui.widgets.text import guess_line, guess_mark, literal


def event_prompt(event: TimelineEvent, seen: bool = False) -> Content:
    """The date (bold), then the label; `✓ seen` once the reader opened it."""
    date = literal(human_date(event.date), "bold $accent") + guess_mark(event.check)
    lines = mark_first_fitting([date, literal(event.label)], seen)
    if guess := guess_line(event.check):
        lines.append(guess)
    return Content("\n").join(lines)


def _option_id(event: TimelineEvent) -> str:
    return event.key.replace("[", "-").replace("]", "")


class EventOption(PaneOption):
    """An option carrying its timeline event."""

    def __init__(self, event: TimelineEvent) -> None:
        super().__init__(event_prompt(event), id=_option_id(event))
        self.event = event
        self.words = (human_date(event.date), event.label)
        """The story's words the prompt shows (not `✓ seen`): what find in the pane matches."""


class TimelinePane(ListPane):
    """Dated events, oldest first; `enter` shows an event in the article."""

    empty_text = "No timeline events in this story"

    HELP = """\
## Timeline

The dated events of the story, oldest first.
Press `enter` to see the highlighted event in the article.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Show")]

    @dataclass(eq=False)
    class EventChosen(TargetChosen["TimelinePane"]):
        """The reader asked to see a timeline event in the article."""

        event: TimelineEvent
        """The chosen event."""

        @property
        def target(self) -> Target:
            return ("event", self.event.key)

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*separated(EventOption(e) for e in story.timeline_sorted()), id=id)
        self.story = story

    def mark_seen(self, event: TimelineEvent) -> None:
        """Show that the reader has opened this event."""
        self.replace_option_prompt(_option_id(event), event_prompt(event, seen=True))

    @on(ListPane.OptionSelected)
    def _chosen(self, event: ListPane.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, EventOption):
            self.post_message(self.EventChosen(self, event.option.event))
