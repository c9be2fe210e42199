"""The app for a library of stories: the library screen, and the browser over it for one story.

The app is the mediator: screens post `OpenStory`; the app loads the story (from the cache when
it can, exactly as `story-tui FILE` does), pushes the browser with what was remembered about that
story, and remembers the reader's place in it when they come back (`backspace` with nothing left
to go back to) or quit. It also remembers the library's own place: the highlighted story.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from story_tui.storage.cache import SCHEMA as CACHE_SCHEMA
from story_tui.storage.library import Library, LibraryFiles, library_key
from story_tui.storage.rows import StoryRow
from story_tui.storage.state import State, load_state, save_state
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.model import Location, Story, Target
from story_tui.story.safety import visible
from story_tui.tui.app import DEFAULT_THEME, remembered_place, remembered_seen
from story_tui.tui.screens.library import LibraryScreen, OpenStory
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.startup import resume_collector

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.command import Provider


def content_key(digest: str) -> str:
    """The key `story-tui FILE` remembers a story's version by (storage.cache.cache_key)."""
    return f"{digest[:40]}-v{CACHE_SCHEMA}"


def _providers() -> set[type[Provider] | Callable[[], type[Provider]]]:
    def story_commands() -> type[Provider]:
        from story_tui.tui.palette import StoryCommands

        return StoryCommands

    def library_commands() -> type[Provider]:
        from story_tui.tui.library_commands import LibraryCommands

        return LibraryCommands

    return {*App.COMMANDS, story_commands, library_commands}


class LibraryApp(App[None]):
    """Browse a library: the stories, the people across them, search; each story as usual."""

    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = _providers()
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        library: Library | None,
        *,
        pending: LibraryFiles | None = None,
        theme: str | None = None,
        state: State | None = None,
        remember: bool = True,
        fresh: bool = False,
        use_cache: bool = True,
        max_bytes: int | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        """The library; None while `pending` is being indexed (a first run)."""
        self.pending = pending
        self.key = (
            library.key if library is not None else library_key(pending.paths if pending else [])
        )
        self.remember = remember
        self.fresh = fresh
        self.use_cache = use_cache
        self.max_bytes = max_bytes
        self.state = state if state is not None else (load_state() if remember else State())
        self.title = "story-tui library"
        self._theme = theme or self.state.theme or DEFAULT_THEME
        self._theme_ready = False
        self._library_screen: LibraryScreen | None = None
        self._open: dict[int, tuple[MainScreen, StoryRow, str]] = {}
        """The browsers open over the library: screen id -> (screen, row, content key)."""

    # Memory ------------------------------------------------------------------------------------

    def library_memory(self) -> dict[str, object]:
        """What was remembered about this library (its highlighted story)."""
        libraries = self.state.data.get("libraries")
        memory = libraries.get(self.key) if isinstance(libraries, dict) else None
        return memory if isinstance(memory, dict) else {}

    def status_of(self, row: StoryRow) -> str:
        """unread, changed (since the reader last read it), read, or invalid."""
        if not row.valid or row.digest is None or row.id is None:
            return "invalid"
        memory = self.state.story(row.id)
        if not memory:
            return "unread"
        return "read" if memory.get("hash") == content_key(row.digest) else "changed"

    def get_default_screen(self) -> Screen[None]:
        wanted = self.library_memory().get("story")
        self._library_screen = LibraryScreen(
            self.library,
            self.status_of,
            wanted if isinstance(wanted, str) else None,
            pending=len(self.pending.files) if self.pending else 0,
        )
        return self._library_screen

    def on_mount(self) -> None:
        if self._theme in self.available_themes:
            self.theme = self._theme
        self._theme_ready = True
        if self.library is not None:
            self._say_problems(self.library.index.notice, self.library.problems)
        elif self.pending is not None:
            self._say_problems(self.pending.index.notice, self.pending.problems)
            self._index_in_background(self.pending)

    def _say_problems(self, notice: str | None, problems: list[str]) -> None:
        for line in filter(None, [self.state.problem, notice, *problems]):
            self.notify(visible(line), title="Library", severity="warning", markup=False)

    @work(thread=True, exclusive=True, group="index")
    def _index_in_background(self, pending: LibraryFiles) -> None:
        """Index the library's files after the first paint, showing the progress."""
        screen = self._library_screen

        def progress(done: int, total: int) -> None:
            if screen is not None:
                self.call_from_thread(screen.show_progress, done, total)

        library = pending.open(progress)
        self.call_from_thread(self._library_ready, library)

    def _library_ready(self, library: Library) -> None:
        self.library = library
        self.pending = None
        if not library.stories:
            lines = [*library.problems, *(row.error or "" for row in library.rows)]
            lines.append("story-tui: error: no story could be opened")
            self.exit(return_code=2, message=Text("\n".join(visible(line) for line in lines)))
            return
        if self._library_screen is not None:
            self._library_screen.set_library(library)

    def on_ready(self) -> None:
        resume_collector()

    # Opening a story ---------------------------------------------------------------------------

    def load(self, row: StoryRow) -> Story | None:
        """The story of a row, from the cache when it can (and cached for next time)."""
        from story_tui.storage.cache import cache_key, load_cached, save_cached
        from story_tui.story.input_file import decode_story_bytes, read_story_bytes
        from story_tui.story.spec import DEFAULT_MAX_BYTES

        try:
            data = read_story_bytes(row.path, self.max_bytes or DEFAULT_MAX_BYTES)
            key = cache_key(data)
            story = load_cached(key) if self.use_cache else None
            if story is None:
                from story_tui.story.loader import parse_story

                story = parse_story(decode_story_bytes(data, row.path), row.path)
                if self.use_cache:
                    save_cached(key, story)
        except StoryUnreadable as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return None
        except StoryInvalid as error:
            self.notify(visible(str(error)), title="Invalid story", severity="error", markup=False)
            return None
        return story

    @on(OpenStory)
    async def open_story(self, event: OpenStory) -> None:
        """Open a story in the browser, over the screen the reader chose it on."""
        row = event.row
        story = self.load(row)
        if story is None or row.digest is None:
            return
        memory = {} if self.fresh or not self.remember else self.state.story(story.id)
        start: Target | None = event.target
        restore = None if start or event.location else remembered_place(memory)
        screen = MainScreen(story, start, restore=restore, seen=remembered_seen(memory))
        key = content_key(row.digest)
        self._open[id(screen)] = (screen, row, key)
        theme = memory.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        await self.push_screen(screen, lambda _result: self._story_closed(screen))
        if memory and memory.get("hash") != key:
            self.notify("This story file changed since you last read it.", title="Changed")
        if event.location is not None:
            screen.call_after_refresh(self._show_location, screen, event.location)

    def _show_location(self, screen: MainScreen, location: Location) -> None:
        screen.action_focus_pane("article")
        screen.article.show_location(location)

    def _remember(self, screen: MainScreen) -> None:
        entry = self._open.get(id(screen))
        if entry is None or not self.remember:
            return
        _screen, _row, key = entry
        memory = {"hash": key, "theme": self.theme, **screen.memory()}
        self.state.remember_story(screen.story.id, memory)

    def _story_closed(self, screen: MainScreen) -> None:
        self._remember(screen)
        entry = self._open.pop(id(screen), None)
        self.save()
        if self._theme in self.available_themes:
            self.theme = self._theme
        if entry is not None and self._library_screen is not None:
            self._library_screen.refresh_status(entry[1].path)

    def save(self) -> None:
        """Write what the app remembers (the library's place among it)."""
        if not self.remember:
            return
        library = self._library_screen
        if library is not None and library.current is not None:
            libraries = self.state.data.get("libraries")
            if not isinstance(libraries, dict):
                libraries = self.state.data["libraries"] = {}
            libraries[self.key] = {"story": os.path.abspath(library.current.path)}
            while len(libraries) > 20:
                libraries.pop(next(iter(libraries)))
        problem = save_state(self.state)
        if problem:
            self.notify(visible(problem), title="Settings", severity="warning", markup=False)

    def on_unmount(self) -> None:
        self._leave()

    def _leave(self) -> None:
        for screen, _row, _key in list(self._open.values()):
            self._remember(screen)
        self._open.clear()
        self.save()

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Remember the open story's place and the library's, then exit."""
        self._leave()
        super().exit(result, return_code, message)

    def watch_theme(self, theme: str) -> None:
        if not self._open and self._theme_ready:
            self._theme = theme  # chosen in the library: the library's theme from now on
            if self.remember:
                self.state.data["theme"] = theme


def run_library_app(
    library: Library | None, args: argparse.Namespace, pending: LibraryFiles | None = None
) -> int:
    """Run the library app (on a library, or on files it indexes first) and return its code."""
    app = LibraryApp(
        library,
        pending=pending,
        theme=args.theme,
        fresh=args.fresh,
        use_cache=not args.no_cache,
        max_bytes=args.max_bytes,
    )
    app.run()
    return app.return_code or 0
