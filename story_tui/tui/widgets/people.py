"""The People pane: everyone the article names, with role, age and origin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content

from story_tui.story.formatting import person_guesses, plural
from story_tui.story.model import Person, Story, Target
from story_tui.tui.widgets.lists import ListPane, PaneOption, separated
from story_tui.tui.widgets.messages import TargetChosen
from story_tui.tui.widgets.text import guess_mark, literal


def person_prompt(person: Person) -> Content:
    """Two lines: the name (` ?` when something about them was guessed), then role, age,
    origin, how many quotes and how many guesses to check."""
    count = len(person.quotes)
    details = [person.summary] if person.summary else []
    if count:
        details.append(plural(count, "quote"))
    guesses = person_guesses(person)
    if guesses:
        details.append(f"{guesses} unconfirmed")
    mark = guess_mark("guessed" if guesses else None)
    # One style per line: Textual's wrap misplaces spans that cross a line break.
    return Content("\n").join(
        [literal(person.name, "bold") + mark, literal(" · ".join(details), "$text-muted")]
    )


class PersonOption(PaneOption):
    """An option carrying its person."""

    def __init__(self, person: Person) -> None:
        super().__init__(person_prompt(person), id=person.id)
        self.person = person
        self.words = (person.name, person.summary)
        """The story's words the prompt shows (not `3 quotes`): what find in the pane matches."""


class PeoplePane(ListPane):
    """The people in the story; `enter` opens a person's card with their quotes."""

    empty_text = "No people in this story"

    HELP = """\
## People

Everyone the article names, with role, age and origin as the article gives them.
A `?` marks a person with something a tool guessed (the card says what).
Press `enter` to open the highlighted person's card: every quote, with its kind, source
and section.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Card")]

    @dataclass(eq=False)
    class PersonChosen(TargetChosen["PeoplePane"]):
        """The reader asked for a person's card."""

        person: Person
        """The chosen person."""

        @property
        def target(self) -> Target:
            return ("person", self.person.id)

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*separated(PersonOption(p) for p in story.people), id=id)
        self.story = story

    @on(ListPane.OptionSelected)
    def _chosen(self, event: ListPane.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, PersonOption):
            self.post_message(self.PersonChosen(self, event.option.person))
