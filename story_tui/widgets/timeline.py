"""The Timeline pane: the story's dated events in date order."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from story_tui.formatting import human_date
from story_tui.model import Story, TimelineEvent
from story_tui.widgets.lists import ListPane, separated
from story_tui.widgets.text import literal


class EventOption(Option):
    """An option carrying its timeline event."""

    def __init__(self, event: TimelineEvent) -> None:
        prompt = Content("\n").join(
            [literal(human_date(event.date), "bold $accent"), literal(event.label)]
        )
        super().__init__(prompt, id=event.key.replace("[", "-").replace("]", ""))
        self.event = event


class TimelinePane(ListPane):
    """Dated events, oldest first; `enter` shows an event in the article."""

    HELP = """\
## Timeline

The dated events of the story, oldest first.
Press `enter` to see the highlighted event in the article.
"""

    class EventChosen(Message):
        """The reader asked to see a timeline event in the article."""

        def __init__(self, pane: TimelinePane, event: TimelineEvent) -> None:
            super().__init__()
            self.pane = pane
            self.event = event
            """The chosen event."""

        @property
        def control(self) -> TimelinePane:
            """The pane the event was chosen in."""
            return self.pane

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*separated(EventOption(e) for e in story.timeline_sorted()), id=id)
        self.story = story

    @on(ListPane.OptionSelected)
    def _chosen(self, event: ListPane.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, EventOption):
            self.post_message(self.EventChosen(self, event.option.event))
