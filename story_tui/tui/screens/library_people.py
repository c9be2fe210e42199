"""People across the library, and every quote of one person across it, newest first."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input, OptionList, Static

from story_tui.storage.library import Library, LibraryPerson, people_across
from story_tui.story.formatting import guess_suffix, plural, quotes_across
from story_tui.tui.messages import OpenStory
from story_tui.tui.screens.list_screen import ListScreen
from story_tui.tui.widgets.library_list import LibraryList, PersonAcrossOption, QuoteAcrossOption
from story_tui.tui.widgets.text import literal

BACK: list[BindingType] = [
    Binding("escape", "app.pop_screen", "Back", id="library.back"),
    Binding("ctrl+q", "app.quit", "Quit", show=False, id="library.quit"),
]


class PeopleScreen(ListScreen):
    """One entry per person across the library; `enter` lists all their quotes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *BACK,
        Binding("tab", "app.pop_screen", "Stories", priority=True, id="library.stories"),
        Binding("f1", "app.library_help", "Help", show=False, id="library.f1"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | (type) | Filter the people by name. |
    | enter | Every quote of the highlighted person, across the library. |
    | tab, escape | Back to the stories. |
    """

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.people = people_across(library)

    def compose(self) -> ComposeResult:
        count = plural(len(self.people), "person", "people")
        stories = plural(len(self.library.stories), "story", "stories")
        yield Static(literal(f"People across the library · {count} in {stories}", "bold"))
        yield Input(placeholder="Filter people by name", id="people-filter")
        options = (PersonAcrossOption(p, self.library.title_of) for p in self.people)
        yield LibraryList(*options, id="people-list")
        yield Footer()

    def on_mount(self) -> None:
        if self.list.option_count:
            self.list.highlighted = 0
        self.query_one(Input).focus()

    @on(Input.Changed, "#people-filter")
    def _filter(self, event: Input.Changed) -> None:
        from story_tui.story.filtering import QueryFilter

        matches = QueryFilter(event.value)
        people = [p for p in self.people if matches(p.name)]
        self.list.set_options(PersonAcrossOption(p, self.library.title_of) for p in people)
        if people:
            self.list.highlighted = 0

    @on(OptionList.OptionSelected, "#people-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, PersonAcrossOption):
            self.app.push_screen(PersonQuotesScreen(self.library, event.option.person))


class PersonQuotesScreen(ListScreen):
    """Every quote of one person across the library, newest first; `enter` opens its place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *BACK,
        Binding("backspace", "app.pop_screen", "Back", show=False, id="library.back2"),
        Binding("f1", "app.library_help", "Help", show=False, id="library.f1"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Open the story at this quote, highlighted. |
    | escape, backspace | Back to the people. |
    """

    def __init__(self, library: Library, person: LibraryPerson) -> None:
        super().__init__()
        self.library = library
        self.person = person

    def compose(self) -> ComposeResult:
        from story_tui.storage.library import quotes_of

        quotes = quotes_of(self.library, self.person)
        person = self.person
        count = quotes_across(len(quotes), len(person.stories), person.unconfirmed)
        mark = guess_suffix(person.unconfirmed > 0)
        yield Static(literal(f"{person.name}{mark} · {count}", "bold"))
        if person.same_as:
            yield Static(literal("same as " + ", ".join(person.same_as), "$text-muted"))
        title_of = self.library.title_of
        options = [QuoteAcrossOption(story, quote, title_of(story)) for story, quote in quotes]
        yield LibraryList(*options, id="quotes-list")
        yield Footer()

    def on_mount(self) -> None:
        pane = self.list
        if pane.option_count:
            pane.highlighted = 0
        pane.focus()

    @on(OptionList.OptionSelected, "#quotes-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, QuoteAcrossOption):
            self.post_message(OpenStory(option.story.path, ("quote", option.quote.key)))
