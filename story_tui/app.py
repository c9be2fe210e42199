"""The Textual app: one story in, panes out. It never opens files; `main()` loads the story."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

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
    ) -> None:
        """Create the app.

        Args:
            story: The loaded story to browse.
            theme: A theme name to start with (overrides the remembered one).
            state: Remembered settings; read from the state directory when None.
            remember: Save the reader's theme choice for next time.
            start: Open at this item: ("section" | "person" | "quote" | "figure" | "event", id).
        """
        super().__init__()
        self.story = story
        self.start = start
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
