"""The app's library, when it starts on one: the library screen, its index, its remembered place.

`StoryApp` starts on a library through this host: it shows the library screen (at once, and
fills it in when a first run indexes after the first paint), tells each row's status from what
the reader remembered (unread, changed, read), and remembers the highlighted story. Opening a
story is the app's business (`StoryApp.open_story`), the same as opening one alone.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen

from story_tui.storage.cache import edition_of_digest
from story_tui.storage.library import Library, LibraryFiles, library_key
from story_tui.storage.rows import StoryRow
from story_tui.story.safety import visible
from story_tui.tui.screens.library import LibraryScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

    from story_tui.storage.state import State
    from story_tui.threads.store import Thread
    from story_tui.tui.options import AppOptions
    from story_tui.tui.session import ReadingSession


class LibraryHost:
    """A library shown by the app: its screen, its indexing and what is remembered of it."""

    def __init__(
        self,
        app: App[None],
        state: State,
        options: AppOptions,
        save: Callable[[], None],
        first: Library | LibraryFiles,
    ) -> None:
        """The library (or the files to index) `app` starts on; `save` writes `state`."""
        self.app = app
        self.state = state
        self.options = options
        self.save = save
        self._library = first if isinstance(first, Library) else None
        """The library until its screen shows it (None while `pending` is being indexed)."""
        self.pending = first if isinstance(first, LibraryFiles) else None
        self.key = first.key if isinstance(first, Library) else library_key(first.paths)
        self._screen: LibraryScreen | None = None

    @property
    def library(self) -> Library | None:
        """The library; None while `pending` is being indexed (a first run). Once shown, the
        one its screen lists: adding and refreshing replace it there (`set_library`), so the
        threads and the palette see what arrived."""
        screen = self._screen
        return screen.library if screen is not None else self._library

    def remembered_story(self) -> str | None:
        """The story highlighted when the reader last left this library (its path)."""
        memory = self.state.libraries.get(self.key)
        return memory.story if memory else None

    def status_of(self, row: StoryRow) -> str:
        """unread, changed (since the reader last read it), read, or invalid."""
        if not row.valid or row.digest is None or row.id is None:
            return "invalid"
        memory = self.state.story(row.id)
        if memory is None:
            return "unread"
        return "read" if memory.edition == edition_of_digest(row.digest) else "changed"

    def screen(self) -> LibraryScreen:
        """The library screen (the app's first screen)."""
        wanted = self.remembered_story()
        pending = self.pending
        self._screen = LibraryScreen(
            self.library,
            self.status_of,
            wanted,
            pending=len(pending.files) if pending else 0,
            threads=self.threads_screen,
        )
        return self._screen

    # Threads -----------------------------------------------------------------------------------

    def threads_screen(self) -> Screen[None]:
        """The library's threads (grouped in a worker when the screen opens)."""
        from story_tui.threads.store import open_threads
        from story_tui.tui.screens.threads import ThreadsScreen

        library = self.library
        assert library is not None
        paths = self.key.split("\n")
        max_bytes = self.options.max_bytes
        return ThreadsScreen(
            lambda: open_threads(paths, max_bytes, library),
            self.thread_seen,
            self.thread_opened,
            self.unread_stories,
        )

    def unread_stories(self) -> set[str]:
        """The story files the library marks unread now (what the thread list marks too)."""
        library = self.library
        rows = library.rows if library is not None else []
        return {row.path for row in rows if self.status_of(row) == "unread"}

    def _thread_key(self, thread: Thread) -> str:
        digest = hashlib.sha256(self.key.encode()).hexdigest()[:12]
        return f"{digest}:{thread.id}"

    def thread_seen(self, thread: Thread) -> set[str] | None:
        """The story files of a thread when the reader last opened it (None: never)."""
        memory = self.state.threads.get(self._thread_key(thread))
        return set(memory.stories) if memory is not None else None

    def thread_opened(self, thread: Thread) -> None:
        """Remember the thread's stories as seen now."""
        stories = frozenset(str(s.path) for s in thread.stories)
        self.state.remember_thread(self._thread_key(thread), stories)
        self.save()

    def mounted(self) -> None:
        """The app is mounted: say what went wrong, and index a first run after the first paint."""
        source = self.library or self.pending
        assert source is not None
        for line in filter(None, [source.index.notice, *source.problems]):
            self.app.notify(visible(line), title="Library", severity="warning", markup=False)
        if self.pending is not None:
            pending = self.pending
            self.app.run_worker(lambda: self._index(pending), thread=True, group="index")

    def _index(self, pending: LibraryFiles) -> None:
        """Index the library's files (a thread), showing the progress."""
        app, screen = self.app, self._screen

        def progress(done: int, total: int) -> None:
            if screen is not None:
                app.call_from_thread(screen.show_progress, done, total)

        library = pending.open(progress)
        app.call_from_thread(self._ready, library)

    def _ready(self, library: Library) -> None:
        self._library = library
        self.pending = None
        if not library.stories:
            lines = [*library.problems, *(row.error or "" for row in library.rows)]
            lines.append("story-tui: error: no story could be opened")
            self.app.exit(return_code=2, message=Text("\n".join(visible(line) for line in lines)))
            return
        if self._screen is not None:
            self._screen.set_library(library)

    def story_closed(self, session: ReadingSession) -> None:
        """The reader is back from a story: show its new status, remember the library's place."""
        if self._screen is not None and session.path is not None:
            self._screen.refresh_status(session.path)
        self.leave()

    def leave(self) -> None:
        """Remember the highlighted story, and write what the app remembers."""
        if not self.options.remember:
            return
        screen = self._screen
        if screen is not None and screen.current is not None:
            self.state.remember_library(self.key, os.path.abspath(screen.current.path))
        self.save()
