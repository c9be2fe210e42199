"""What a thread says, merged across its stories: people and quotes, timeline, figures. No UI.

- **People**: one entry per person across the thread. Names are compared by their words
  (`names.py`): "Lindsay Lohan" and "Lohan" are one when no other full name in the thread ends
  in "Lohan"; two full names that share a surname stay two people. Every quote of the person, in
  time order (the story's date, then the order of the thread's stories, then the article's order).
- **Timeline**: every dated event of every story; events of one date whose words mostly agree are
  one event, with every story that reports it.
- **Figures as they changed**: figures of several stories that measure the same thing (the same
  unit and label words) with different values, in time order.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from story_tui.story.model import Figure, Person, Quote, Story, TimelineEvent
from story_tui.threads.features import STOP_WORDS
from story_tui.threads.names import covers, fold, name_words

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


# People -----------------------------------------------------------------------------------------


def merge_people(stories: Sequence[ThreadStory]) -> list[ThreadPerson]:
    """One entry per person across the stories (see the module's docstring)."""
    names: list[tuple[str, ...]] = []
    owners: list[list[tuple[ThreadStory, Person]]] = []
    index_of: dict[tuple[str, ...], int] = {}
    for story in stories:
        for person in story.story.people:
            words = name_words(person.name)
            if not words or not person.name[:1].isupper():
                continue  # "a source close to the team": not a name
            if words not in index_of:
                index_of[words] = len(names)
                names.append(words)
                owners.append([])
            owners[index_of[words]].append((story, person))
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Spellings of one name first ("Duncan Rait", "Duncan Raite"): the same length, each
    # covering the other.
    for n, i in enumerate(
        order := sorted(range(len(names)), key=lambda i: (-len(names[i]), names[i]))
    ):
        for j in order[n + 1 :]:
            if len(names[j]) != len(names[i]):
                break
            if covers(names[i], names[j]) and covers(names[j], names[i]):
                parent[find(j)] = find(i)
    # Longest names first: each shorter name joins the one longer name that covers it, or stays
    # alone when several different longer names do ("Reid": "Tara Reid" or "Harry Reid"?) ...
    weight = [sum(1 + len(p.quotes) for _s, p in owners[i]) for i in range(len(names))]
    for i in order:
        fuller = [j for j in order if len(names[j]) > len(names[i])]
        covering = {find(j) for j in fuller if covers(names[j], names[i])} - {find(i)}
        if len(covering) == 1:
            parent[find(i)] = covering.pop()
        elif len(covering) > 1 and len(names[i]) == 1:
            # ... unless one of them is by far the thread's main figure of that name: a bare
            # "Peterson" in the Scott Peterson trial is Scott, not Laci.
            size: dict[int, int] = {}
            for j in range(len(names)):
                if find(j) in covering:
                    size[find(j)] = size.get(find(j), 0) + weight[j]
            ranked = sorted(size.values(), reverse=True)
            if ranked[0] >= 2 * ranked[1]:
                parent[find(i)] = max(size, key=lambda g: size[g])
    # A name the drafter linked to a person in one story (its alias) goes with that person.
    groups: dict[int, list[int]] = {}
    for i in range(len(names)):
        groups.setdefault(find(i), []).append(i)
    people = [_person(names, owners, members) for members in groups.values()]
    people += _unlisted(people, stories)
    _named_in(people, stories)
    rank = {id(s): n for n, s in enumerate(stories)}
    for entry in people:
        entry.order = rank
    people.sort(key=lambda p: (-len(p.quotes), -len(p.story_ids), p.name.casefold()))
    return people


def _person(
    names: list[tuple[str, ...]],
    owners: list[list[tuple[ThreadStory, Person]]],
    members: list[int],
) -> ThreadPerson:
    appearances = [owner for i in members for owner in owners[i]]
    spelled: dict[str, int] = {}
    for _story, person in appearances:
        spelled[person.name] = spelled.get(person.name, 0) + 1
        for alias in person.aliases:
            spelled.setdefault(alias, 0)
    longest = max(len(names[i]) for i in members)
    full = [n for n in spelled if len(name_words(n)) == longest]
    name = max(full, key=lambda n: (spelled[n], -len(n), n)) if full else next(iter(spelled))
    aliases = sorted(n for n in spelled if n != name)
    quotes = [Said(story, q) for story, person in appearances for q in person.quotes]
    return ThreadPerson(name, aliases, appearances, quotes)


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")


def _alone(text: str) -> set[str]:
    """Capitalised words with no capitalised word just before or after them (folded)."""
    tokens = re.findall(r"[A-Za-z]+|[^\sA-Za-z]", text)
    found = set()
    for n, token in enumerate(tokens):
        if not token[0].isupper():
            continue
        before = tokens[n - 1] if n else ""
        after = tokens[n + 1] if n + 1 < len(tokens) else ""
        if not before[:1].isupper() and not after[:1].isupper():
            found.add(token.casefold())
    return found


def _unlisted(people: list[ThreadPerson], stories: Sequence[ThreadStory]) -> list[ThreadPerson]:
    """People the story files do not list but two or more stories name in full: a run of two or
    three capitalised words starting with a known given name ("Billy King")."""
    from story_tui.draft.names import given_name_gender

    found: dict[tuple[str, ...], dict[str, int]] = {}
    stories_of: dict[tuple[str, ...], set[int]] = {}
    for n, story in enumerate(stories):
        text = " ".join(
            [story.story.title, *(p for s in story.story.sections for p in s.paragraphs)]
        )
        for run in set(_NAME_RUN.findall(text)):
            words = name_words(run)
            if len(words) >= 2:
                found.setdefault(words, {})
                found[words][run] = found[words].get(run, 0) + 1
                stories_of.setdefault(words, set()).add(n)
    known = [name_words(p.name) for p in people]
    found = {
        words: spellings
        for words, spellings in found.items()
        if len(stories_of[words]) >= 2
        and not any(covers(k, words) or covers(words, k) for k in known)
    }
    if not found:
        return []
    alone: dict[str, int] = {}
    for story in stories:
        seen: set[str] = set()
        for section in story.story.sections:
            for paragraph in section.paragraphs:
                seen.update(_alone(paragraph))
        for word in seen:
            alone[word] = alone.get(word, 0) + 1
    lower = {
        w
        for story in stories
        for p in (q for s in story.story.sections for q in s.paragraphs)
        for w in re.findall(r"\b[a-z]+\b", p)
    }
    extra = []
    for words, spellings in found.items():
        given = given_name_gender(next(iter(spellings)).split()[0]) is not None
        # Not a known given name: a name still when its surname stands alone in two stories
        # and none of its words is a common word ("Joique Bell", not "Windows Update").
        if given or (alone.get(words[-1], 0) >= 2 and not any(w in lower for w in words)):
            name = max(spellings, key=lambda s: (spellings[s], s))
            extra.append(ThreadPerson(name, [name.split()[-1]], []))
    return extra


def _named_in(people: list[ThreadPerson], stories: Sequence[ThreadStory]) -> None:
    """Add the stories that name a person in their words: the full name, or the surname when no
    one else in the thread has it."""
    surnames: dict[str, int] = {}
    for person in people:
        words = name_words(person.name)
        if len(words) > 1:
            surnames[words[-1]] = surnames.get(words[-1], 0) + 1
    capitalised = []
    for story in stories:
        text = " ".join(
            [story.story.title, *(p for s in story.story.sections for p in s.paragraphs)]
        )
        capitalised.append({w for found in _CAPITALISED.findall(text) for w in fold(found).split()})
    for person in people:
        words = name_words(person.name)
        if not words:
            continue
        listed = {id(s) for s, _p in person.appearances}
        unique = len(words) > 1 and surnames.get(words[-1], 0) == 1
        for story, seen in zip(stories, capitalised, strict=True):
            if id(story) in listed:
                continue
            if all(w in seen for w in words) or (unique and words[-1] in seen):
                person.named_in.append(story)


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


def figure_changes(stories: Sequence[ThreadStory]) -> list[FigureChange]:
    """Measures reported with different values by different stories, in time order."""
    groups: list[tuple[FigureChange, set[str]]] = []
    for story in story_order(stories):
        for figure in story.story.figures:
            if not isinstance(figure.value, int | float) or isinstance(figure.value, bool):
                continue
            words = _words(figure.label)
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
