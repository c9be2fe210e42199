"""The Textual app: one story in, panes out. It never opens files; `main()` loads the story."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from story_tui.story.diagnostics import Diagnostic, StoryInvalid, StoryUnreadable
from story_tui.story.model import Story

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.command import Provider

    from story_tui.story.diff.change import Change
from story_tui.storage.files import safe_file_name
from story_tui.storage.state import State, load_state, save_state
from story_tui.story.formatting import plural
from story_tui.story.safety import visible
from story_tui.tui.screens.main import MainScreen, Target
from story_tui.tui.startup import resume_collector

DEFAULT_THEME = "textual-dark"


def story_digest(story: Story) -> str:
    """A digest of the story's content, to notice that a file changed between readings."""
    import hashlib

    from story_tui.story.serialize import to_json

    return hashlib.sha256(to_json(story).encode("utf-8")).hexdigest()[:32]


def remembered_place(memory: dict[str, object]) -> tuple[str, str, int] | None:
    """(pane, section id, paragraph) from a story's memory, if well formed."""
    pane, section, paragraph = memory.get("pane"), memory.get("section"), memory.get("paragraph")
    if isinstance(pane, str) and isinstance(section, str) and type(paragraph) is int:
        return pane, section, paragraph
    return None


def remembered_lists(memory: dict[str, object]) -> dict[str, str]:
    """Each list's highlighted option id from a story's memory (pane id -> option id)."""
    lists = memory.get("lists")
    if not isinstance(lists, dict):
        return {}
    return {k: v for k, v in lists.items() if isinstance(k, str) and isinstance(v, str)}


def remembered_seen(memory: dict[str, object]) -> set[str]:
    """The items the reader opened before."""
    seen = memory.get("seen")
    return {item for item in seen if isinstance(item, str)} if isinstance(seen, list) else set()


def _story_commands() -> type[Provider]:
    # Imported when the palette first opens: textual.command costs start-up time.
    from story_tui.tui.palette import StoryCommands

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
        Binding("w", "what_changed", "What changed", show=False, id="app.what-changed"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+q | Quit at once, from anywhere. |
    | w | What changed since you last read this story (when it changed). |
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
        content_hash: str | None = None,
        fresh: bool = False,
    ) -> None:
        """Create the app.

        Args:
            story: The loaded story to browse.
            theme: A theme name to start with (overrides the remembered one).
            state: Remembered settings; read from the state directory when None.
            remember: Remember the theme, the reader's place and what they opened, per story.
            start: Open at this item: ("section" | "person" | "quote" | "figure" | "event", id).
            reload: Loads the story again (from its file); used with `watch`.
            watch: A story file to watch: on every save the app reloads it with `reload`,
                keeping the reader's place, or shows the errors of an invalid version.
            content_hash: A digest of the story file, to tell the reader it changed since last
                time (computed from the model when not given).
            fresh: Ignore what was remembered about this story (it is still saved on exit).
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
        self.content_hash = content_hash
        if remember and content_hash is None:
            self.content_hash = story_digest(story)
        memory = {} if fresh or not remember else self.state.story(story.id)
        self.memory = memory
        self.changed_since_last_time = bool(memory) and memory.get("hash") != self.content_hash
        self._read_story = story
        self.edition_changes: tuple[Change, ...] = ()
        """What changed since the edition read last (found after the first frame)."""
        self._previous_digest = memory.get("hash")
        remembered_theme = memory.get("theme")
        self._initial_theme = (
            theme
            or (remembered_theme if isinstance(remembered_theme, str) else None)
            or self.state.theme
            or DEFAULT_THEME
        )
        self._theme_ready = False
        self._place_saved = False
        self._main_screen: MainScreen | None = None

    def get_default_screen(self) -> Screen[None]:
        self._main_screen = MainScreen(
            self.story,
            self.start,
            restore=remembered_place(self.memory),
            seen=remembered_seen(self.memory),
            highlights=remembered_lists(self.memory),
        )
        return self._main_screen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, with `Keys` and `Screenshot` made to fit this app.

        Textual's `Keys` opens a side panel that `escape` and `q` do not close and that narrows
        the article; here it opens the help screen. Its `Screenshot` saves to `~/Downloads` and
        fails without a word when that folder does not exist; here it saves in the current
        directory and says where, or why it could not.
        """
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand("Keys", "Every key, by pane (? or F1)", self.show_keys)
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

        self.push_screen(AboutStory(self.story))

    def show_keys(self) -> None:
        """The help screen: every key, by pane."""
        main = self.screen_stack[0] if self.screen_stack else None
        if isinstance(main, MainScreen):
            main.action_help()

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

    def on_mount(self) -> None:
        if self._initial_theme in self.available_themes:
            self.theme = self._initial_theme
        self._theme_ready = True  # from now on a theme change is the reader's choice
        if self.state.problem:
            self.notify(
                visible(self.state.problem), title="Settings", severity="warning", markup=False
            )
        if self.changed_since_last_time:
            self.notify(
                "This story file changed since you last read it.", title="Changed", timeout=6
            )
            self._find_changes()
        if self._watch_path is not None and self._reload is not None:
            self._watch_file()

    def on_ready(self) -> None:
        # The first frame is on screen: the collector may run again (see story_tui/tui/startup.py).
        resume_collector()

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Remember the reader's place for this story, then exit."""
        if self.remember:
            self.save_place()
        self._stop_watch.set()
        super().exit(result, return_code, message)

    def on_unmount(self) -> None:
        self._stop_watch.set()
        if self.remember:
            self.save_place()

    def save_place(self) -> None:
        """Remember, for this story, the pane, the paragraph, the theme and the items opened."""
        if self._place_saved:
            return
        screen = self.screen_stack[0] if self.screen_stack else self._main_screen
        if not isinstance(screen, MainScreen) or not hasattr(screen, "_article_view"):
            return
        self._place_saved = True
        memory = {"hash": self.content_hash, "theme": self.theme, **screen.memory()}
        self.state.remember_story(self.story.id, memory)
        save_state(self.state)
        if self.content_hash is not None:
            from story_tui.storage.editions import save_edition

            save_edition(self._read_story, self.content_hash)

    @work(thread=True, exclusive=True, group="changes")
    def _find_changes(self) -> None:
        """Diff the edition read last with this one (a thread: a long story takes a while)."""
        from story_tui.tui.screens.changes import changes_since

        changes = changes_since(self._read_story, self._previous_digest)
        if changes:
            self.call_from_thread(self._changes_found, changes)

    def _changes_found(self, changes: tuple[Change, ...]) -> None:
        from story_tui.tui.screens.changes import mark_new

        self.edition_changes = changes
        if self._main_screen is not None:
            mark_new(self._main_screen, changes)
        self.notify(
            f"{plural(len(changes), 'change')} since you last read it: press w to see them.",
            title="What changed",
            timeout=6,
            markup=False,
        )

    def action_what_changed(self) -> None:
        """List what changed since the reader last read this story; enter goes to it."""
        from story_tui.tui.screens.changes import ChangesScreen, go_to_change

        main = self.screen_stack[0] if self.screen_stack else None
        if not isinstance(main, MainScreen):
            return
        if not self.edition_changes:
            why = (
                "no copy of the edition you read last was kept"
                if self.changed_since_last_time
                else "it is the edition you read last"
            )
            self.notify(f"Nothing to list: {why}.", title="What changed", timeout=4, markup=False)
            return
        self.push_screen(
            ChangesScreen(self.story, self.edition_changes),
            lambda change: go_to_change(main, change),
        )

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

    def watch_theme(self, theme: str) -> None:
        if not self.remember or not self._theme_ready or theme == self.state.theme:
            return
        self.state.data["theme"] = theme
        if self.memory is not None:
            self.memory["theme"] = theme
        problem = save_state(self.state)
        if problem:
            self.notify(visible(problem), title="Settings", severity="warning", markup=False)
