"""Adding an address and refreshing, from the library screen (`a` and `r`), in the background.

The library screen owns one `LibraryNews` once the reader presses `a` or `r` on a library that
is one folder. Fetching runs in an async worker (the network in the app's own event loop, the
drafting in a thread, as on the command line: `news/refresh.py`); the title shows the progress;
each story added or updated appears in the list as it arrives, marked `new` or `updated`; a
failure is a notice naming the feed or address, never a stop. One run at a time: the library's
lock keeps a `story-tui refresh` in a terminal and the app from adding at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from story_tui.news.add import Outcome
from story_tui.story.safety import visible
from story_tui.tui.widgets.text import literal

if TYPE_CHECKING:
    from textual.app import App

    from story_tui.news.refresh import Run
    from story_tui.storage.library import Library

Job = Callable[["Run"], Awaitable[object]]
"""What a background run does with its `Run` (`run.add([...])` or `run.refresh()`)."""


class LibraryView(Protocol):
    """What `a` and `r` use of the library screen (the screen owns a `LibraryNews`)."""

    @property
    def app(self) -> App[Any]:
        """The app (to push the prompt, notify, run the worker)."""

    @property
    def library(self) -> Library | None:
        """The library shown (None while a first run indexes it)."""

    def set_library(self, library: Library) -> None:
        """List the library again (stories arrived)."""

    def show_activity(self, text: str | None) -> None:
        """Say in the title what runs in the background."""


class AddressPrompt(ModalScreen[str | None]):
    """Asks for an article's address; `enter` adds it, `escape` cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    AddressPrompt { align: center middle; }
    AddressPrompt > Vertical {
        width: 80%; max-width: 100; height: auto; padding: 1 2;
        border: round $accent; background: $panel;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal("Add an article by its address (http or https)", "bold"))
            yield Input(placeholder="https://…", id="address")
            yield Static(literal("enter adds it to the library · escape cancels", "$text-muted"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)


class LibraryNews:
    """The `a` and `r` of one library screen: what runs, what arrived, and the marks."""

    def __init__(self, screen: LibraryView, root: Path) -> None:
        self.screen = screen
        self.root = root
        self.marks: dict[str, str] = {}
        """Story path -> `new` or `updated`: what arrived while the library was open."""
        self.running = False
        self._listed = asyncio.Event()
        self._changed: set[str] = set()

    def status(self, row_path: str, status: str) -> str:
        """The mark a row shows: `new` / `updated` when it just arrived, else its own."""
        mark = self.marks.get(row_path)
        return mark if mark is not None and status != "invalid" else status

    def add(self) -> None:
        """Ask for an address, then add it in the background."""
        self.screen.app.push_screen(AddressPrompt(), self._address_given)

    def _address_given(self, address: str | None) -> None:
        if not address:
            return
        from story_tui.news.fetch import FetchError, check_address

        try:
            check_address(address)
        except FetchError as error:
            self._notice(f"{address}: {error.message}")
            return
        self._start(lambda run: run.add([address]), f"adding {address}")

    def refresh(self) -> None:
        """Fetch every feed and added address of the library in the background."""
        self._start(lambda run: run.refresh(), "refreshing")

    def _start(self, job: Job, what: str) -> None:
        if self.running:
            self.screen.app.notify("A refresh is already running.", title="Library", markup=False)
            return
        self.running = True
        self.screen.show_activity(f"{what}…")
        self.screen.app.run_worker(self._run(job), group="library-news", exit_on_error=False)

    async def _run(self, job: Job) -> None:
        from story_tui.news.opml import BadOpml
        from story_tui.news.refresh import Run
        from story_tui.news.shelf import LibraryBusy, Shelf

        shelf = Shelf(self.root)
        run: Run | None = None
        lister = asyncio.create_task(self._keep_listed())
        try:
            run = Run(shelf, on_outcome=self._arrived, progress=self._progress)
            with shelf.lock():
                await job(run)
        except (LibraryBusy, BadOpml) as error:
            self._notice(str(error))
        except OSError as error:
            self._notice(f"{self.root}: {error.strerror or error}")
        finally:
            self.running = False
            self._listed.set()
            await lister
            self.screen.show_activity(None)
        if run is not None:
            summary = run.summary.line()
            self.screen.app.notify(summary, title="Library", markup=False, timeout=6)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.screen.show_activity(f"refreshing {done}/{total}…")

    def _arrived(self, outcome: Outcome) -> None:
        if outcome.status == "failed":
            self._notice(f"{outcome.source}: {outcome.detail}")
        elif outcome.status in ("new", "updated") and outcome.path is not None:
            self.marks[str(outcome.path)] = outcome.status
            self._changed.add(str(outcome.path))
            self._listed.set()

    async def _keep_listed(self) -> None:
        """List again what arrived (indexing in a thread), until the run is over."""
        while True:
            await self._listed.wait()
            self._listed.clear()
            if self._changed:
                self._changed.clear()
                library = await asyncio.to_thread(self._reopen)
                if library is not None:
                    self.screen.set_library(library)
            if not self.running:
                return

    def _reopen(self) -> Library | None:
        from story_tui.storage.library import LibraryFiles

        current = self.screen.library
        if current is None:
            return None
        return LibraryFiles([self.root], current.index).open()

    def _notice(self, text: str) -> None:
        self.screen.app.notify(
            visible(text), title="Refresh", severity="warning", markup=False, timeout=8
        )
