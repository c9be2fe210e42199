"""The library screen: every story of a folder, newest first, filtered as the reader types.

The screen only shows and filters; opening a story is the app's business: the screen posts
`OpenStory` (tui/messages.py) and the app (the mediator) opens the story and pushes a story
screen over this screen, which stays as it was, so coming back finds the reader exactly where
they were.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from story_tui.storage.library import Library, filter_text
from story_tui.storage.rows import StoryRow
from story_tui.story.formatting import plural
from story_tui.tui.messages import OpenStory
from story_tui.tui.screens.list_screen import ListScreen
from story_tui.tui.widgets.library_list import LibraryList, StoryOption, story_prompt
from story_tui.tui.widgets.text import literal

if TYPE_CHECKING:
    from story_tui.tui.library_news import LibraryNews


class LibraryFilter(Input):
    """The library's filter: `a` and `r` are keys of the screen until the reader starts typing.

    An Input takes every printable key, so Textual leaves a screen's binding for a letter out
    while it has focus; on an empty filter this one lets `a` (add), `r` (refresh) and `t`
    (threads) go on to the screen's bindings. They are not priority bindings: the filter decides
    when the key reaches it, in the order typed, so a burst ("Lopezt" pasted or typed fast) is
    all filter text — a priority binding is checked before the letters ahead of it are typed.
    """

    COMMAND_LETTERS: ClassVar[frozenset[str]] = frozenset({"a", "r", "t"})

    def _passes(self, key: str) -> bool:
        """A command letter on an empty filter: the screen's, not typed."""
        return not self.value and key in self.COMMAND_LETTERS

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if self._passes(key):
            return False
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if self._passes(event.key):
            event.prevent_default()  # not typed: it goes on to the screen's binding


class LibraryScreen(ListScreen):
    """Every story of the library; `enter` opens one, `/` searches them all, `tab` lists people."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search all", priority=True, id="library.search"),
        Binding("tab", "people", "People", priority=True, id="library.people"),
        Binding("ctrl+t", "threads", "Threads", priority=True, id="library.threads"),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear"),
        # On an empty filter only (LibraryFilter lets them through): typed after a letter, `a`,
        # `r` and `t` filter (a capital always does: the filter ignores case).
        Binding("a", "add_address", "Add address", id="library.add"),
        Binding("r", "refresh_news", "Refresh", id="library.refresh"),
        Binding("t", "threads", "Threads", show=False, id="library.threads.t"),
        # Not a priority: typed in the filter, `?` filters (as in the story screen's find bar).
        Binding("question_mark,f1", "help", "Help", id="library.help"),
        Binding("ctrl+q", "app.quit", "Quit", id="library.quit"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | (type) | Filter the stories: fuzzy, accents and case ignored. |
    | up, down, pageup, pagedown | Move in the list. |
    | enter | Open the highlighted story. |
    | / | Search every article of the library. |
    | tab | People across the library. |
    | ctrl+t, t | Threads: the stories grouped into developing stories (`t` on an empty filter). |
    | escape | Clear the filter. |
    | a | Add an article by its address (when the filter is empty). |
    | r | Refresh: fetch what the library follows, in the background (when the filter is empty). |
    | ?, F1 | Every key of the library (`?` when the filter is not focused). |
    | ctrl+q | Quit. |
    """

    def __init__(
        self,
        library: Library | None,
        status: Callable[[StoryRow], str],
        highlighted: str | None = None,
        pending: int = 0,
        threads: Callable[[], Screen[None]] | None = None,
    ) -> None:
        """Show a library, or (with `library` None) the progress of indexing `pending` files;
        `threads` makes the screen of its threads (`ctrl+t`)."""
        super().__init__()
        self.library = library
        self._threads = threads
        self.status = status
        """unread, changed, read or invalid, for a row (from what the app remembers)."""
        self._wanted = highlighted
        self._pending = pending
        self._haystacks: dict[str, str] = {}
        """What the filter looks through, per file: gathered on the first letter typed."""
        self.shown: list[StoryRow] = list(library.rows) if library else []
        self.current: StoryRow | None = None
        """The highlighted story file (kept after the screen is gone, to be remembered)."""
        self.news: LibraryNews | None = None
        """Adding and refreshing (`a`, `r`), once the reader asked for either."""
        self._activity: str | None = None

    def _summary(self) -> str:
        library = self.library
        if library is None:
            return f"Library · indexing {plural(self._pending, 'file')} (a first run)…"
        valid = len(library.stories)
        invalid = len(library.rows) - valid
        summary = plural(valid, "story", "stories")
        if invalid:
            summary += f", {invalid} invalid"
        summary = f"Library · {summary}"
        return f"{summary} · {self._activity}" if self._activity else summary

    def compose(self) -> ComposeResult:
        yield Static(literal(self._summary(), "bold"), id="library-title")
        yield LibraryFilter(
            placeholder="Type to filter; / searches the text",
            id="library-filter",
        )
        yield LibraryList(*self._options(self.shown), id="library-list")
        yield Footer()

    def _options(self, rows: list[StoryRow]) -> list[StoryOption]:
        library = self.library
        return [
            StoryOption(row, self._status(row), library.shown_path(row) if library else None)
            for row in rows
        ]

    def _status(self, row: StoryRow) -> str:
        status = self.status(row)
        return self.news.status(row.path, status) if self.news is not None else status

    def show_activity(self, text: str | None) -> None:
        """Say in the title what runs in the background (a refresh and its progress)."""
        self._activity = text
        if self.library is not None:
            self.query_one("#library-title", Static).update(literal(self._summary(), "bold"))

    def show_progress(self, done: int, total: int) -> None:
        """How far indexing is (a first run)."""
        self.query_one("#library-title", Static).update(
            literal(f"Library · indexing: {done} of {plural(total, 'file')} read…", "bold")
        )

    def set_library(self, library: Library) -> None:
        """The library is indexed: list it."""
        self.library = library
        self._haystacks = {}
        self.query_one("#library-title", Static).update(literal(self._summary(), "bold"))
        self._filter_rows(self.query_one(Input).value)
        self._highlight_wanted()
        self.refresh_bindings()

    def on_mount(self) -> None:
        self._highlight_wanted()
        self.query_one(Input).focus()

    def _highlight_wanted(self) -> None:
        pane = self.list
        if self._wanted is not None:
            wanted = self._wanted
            index = next(
                (i for i, r in enumerate(self.shown) if os.path.abspath(r.path) == wanted), None
            )
            if index is not None:
                pane.highlighted = index
        if pane.highlighted is None and pane.option_count:
            pane.highlighted = 0
        # The story the reader was at opens at the top of the list (its title first), not
        # scrolled just into view at the bottom under the tail of another entry.
        self.call_after_refresh(pane.scroll_to_highlight, True)

    @on(OptionList.OptionHighlighted, "#library-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option, StoryOption):
            self.current = event.option.row

    @on(Input.Changed, "#library-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._filter_rows(event.value)

    def _filter_rows(self, value: str) -> None:
        if self.library is None:
            return
        query = value.strip()
        current = self.current
        rows = self.library.rows
        if query:
            from story_tui.story.filtering import QueryFilter

            if not self._haystacks:
                self._haystacks = {row.path: filter_text(row) for row in self.library.rows}
            matches = QueryFilter(query)
            rows = [row for row in rows if matches(self._haystacks[row.path])]
        self.shown = rows
        pane = self.list
        pane.set_options(self._options(rows))
        if rows:
            index = next((i for i, r in enumerate(rows) if current and r.path == current.path), 0)
            pane.highlighted = index

    def action_clear_filter(self) -> None:
        """Show every story again."""
        self.query_one(Input).value = ""

    def refresh_status(self, path: str) -> None:
        """Show a story's mark again (the reader just read it)."""
        row = self.library.row(path) if self.library else None
        if row is not None and any(r.path == path for r in self.shown):
            assert self.library is not None
            prompt = story_prompt(row, self._status(row), self.library.shown_path(row))
            self.list.replace_option_prompt(path, prompt)

    @on(OptionList.OptionSelected, "#library-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if not isinstance(option, StoryOption):
            return
        if not option.row.valid:
            self.notify(
                option.row.error or "This file is not a valid story.",
                severity="error",
                markup=False,
            )
            return
        self.post_message(OpenStory(option.row.path))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_address", "refresh_news"):
            # Letters type into the filter once the reader has started typing.
            if self.query_one("#library-filter", Input).value:
                return False
            return self._news_root() is not None and self.library is not None
        # Search and people need the index: greyed out while a first run indexes.
        return not (action in ("search", "people") and self.library is None)

    def _news_root(self) -> Path | None:
        """The library's folder, when it is one folder (adding needs a place to add to)."""
        if self.library is None or "\n" in self.library.key or not self.library.key:
            return None
        root = Path(self.library.key)
        return root if root.is_dir() else None

    def _library_news(self) -> LibraryNews | None:
        root = self._news_root()
        if self.news is None and root is not None:
            from story_tui.tui.library_news import LibraryNews

            self.news = LibraryNews(self, root)
        return self.news

    def action_add_address(self) -> None:
        """Add an article to the library by its address."""
        news = self._library_news()
        if news is not None:
            news.add()

    def action_refresh_news(self) -> None:
        """Fetch every feed and address the library follows, in the background."""
        news = self._library_news()
        if news is not None:
            news.refresh()

    def action_search(self) -> None:
        """Search every article of the library."""
        if self.library is None:
            return
        from story_tui.tui.screens.library_search import SearchScreen

        self.app.push_screen(SearchScreen(self.library))

    def action_threads(self) -> None:
        """The library's threads (developing stories), instead of all its stories."""
        if self.library is None or self._threads is None:
            return
        self.app.push_screen(self._threads())

    def action_help(self) -> None:
        """Show every key of the library."""
        from story_tui.tui.screens.help import HelpScreen, library_help_groups

        self.app.push_screen(HelpScreen(library_help_groups(self.BINDINGS)))

    def action_people(self) -> None:
        """People across the library."""
        if self.library is None:
            return
        from story_tui.tui.screens.library_people import PeopleScreen

        self.app.push_screen(PeopleScreen(self.library))
