"""One reading session: the lifecycle of one open story, the same alone or from a library.

The story screen owns a `ReadingSession`. It knows the story, the edition key of what is shown
(a digest of the file's bytes), what was remembered about the story (the place, the list
highlights, the items opened, the theme, the edition read last), and it does the slow parts the
screen runs off the key path: writing the cache after the first frame, finding what changed since
the edition read last, reloading a watched file, remembering. Plain Python: no Textual here, so
every rule is tested without a terminal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from story_tui.storage.opening import OpenedStory, open_story_file
from story_tui.tui.options import AppOptions

if TYPE_CHECKING:
    from story_tui.storage.state import State
    from story_tui.story.diff.change import Change
    from story_tui.story.model import Story

_OLD_SUFFIX = re.compile(r"-v\d+$")
"""Before one edition key, memory kept the cache key (`<digest>-v<SCHEMA>`)."""


def edition_read(memory: dict[str, Any]) -> str | None:
    """The edition key the reader read last, from a story's memory (older forms understood)."""
    value = memory.get("hash")
    return _OLD_SUFFIX.sub("", value) if isinstance(value, str) else None


class ReadingSession:
    """One story, open: what it is, what was remembered about it, and its slow work."""

    def __init__(self, opened: OpenedStory, state: State, options: AppOptions) -> None:
        self.story: Story = opened.story
        """The version shown (a watched file replaces it)."""
        self.opened = opened
        self.state = state
        self.options = options
        self.memory: dict[str, Any] = (
            {} if options.fresh or not options.remember else state.story(self.story.id)
        )
        """What was remembered about this story when it opened."""
        self.previous_edition = edition_read(self.memory)
        """The edition key the reader read last (None: never read, or forgotten)."""
        self.changed_since_last_time = bool(self.memory) and self.previous_edition != self.edition
        self.changes: tuple[Change, ...] = ()
        """What changed since the edition read last (found after the first frame)."""

    @property
    def edition(self) -> str:
        """The key of the edition shown: a digest of the file's bytes."""
        return self.opened.edition

    @property
    def path(self) -> str | None:
        """The story's file (None for a story given already loaded)."""
        return self.opened.path

    # What was remembered -------------------------------------------------------------------------

    @property
    def place(self) -> tuple[str, str, int] | None:
        """(pane, section id, paragraph) where the reader left, if well formed."""
        memory = self.memory
        pane, section, paragraph = (
            memory.get("pane"),
            memory.get("section"),
            memory.get("paragraph"),
        )
        if isinstance(pane, str) and isinstance(section, str) and type(paragraph) is int:
            return pane, section, paragraph
        return None

    @property
    def highlights(self) -> dict[str, str]:
        """Each list's highlighted option id when the reader left (pane id -> option id)."""
        lists = self.memory.get("lists")
        if not isinstance(lists, dict):
            return {}
        return {k: v for k, v in lists.items() if isinstance(k, str) and isinstance(v, str)}

    @property
    def seen(self) -> set[str]:
        """The items the reader opened before, as `kind:key`."""
        seen = self.memory.get("seen")
        return {i for i in seen if isinstance(i, str)} if isinstance(seen, list) else set()

    @property
    def theme(self) -> str | None:
        """The theme the reader last read this story in."""
        theme = self.memory.get("theme")
        return theme if isinstance(theme, str) else None

    # The slow work (the screen runs it in workers) ----------------------------------------------

    def write_cache(self) -> None:
        """Cache a freshly parsed story (after the first frame). Never raises."""
        if self.options.use_cache:
            self.opened.write_cache()

    def find_changes(self) -> tuple[Change, ...]:
        """What changed since the edition read last; () when it is unknown or not kept."""
        if not self.changed_since_last_time:
            return ()
        from story_tui.storage.editions import changes_since

        self.changes = changes_since(self.story, self.previous_edition)
        return self.changes

    def read_again(self) -> OpenedStory:
        """Read the story's file again (it was saved); `adopt` the result to show it.

        Raises:
            StoryUnreadable: the file cannot be read (or the story has no file).
            StoryInvalid: the new version is not a valid story.
        """
        if self.path is None:
            from story_tui.story.diagnostics import StoryUnreadable

            raise StoryUnreadable("story", "it was not read from a file")
        options = self.options
        return open_story_file(self.path, options.max_bytes, options.use_cache)

    def adopt(self, opened: OpenedStory) -> None:
        """Show a new edition of the story (the file was saved): the one remembered from now."""
        self.opened = opened
        self.story = opened.story

    def remember(self, place: dict[str, object], theme: str) -> str | None:
        """Remember the reader's place and this edition; a problem to tell them, or None."""
        if not self.options.remember:
            return None
        from story_tui.storage.editions import save_edition
        from story_tui.storage.state import save_state

        self.memory = {"hash": self.edition, "theme": theme, **place}
        self.state.remember_story(self.story.id, self.memory)
        problem = save_state(self.state)
        save_edition(self.story, self.edition)
        return problem
