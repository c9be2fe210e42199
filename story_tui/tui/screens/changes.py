"""What changed since the reader last read this story: the structured changes, each one key away.

The app keeps a copy of the edition the reader last read (`storage/editions.py`); when the story
reopens changed, `story.diff.stories.diff_stories` lists what is different and this screen shows it.
`enter` on a change goes to its place in the article (a paragraph, a quote, a figure, an event) or
opens the person; a change to something that is gone says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from story_tui.story.diff.change import Change
from story_tui.story.formatting import plural
from story_tui.story.model import Location, Story, target_key
from story_tui.tui.widgets.keybar import KeyBar
from story_tui.tui.widgets.lists import ListPane
from story_tui.tui.widgets.text import literal

if TYPE_CHECKING:
    from story_tui.tui.screens.browser import BrowserScreen

BADGES = {"added": "new", "removed": "gone", "changed": "changed", "moved": "moved"}


def change_prompt(change: Change) -> Content:
    """`new      paragraph …`: what happened (muted badge), then the editor's line, literally."""
    badge = BADGES[change.change]
    style = "bold $success" if change.change == "added" else "$text-muted"
    return Content.assemble((f"{badge:<8}", style), literal(change.summary))


class ChangeOption(Option):
    """One change; carries it so that `enter` can go to its place."""

    def __init__(self, change: Change) -> None:
        super().__init__(change_prompt(change))
        self.change = change


class ChangesList(ListPane):
    """The changes since the last reading."""

    HELP = """\
## What changed

What is different in this edition of the story since you last read it: paragraphs added,
removed, moved or edited (`[-old-] {+new+}`), quotes reworded, figures revised, people and events
added or removed. `enter` goes to its place; `q` or `escape` closes the list.
"""


class ChangesScreen(ModalScreen[Change | None]):
    """Lists the changes; dismisses with the one to go to, or None."""

    AUTO_FOCUS = "#items-list"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Go to the change's place in the article. |
    | escape, q | Close the list. |
    """

    def __init__(self, story: Story, changes: tuple[Change, ...]) -> None:
        super().__init__()
        self.story = story
        self.changes = changes

    def compose(self) -> ComposeResult:
        with Vertical(id="items"):
            count = plural(len(self.changes), "change")
            heading = f"What changed since you last read it ({count})"
            yield Static(literal(heading, "bold"), id="items-title")
            if self.changes:
                yield ChangesList(*(ChangeOption(c) for c in self.changes), id="items-list")
            else:
                yield Static("Nothing changed.", id="items-empty")
        yield KeyBar()

    @on(ListPane.OptionSelected)
    def _chosen(self, event: ListPane.OptionSelected) -> None:
        event.stop()
        if not isinstance(event.option, ChangeOption):
            return
        change = event.option.change
        if change.target is None:
            self.notify(
                "That is gone from this edition.", title="What changed", timeout=3, markup=False
            )
            return
        self.dismiss(change)

    def action_close(self) -> None:
        self.dismiss(None)


def paragraph_location(story: Story, change: Change) -> Location | None:
    """The whole paragraph a paragraph change points at, in this edition, if it is there."""
    if change.kind != "paragraph" or change.new is None or change.location is None:
        return None
    section = story.section(str(change.location["section"]))
    index = int(change.location["paragraph"])
    if section is None or index >= len(section.paragraphs):
        return None
    return Location(section.id, index, 0, len(section.paragraphs[index]))


def new_targets(changes: tuple[Change, ...]) -> frozenset[str]:
    """`target_key` of every item added since the last reading (what the lists mark `new`)."""
    kinds = ("quote", "figure", "event", "person")
    return frozenset(
        target_key((c.kind, c.id)) for c in changes if c.change == "added" and c.kind in kinds
    )


def go_to_change(screen: BrowserScreen, change: Change | None) -> None:
    """Show a change's place: the paragraph highlighted whole, or the item opened."""
    if change is None or change.target is None:
        return
    location = paragraph_location(screen.story, change)
    if location is None:
        screen.open_target(change.target)
    else:
        screen.show_location(location)


NEW_MARK = "  new"


def new_mark(option: Option, new: frozenset[str], new_quotes: frozenset[str]) -> str | None:
    """The mark for a list option, when its item is new since the last reading."""
    from story_tui.tui.widgets.lists import ItemOption

    if not isinstance(option, ItemOption):
        return None
    kind, key = option.target
    if kind in ("figure", "event", "person") and target_key(option.target) in new:
        return NEW_MARK
    if kind == "person" and key in new_quotes:
        return "  new quote"
    return None


def mark_new(screen: BrowserScreen, changes: tuple[Change, ...]) -> int:
    """Mark `new` the people, figures and events added since the last reading; how many."""
    new = new_targets(changes)
    new_quotes = frozenset(
        c.id.rsplit("#", 1)[0] for c in changes if c.kind == "quote" and c.change == "added"
    )
    marked = 0
    for pane in (screen.list_pane(pane_id) for pane_id in ("people", "figures", "timeline")):
        for index in range(pane.option_count):
            option = pane.get_option_at_index(index)
            mark = new_mark(option, new, new_quotes)
            if mark is None:
                continue
            prompt = option.prompt
            base = prompt if isinstance(prompt, Content) else Content(str(prompt))
            lines = base.split("\n", allow_blank=True) or [Content("")]
            lines[0] = Content.assemble(lines[0], (mark, "bold $success"))
            pane.replace_option_prompt_at_index(index, Content("\n").join(lines))
            marked += 1
    return marked
