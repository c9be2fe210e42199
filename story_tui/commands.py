"""The command palette: jump to any section, person, quote, figure or event; panes; export; help."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider

from story_tui.formatting import format_value, human_date, shorten
from story_tui.screens.main import PANE_TITLES, PANES, MainScreen
from story_tui.widgets.text import literal

Command = tuple[str, str, Callable[[], object]]
"""(title, help, callback)."""
MAX_QUOTE_CHARS = 90


def story_commands(screen: MainScreen) -> list[Command]:
    """Every item and command, titled `kind: …` so a reader can narrow by kind."""
    story = screen.story
    commands: list[Command] = []
    for section in story.sections:
        commands.append(
            (
                f"section: {section.title}",
                "Scroll the article to this section",
                partial(screen.open_target, ("section", section.id)),
            )
        )
    for person in story.people:
        commands.append(
            (
                f"person: {person.name}",
                person.summary,
                partial(screen.open_target, ("person", person.id)),
            )
        )
    for quote in story.quotes:
        speaker = story.speaker_of(quote)
        commands.append(
            (
                f"quote: {speaker.name}: {shorten(quote.text, MAX_QUOTE_CHARS)}",
                f"{quote.kind} quote",
                partial(screen.open_target, ("quote", quote.key)),
            )
        )
    for figure in story.figures:
        commands.append(
            (
                f"figure: {figure.label} — {format_value(figure)}",
                "Show in the article",
                partial(screen.open_target, ("figure", figure.id)),
            )
        )
    for event in story.timeline_sorted():
        commands.append(
            (
                f"event: {human_date(event.date)} {event.label}",
                "Show in the article",
                partial(screen.open_target, ("event", event.key)),
            )
        )
    for number, pane in enumerate(PANES, start=1):
        commands.append(
            (
                f"pane: {PANE_TITLES[pane]}",
                f"Focus the {PANE_TITLES[pane]} pane (key {number})",
                partial(screen.action_focus_pane, pane),
            )
        )
    for fmt, suffix in (("json", "json"), ("markdown", "md")):
        target = f"{story.id}.{suffix}"
        commands.append(
            (
                f"export: {fmt} to {target}",
                f"Write the story to {Path.cwd() / target}",
                partial(export_story, screen, fmt, target),
            )
        )
    for title, help_text, item in unseen_items(screen):
        commands.append((title, help_text, partial(screen.open_target, item)))
    commands.append(("help: every key", "The help screen (? or F1)", screen.action_help))
    commands.append(
        ("back: where I was", "Back before the last jump (backspace)", screen.action_back)
    )
    return commands


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
    from story_tui.export import to_json, to_markdown
    from story_tui.files import write_atomic

    text = to_json(screen.story) if fmt == "json" else to_markdown(screen.story)
    path = Path.cwd() / target
    try:
        write_atomic(path, text)
    except OSError as error:
        screen.notify(f"Could not write {path}: {error.strerror}", severity="error", markup=False)
        return
    screen.notify(f"Wrote {path}", title="Export", markup=False)


class StoryCommands(Provider):
    """Finds anything in the story by fuzzy match; titles are story text, shown literally."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        return story_commands(screen) if isinstance(screen, MainScreen) else []

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(literal(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                # matcher.highlight() parses markup; story text must stay literal.
                yield Hit(score, literal(title), callback, text=title, help=help_text)
