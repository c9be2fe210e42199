"""Jumps on the main screen: opening a target, and back and forward through the jumps.

Every jump goes through `Router.open_target`, which records where the reader was so `backspace`
can bring them back, like a web browser.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from textual.widgets.option_list import OptionDoesNotExist

from story_tui.story.model import Figure, Location, Quote, Target, TimelineEvent
from story_tui.tui.history import History
from story_tui.tui.panes import LIST_PANES, PANES
from story_tui.tui.widgets.lists import highlighted_ids
from story_tui.tui.widgets.sections import SectionsPane

if TYPE_CHECKING:
    from story_tui.tui.screens.browser import BrowserScreen


@dataclass(frozen=True)
class Place:
    """Where the reader was: the pane, the article's place and each list's highlighted row."""

    pane: str
    article: tuple[float, int, Location | None]
    lists: tuple[int | None, ...]
    card: tuple[str, str] | None = None
    """The person card open over it: (person id, key of the quote highlighted on it)."""


class Router:
    """Opens sections, people, quotes, figures and events, and keeps the trail of jumps."""

    def __init__(self, screen: BrowserScreen) -> None:
        self.screen = screen
        self.history: History[Place] = History()
        self._before_card: Place | None = None
        """Where the reader was when the open person card opened (its `backspace` returns)."""

    def place(self) -> Place:
        """Where the reader is now."""
        screen = self.screen
        return Place(
            screen.active,
            screen.article.place,
            tuple(screen.list_pane(p).highlighted for p in LIST_PANES),
        )

    def go_to(self, place: Place) -> None:
        """Put the reader back exactly where a `Place` says."""
        screen = self.screen
        for pane_id, highlighted in zip(LIST_PANES, place.lists, strict=True):
            screen.list_pane(pane_id).highlighted = highlighted
        screen.article.restore(place.article)
        screen.action_focus_pane(place.pane)
        if place.card is not None:
            person_id, quote_key = place.card
            self._open_card(person_id, quote_key, before=replace(place, card=None))

    def back(self) -> None:
        """Go back to where the reader was before the last jump."""
        place = self.history.back(self.place())
        screen = self.screen
        if place is None and screen.app.screen_stack[0] is not screen:
            screen.dismiss()  # opened from a library: back to where the reader chose this story
            return
        if place is None:
            screen.notify("Nothing to go back to.", timeout=2)
            return
        self.go_to(place)

    def forward(self) -> None:
        """Redo a jump undone with back."""
        place = self.history.forward(self.place())
        if place is None:
            self.screen.notify("Nothing to go forward to.", timeout=2)
            return
        self.go_to(place)

    def highlights(self) -> dict[str, str]:
        """Each list's highlighted option, by id (what to restore after a reload)."""
        return highlighted_ids(self.screen.list_pane(pane_id) for pane_id in LIST_PANES)

    def restore(
        self, pane: str, section_id: str, paragraph: int, highlights: dict[str, str]
    ) -> None:
        """Put the reader back where they were: the lists' highlights, the paragraph (its
        section heading in view when it is near) and the pane."""
        screen = self.screen
        for pane_id, option_id in highlights.items():
            if pane_id in LIST_PANES:
                pane_widget = screen.list_pane(pane_id)
                try:
                    pane_widget.highlighted = pane_widget.get_option_index(option_id)
                except OptionDoesNotExist:
                    continue
        section = screen.story.section(section_id)
        if section is not None and 0 <= paragraph < len(section.paragraphs):
            screen.article.reveal(Location(section_id, paragraph, 0, 0), heading=True)
        if pane in PANES:
            screen.action_focus_pane(pane)

    def show_location(self, location: Location) -> None:
        """Highlight a place in the article (a search hit, a change) and focus the article."""
        self.screen.action_focus_pane("article")
        self.screen.article.show_location(location)

    def record(self) -> None:
        """Remember the reader's place before a jump."""
        self.history.record(self.place())

    def open_target(self, target: Target, record: bool = True) -> None:
        """Open a section, person, quote, figure or event, remembering where the reader was."""
        screen = self.screen
        kind, key = target
        story = screen.story
        screen.mark_seen(kind, key)
        if kind == "person":
            self._open_card(key, None, before=self.place())
            return
        if record:
            self.record()
        sections = screen.query_one(SectionsPane)
        if kind == "section":
            screen.action_focus_pane("article")
            screen.article.scroll_to_section(key)
            sections.current = key
            return
        item: Quote | Figure | TimelineEvent | None
        if kind == "quote":
            item = story.quote(key)
        elif kind == "figure":
            item = story.figure(key)
            if item is not None:
                screen.list_pane("figures").highlighted = story.figures.index(item)
        else:
            item = next((e for e in story.timeline if e.key == key), None)
            if item is not None:
                order = story.timeline_sorted()
                screen.list_pane("timeline").highlighted = order.index(item)
        if item is None:
            return
        screen.action_focus_pane("article")
        screen.article.show_location(item.location)
        sections.current = item.location.section

    def _open_card(self, person_id: str, quote_key: str | None, before: Place) -> None:
        """Open a person's card over the screen, its quote `quote_key` highlighted."""
        screen = self.screen
        story = screen.story
        person = story.person(person_id)
        if person is None:
            return
        from story_tui.tui.screens.person import PersonCard

        self._before_card = before
        screen.list_pane("people").highlighted = story.people.index(person)
        screen.app.push_screen(
            PersonCard(story, person, frozenset(screen.seen), quote_key),
            partial(self._card_closed, person_id),
        )

    def _card_closed(self, person_id: str, quote_key: str | None) -> None:
        if quote_key == "" and self._before_card is not None:  # the card's `backspace`
            self.go_to(self._before_card)
        elif quote_key:
            # `backspace` from the quote comes back to the card it was chosen on.
            before = self._before_card or self.place()
            self.history.record(replace(before, card=(person_id, quote_key)))
            self.open_target(("quote", quote_key), record=False)

    def items_closed(self, target: Target | None) -> None:
        """The paragraph's item list closed: open what the reader chose there."""
        if target is not None:
            self.open_target(target)
