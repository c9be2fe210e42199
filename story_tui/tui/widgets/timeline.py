"""The Timeline pane: the story's dated events in date order."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from story_tui.story.formatting import human_date
from story_tui.story.model import Story, TimelineEvent
from story_tui.tui.widgets.lists import ItemOption, ListPane, separated
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


def event_option(event: TimelineEvent) -> ItemOption[TimelineEvent]:
    """The option of one event; find matches its date and label, not `✓ seen`."""
    return ItemOption(
        event_prompt(event),
        event,
        ("event", event.key),
        (human_date(event.date), event.label),
        id=_option_id(event),
    )


class TimelinePane(ListPane):
    """Dated events, oldest first; `enter` shows an event in the article."""

    empty_text = "No timeline events in this story"

    HELP = """\
## Timeline

The dated events of the story, oldest first.
Press `enter` to see the highlighted event in the article.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Show")]

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*separated(event_option(e) for e in story.timeline_sorted()), id=id)
        self.story = story

    def mark_seen(self, event: TimelineEvent) -> None:
        """Show that the reader has opened this event."""
        self.replace_option_prompt(_option_id(event), event_prompt(event, seen=True))
