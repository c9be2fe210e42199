"""The person card: who someone is, and every quote of theirs with kind, source and section."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from story_tui.story.formatting import plural, quoted
from story_tui.story.model import Person, Quote, Story, target_key
from story_tui.tui.widgets.keybar import KeyBar
from story_tui.tui.widgets.lists import ListPane, PaneOption, separated
from story_tui.tui.widgets.seen_mark import with_seen_mark
from story_tui.tui.widgets.text import guess_line, guess_mark, literal


def quote_prompt(story: Story, quote: Quote, seen: bool = False) -> Content:
    """The quote's words (in quotation marks when direct), then kind, source and section."""
    words = quoted(quote, paraphrase_mark="≈ ")
    section = story.section(quote.location.section)
    meta: list[str] = [quote.kind]
    source = story.source_name(quote.source)
    if source:
        meta.append(source)
    if section is not None:
        meta.append(f"in “{section.title}”")
    style = "italic" if quote.kind == "direct" else "underline"
    details = with_seen_mark(literal(" · ".join(meta), "$text-muted"), seen, separator=" · ")
    lines = [literal(words, style) + guess_mark(quote.check), details]
    if guess := guess_line(quote.check):
        lines.append(guess)
    return Content("\n").join(lines)


class QuoteOption(PaneOption):
    """An option carrying its quote."""

    def __init__(self, story: Story, quote: Quote, seen: bool = False) -> None:
        super().__init__(quote_prompt(story, quote, seen))
        self.quote = quote


class QuotesList(ListPane):
    """The quotes on a person card."""

    HELP = """\
## Person card

Everything this person says in the article. Press `enter` on a quote to see it in the article,
`q` or `escape` to close the card.
"""


BACK = ""
"""What the card dismisses with on `backspace`: go back to where the reader was."""


class PersonCard(ModalScreen[str | None]):
    """A person's card; dismisses with the key of a quote to show, `BACK`, or None."""

    AUTO_FOCUS = "#card-quotes"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close"),
        Binding("backspace,H", "back", "Back"),
        Binding("y", "copy", "Copy"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Close the card. |
    | backspace, H | Close the card and go back to where you were. |
    | y | Copy the highlighted quote with its attribution. |
    """

    def __init__(
        self,
        story: Story,
        person: Person,
        seen: frozenset[str] = frozenset(),
        highlight: str | None = None,
    ) -> None:
        super().__init__()
        self.story = story
        self.person = person
        self.seen = seen
        """Items the reader opened before (`quote:<key>`), marked on the card."""
        self.highlight = highlight
        """The key of the quote to highlight when the card opens (the one last chosen)."""

    def compose(self) -> ComposeResult:
        person = self.person
        facts = [literal(person.name, "bold") + guess_mark(person.check)]
        if person.role:
            facts.append(literal(person.role))
        details = []
        if person.age is not None:
            details.append(f"Age {person.age}")
        if person.origin:
            details.append(f"from {person.origin}")
        mentions = len(person.mentions)
        details.append(f"named {plural(mentions, 'time')} in the article")
        facts.append(literal(" · ".join(details), "$text-muted"))
        if person.aliases:
            facts.append(literal("Also: " + ", ".join(person.aliases), "$text-muted"))
        if guess := guess_line(person.check):
            facts.append(guess)
        with Vertical(id="card"):
            yield Static(Content("\n").join(facts), id="card-facts")
            quotes = QuotesList(
                *separated(
                    QuoteOption(self.story, q, target_key(("quote", q.key)) in self.seen)
                    for q in person.quotes
                ),
                id="card-quotes",
            )
            count = len(person.quotes)
            quotes.border_title = plural(count, "quote")
            yield quotes
            if not person.quotes:
                yield Static("No quotes from this person in the story.", id="card-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.highlight is None:
            return
        quotes = self.query_one(QuotesList)
        for index in range(quotes.option_count):
            option = quotes.get_option_at_index(index)
            if isinstance(option, QuoteOption) and option.quote.key == self.highlight:
                quotes.highlighted = index
                break

    @on(ListPane.OptionSelected)
    def _quote_chosen(self, event: ListPane.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, QuoteOption):
            self.dismiss(event.option.quote.key)

    def action_close(self) -> None:
        """Close the card without jumping anywhere."""
        self.dismiss(None)

    def action_back(self) -> None:
        """Close the card and go back to where the reader was before it opened."""
        self.dismiss(BACK)

    def action_copy(self) -> None:
        """Copy the highlighted quote with its attribution, and say what was copied."""
        option = self.query_one(QuotesList).highlighted_option
        if not isinstance(option, QuoteOption):
            self.notify("No quote to copy: this person is not quoted.", timeout=3)
            return
        from story_tui.tui.clipboard import copy_with_attribution

        copy_with_attribution(self, self.story, option.quote)
