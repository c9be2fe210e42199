"""The People pane: everyone the article names, with role, age and origin."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from story_tui.story.formatting import person_guesses, plural
from story_tui.story.model import Person, Story
from story_tui.tui.widgets.lists import ItemOption, ListPane, separated
from story_tui.tui.widgets.text import literal, unconfirmed_mark


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
    mark = unconfirmed_mark(guesses > 0)
    # One style per line: Textual's wrap misplaces spans that cross a line break.
    return Content("\n").join(
        [literal(person.name, "bold") + mark, literal(" · ".join(details), "$text-muted")]
    )


def person_option(person: Person) -> ItemOption[Person]:
    """The option of one person; find matches their name and summary, not `3 quotes`."""
    return ItemOption(
        person_prompt(person),
        person,
        ("person", person.id),
        (person.name, person.summary),
        id=person.id,
    )


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

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*separated(person_option(p) for p in story.people), id=id)
        self.story = story
