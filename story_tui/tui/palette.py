"""The command palette: jump to any section, person, quote, figure or event; panes; export; help."""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

from story_tui.story.filtering import QueryFilter
from story_tui.story.formatting import format_value, human_date, plural, quote_words, shorten
from story_tui.story.model import Target
from story_tui.tui.panes import PANE_TITLES, PANES
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.text import literal


class Command(NamedTuple):
    """One palette entry."""

    title: str
    help: str
    callback: Callable[[], object]
    unseen: bool = False
    """A quote, figure or event the reader has not opened yet (the `unseen` filter)."""


MAX_QUOTE_CHARS = 90
UNSEEN = "unseen"
"""A query starting with this word lists only what the reader has not opened yet."""
_NOT_OPENED = "not opened yet (type “unseen” to list only these)"
_SEEN = "✓ seen"


def story_commands(screen: MainScreen) -> list[Command]:
    """Every item and command, titled `kind: …` so a reader can narrow by kind."""
    return [*_item_commands(screen), *_app_commands(screen)]


def _state(screen: MainScreen, target: Target, what: str) -> tuple[str, bool]:
    """The help line of an item (what it is, and whether the reader opened it), and if unseen."""
    unseen = f"{target[0]}:{target[1]}" not in screen.seen
    return f"{what} · {_NOT_OPENED if unseen else _SEEN}", unseen


def _item_commands(screen: MainScreen) -> Iterator[Command]:
    """The story's sections, people, quotes, figures and events, each once."""
    story = screen.story
    for section in story.sections:
        yield Command(
            f"section: {section.title}",
            "Scroll the article to this section",
            partial(screen.open_target, ("section", section.id)),
        )
    for person in story.people:
        yield Command(
            f"person: {person.name}",
            person.summary,
            partial(screen.open_target, ("person", person.id)),
        )
    for quote in story.quotes:
        speaker = story.speaker_of(quote)
        target = ("quote", quote.key)
        help_text, unseen = _state(screen, target, f"{quote.kind} quote")
        yield Command(
            f"quote: {speaker.name}: {shorten(quote_words(quote), MAX_QUOTE_CHARS)}",
            help_text,
            partial(screen.open_target, target),
            unseen,
        )
    for figure in story.figures:
        target = ("figure", figure.id)
        help_text, unseen = _state(screen, target, figure.note or "Show in the article")
        yield Command(
            f"figure: {figure.label} — {format_value(figure)}",
            help_text,
            partial(screen.open_target, target),
            unseen,
        )
    for event in story.timeline_sorted():
        target = ("event", event.key)
        help_text, unseen = _state(screen, target, "Show in the article")
        yield Command(
            f"event: {human_date(event.date)} {event.label}",
            help_text,
            partial(screen.open_target, target),
            unseen,
        )


def _app_commands(screen: MainScreen) -> Iterator[Command]:
    """Panes, export, help and back."""
    story = screen.story
    for number, pane in enumerate(PANES, start=1):
        yield Command(
            f"pane: {PANE_TITLES[pane]}",
            f"Focus the {PANE_TITLES[pane]} pane (key {number})",
            partial(screen.action_focus_pane, pane),
        )
    from story_tui.outputs.formats import text_formats

    for fmt in text_formats():
        target = f"{story.id}.{fmt.suffix}"
        yield Command(
            f"export: {fmt.name} to {target}",
            f"Write the story ({fmt.description}) to {Path.cwd() / target}",
            partial(export_story, screen, fmt.name, target),
        )
    yield Command(
        "about: this story",
        "Published date, byline, sources with their addresses",
        partial(show_about, screen),
    )
    changes = screen.session.changes
    if changes:
        yield Command(
            "changes: what changed since you last read it",
            f"{plural(len(changes), 'change')}, each one key from its place (key w)",
            screen.action_what_changed,
        )
    yield Command("help: every key", "The help screen (? or F1)", screen.action_help)
    yield Command("back: where I was", "Back before the last jump (backspace)", screen.action_back)


def unseen_items(screen: MainScreen) -> list[Command]:
    """Quotes, figures and events the reader has not opened yet (what `unseen` lists)."""
    return [command for command in _item_commands(screen) if command.unseen]


def palette_query(query: str) -> tuple[bool, list[str]]:
    """Whether the query asks for unseen items only, and the words every title must contain."""
    words = query.split()
    unseen = bool(words) and words[0].casefold() == UNSEEN
    return unseen, words[1:] if unseen else words


def show_about(screen: MainScreen) -> None:
    """The About view of the story (the `i` key)."""
    from story_tui.tui.screens.about import AboutStory

    screen.app.push_screen(AboutStory(screen.story))


def export_story(screen: MainScreen, fmt: str, target: str) -> None:
    """Write the story in format `fmt` (outputs/formats.py) in the current directory; say where."""
    from story_tui.outputs.formats import export_format
    from story_tui.storage.files import write_atomic

    write = export_format(fmt).write
    if write is None:
        return
    path = Path.cwd() / target
    try:
        write_atomic(path, write(screen.story))
    except OSError as error:
        screen.notify(f"Could not write {path}: {error.strerror}", severity="error", markup=False)
        return
    screen.notify(f"Wrote {path}", title="Export", markup=False)


DISCOVER_LIMIT = 200
"""Items listed when the palette opens with no query (a long story has tens of thousands)."""
SEARCH_LIMIT = 100
"""Best matches shown for a query."""
MIN_SCORE = 0.01
"""The score of a title every word of the query is in, when the fuzzy matcher gives it 0."""
_YIELD_EVERY = 500
"""Let the app draw and take keys between batches of this many titles."""


class StoryCommands(Provider):
    """Finds anything in the story by fuzzy match; titles are story text, shown literally.

    The opening list builds only what it shows; the first search builds every command once per
    opening of the palette. On a long story a search scores
    every title but yields only the best `SEARCH_LIMIT`, and hands control back to the app
    every few hundred titles so that typing stays smooth (measured in docs/performance.md).
    """

    _cached: list[Command] | None = None

    def _commands(self) -> list[Command]:
        if self._cached is None:
            screen = self.screen
            self._cached = story_commands(screen) if isinstance(screen, MainScreen) else []
        return self._cached

    async def discover(self) -> Hits:
        # Only what is listed is built: the app's commands, then the story's first items.
        screen = self.screen
        if not isinstance(screen, MainScreen):
            return
        listed = islice(chain(_app_commands(screen), _item_commands(screen)), DISCOVER_LIMIT)
        for command in listed:
            title = command.title
            yield DiscoveryHit(literal(title), command.callback, text=title, help=command.help)

    async def search(self, query: str) -> Hits:
        unseen_only, words = palette_query(query)
        matcher = self.matcher(" ".join(words))
        matches = QueryFilter(" ".join(words))
        best: list[tuple[float, int]] = []
        commands = self._commands()
        for index, command in enumerate(commands):
            if index and index % _YIELD_EVERY == 0:
                await asyncio.sleep(0)
            title = command.title
            if unseen_only and not command.unseen:
                continue
            if not matches(title):
                continue
            # The fuzzy score orders the matches; a title matched only through folding
            # (`nunez` for `Núñez`) still counts.
            score = max(matcher.match(title), MIN_SCORE) if words else MIN_SCORE
            if score > 0:
                if len(best) < SEARCH_LIMIT:
                    heapq.heappush(best, (score, -index))
                elif (score, -index) > best[0]:
                    heapq.heapreplace(best, (score, -index))
        for score, negative_index in sorted(best, reverse=True):
            command = commands[-negative_index]
            title = command.title
            # matcher.highlight() parses markup; story text must stay literal.
            yield Hit(score, literal(title), command.callback, text=title, help=command.help)
