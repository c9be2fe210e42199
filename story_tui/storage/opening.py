"""The one way a story file is opened for reading: bytes read once, one edition key, the cache.

`story-tui FILE`, a story opened from a library and a watched file reloading all come here. The
file's bytes are read once; their digest is the edition key (`cache.edition_key`) that memory,
the kept editions and the library share; the cache is consulted under that key (plus the cache's
own SCHEMA, which lives in the cache only). Writing a freshly parsed story to the cache is left
to the caller (`OpenedStory.write_cache`), after the first frame. No UI imports.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from story_tui.storage.cache import cache_key, edition_key, load_cached, save_cached
from story_tui.story.model import Story
from story_tui.story.spec import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class OpenedStory:
    """A story read from its file, with the key of the edition read."""

    story: Story
    edition: str
    """The edition key: a digest of the file's bytes (of the model, for a story given loaded)."""
    path: str | None = None
    """The file it was read from (None: a story given already loaded, as tests do)."""
    cache_pending: bool = False
    """Parsed from YAML (not from the cache) and not yet written to the cache."""

    def write_cache(self) -> None:
        """Store the parsed story in the cache, so the next opening skips parsing. Never raises."""
        if self.cache_pending:
            save_cached(cache_key(self.edition), self.story)


def model_edition(story: Story) -> str:
    """The edition key of a story given already loaded: a digest of its JSON export."""
    from story_tui.story.serialize import to_json

    return edition_key(to_json(story).encode("utf-8"))


def opened(story: Story, edition: str | None = None) -> OpenedStory:
    """A story given already loaded (tests, the bundled story in memory), keyed by its model."""
    return OpenedStory(story, edition if edition is not None else model_edition(story))


def open_story_file(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = True
) -> OpenedStory:
    """Read a story file once and resolve it, from the cache when it can.

    Raises:
        StoryUnreadable: the file cannot be read.
        StoryInvalid: it is too large, not UTF-8 or not a valid story.
    """
    from story_tui.story.input_file import decode_story_bytes, read_story_bytes

    name = os.fspath(path)
    data = read_story_bytes(name, max_bytes)
    edition = edition_key(data)
    story = load_cached(cache_key(edition)) if use_cache else None
    if story is not None:
        return OpenedStory(story, edition, name)
    from story_tui.story.loader import parse_story  # PyYAML only when there is no cache

    story = parse_story(decode_story_bytes(data, name), name)
    return OpenedStory(story, edition, name, cache_pending=use_cache)
