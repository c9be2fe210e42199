"""A cache of resolved stories, so a story opens without parsing its YAML again. No UI imports.

The cache holds the JSON export of a story (the same data `story-tui export --format json`
writes), keyed by the edition key (a digest of the file's bytes) and the cache's own SCHEMA.
Reading it back skips PyYAML and every check of the loader, so it is checked again where it
matters: every anchored span must still be the exact text of its paragraph, and no text may hold
a control character. A cache entry that fails, or that cannot be read, is ignored and the file
is loaded in full.

Only the browser uses the cache; `story-tui validate` always checks the file itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from story_tui.story.model import Anchored, Story
from story_tui.story.safety import UNSAFE_TEXT
from story_tui.story.serialize import story_from_dict, to_json

MAX_ENTRIES = 20
SCHEMA = 4
"""Bump whenever the model, the export or the loader's rules change what a story resolves to."""


def cache_dir() -> Path:
    """Where cached stories live (`$STORY_TUI_CACHE_DIR` overrides, for tests)."""
    override = os.environ.get("STORY_TUI_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("story-tui", appauthor=False)) / "stories"


EDITION_CHARS = 40
"""Hex digits of SHA-256 in an edition key (the library index keeps the whole digest)."""


def edition_key(data: bytes) -> str:
    """The one key of a story file's edition: a digest of its bytes.

    Memory (the edition read last), the kept editions and the library all use it. It does not
    depend on the cache's SCHEMA, so bumping that does not mark every story changed.
    """
    return edition_of_digest(hashlib.sha256(data).hexdigest())


def edition_of_digest(sha256_hex: str) -> str:
    """The edition key of a file whose full SHA-256 digest is known (the library's rows)."""
    return sha256_hex[:EDITION_CHARS]


def cache_key(edition: str) -> str:
    """The cache entry name for an edition: the cache's own SCHEMA lives here only."""
    return f"{edition}-v{SCHEMA}"


_HIDING_ESCAPE = re.compile(r"\\[ubfr]")
"""JSON escapes that can stand for a control character (`\\n` and `\\t` are allowed text)."""


def _text_safe(raw: str, data: object) -> bool:
    """No string in the decoded data holds an unsafe character.

    Without an escape that could hide one, every decoded character is written as itself in the
    raw text, so one C-speed scan of the text decides (9 MB: 10 ms instead of 75 ms).
    """
    if _HIDING_ESCAPE.search(raw):
        return _all_strings_safe(data)
    return UNSAFE_TEXT.search(raw) is None


def _all_strings_safe(data: object) -> bool:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if UNSAFE_TEXT.search(item):
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def still_anchored(story: Story) -> bool:
    """Every quote, figure and event is the exact text of its place; every mention a name."""
    items: list[Anchored] = [*story.quotes, *story.figures, *story.timeline]
    try:
        for item in items:
            if story.span(item.location) != item.text:
                return False
        for person in story.people:
            names = {person.name, *person.aliases}
            if any(story.span(m) not in names for m in person.mentions):
                return False
    except (KeyError, IndexError):
        return False
    return True


def load_cached(key: str) -> Story | None:
    """The cached story for a key, or None (missing, unreadable, or failing the checks)."""
    return read_story_json(cache_dir() / f"{key}.json")


def read_story_json(path: Path) -> Story | None:
    """A story kept as its JSON export, or None (missing, unreadable, or failing the checks).

    The checks are the ones the loader's guarantees rest on: no unsafe character in any string,
    every anchored item still the exact text of its place.
    """
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not _text_safe(raw, data):
        return None
    try:
        story = story_from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return story if still_anchored(story) else None


def save_cached(key: str, story: Story) -> None:
    """Store a story; old entries beyond MAX_ENTRIES are removed. Never raises."""
    from story_tui.storage.files import private_dir, write_atomic

    folder = cache_dir()
    try:
        private_dir(folder)
        write_atomic(folder / f"{key}.json", to_json(story, compact=True), private=True)
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
