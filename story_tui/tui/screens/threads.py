"""The library's threads, and one thread: its stories, timeline, people and figures merged.

`ThreadsScreen` lists the library's threads (grouped in a worker: a first grouping reads every
story); `enter` opens a `ThreadScreen`. Every item of a thread opens its place in its story with
`enter` (the screen posts `OpenStory`; the app opens the story over this screen, and `backspace`
there comes back here). What the reader saw when they last opened a thread is remembered, so the
thread view says what is new since.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from story_tui.story.formatting import plural
from story_tui.threads.store import LibraryThreads, Thread
from story_tui.threads.view import counts_text, span_text, status_of, thread_items
from story_tui.tui.messages import OpenStory
from story_tui.tui.screens.list_screen import ListScreen
from story_tui.tui.widgets.library_list import LibraryList
from story_tui.tui.widgets.text import literal
from story_tui.tui.widgets.thread_list import ThreadItemOption, ThreadOption

Seen = Callable[[Thread], "set[str] | None"]
"""The story files the reader saw when they last opened a thread (None: never opened)."""
Opened = Callable[[Thread], None]
"""Remember that the reader opened a thread now."""
Unread = Callable[[], "set[str]"]
"""The story files the library marks unread now (its memory of what the reader read)."""


class ThreadsScreen(ListScreen):
    """The library's threads, newest first; `enter` opens one; `ctrl+t` back to all stories."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "app.pop_screen", "All stories", priority=True, id="threads.stories"),
        Binding("t", "app.pop_screen", "All stories", show=False, id="threads.stories.t"),
        Binding("escape", "app.pop_screen", "All stories", show=False, id="threads.back"),
        Binding("f1", "app.library_help", "Help", id="threads.help"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, id="threads.quit"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, down, pageup, pagedown | Move in the list. |
    | enter | Open the highlighted thread. |
    | ctrl+t, t, escape | Back to all stories. |
    """

    def __init__(
        self, load: Callable[[], LibraryThreads], seen: Seen, opened: Opened, unread: Unread
    ) -> None:
        super().__init__()
        self._load = load
        self.seen = seen
        self.opened = opened
        self.unread = unread
        self.threads: LibraryThreads | None = None

    def compose(self) -> ComposeResult:
        yield Static(literal("Threads · grouping the stories…", "bold"), id="threads-title")
        yield LibraryList(id="threads-list")
        yield Footer()

    def on_mount(self) -> None:
        self.list.focus()
        self._group()

    @work(thread=True, exclusive=True, group="threads")
    def _group(self) -> None:
        found = self._load()
        self.app.call_from_thread(self.show, found)

    def show(self, found: LibraryThreads) -> list[Thread]:
        """The threads are grouped: list them (and return them, as listed)."""
        self.threads = found
        threads = found.threads
        stories = sum(len(t.stories) for t in threads)
        title = (
            f"Threads · {plural(len(threads), 'thread')} of {plural(stories, 'story', 'stories')}"
        )
        self.query_one("#threads-title", Static).update(literal(title, "bold"))
        unread = self.unread()
        self.list.set_options(self._option(t, unread) for t in threads)
        if threads:
            self.list.highlighted = 0
        for problem in found.problems:
            self.notify(problem, title="threads.txt", severity="warning", markup=False)
        return threads

    def _option(self, thread: Thread, unread: set[str] | None = None) -> ThreadOption:
        seen = self.seen(thread)
        unread = self.unread() if unread is None else unread
        return ThreadOption(thread, status_of(thread, seen, unread), seen, unread)

    @on(OptionList.OptionSelected, "#threads-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, ThreadOption):
            thread = option.thread
            seen = self.seen(thread)
            self.opened(thread)
            self.list.replace_option_prompt(thread.id, self._option(thread).prompt)
            self.app.push_screen(ThreadScreen(thread, seen, self.threads, self.corrected))

    def on_screen_resume(self) -> None:
        """Back from a thread or a story: the marks again, as the library's memory now has them."""
        if self.threads is None:
            return
        unread = self.unread()
        for thread in self.threads.threads:
            self.list.replace_option_prompt(thread.id, self._option(thread, unread).prompt)

    def corrected(self, thread: str) -> None:
        """The reader moved a story: list the threads again, the corrected one highlighted."""
        if self.threads is None:
            return
        shown = self.show(self.threads)
        index = next((i for i, t in enumerate(shown) if t.id == thread), None)
        if index is not None:
            self.list.highlighted = index


class MoveScreen(ModalScreen[str | None]):
    """Choose the thread a story goes to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="move.cancel"),
    ]

    def __init__(self, title: str, threads: list[Thread]) -> None:
        super().__init__()
        self.title_text = title
        self.threads = threads

    def compose(self) -> ComposeResult:
        with Vertical(id="move-dialog"):
            yield Static(literal(self.title_text, "bold"))
            yield LibraryList(
                *(Option(literal(t.title), id=t.id) for t in self.threads), id="move-list"
            )

    def on_mount(self) -> None:
        pane = self.query_one(LibraryList)
        if pane.option_count:
            pane.highlighted = 0
        pane.focus()

    @on(OptionList.OptionSelected, "#move-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


class ThreadScreen(ListScreen):
    """One thread: what is new, its stories in time order, the merged timeline, the people with
    every quote in time order, the figures as they changed; `enter` opens an item's place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace", "app.pop_screen", "Back", id="thread.back"),
        Binding("m", "move_story", "Move story", id="thread.move"),
        Binding("s", "split", "Split off", id="thread.split"),
        Binding("escape", "app.pop_screen", "Back", show=False, id="thread.back2"),
        Binding("f1", "app.library_help", "Help", id="thread.help"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, id="thread.quit"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, down, pageup, pagedown | Move in the thread. |
    | enter | Open the highlighted story, quote, person, event or figure in its story. |
    | m | Move the highlighted story to another thread (kept in the library's threads.txt). |
    | s | Split the highlighted story off into a thread of its own (kept likewise). |
    | backspace, escape | Back to the threads. |
    """

    def __init__(
        self,
        thread: Thread,
        seen: set[str] | None,
        threads: LibraryThreads | None = None,
        corrected: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.thread = thread
        self.seen = seen
        self.threads = threads
        self.corrected = corrected

    def _story(self) -> str | None:
        """The story file of the highlighted line, when it is a story of the thread."""
        option = self.highlighted_option()
        if isinstance(option, ThreadItemOption) and option.item.target is None:
            return option.item.path
        self.notify("Choose one of the thread's stories first.", severity="warning")
        return None

    def _apply(self, path: str, into: str | None) -> None:
        if self.threads is None:
            return
        try:
            thread = self.threads.move(path, into)
        except OSError as error:
            self.notify(
                f"Cannot write the correction: {error.strerror or error}",
                severity="error",
                markup=False,
            )
            return
        self.notify("Moved; the correction is kept in threads.txt.", markup=False)
        self.app.pop_screen()
        if self.corrected is not None:
            self.corrected(thread)

    def action_split(self) -> None:
        """Split the highlighted story off into a thread of its own."""
        path = self._story()
        if path is not None:
            self._apply(path, None)

    def action_move_story(self) -> None:
        """Move the highlighted story to another thread, chosen from a list."""
        path = self._story()
        if path is None or self.threads is None:
            return
        others = [t for t in self.threads.threads if t.id != self.thread.id]
        if not others:
            self.notify("There is no other thread.", severity="warning")
            return

        def chosen(thread_id: str | None) -> None:
            target = next((t for t in others if t.id == thread_id), None)
            if target is not None:
                self._apply(path, target.lead.path)

        self.app.push_screen(MoveScreen("Move the story to which thread?", others), chosen)

    def compose(self) -> ComposeResult:
        thread = self.thread
        details = " · ".join(filter(None, [span_text(thread), counts_text(thread)]))
        yield Static(literal(thread.title, "bold"), classes="library-title")
        outlets = ", ".join(thread.outlets)
        yield Static(literal(f"{details} · {outlets}" if outlets else details, "$text-muted"))
        options = [ThreadItemOption(item) for item in thread_items(thread, self.seen)]
        yield LibraryList(*options, id="thread-items")
        yield Footer()

    def on_mount(self) -> None:
        pane = self.list
        first = next((i for i, o in enumerate(pane.options) if not o.disabled), None)
        if first is not None:
            pane.highlighted = first
        pane.focus()

    @on(OptionList.OptionSelected, "#thread-items")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, ThreadItemOption) and option.item.path is not None:
            self.post_message(OpenStory(option.item.path, option.item.target))
