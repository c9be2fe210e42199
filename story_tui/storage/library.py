"""A library: many story files, the people across them and search through them. No UI imports.

Everything here reads the index (story_tui/storage/index.py), never the stories themselves, so a
library of a thousand stories lists, merges people and searches without parsing YAML once the
index is up to date.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from story_tui.storage.collect import collect
from story_tui.storage.index import LibraryIndex, Progress
from story_tui.storage.rows import PersonRow, QuoteRow, StoryRow
from story_tui.story.spec import DEFAULT_MAX_BYTES


@dataclass
class Library:
    """The stories of a library, newest first (invalid files last), and what was skipped."""

    rows: list[StoryRow]
    index: LibraryIndex
    problems: list[str] = field(default_factory=list)
    """One line per path that is not a story file (missing, a symlink loop, an empty folder)."""
    key: str = ""
    """Names this library in the remembered state (its paths, resolved and sorted)."""

    @property
    def stories(self) -> list[StoryRow]:
        """The files that open."""
        return [row for row in self.rows if row.valid]

    def row(self, path: str) -> StoryRow | None:
        """The row of a file, by path."""
        return next((row for row in self.rows if row.path == path), None)

    @cached_property
    def named_twice(self) -> frozenset[str]:
        """The files whose title or story id another file of the library shares (two editions of
        one story, a copy): wherever the library names them, it shows their path too."""
        valid = self.stories
        titles = Counter(row.title for row in valid)
        ids = Counter(row.id for row in valid)
        return frozenset(row.path for row in valid if titles[row.title] > 1 or ids[row.id] > 1)

    def shown_path(self, row: StoryRow) -> str | None:
        """The path to show beside a story's title or id: None when the title says enough."""
        return display_path(row.path) if row.path in self.named_twice else None

    def title_of(self, row: StoryRow) -> str:
        """A story's title, with its path when another file has the same title or id."""
        path = self.shown_path(row)
        return f"{row.title} ({path})" if path else row.title or ""

    def by_digest(self) -> dict[str, StoryRow]:
        """The valid rows by digest (the first file when two files hold the same bytes)."""
        found: dict[str, StoryRow] = {}
        for row in self.stories:
            assert row.digest is not None
            found.setdefault(row.digest, row)
        return found


def display_path(path: str) -> str:
    """A path as a reader would type it: relative to the current folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if relative.startswith("..") else relative


def newest_first(rows: Sequence[StoryRow]) -> list[StoryRow]:
    """Stories by date, newest first; undated ones after, by title; invalid files last."""
    return sorted(
        rows,
        key=lambda r: (not r.valid, r.date == "", _negated(r.date), (r.title or "").casefold()),
    )


def _negated(date: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in date)


def library_key(paths: Sequence[str | os.PathLike[str]]) -> str:
    """The paths a library was opened with, resolved and sorted: its name in the state file."""
    return "\n".join(sorted(str(Path(p).resolve()) for p in paths))


@dataclass
class LibraryFiles:
    """The story files a command line names, before the index is brought up to date for them."""

    paths: Sequence[str | os.PathLike[str]]
    index: LibraryIndex
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        collected = collect(self.paths)
        self.files = collected.files
        self.problems = collected.problems

    def stale(self) -> int:
        """How many files the index has to read (new or changed since it last saw them)."""
        return self.index.stale(self.files)

    def open(self, progress: Progress | None = None) -> Library:
        """Bring the index up to date for the files, and list them."""
        rows = self.index.refresh(self.files, self.max_bytes, progress)
        return Library(newest_first(rows), self.index, self.problems, library_key(self.paths))


def open_library(
    paths: Sequence[str | os.PathLike[str]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    index: LibraryIndex | None = None,
) -> Library:
    """Collect the story files `paths` name and bring the index up to date for them."""
    return LibraryFiles(paths, index or LibraryIndex(), max_bytes).open(progress)


# People across stories -------------------------------------------------------------------------


def normalised_name(name: str) -> str:
    """A full name compared loosely: no accents, no case, no punctuation, single spaces."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


@dataclass(frozen=True)
class Appearance:
    """A person in one story."""

    story: StoryRow
    person: PersonRow


@dataclass(frozen=True)
class LibraryPerson:
    """One person across the library: every story they appear in."""

    name: str
    same_as: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @property
    def quotes(self) -> int:
        """How many quotes they have across the library."""
        return sum(a.person.quotes for a in self.appearances)

    @property
    def unconfirmed(self) -> int:
        """How many guesses about them (their own and their quotes') nobody has confirmed."""
        return sum(a.person.unconfirmed for a in self.appearances)

    @property
    def other_names(self) -> list[str]:
        """The other full names the stories give them (a shared `same_as` URI merged them)."""
        names: dict[str, None] = {}
        for appearance in self.appearances:
            if appearance.person.name != self.name:
                names.setdefault(appearance.person.name, None)
        return list(names)

    @property
    def stories(self) -> list[StoryRow]:
        """The story files they appear in, newest first: one for each entry of the library list
        (two files with the same story id, or the same bytes, are two)."""
        return [appearance.story for appearance in self.appearances]

    @property
    def story_ids(self) -> list[str]:
        """The ids of the stories they appear in, newest first, each once."""
        ids: dict[str, None] = {}
        for appearance in self.appearances:
            ids.setdefault(appearance.story.id or "", None)
        return list(ids)


def people_across(library: Library) -> list[LibraryPerson]:
    """Everyone in the library, the same person merged across stories.

    Two entries are the same person when they share a `same_as` URI, or else when their
    normalised full names are equal and their `same_as` URIs do not say they are different
    people. A surname alone (an alias) never merges anyone.
    """
    stories = library.by_digest()
    rows = [p for p in library.index.people(stories) if p.digest in stories]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(b)] = find(a)

    by_uri: dict[str, int] = {}
    for i, row in enumerate(rows):
        for uri in row.same_as:
            if uri in by_uri:
                union(by_uri[uri], i)
            else:
                by_uri[uri] = i
    by_name: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_name.setdefault(normalised_name(row.name), []).append(i)
    for members in by_name.values():
        identified = {find(i) for i in members if rows[i].same_as}
        anonymous = [i for i in members if not rows[i].same_as]
        if len(identified) <= 1:
            for i in members[1:]:
                union(members[0], i)
        elif anonymous:
            # Two different people share this name: the others stay apart from both.
            for i in anonymous[1:]:
                union(anonymous[0], i)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    files: dict[str, list[StoryRow]] = {}
    for story in library.stories:
        assert story.digest is not None
        files.setdefault(story.digest, []).append(story)
    order = {story.path: n for n, story in enumerate(library.stories)}
    people = []
    for members in groups.values():
        appearances = sorted(
            (Appearance(file, rows[i]) for i in members for file in files[rows[i].digest]),
            key=lambda a: order.get(a.story.path, 0),
        )
        uris = sorted({uri for i in members for uri in rows[i].same_as})
        people.append(LibraryPerson(appearances[0].person.name, tuple(uris), tuple(appearances)))
    people.sort(key=lambda p: (-len(p.story_ids), -p.quotes, p.name.casefold()))
    return people


def quotes_of(library: Library, person: LibraryPerson) -> list[tuple[StoryRow, QuoteRow]]:
    """Every quote by a person across the library: newest story first, file order within."""
    wanted: dict[tuple[str | None, str], list[StoryRow]] = {}
    for a in person.appearances:
        wanted.setdefault((a.story.digest, a.person.person), []).append(a.story)
    found = [
        (story, q)
        for q in library.index.quotes({a.story.digest or "" for a in person.appearances})
        for story in wanted.get((q.digest, q.person), [])
    ]
    order = {row.path: n for n, row in enumerate(library.stories)}
    found.sort(key=lambda sq: order.get(sq[0].path, 0))  # stable: file order within a story
    return found


# Filtering as the reader types ------------------------------------------------------------------


def filter_text(row: StoryRow) -> str:
    """What the filter looks through for a story: title, id, date, sources, path, error.

    The filter's rule is `story/filtering.py: QueryFilter`, the same as the palette's."""
    parts = [row.title or "", row.id or "", row.date, *row.sources, row.path, row.error or ""]
    return " ".join(parts)
