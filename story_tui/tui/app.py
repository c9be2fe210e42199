"""The one Textual app of story-tui, for every way it opens: a story, a library, what comes next.

It starts on the story screen (`MainScreen`) or on the library screen, and is the mediator
between screens: any screen asks for a story with `OpenStory(path)` (or calls `open_story`), and
the app opens it the one way (`storage/opening.py`), gives it a `ReadingSession` and pushes a
story screen over the screen it was chosen on. The session, owned by the story screen, does the
rest — remember, the edition read last, What changed, watching the file — the same whether the
story was opened alone or from a library. The app never opens files itself: the command line
hands it a loaded story (or a library) and typed options (`tui/options.py`).
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from story_tui.storage.files import safe_file_name
from story_tui.storage.opening import OpenedStory, opened
from story_tui.storage.saving import Saver
from story_tui.storage.state import State, load_state
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.model import Location, Story, Target
from story_tui.story.safety import visible
from story_tui.tui.messages import OpenStory
from story_tui.tui.options import AppOptions
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.session import ReadingSession
from story_tui.tui.startup import resume_collector

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.command import Provider

    from story_tui.storage.library import Library, LibraryFiles
    from story_tui.tui.library_host import LibraryHost

DEFAULT_THEME = "textual-dark"
EXIT_GRACE = 3.0
"""Seconds a signalled app has to restore the terminal before the process ends regardless."""

if TYPE_CHECKING:
    from typing import TypeAlias

    First: TypeAlias = Story | OpenedStory | Library | LibraryFiles
    """What the app starts on: a story (loaded, or opened from its file), or a library (indexed,
    or files to index after the first paint)."""


def _story_commands() -> type[Provider]:
    # Imported when the palette first opens: textual.command costs start-up time.
    from story_tui.tui.palette import StoryCommands

    return StoryCommands


def _library_commands() -> type[Provider]:
    from story_tui.tui.library_commands import LibraryCommands

    return LibraryCommands


class StoryApp(App[None]):
    """story-tui: a story's sections, article, people, key figures, timeline; or a library."""

    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        _story_commands,
        _library_commands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+q | Quit at once, from anywhere. |
    """

    def __init__(
        self,
        first: First,
        *,
        options: AppOptions | None = None,
        state: State | None = None,
        start: Target | None = None,
        remember: bool | None = None,
        theme: str | None = None,
        fresh: bool | None = None,
    ) -> None:
        """Create the app.

        Args:
            first: The story or the library to start on.
            options: How to run (from the command line); `remember`, `theme` and `fresh`
                override the fields of the same name.
            state: Remembered settings; read from the state directory when None.
            start: Open the story at this item: ("section" | "person" | "quote" | "figure" |
                "event", id).
        """
        super().__init__()
        options = options or AppOptions()
        if remember is not None:
            options = replace(options, remember=remember)
        if theme is not None:
            options = replace(options, theme=theme)
        if fresh is not None:
            options = replace(options, fresh=fresh)
        self.options = options
        self.state = state if state is not None else (load_state() if options.remember else State())
        self.saver = Saver(self.state, self._save_failed)
        """Writes what the app remembers as the reader goes, off the key path."""
        self.start = start
        self.first_session: ReadingSession | None = None
        """The session of the story the app started on (None when it started on a library)."""
        self.host: LibraryHost | None = None
        """The library the app started on, if it did."""
        if isinstance(first, Story | OpenedStory):
            story = first if isinstance(first, OpenedStory) else opened(first)
            self.first_session = self.new_session(story)
            self.title = visible(self.first_session.story.title)
        else:  # the library modules (sqlite3, the index) only when the app starts on one
            from story_tui.tui.library_host import LibraryHost

            self.host = LibraryHost(self, self.state, options, self.save_state, first)
            self.title = "story-tui library"
        self._library_theme = options.theme or self.state.theme or DEFAULT_THEME
        """The theme outside any story (a story may have its own, remembered)."""
        self._theme_ready = False

    @property
    def library(self) -> Library | None:
        """The library the app started on (None: a story, or a first run still indexing)."""
        return self.host.library if self.host is not None else None

    def new_session(self, story: OpenedStory) -> ReadingSession:
        """A reading session for a story opened the one way (`storage/opening.py`)."""
        return ReadingSession(story, self.state, self.options, self.saver)

    def get_default_screen(self) -> Screen[None]:
        if self.host is not None:
            return self.host.screen()
        assert self.first_session is not None
        return MainScreen(self.first_session, self.start)

    def on_mount(self) -> None:
        first = self.first_session
        theme = self._theme_for(first) if first is not None else self._library_theme
        if theme in self.available_themes:
            self.theme = theme
        self._theme_ready = True  # from now on a theme change is the reader's choice
        if self.state.problem:
            self.notify(
                visible(self.state.problem), title="Settings", severity="warning", markup=False
            )
        if self.host is not None:
            self.host.mounted()
        if not self.is_headless:
            self._handle_signals()

    def _handle_signals(self) -> None:
        """SIGHUP (the terminal closed), SIGTERM and SIGINT end the app as `q` does: what the
        reader did is saved and the terminal restored (no alternate screen, no mouse, the
        cursor shown)."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, self._signalled, signum)

    def _signalled(self, signum: int) -> None:
        self.exit(return_code=128 + signum)  # saves what the reader did first (`_leave`)
        # With the terminal gone (SIGHUP) restoring it can block on the dead terminal; what the
        # reader did is already written, so the process must never outlive the signal by long.
        watchdog = threading.Timer(EXIT_GRACE, os._exit, (128 + signum,))
        watchdog.daemon = True
        watchdog.start()

    def on_ready(self) -> None:
        # The first frame is on screen: the collector may run again (see story_tui/tui/startup.py).
        resume_collector()

    def _theme_for(self, session: ReadingSession) -> str:
        return self.options.theme or session.theme or self._library_theme

    # Opening a story from another screen -------------------------------------------------------

    @on(OpenStory)
    async def _open_story_asked(self, event: OpenStory) -> None:
        await self.open_story(event.path, event.target, event.location)

    async def open_story(
        self, path: str, start: Target | None = None, location: Location | None = None
    ) -> bool:
        """Open a story file in a story screen over the current screen; False if it could not.

        Any screen may call it (or post `OpenStory`): the story is opened the one way, with its
        own reading session; `backspace` with nothing left to go back to returns to the screen
        it was opened from.
        """
        from story_tui.storage.opening import open_story_file

        options = self.options
        try:
            story = open_story_file(path, options.max_bytes, options.use_cache)
        except StoryUnreadable as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return False
        except StoryInvalid as error:
            self.notify(visible(str(error)), title="Invalid story", severity="error", markup=False)
            return False
        session = self.new_session(story)
        screen = MainScreen(session, start, location)
        theme = self._theme_for(session)
        if theme in self.available_themes:
            self.theme = theme
        await self.push_screen(screen, lambda _result: self._story_closed(screen))
        return True

    def _story_closed(self, screen: MainScreen) -> None:
        screen.reading.leave()
        if self._library_theme in self.available_themes:
            self.theme = self._library_theme
        if self.host is not None:
            self.host.story_closed(screen.session)

    # Leaving -----------------------------------------------------------------------------------

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Remember the place in every open story (and the library's), then exit."""
        self._leave()
        super().exit(result, return_code, message)

    def on_unmount(self) -> None:
        self._leave()

    def _leave(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.reading.leave()
        if self.host is not None:
            self.host.leave()
        if self.options.remember:
            problem = self.saver.flush()  # written now; the saving thread ends
            if problem:
                self._save_failed(problem)

    def save_state(self) -> None:
        """Write what the app remembers soon, off the key path."""
        if self.options.remember:
            self.saver.request()

    def _save_failed(self, problem: str) -> None:
        """Tell the reader a write failed (the saving thread calls it too)."""
        tell = partial(
            self.notify, visible(problem), title="Settings", severity="warning", markup=False
        )
        if threading.current_thread() is threading.main_thread():
            tell()
        elif self.is_running:
            self.call_from_thread(tell)

    def watch_theme(self, theme: str) -> None:
        if not self._theme_ready or not self.options.remember:
            return
        if not any(isinstance(screen, MainScreen) for screen in self.screen_stack):
            self._library_theme = theme  # chosen outside any story: the app's theme from now on
        if theme != self.state.theme:
            self.state.choose_theme(theme)
            self.save_state()

    # Commands ----------------------------------------------------------------------------------

    def story_screen(self) -> MainScreen | None:
        """The story screen nearest the top, if a story is open."""
        return next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, with `Keys` and `Screenshot` made to fit this app.

        Textual's `Keys` opens a side panel that `escape` and `q` do not close and that narrows
        the article; here it opens the help screen. Its `Screenshot` saves to `~/Downloads` and
        fails without a word when that folder does not exist; here it saves in the current
        directory and says where, or why it could not.
        """
        for command in super().get_system_commands(screen):
            if command.title == "Keys" and (shown := self._help_of(screen)) is not None:
                yield SystemCommand("Keys", "Every key, by pane (? or F1)", shown)
            elif command.title == "Screenshot":
                yield SystemCommand(
                    "Screenshot",
                    "Save an SVG screenshot of the screen in the current directory",
                    lambda: self.call_after_refresh(self.save_screenshot_here),
                )
            else:
                yield command

    def action_about(self) -> None:
        """About this story: its published date, byline and sources (the `i` key)."""
        from story_tui.tui.screens.about import AboutStory

        main = self.story_screen()
        if main is not None:
            self.push_screen(AboutStory(main.story))

    def action_library_help(self) -> None:
        """F1 on a screen the library leads to (search, people, threads): the library's keys."""
        from story_tui.tui.screens.help import HelpScreen, library_help_groups
        from story_tui.tui.screens.library import LibraryScreen

        self.push_screen(HelpScreen(library_help_groups(LibraryScreen.BINDINGS)))

    def _help_of(self, screen: Screen[object]) -> Callable[[], object] | None:
        """What shows the keys over `screen`: its own help (the library's), else the story's."""
        own = getattr(screen, "action_help", None)
        if callable(own):
            return own  # type: ignore[no-any-return]
        main = self.story_screen()
        return main.action_help if main is not None else None

    def save_screenshot_here(self) -> str | None:
        """Save an SVG screenshot in the current directory; say where, or why it failed."""
        where = "the current directory"
        try:
            directory = Path.cwd()  # raises when the directory was deleted
            where = str(directory)
            name = safe_file_name(self.title, datetime.now(), ".svg")
            path = str(directory / name)
            svg = self.export_screenshot()
            with open(path, "x", encoding="utf-8") as out:  # never replaces a file
                out.write(svg)
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(
                visible(f"Could not save the screenshot in {where}: {reason}"),
                title="Screenshot",
                severity="error",
                markup=False,
            )
            return None
        self.notify(visible(f"Saved {path}"), title="Screenshot", markup=False, timeout=6)
        return path


def run_app(first: First, options: AppOptions, start: Target | None = None) -> int:
    """Run the app on a story or a library and return its exit code."""
    app = StoryApp(first, options=options, start=start)
    app.run()
    return app.return_code or 0
