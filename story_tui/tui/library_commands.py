"""The command palette in a library: any story, and any person, quote or figure in any story.

Built from the index (no story is loaded to list them); shown on the library's own screens (in
a story's browser the palette lists that story's items, as for a single story).
"""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from story_tui.storage.library import Library, people_across
from story_tui.story.formatting import guess_suffix, quotes_across, shorten
from story_tui.tui.messages import OpenStory
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.text import literal

Command = tuple[str, str, Callable[[], object]]
LIMIT = 100


def library_commands(provider: Provider, library: Library) -> Iterator[Command]:
    """`story: …`, `person: …`, `quote: …` and `figure: …` for the whole library."""
    app = provider.app

    def post(message: OpenStory) -> None:
        app.post_message(message)

    stories = library.by_digest()
    for row in library.stories:
        yield (
            f"story: {row.title}",
            row.date[:10] or "undated",
            partial(post, OpenStory(row.path)),
        )
    from story_tui.tui.screens.library_people import PersonQuotesScreen

    names: dict[tuple[str, str], str] = {}
    for person in people_across(library):
        for appearance in person.appearances:
            names[(appearance.story.digest or "", appearance.person.person)] = person.name
        also = f" (also {', '.join(person.other_names)})" if person.other_names else ""
        yield (
            f"person: {person.name}{also}{guess_suffix(person.unconfirmed > 0)}",
            quotes_across(person.quotes, len(person.story_ids), person.unconfirmed),
            partial(app.push_screen, PersonQuotesScreen(library, person)),
        )
    for quote in library.index.quotes(stories):
        row = stories[quote.digest]
        speaker = names.get((quote.digest, quote.person), quote.person)
        yield (
            f"quote: {speaker}: {shorten(quote.text, 80)}",
            row.title or "",
            partial(post, OpenStory(row.path, ("quote", quote.key))),
        )
    for digest, figure_id, label, text in library.index.figures(stories):
        row = stories[digest]
        yield (
            f"figure: {label} — {text}",
            row.title or "",
            partial(post, OpenStory(row.path, ("figure", figure_id))),
        )


MIN_SCORE = 0.01
"""The score of a title every word of the query matches, when the fuzzy matcher gives it 0."""


class LibraryCommands(Provider):
    """Fuzzy search through every story, person, quote and figure of the library."""

    _cached: list[Command] | None = None

    def _library(self) -> Library | None:
        if isinstance(self.screen, MainScreen):
            return None
        library = getattr(self.app, "library", None)
        return library if isinstance(library, Library) else None

    def _commands(self) -> list[Command]:
        library = self._library()
        if self._cached is None:
            self._cached = list(library_commands(self, library)) if library else []
        return self._cached

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands()[:LIMIT]:
            yield DiscoveryHit(literal(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        from story_tui.story.filtering import QueryFilter

        matcher = self.matcher(query)
        matches = QueryFilter(query)
        best: list[tuple[float, int]] = []
        commands = self._commands()
        for index, (title, _help, _callback) in enumerate(commands):
            if index and index % 500 == 0:
                await asyncio.sleep(0)
            if not matches(title):
                continue
            # The one filter rule decides what is shown; the fuzzy score only orders it.
            score = max(matcher.match(title), MIN_SCORE)
            if score > 0:
                if len(best) < LIMIT:
                    heapq.heappush(best, (score, -index))
                elif (score, -index) > best[0]:
                    heapq.heapreplace(best, (score, -index))
        for score, negative_index in sorted(best, reverse=True):
            title, help_text, callback = commands[-negative_index]
            yield Hit(score, literal(title), callback, text=title, help=help_text)
