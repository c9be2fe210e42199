"""A copy of the edition of each story the reader last read, to tell them what changed since.

Kept as the story's JSON export in `editions/` under the cache directory, one file per story and
digest (`<story id>-<digest>.json`); the state file remembers which digest the reader last read.
The two newest editions of a story are kept. Reading one never raises: a missing or damaged copy
just means the browser cannot list the changes (it still says the story changed). No UI imports.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from story_tui.storage.cache import cache_dir, read_story_json
from story_tui.story.model import Story
from story_tui.story.serialize import to_json

if TYPE_CHECKING:
    from story_tui.story.diff.change import Change

KEEP = 2
"""Editions kept per story (the one read last, and the one before)."""
_SAFE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def editions_dir() -> Path:
    """Where the copies live."""
    return cache_dir() / "editions"


def _path(story_id: str, digest: str) -> Path | None:
    if not _SAFE.match(story_id) or not re.fullmatch(r"[0-9a-z-]{1,80}", digest):
        return None
    return editions_dir() / f"{story_id}-{digest}.json"


def save_edition(story: Story, digest: str) -> None:
    """Keep a copy of this edition (once per digest); never raises."""
    path = _path(story.id, digest)
    if path is None:
        return
    from story_tui.storage.files import make_private, private_dir, write_atomic

    if path.exists():
        make_private(path)  # kept by an older version, maybe readable by others
        return
    try:
        private_dir(path.parent)
        write_atomic(path, to_json(story, compact=True), private=True)
        mine = sorted(
            path.parent.glob(f"{story.id}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in mine[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def load_edition(story_id: str, digest: str) -> Story | None:
    """The copy of an edition, or None when there is none (or it fails the cache's checks)."""
    path = _path(story_id, digest)
    if path is None:
        return None
    return read_story_json(path)


def changes_since(story: Story, edition: str | None) -> tuple[Change, ...]:
    """What changed from the kept edition `edition` to `story`; () when it is not kept."""
    from story_tui.story.diff.stories import diff_stories

    previous = load_edition(story.id, edition) if edition is not None else None
    return () if previous is None else tuple(diff_stories(previous, story))
