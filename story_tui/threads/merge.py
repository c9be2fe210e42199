"""What a thread says, merged across its stories: people and quotes, timeline, figures. No UI.

- **People**: one entry per person across the thread, merged in `people.py` (names compared in
  `names.py`): "Lindsay Lohan" and "Lohan" are one when no other full name in the thread ends
  in "Lohan"; two full names that share a surname stay two people. Every quote of the person, in
  time order (the story's date, then the order of the thread's stories, then the article's order).
- **Timeline**: every dated event of every story; events of one date whose words mostly agree are
  one event, with every story that reports it.
- **Figures as they changed**: figures of several stories that measure the same thing (the same
  unit and label words) with different values, in time order; a label that only repeats the
  figure's own words ("Figure: 12 people", a drafted label to write) names no measure.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from story_tui.story.model import Figure, Person, Quote, Story, TimelineEvent
from story_tui.threads.features import STOP_WORDS
from story_tui.threads.names import fold

SAME_EVENT = 0.34
"""Two events of one date are one when this share of their words (Jaccard) agree."""


@dataclass(frozen=True)
class ThreadStory:
    """A story of a thread, and where its file is."""

    path: str
    story: Story

    @property
    def outlet(self) -> str:
        """Who published it: its first source's name, or its id."""
        return self.story.sources[0].name if self.story.sources else self.story.id

    @property
    def sources(self) -> str:
        """Every source's name (`AFP, The Economic Times`, as the library lists them), or its id."""
        return ", ".join(s.name for s in self.story.sources) or self.story.id


@dataclass(frozen=True)
class Said:
    """A quote of a person across the thread, with the story it is in."""

    story: ThreadStory
    quote: Quote


@dataclass
class ThreadPerson:
    """One person across the stories of a thread."""

    name: str
    aliases: list[str]
    appearances: list[tuple[ThreadStory, Person]]
    quotes: list[Said] = field(default_factory=list)
    named_in: list[ThreadStory] = field(default_factory=list)
    """Stories whose words name them where the story file does not list them as a person."""
    order: dict[int, int] = field(default_factory=dict, repr=False)
    """The place of each story (by identity) in the thread's order."""

    @property
    def story_ids(self) -> list[str]:
        """The ids of the stories they appear in, in the thread's order, each once."""
        found = [s for s, _p in self.appearances] + list(self.named_in)
        found.sort(key=lambda s: self.order.get(id(s), 0))
        return list(dict.fromkeys(s.story.id for s in found))


@dataclass
class MergedEvent:
    """One event of the merged timeline, with every story that reports it."""

    date: str
    label: str
    reports: list[tuple[ThreadStory, TimelineEvent]]

    @property
    def story_ids(self) -> list[str]:
        """The ids of the stories that report it, each once."""
        return list(dict.fromkeys(s.story.id for s, _e in self.reports))


@dataclass
class FigureChange:
    """A measure the thread's stories report with different values, in time order."""

    label: str
    unit: str | None
    values: list[tuple[ThreadStory, Figure]]


def story_order(stories: Sequence[ThreadStory]) -> list[ThreadStory]:
    """Stories in time order: dated ones by date, undated after, each by id."""
    return sorted(
        stories,
        key=lambda s: (s.story.published is None, s.story.published or _dt.date.min, s.story.id),
    )


# People (merged in people.py) ------------------------------------------------------------------


def quotes_in_time_order(person: ThreadPerson, stories: Sequence[ThreadStory]) -> list[Said]:
    """A person's quotes: by the story's place in time order, then by place in the article."""
    rank = {id(s): n for n, s in enumerate(story_order(stories))}
    return sorted(
        person.quotes,
        key=lambda said: (
            rank.get(id(said.story), len(rank)),
            said.story.story.section(said.quote.location.section).index  # type: ignore[union-attr]
            if said.story.story.section(said.quote.location.section)
            else 0,
            said.quote.location.paragraph,
            said.quote.location.start,
        ),
    )


# Timeline ---------------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 2 and w not in STOP_WORDS}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def merge_timeline(stories: Sequence[ThreadStory]) -> list[MergedEvent]:
    """Every dated event of the stories, the same event reported twice shown once, by date."""
    merged: list[tuple[MergedEvent, set[str]]] = []
    for story in story_order(stories):
        for event in story.story.timeline:
            words = _words(f"{event.label} {event.text}")
            same = next(
                (
                    (m, w)
                    for m, w in merged
                    if m.date == event.date and _jaccard(w, words) >= SAME_EVENT
                ),
                None,
            )
            if same is None:
                merged.append((MergedEvent(event.date, event.label, [(story, event)]), words))
            else:
                same[0].reports.append((story, event))
                same[1].update(words)
    events = [m for m, _w in merged]
    events.sort(key=lambda m: _date_key(m.date))
    return events


def _date_key(date: str) -> tuple[int, int, int]:
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


# Figures ----------------------------------------------------------------------------------------


def _measure(figure: Figure) -> set[str]:
    """The words of a figure's label that say what it measures, less the figure's own words:
    none when the label only repeats them ("Figure: 12 people", a drafted label still to write),
    so that two unrelated counts of people are never shown as one measure that changed. (The
    words around the number were tried as the measure instead: on drafted ECB+ threads they
    joined a player's points in one game with his career's.)"""
    label, text = fold(figure.label), fold(figure.text)
    if not text or label.endswith(text):
        return set()
    return _words(label) - _words(text)


def figure_changes(stories: Sequence[ThreadStory]) -> list[FigureChange]:
    """Measures reported with different values by different stories, in time order."""
    groups: list[tuple[FigureChange, set[str]]] = []
    for story in story_order(stories):
        for figure in story.story.figures:
            if not isinstance(figure.value, int | float) or isinstance(figure.value, bool):
                continue
            words = _measure(figure)
            if not words:
                continue
            same = next(
                ((g, w) for g, w in groups if g.unit == figure.unit and _jaccard(w, words) >= 0.5),
                None,
            )
            if same is None:
                groups.append((FigureChange(figure.label, figure.unit, [(story, figure)]), words))
            else:
                same[0].values.append((story, figure))
    changes = []
    for change, _words_seen in groups:
        values = {f.value for _s, f in change.values}
        outlets = {id(s) for s, _f in change.values}
        if len(values) > 1 and len(outlets) > 1:
            changes.append(change)
    return changes


def describe_change(change: FigureChange) -> str:
    """`330,000 (AFP, 2 Dec) → 340,000 (Reuters, 5 Dec)`: each value once, with who and when."""
    parts = []
    last: object = None
    for story, figure in change.values:
        if figure.value == last:
            continue
        last = figure.value
        when = story.story.published
        where = story.outlet + (f", {when.day} {when:%b}" if when else "")
        parts.append(f"{figure.text} ({where})")
    return " → ".join(parts)
