"""Search every article of the library (`/`): hits in context, grouped by story."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from story_tui.storage.library import Library
from story_tui.storage.search import SearchHit, search_library
from story_tui.story.formatting import plural
from story_tui.tui.messages import OpenStory
from story_tui.tui.screens.list_screen import ListScreen
from story_tui.tui.widgets.library_list import HitOption, LibraryList, story_heading
from story_tui.tui.widgets.text import literal


class SearchScreen(ListScreen):
    """A query and its hits; `enter` opens the story at the hit, highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="library.back"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, id="library.quit"),
        Binding("f1", "app.library_help", "Help", show=False, id="library.f1"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | (type) | Words to find (the last may be a word's beginning). |
    | up, down | Move through the hits. |
    | enter | Open the story at the hit. |
    | escape | Back to the library. |
    """

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Static(literal("Search every article", "bold"), id="search-title")
        yield Input(placeholder="Words to find (accents and case ignored)", id="search-query")
        yield LibraryList(id="search-hits")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#search-query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(exclusive=True, group="search")
    async def _search(self, query: str) -> None:
        hits, more = search_library(self.library, query)
        self.show_hits(query, hits, more)

    def show_hits(self, query: str, hits: list[SearchHit], more: bool) -> None:
        """List the hits under a heading per story."""
        self.hits = hits
        options: list[Option] = []
        stories = 0
        for index, hit in enumerate(hits):
            if index == 0 or hits[index - 1].story.path != hit.story.path:
                count = sum(1 for h in hits if h.story.path == hit.story.path)
                options.append(story_heading(hit.story, count))
                stories += 1
            options.append(HitOption(hit))
        pane = self.list
        pane.set_options(options)
        title = self.query_one("#search-title", Static)
        if not query.strip():
            title.update(literal("Search every article", "bold"))
        else:
            cut = " (first ones)" if more else ""
            summary = f"{plural(len(hits), 'hit')}{cut} in {plural(stories, 'story', 'stories')}"
            title.update(literal(f"Search every article · {summary}", "bold"))
        first = next((i for i, o in enumerate(options) if isinstance(o, HitOption)), None)
        pane.highlighted = first

    @on(OptionList.OptionSelected, "#search-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, HitOption):
            self.post_message(OpenStory(option.hit.story.path, location=option.hit.location))
