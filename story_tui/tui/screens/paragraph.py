"""What is anchored in one paragraph: its people, quotes, figures and events, to open one."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from story_tui.story.formatting import format_value, human_date, quoted
from story_tui.story.model import Figure, Quote, Story, Target, TimelineEvent
from story_tui.tui.widgets.keybar import KeyBar
from story_tui.tui.widgets.lists import ItemOption, ListPane
from story_tui.tui.widgets.text import guess_line, guess_mark, literal


def paragraph_options(story: Story, section_id: str, paragraph: int) -> list[ItemOption[object]]:
    """People first (mentioned or quoted), then the anchored items by position; each opens its
    target: ("person", id), ("quote", key), ("figure", id) or ("event", key)."""
    options: list[ItemOption[object]] = []
    for person in story.people_in(section_id, paragraph):
        prompt = Content.assemble(
            ("person  ", "$text-muted"), literal(person.name, "bold"), guess_mark(person.check)
        )
        options.append(ItemOption(prompt, person, ("person", person.id), (person.name,)))
    for item in story.anchored_in(section_id, paragraph):
        if isinstance(item, Quote):
            speaker = story.speaker_of(item)
            prompt = Content.assemble(
                (f"{item.kind:<8}", "$text-muted"),
                literal(f"{speaker.name}: {quoted(item)}"),
                guess_mark(item.check),
            )
            if guess := guess_line(item.check, " " * 8):
                prompt = Content("\n").join([prompt, guess])
            options.append(ItemOption(prompt, item, ("quote", item.key), (item.text,)))
        elif isinstance(item, Figure):
            prompt = Content.assemble(
                ("figure  ", "$text-muted"),
                literal(f"{format_value(item)} · {item.label}"),
                guess_mark(item.check),
            )
            if item.note:
                prompt = Content("\n").join(
                    [prompt, literal(f"        Note: {item.note}", "italic $text-muted")]
                )
            options.append(ItemOption(prompt, item, ("figure", item.id), (item.label,)))
        elif isinstance(item, TimelineEvent):
            prompt = Content.assemble(
                ("event   ", "$text-muted"),
                literal(f"{human_date(item.date)} · {item.label}"),
                guess_mark(item.check),
            )
            if guess := guess_line(item.check, " " * 8):
                prompt = Content("\n").join([prompt, guess])
            options.append(ItemOption(prompt, item, ("event", item.key), (item.label,)))
    return options


class ItemsList(ListPane):
    """The items of a paragraph."""

    HELP = """\
## In this paragraph

The people, quotes, figures and events anchored in the paragraph. `enter` opens one;
`q` or `escape` closes the list.
"""


class ParagraphItems(ModalScreen[Target | None]):
    """Lists a paragraph's items; dismisses with the one to open, or None."""

    AUTO_FOCUS = "#items-list"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Close the list. |
    """

    def __init__(self, story: Story, section_id: str, paragraph: int) -> None:
        super().__init__()
        self.story = story
        self.section_id = section_id
        self.paragraph = paragraph

    def compose(self) -> ComposeResult:
        options = paragraph_options(self.story, self.section_id, self.paragraph)
        section = self.story.section(self.section_id)
        title = section.title if section else self.section_id
        with Vertical(id="items"):
            heading = f"In this paragraph ({title}, paragraph {self.paragraph + 1})"
            yield Static(literal(heading, "bold"), id="items-title")
            if options:
                yield ItemsList(*options, id="items-list")
            else:
                yield Static("Nothing is anchored in this paragraph.", id="items-empty")
        yield KeyBar()

    @on(ListPane.ItemChosen)
    def _chosen(self, event: ListPane.ItemChosen) -> None:
        event.stop()
        self.dismiss(event.target)

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
