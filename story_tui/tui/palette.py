"""The command palette: jump to any section, person, quote, figure or event; panes; export; help."""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain, islice
from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider

from story_tui.story.formatting import format_value, human_date, shorten
from story_tui.tui.screens.main import PANE_TITLES, PANES, MainScreen
from story_tui.tui.widgets.text import literal

Command = tuple[str, str, Callable[[], object]]
"""(title, help, callback)."""
MAX_QUOTE_CHARS = 90


def story_commands(screen: MainScreen) -> list[Command]:
    """Every item and command, titled `kind: …` so a reader can narrow by kind."""
    return [*_item_commands(screen), *_app_commands(screen)]


def _item_commands(screen: MainScreen) -> Iterator[Command]:
    """The story's sections, people, quotes, figures and events, then the unseen ones."""
    story = screen.story
    for section in story.sections:
        yield (
            f"section: {section.title}",
            "Scroll the article to this section",
            partial(screen.open_target, ("section", section.id)),
        )
    for person in story.people:
        yield (
            f"person: {person.name}",
            person.summary,
            partial(screen.open_target, ("person", person.id)),
        )
    for quote in story.quotes:
        speaker = story.speaker_of(quote)
        yield (
            f"quote: {speaker.name}: {shorten(quote.text, MAX_QUOTE_CHARS)}",
            f"{quote.kind} quote",
            partial(screen.open_target, ("quote", quote.key)),
        )
    for figure in story.figures:
        yield (
            f"figure: {figure.label} — {format_value(figure)}",
            "Show in the article",
            partial(screen.open_target, ("figure", figure.id)),
        )
    for event in story.timeline_sorted():
        yield (
            f"event: {human_date(event.date)} {event.label}",
            "Show in the article",
            partial(screen.open_target, ("event", event.key)),
        )
    for title, help_text, item in unseen_items(screen):
        yield (title, help_text, partial(screen.open_target, item))


def _app_commands(screen: MainScreen) -> Iterator[Command]:
    """Panes, export, help and back."""
    story = screen.story
    for number, pane in enumerate(PANES, start=1):
        yield (
            f"pane: {PANE_TITLES[pane]}",
            f"Focus the {PANE_TITLES[pane]} pane (key {number})",
            partial(screen.action_focus_pane, pane),
        )
    for fmt, suffix in (("json", "json"), ("markdown", "md")):
        target = f"{story.id}.{suffix}"
        yield (
            f"export: {fmt} to {target}",
            f"Write the story to {Path.cwd() / target}",
            partial(export_story, screen, fmt, target),
        )
    yield ("help: every key", "The help screen (? or F1)", screen.action_help)
    yield ("back: where I was", "Back before the last jump (backspace)", screen.action_back)


def unseen_items(screen: MainScreen) -> list[tuple[str, str, tuple[str, str]]]:
    """Quotes, figures and events the reader has not opened yet, as `unseen …` palette items."""
    story = screen.story
    items: list[tuple[str, str, tuple[str, str]]] = []
    for quote in story.quotes:
        if f"quote:{quote.key}" not in screen.seen:
            speaker = story.speaker_of(quote).name
            items.append(
                (
                    f"unseen quote: {speaker}: {shorten(quote.text, MAX_QUOTE_CHARS)}",
                    "Not opened yet",
                    ("quote", quote.key),
                )
            )
    for figure in story.figures:
        if f"figure:{figure.id}" not in screen.seen:
            items.append(
                (f"unseen figure: {figure.label}", "Not opened yet", ("figure", figure.id))
            )
    for event in story.timeline_sorted():
        if f"event:{event.key}" not in screen.seen:
            items.append((f"unseen event: {event.label}", "Not opened yet", ("event", event.key)))
    return items


def export_story(screen: MainScreen, fmt: str, target: str) -> None:
    """Write the story as JSON or Markdown in the current directory and say where."""
    from story_tui.outputs.markdown import to_markdown
    from story_tui.storage.files import write_atomic
    from story_tui.story.serialize import to_json

    text = to_json(screen.story) if fmt == "json" else to_markdown(screen.story)
    path = Path.cwd() / target
    try:
        write_atomic(path, text)
    except OSError as error:
        screen.notify(f"Could not write {path}: {error.strerror}", severity="error", markup=False)
        return
    screen.notify(f"Wrote {path}", title="Export", markup=False)


DISCOVER_LIMIT = 200
"""Items listed when the palette opens with no query (a long story has tens of thousands)."""
SEARCH_LIMIT = 100
"""Best matches shown for a query."""
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
        for title, help_text, callback in listed:
            yield DiscoveryHit(literal(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        best: list[tuple[float, int]] = []
        commands = self._commands()
        for index, (title, _help, _callback) in enumerate(commands):
            if index and index % _YIELD_EVERY == 0:
                await asyncio.sleep(0)
            score = matcher.match(title)
            if score > 0:
                if len(best) < SEARCH_LIMIT:
                    heapq.heappush(best, (score, -index))
                elif (score, -index) > best[0]:
                    heapq.heapreplace(best, (score, -index))
        for score, negative_index in sorted(best, reverse=True):
            title, help_text, callback = commands[-negative_index]
            # matcher.highlight() parses markup; story text must stay literal.
            yield Hit(score, literal(title), callback, text=title, help=help_text)
