"""One reading session: the lifecycle of one open story, the same alone or from a library.

The story screen owns a `ReadingSession`. It knows the story, the edition key of what is shown
(a digest of the file's bytes), what was remembered about the story (the place, the list
highlights, the items opened, the theme, the edition read last), and it does the slow parts the
screen runs off the key path: writing the cache after the first frame, finding what changed since
the edition read last, reloading a watched file, remembering. Plain Python: no Textual here, so
every rule is tested without a terminal.
"""

from __future__ import annotations

import hashlib
import time
from functools import partial
from typing import TYPE_CHECKING

from story_tui.storage.opening import OpenedStory, open_story_file
from story_tui.storage.state import Place, StoryMemory
from story_tui.tui.options import AppOptions

if TYPE_CHECKING:
    from story_tui.storage.saving import Saver
    from story_tui.storage.state import State
    from story_tui.story.diff.change import Change
    from story_tui.story.model import Story


def paragraph_digest(text: str) -> str:
    """A short digest of a paragraph's words: the place is found again by its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def find_paragraph(story: Story, place: Place) -> tuple[str, int] | None:
    """(section id, paragraph) of a remembered place in this edition of the story.

    By its text first (a paragraph added or removed above it moves it), else by its index.
    """
    section = story.section(place.section)
    here = None
    if section is not None and 0 <= place.paragraph < len(section.paragraphs):
        here = (section.id, place.paragraph)
        if not place.text or paragraph_digest(section.paragraphs[place.paragraph]) == place.text:
            return here
    elif not place.text:
        return None
    nearest = sorted(
        ((s.id, i, text) for s in story.sections for i, text in enumerate(s.paragraphs)),
        key=lambda c: (c[0] != place.section, abs(c[1] - place.paragraph)),
    )
    for section_id, index, text in nearest:
        if paragraph_digest(text) == place.text:
            return section_id, index
    return here


class ReadingSession:
    """One story, open: what it is, what was remembered about it, and its slow work."""

    def __init__(
        self, opened: OpenedStory, state: State, options: AppOptions, saver: Saver
    ) -> None:
        self.opened = opened
        """The edition shown (a watched file replaces it)."""
        self.state = state
        self.options = options
        self.saver = saver
        """Writes what is remembered off the key path (it tells the app of a failed write)."""
        self.memory: StoryMemory | None = (
            None if options.fresh or not options.remember else state.story(opened.story.id)
        )
        """What was remembered about this story when it opened."""
        self.previous_edition = self.memory.edition if self.memory else None
        """The edition key the reader read last (None: never read, or forgotten)."""
        self.changed_since_last_time = self.memory is not None and (
            self.previous_edition != self.edition
        )
        self.changes: tuple[Change, ...] = ()
        """What changed since the edition read last (found after the first frame)."""
        self._kept: str | None = None
        """The edition whose copy is kept (for What changed next time)."""

    @property
    def story(self) -> Story:
        """The story shown."""
        return self.opened.story

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
        """(pane, section id, paragraph) where the reader left, found by its text."""
        place = self.memory.place if self.memory else None
        found = find_paragraph(self.story, place) if place else None
        return None if place is None or found is None else (place.pane, *found)

    @property
    def highlights(self) -> dict[str, str]:
        """Each list's highlighted option id when the reader left (pane id -> option id)."""
        return dict(self.memory.lists) if self.memory else {}

    @property
    def seen(self) -> set[str]:
        """The items the reader opened before, as `kind:key`."""
        return set(self.memory.seen) if self.memory else set()

    @property
    def theme(self) -> str | None:
        """The theme the reader last read this story in."""
        return self.memory.theme if self.memory else None

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

    def remember(
        self,
        pane: str,
        where: tuple[str, int],
        lists: dict[str, str],
        seen: frozenset[str],
        theme: str,
    ) -> None:
        """Remember the reader's place and this edition (written off the key path)."""
        if not self.options.remember:
            return
        from story_tui.storage.editions import save_edition

        section_id, paragraph = where
        section = self.story.section(section_id)
        text = (
            paragraph_digest(section.paragraphs[paragraph])
            if section is not None and 0 <= paragraph < len(section.paragraphs)
            else ""
        )
        memory = StoryMemory(
            edition=self.edition,
            place=Place(pane, section_id, paragraph, text),
            lists=lists,
            seen=seen,
            theme=theme,
            written=time.time(),
        )
        self.state.remember_story(self.story.id, memory)
        keep = (
            None if self._kept == self.edition else partial(save_edition, self.story, self.edition)
        )
        self._kept = self.edition
        self.saver.request(keep)
