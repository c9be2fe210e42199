"""Threads of a library: grouped once, then kept; new stories join incrementally. No UI imports.

`threads_of` groups stories from scratch (the benchmark, a first run). `open_threads` opens a
library's threads as a reader sees them: the grouping remembered from the last run (in the
cache directory, keyed by the library's paths) is kept for every story whose file did not
change, each new or changed story joins the best thread or starts one (`Grouper.join`, which
groups the whole library again, keeping thread ids by overlap, once the stories joined since the
last full grouping pass a fifth of it: that count is remembered too), and the reader's
corrections (`corrections.py`, in the library folder) are applied on top.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from story_tui.storage.library import Library, open_library
from story_tui.storage.rows import StoryRow
from story_tui.story.diagnostics import StoryError
from story_tui.story.model import Story
from story_tui.story.spec import DEFAULT_MAX_BYTES
from story_tui.threads.corrections import Corrections, read_corrections
from story_tui.threads.features import STOP_WORDS, features_of
from story_tui.threads.group import Constraints, Grouper
from story_tui.threads.merge import (
    FigureChange,
    MergedEvent,
    ThreadPerson,
    ThreadStory,
    figure_changes,
    merge_timeline,
    quotes_in_time_order,
    story_order,
)
from story_tui.threads.names import fold
from story_tui.threads.people import merge_organisations, merge_people

STATE_VERSION = 1


@dataclass
class Thread:
    """One developing story: its stories in time order, and what they say merged."""

    id: str
    stories: list[ThreadStory]

    def __post_init__(self) -> None:
        self.stories = story_order(self.stories)

    @cached_property
    def lead(self) -> ThreadStory:
        """The story whose title shares most words with the others' (the earliest on a tie)."""
        words = [set(fold(s.story.title).split()) - STOP_WORDS for s in self.stories]
        shared = [sum(len(w & other) for other in words) - len(w) for w in words]
        return self.stories[max(range(len(words)), key=lambda i: (shared[i], -i))]

    @property
    def title(self) -> str:
        """The lead story's title."""
        return self.lead.story.title

    @property
    def span(self) -> tuple[_dt.date | None, _dt.date | None]:
        """The first and last dates of its stories (None when none has a date)."""
        dates = [s.story.published for s in self.stories if s.story.published]
        return (min(dates), max(dates)) if dates else (None, None)

    @property
    def outlets(self) -> list[str]:
        """Who reported it: every source of its stories (as the library lists a story's
        sources), each once, in time order."""
        return list(dict.fromkeys(src.name for s in self.stories for src in s.story.sources))

    @cached_property
    def people(self) -> list[ThreadPerson]:
        """One entry per person across the stories, quotes in time order."""
        people = merge_people(self.stories)
        for person in people:
            person.quotes = quotes_in_time_order(person, self.stories)
        return people

    @cached_property
    def organisations(self) -> list[ThreadPerson]:
        """The organisations the stories quote or name as speakers, never merged with people."""
        organisations = merge_organisations(self.stories)
        for entry in organisations:
            entry.quotes = quotes_in_time_order(entry, self.stories)
        return organisations

    @cached_property
    def timeline(self) -> list[MergedEvent]:
        """Every dated event, the same event once with all its stories, by date."""
        return merge_timeline(self.stories)

    @cached_property
    def figures(self) -> list[FigureChange]:
        """Measures reported with different values, in time order."""
        return figure_changes(self.stories)

    def to_json(self) -> dict[str, Any]:
        """The thread as `story-tui threads --format json` prints it (a contract)."""
        return {
            "id": self.id,
            "title": self.title,
            "stories": [
                {
                    "path": s.path,
                    "id": s.story.id,
                    "title": s.story.title,
                    "published": s.story.published.isoformat() if s.story.published else None,
                }
                for s in self.stories
            ],
            "people": [
                {
                    "name": p.name,
                    "aliases": p.aliases,
                    "stories": p.story_ids,
                    "quotes": [
                        {
                            "story": said.story.story.id,
                            "key": said.quote.key,
                            "text": said.quote.text,
                            "check": said.quote.check,
                        }
                        for said in p.quotes
                    ],
                }
                for p in self.people
            ],
            "timeline": [
                {"date": e.date, "label": e.label, "stories": e.story_ids} for e in self.timeline
            ],
        }


def _newest_first(threads: list[Thread]) -> list[Thread]:
    def key(thread: Thread) -> tuple[bool, str, int, str]:
        last = thread.span[1]
        return (
            last is None,
            "" if last is None else _negate(last),
            -len(thread.stories),
            thread.id,
        )

    return sorted(threads, key=key)


def _negate(date: _dt.date) -> str:
    return f"{99999999 - int(date.strftime('%Y%m%d')):08d}"


def build_threads(
    stories: Mapping[str, Story], members: Mapping[str, Sequence[str]]
) -> list[Thread]:
    """Threads from thread id -> story paths, newest first."""
    threads = [
        Thread(thread, [ThreadStory(path, stories[path]) for path in paths if path in stories])
        for thread, paths in members.items()
    ]
    return _newest_first([t for t in threads if t.stories])


def threads_of(
    stories: Mapping[str, Story], constraints: Constraints | None = None
) -> list[Thread]:
    """Group stories (path -> story) from scratch into threads, newest first."""
    grouper = Grouper()
    grouper.index(features_of(story, path) for path, story in stories.items())
    return build_threads(stories, grouper.group_all(constraints))


# A library's threads, kept between runs ---------------------------------------------------------


def state_file(library_key: str) -> Path:
    """Where the grouping of a library is kept: the cache directory (deleting it regroups)."""
    from story_tui.storage.cache import cache_dir

    digest = hashlib.sha256(library_key.encode()).hexdigest()[:24]
    return cache_dir() / "threads" / f"{digest}-v{STATE_VERSION}.json"


def library_folder(paths: Sequence[str | os.PathLike[str]]) -> Path:
    """The folder that keeps the corrections: the first folder named, or the first file's."""
    for path in paths:
        if Path(path).is_dir():
            return Path(path)
    return Path(paths[0]).parent if paths else Path()


def load_story(row: StoryRow, max_bytes: int = DEFAULT_MAX_BYTES) -> Story | None:
    """The story of a row: from the threads' own copy of it when there is one (a library's
    hundreds of stories would push the reader's last few out of the story cache), else read,
    checked and copied there for next time."""
    from story_tui.storage.cache import cache_dir, cache_key, edition_of_digest, read_story_json
    from story_tui.story import loader

    copy = None
    if row.digest is not None:
        name = cache_key(edition_of_digest(row.digest))
        copy = cache_dir() / "threads" / "stories" / f"{name}.json"
        story = read_story_json(copy)
        if story is not None:
            return story
    try:
        story = loader.load_story(row.path, max_bytes)
    except StoryError:
        return None
    if copy is not None:
        from story_tui.storage.files import private_dir, write_atomic
        from story_tui.story.serialize import to_json

        try:
            private_dir(copy.parent)
            write_atomic(copy, to_json(story, compact=True), private=True)
        except OSError:
            pass  # only a copy: read again next time
    return story


@dataclass
class LibraryThreads:
    """The threads of a library as the reader sees them, and the means to correct them."""

    library: Library
    stories: dict[str, Story]
    grouper: Grouper
    corrections: Corrections
    digests: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def threads(self) -> list[Thread]:
        """Every thread, newest first."""
        return build_threads(self.stories, self.grouper.members)

    def thread_of(self, path: str) -> str | None:
        """The id of the thread a story is in."""
        return self.grouper.thread_of.get(path)

    def members(self, thread: str) -> list[str]:
        """The story paths of a thread."""
        return list(self.grouper.members.get(thread, []))

    def _constraints(self) -> Constraints:
        return self.corrections.constraints(list(self.stories))

    def _indexed(self) -> Grouper:
        """The grouper with every story's features indexed: done when a story is first compared
        (a view of a remembered grouping compares none)."""
        if not self.grouper.stories:
            self.grouper.index(features_of(story, path) for path, story in self.stories.items())
        return self.grouper

    def move(self, path: str, into: str | None) -> str:
        """Move a story into the thread of story `into`, or (None) split it off on its own.

        The correction is written to the library folder's `threads.txt` first (raises OSError
        when it cannot be), so that it holds for every later grouping.
        """
        old = self.thread_of(path)
        leaving = [p for p in self.members(old) if p != path] if old else []
        self.corrections.move(path, into, leaving)
        self.corrections.save()
        grouper = self.grouper
        if old is not None:
            grouper.members[old].remove(path)
            if not grouper.members[old]:
                del grouper.members[old]
        if into is not None and grouper.thread_of.get(into) is not None:
            thread = grouper.thread_of[into]
            grouper.members[thread].append(path)
            grouper.thread_of[path] = thread
        else:
            grouper.thread_of.pop(path, None)
            grouper.start_thread([path], self.stories[path].id)
        self.save()
        return grouper.thread_of[path]

    def regroup(self) -> None:
        """Group every story again from scratch, respecting the corrections."""
        self._indexed().group_all(self._constraints())
        self.save()

    def save(self) -> None:
        """Remember the grouping for the next run (never raises)."""
        from story_tui.storage.files import write_atomic

        data = {
            "version": STATE_VERSION,
            "stories": {
                path: {"digest": self.digests.get(path, ""), "thread": thread}
                for path, thread in self.grouper.thread_of.items()
            },
            "joined": self.grouper.joined,
        }
        try:
            target = state_file(self.library.key)
            from story_tui.storage.files import private_dir

            private_dir(target.parent)
            write_atomic(target, json.dumps(data), private=True)
        except OSError:
            pass


def _joined_since(library_key: str) -> int:
    """How many stories joined one at a time since the last full grouping (0 when unknown)."""
    try:
        data = json.loads(state_file(library_key).read_text(encoding="utf-8"))
        return max(0, int(data.get("joined", 0)))
    except (OSError, ValueError, TypeError, AttributeError):
        return 0


def _remembered(library_key: str) -> dict[str, tuple[str, str]]:
    """path -> (digest, thread) from the last run; empty when missing or unreadable."""
    try:
        data = json.loads(state_file(library_key).read_text(encoding="utf-8"))
        stories = data["stories"] if data.get("version") == STATE_VERSION else {}
        return {
            str(path): (str(entry["digest"]), str(entry["thread"]))
            for path, entry in stories.items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def open_threads(
    paths: Sequence[str | os.PathLike[str]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    library: Library | None = None,
) -> LibraryThreads:
    """The threads of the library `paths` name (see the module's docstring)."""
    library = library or open_library(paths, max_bytes)
    stories: dict[str, Story] = {}
    digests: dict[str, str] = {}
    for row in library.stories:
        story = load_story(row, max_bytes)
        if story is not None and row.digest is not None:
            stories[row.path] = story
            digests[row.path] = row.digest
    corrections = read_corrections(library_folder(paths))
    found = LibraryThreads(
        library, stories, Grouper(), corrections, digests, list(corrections.problems)
    )
    remembered = _remembered(library.key)
    kept = {
        path: thread
        for path, (digest, thread) in remembered.items()
        if path in stories and digests[path] == digest
    }
    if not kept:
        found._indexed().group_all(found._constraints())
    else:
        grouper = found.grouper
        grouper.joined = _joined_since(library.key)
        for path, thread in kept.items():
            grouper.members.setdefault(thread, []).append(path)
            grouper.thread_of[path] = thread
        new = [p for p in stories if p not in kept]
        if new:
            found._indexed()
            constraints = found._constraints()
            for path in sorted(new, key=lambda p: (stories[p].published or _dt.date.max, p)):
                grouper.join(grouper.stories[path], constraints)
    found.save()
    return found
