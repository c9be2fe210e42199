"""What the app remembers between runs: typed, versioned, merged, private. No UI imports.

One file, `state.json`, in the platform's state directory (platformdirs) or in
`$STORY_TUI_STATE_DIR` (tests use it). It holds a version number, the theme, per story a
`StoryMemory` (the edition read last, the place, the lists' highlights, the items opened, the
theme) and per library a `LibraryMemory` (the highlighted story).

- **Typed and versioned.** Callers get dataclasses, never a dict to poke into. A file of an
  older version is read (version 1, before the types, is migrated); a file of a newer version is
  left as it is, with a notice, and nothing is written over it; a damaged record is skipped, not
  the whole file; a file that cannot be read at all means defaults and a notice. Never fatal.
- **Merged.** Two copies of story-tui may run at once. Every save is a read-merge-write under a
  file lock (`filelock`): for a story both remember, the seen marks are a union and the rest
  (place, highlights, theme, edition) is the one written last.
- **Private.** The folder is created 0700 and every file (the state, its lock) 0600.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from story_tui.storage.files import private_dir, write_atomic

STATE_FILE = "state.json"
LOCK_FILE = "state.json.lock"
VERSION = 2
"""The version of the file's shape (1: the untyped dict before it had one)."""
MAX_STORIES = 100
MAX_LIBRARIES = 20
MAX_THREADS = 200
MAX_BYTES = 1_000_000
LOCK_SECONDS = 5.0
_OLD_EDITION = re.compile(r"-v\d+$")
"""Version 1 kept the cache key (`<digest>-v<SCHEMA>`) where the edition key is now."""


def state_dir() -> Path:
    """Where story-tui keeps its state."""
    override = os.environ.get("STORY_TUI_STATE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("story-tui", appauthor=False))


@dataclass(frozen=True)
class Place:
    """Where the reader was in a story."""

    pane: str
    section: str
    paragraph: int
    text: str = ""
    """A digest of the paragraph's words (`paragraph_digest`): found again by its text when a
    paragraph was added or removed above it."""


@dataclass(frozen=True)
class StoryMemory:
    """What is remembered about one story."""

    edition: str | None = None
    """The edition key the reader read last (a digest of the file's bytes)."""
    place: Place | None = None
    lists: Mapping[str, str] = field(default_factory=dict)
    """Each list's highlighted option id (pane id -> option id)."""
    seen: frozenset[str] = frozenset()
    """The items opened, as `kind:key`."""
    theme: str | None = None
    written: float = 0.0
    """When it was written (seconds since the epoch): the last written wins a merge."""

    def merged(self, other: StoryMemory) -> StoryMemory:
        """Both copies' memory: seen marks a union, the rest from the one written last."""
        last = self if self.written >= other.written else other
        return replace(last, seen=self.seen | other.seen)


@dataclass(frozen=True)
class LibraryMemory:
    """What is remembered about one library: its highlighted story's path."""

    story: str
    written: float = 0.0


@dataclass(frozen=True)
class ThreadMemory:
    """What is remembered about one thread of a library: its stories when last opened."""

    stories: frozenset[str]
    written: float = 0.0


@dataclass
class State:
    """Everything remembered; `problem` says why a stored file was ignored, if it was."""

    theme: str | None = None
    theme_written: float = 0.0
    stories: dict[str, StoryMemory] = field(default_factory=dict)
    libraries: dict[str, LibraryMemory] = field(default_factory=dict)
    threads: dict[str, ThreadMemory] = field(default_factory=dict)
    problem: str | None = None
    read_only: bool = False
    """The file is a newer version's: it is never written over."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    """Held while the state changes or is written (the app saves from a thread)."""

    def story(self, story_id: str) -> StoryMemory | None:
        """What was remembered about one story, if anything."""
        return self.stories.get(story_id)

    def remember_story(self, story_id: str, memory: StoryMemory) -> None:
        """Remember a story (its seen marks added to what another copy remembered)."""
        with self.lock:
            known = self.stories.pop(story_id, None)
            self.stories[story_id] = memory if known is None else memory.merged(known)

    def remember_library(self, key: str, story_path: str) -> None:
        """Remember a library's highlighted story."""
        with self.lock:
            self.libraries.pop(key, None)
            self.libraries[key] = LibraryMemory(story_path, time.time())

    def remember_thread(self, key: str, stories: frozenset[str]) -> None:
        """Remember a thread's stories as seen now."""
        with self.lock:
            self.threads.pop(key, None)
            self.threads[key] = ThreadMemory(stories, time.time())
            _keep_newest(self.threads, MAX_THREADS)

    def choose_theme(self, theme: str) -> None:
        """The reader chose a theme."""
        with self.lock:
            self.theme, self.theme_written = theme, time.time()

    def merge(self, other: State) -> None:
        """Take in what another copy wrote (the newer of each, seen marks a union)."""
        with self.lock:
            if other.theme_written > self.theme_written:
                self.theme, self.theme_written = other.theme, other.theme_written
            for story_id, theirs in other.stories.items():
                mine = self.stories.get(story_id)
                self.stories[story_id] = theirs if mine is None else mine.merged(theirs)
            _take_newer(self.libraries, other.libraries)
            _take_newer(self.threads, other.threads)
            _keep_newest(self.threads, MAX_THREADS)
            _keep_newest(self.stories, MAX_STORIES)
            _keep_newest(self.libraries, MAX_LIBRARIES)

    def to_json(self) -> str:
        """The file's text."""
        with self.lock:
            data = {
                "version": VERSION,
                "theme": self.theme,
                "theme_written": self.theme_written,
                "stories": {k: _story_data(m) for k, m in self.stories.items()},
                "libraries": {
                    k: {"story": m.story, "written": m.written} for k, m in self.libraries.items()
                },
                "threads": {
                    k: {"stories": sorted(m.stories), "written": m.written}
                    for k, m in self.threads.items()
                },
            }
        return json.dumps(data, indent=1, ensure_ascii=False)


def _take_newer(mine: dict[str, Any], theirs: Mapping[str, Any]) -> None:
    """Each of `theirs` that mine lacks or that was written after mine."""
    for key, record in theirs.items():
        known = mine.get(key)
        if known is None or record.written > known.written:
            mine[key] = record


def _keep_newest(records: dict[str, Any], limit: int) -> None:
    if len(records) > limit:
        newest = sorted(records.items(), key=lambda item: item[1].written)[-limit:]
        records.clear()
        records.update(newest)


def _story_data(memory: StoryMemory) -> dict[str, object]:
    place = memory.place
    return {
        "edition": memory.edition,
        "place": None
        if place is None
        else {
            "pane": place.pane,
            "section": place.section,
            "paragraph": place.paragraph,
            "text": place.text,
        },
        "lists": dict(memory.lists),
        "seen": sorted(memory.seen),
        "theme": memory.theme,
        "written": memory.written,
    }


# Reading ---------------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _place(data: object) -> Place | None:
    if not isinstance(data, dict):
        return None
    pane, section, paragraph = data.get("pane"), data.get("section"), data.get("paragraph")
    if isinstance(pane, str) and isinstance(section, str) and type(paragraph) is int:
        return Place(pane, section, paragraph, _text(data.get("text")) or "")
    return None


def _story(data: object, version: int) -> StoryMemory | None:
    """One story's record; None when it is not one (skipped, not the whole file)."""
    if not isinstance(data, dict):
        return None
    lists = data.get("lists")
    seen = data.get("seen")
    if version == 1:  # the place was spread over the record; the edition was the cache key
        edition = _text(data.get("hash"))
        edition = _OLD_EDITION.sub("", edition) if edition else None
        place = _place(data)
    else:
        edition, place = _text(data.get("edition")), _place(data.get("place"))
    return StoryMemory(
        edition=edition,
        place=place,
        lists={k: v for k, v in lists.items() if isinstance(k, str) and isinstance(v, str)}
        if isinstance(lists, dict)
        else {},
        seen=frozenset(i for i in seen if isinstance(i, str))
        if isinstance(seen, list)
        else frozenset(),
        theme=_text(data.get("theme")),
        written=_number(data.get("written")),
    )


def parse_state(data: object, where: str) -> State:
    """The state in a decoded file (any version this code knows; a newer one is set aside)."""
    if not isinstance(data, dict):
        return State(problem=f"ignored {where}: unexpected contents")
    version = data.get("version", 1)
    if type(version) is not int or version < 1:
        return State(problem=f"ignored {where}: unexpected contents")
    if version > VERSION:
        return State(
            problem=f"left {where} as it is: a newer story-tui wrote it "
            "(nothing is remembered this time)",
            read_only=True,
        )
    state = State(theme=_text(data.get("theme")), theme_written=_number(data.get("theme_written")))
    stories = data.get("stories")
    for story_id, record in stories.items() if isinstance(stories, dict) else ():
        memory = _story(record, version)
        if isinstance(story_id, str) and memory is not None:
            state.stories[story_id] = memory
    libraries = data.get("libraries")
    for key, record in libraries.items() if isinstance(libraries, dict) else ():
        path = record.get("story") if isinstance(record, dict) else None
        if isinstance(key, str) and isinstance(path, str):
            state.libraries[key] = LibraryMemory(path, _number(record.get("written")))
    threads = data.get("threads")
    for key, record in threads.items() if isinstance(threads, dict) else ():
        stories = record.get("stories") if isinstance(record, dict) else record
        if isinstance(key, str) and isinstance(stories, list):
            written = _number(record.get("written")) if isinstance(record, dict) else 0.0
            paths = frozenset(p for p in stories if isinstance(p, str))
            state.threads[key] = ThreadMemory(paths, written)
    return state


def load_state(directory: Path | None = None) -> State:
    """Read the state file; never raises."""
    path = (directory or state_dir()) / STATE_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return State()
    except OSError as error:
        return State(problem=f"could not read {path}: {error.strerror}")
    if len(raw) > MAX_BYTES:
        return State(problem=f"ignored {path}: larger than expected")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return State(problem=f"ignored {path}: it is not valid JSON")
    return parse_state(data, str(path))


# Writing ---------------------------------------------------------------------------------------


def save_state(state: State, directory: Path | None = None) -> str | None:
    """Merge with what another copy wrote, then write, under the file lock.

    Returns a problem description instead of raising. `state` takes in what the other copy
    remembered (so its seen marks are not lost at the next save).
    """
    if state.read_only:
        return None
    from filelock import FileLock, Timeout

    folder = directory or state_dir()
    try:
        private_dir(folder)
        with FileLock(folder / LOCK_FILE, timeout=LOCK_SECONDS, mode=0o600):
            on_disk = load_state(folder)
            if on_disk.read_only:
                state.read_only, state.problem = True, on_disk.problem
                return on_disk.problem
            if on_disk.problem is None:
                state.merge(on_disk)
            write_atomic(folder / STATE_FILE, state.to_json(), private=True)
    except Timeout:
        return f"could not save settings in {folder}: another story-tui kept it locked"
    except OSError as error:
        return f"could not save settings in {folder}: {error.strerror or error}"
    return None
