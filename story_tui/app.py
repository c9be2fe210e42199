"""The Textual app: one story in, panes out. It never opens files; `main()` loads the story."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from story_tui.diagnostics import Diagnostic, StoryInvalid, StoryUnreadable
from story_tui.model import Story

if TYPE_CHECKING:
    from textual.command import Provider
from story_tui.safety import visible
from story_tui.screens.main import MainScreen, Target
from story_tui.state import State, load_state, save_state

DEFAULT_THEME = "textual-dark"


def _story_commands() -> type[Provider]:
    # Imported when the palette first opens: textual.command costs start-up time.
    from story_tui.commands import StoryCommands

    return StoryCommands


class StoryApp(App[None]):
    """Browse one story: sections, article, people, key figures, timeline."""

    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        _story_commands,
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
        story: Story,
        *,
        theme: str | None = None,
        state: State | None = None,
        remember: bool = True,
        start: Target | None = None,
        reload: Callable[[], Story] | None = None,
        watch: Path | None = None,
    ) -> None:
        """Create the app.

        Args:
            story: The loaded story to browse.
            theme: A theme name to start with (overrides the remembered one).
            state: Remembered settings; read from the state directory when None.
            remember: Save the reader's theme choice for next time.
            start: Open at this item: ("section" | "person" | "quote" | "figure" | "event", id).
            reload: Loads the story again (from its file); used with `watch`.
            watch: A story file to watch: on every save the app reloads it with `reload`,
                keeping the reader's place, or shows the errors of an invalid version.
        """
        super().__init__()
        self.story = story
        self.start = start
        self._reload = reload
        self._watch_path = watch
        self._stop_watch = threading.Event()
        self.remember = remember
        self.state = state if state is not None else (load_state() if remember else State())
        self.title = visible(story.title)
        self._initial_theme = theme or self.state.theme or DEFAULT_THEME
        self._theme_ready = False

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.story, self.start)

    def on_mount(self) -> None:
        if self._initial_theme in self.available_themes:
            self.theme = self._initial_theme
        self._theme_ready = True  # from now on a theme change is the reader's choice
        if self._watch_path is not None and self._reload is not None:
            self._watch_file()

    def on_unmount(self) -> None:
        self._stop_watch.set()

    @work(thread=True, exclusive=True, group="watch")
    def _watch_file(self) -> None:
        """Reload the story whenever its file is saved (a thread: watchfiles blocks)."""
        from watchfiles import watch

        assert self._watch_path is not None and self._reload is not None
        target = self._watch_path.resolve()
        for changes in watch(
            target.parent, stop_event=self._stop_watch, raise_interrupt=False, rust_timeout=200
        ):
            if not any(Path(path).resolve() == target for _change, path in changes):
                continue
            try:
                story = self._reload()
            except StoryInvalid as error:
                self.call_from_thread(self._show_invalid, error.diagnostics)
            except StoryUnreadable as error:
                self.call_from_thread(self._show_unreadable, str(error))
            else:
                self.call_from_thread(self._run_show_new_version, story)

    def _run_show_new_version(self, story: Story) -> None:
        self.run_worker(self._show_new_version(story), exclusive=True, group="reload")

    async def _show_new_version(self, story: Story) -> None:
        self.story = story
        screen = self.screen_stack[0]
        if isinstance(screen, MainScreen):
            await screen.replace_story(story)
        self.notify("The story file changed: reloaded.", title="Reloaded", timeout=3)

    def _show_invalid(self, diagnostics: list[Diagnostic]) -> None:
        shown = "\n".join(str(d) for d in diagnostics[:8])
        more = f"\n… and {len(diagnostics) - 8} more" if len(diagnostics) > 8 else ""
        self.notify(
            visible(f"{shown}{more}\nStill showing the last valid version."),
            title=f"The story file has {len(diagnostics)} error(s)",
            severity="error",
            timeout=20,
            markup=False,
        )

    def _show_unreadable(self, message: str) -> None:
        self.notify(visible(message), title="Cannot reload", severity="error", markup=False)
        if self.state.problem:
            self.notify(
                visible(self.state.problem), title="Settings", severity="warning", markup=False
            )

    def watch_theme(self, theme: str) -> None:
        if not self.remember or not self._theme_ready or theme == self.state.theme:
            return
        self.state.data["theme"] = theme
        problem = save_state(self.state)
        if problem:
            self.notify(visible(problem), title="Settings", severity="warning", markup=False)
