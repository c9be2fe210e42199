"""Find on the main screen: the current search, its matches, and stepping through them.

The screen hands the find bar's messages to a `FindController`; the controller finds in the
article (through `story.find.ArticleIndex`) or in a list pane's option texts, and shows the
matches. The find bar and find itself are imported when first used (start-up is faster).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from story_tui.story.model import Location
from story_tui.tui.panes import LIST_PANES, PANE_TITLES, PANES
from story_tui.tui.position import wrapped
from story_tui.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from story_tui.story.find import ArticleIndex
    from story_tui.tui.screens.browser import BrowserScreen
    from story_tui.tui.widgets.findbar import FindBar


@dataclass
class FindState:
    """The current search: in which pane, its matches and the current one."""

    pane: str
    query: str = ""
    matches: tuple[Location, ...] | tuple[int, ...] = ()
    current: int | None = None
    more: bool = False


class FindController:
    """Finds what the reader types in the pane they were in, and steps through the matches."""

    def __init__(self, screen: BrowserScreen) -> None:
        self.screen = screen
        self.state: FindState | None = None
        self._index: ArticleIndex | None = None

    def reset(self) -> None:
        """Forget the search and the article index (the story changed)."""
        self.state = None
        self._index = None

    @property
    def index(self) -> ArticleIndex:
        """The article's find index, built on the first search."""
        if self._index is None:
            from story_tui.story.find import ArticleIndex

            self._index = ArticleIndex(self.screen.story)
        return self._index

    def bar(self) -> FindBar | None:
        """The find bar, once mounted."""
        bars = self.screen.query("#find")
        return cast("FindBar", bars.first()) if bars else None

    async def open(self) -> None:
        """Open the find bar for the active pane (mounted on first use)."""
        screen = self.screen
        pane = screen.active if screen.active in PANES else "article"
        if self.state is None or self.state.pane != pane:
            self.clear()
            self.state = FindState(pane)
        bar = self.bar()
        if bar is None:
            from story_tui.tui.widgets.findbar import FindBar

            bar = FindBar(id="find")
            await screen.mount(bar, before=screen.query_one(KeyBar))
        bar.open(PANE_TITLES[pane])

    def changed(self, query: str) -> None:
        """The reader typed: find again and show the matches."""
        find = self.state
        if find is None:
            return
        find.query = query
        article = self.screen.article
        if find.pane == "article":
            top = article.cursor
            locations, more = self.index.find(query, start=top)
            find.matches, find.more = tuple(locations), more
            # Start at the first match below the reader's place, like `less`.
            find.current = next(
                (i for i, loc in enumerate(locations) if article.order_of(loc) >= top),
                0 if locations else None,
            )
        else:
            pane = self.screen.list_pane(find.pane)
            # Only the story's words match (not the pane's own `3 quotes`); each is marked.
            hits = pane.matching(query)
            pane.mark_matches(query)
            find.matches, find.more = tuple(hits), False
            # From the highlighted row on, like the article from the reader's place.
            here = pane.highlighted or 0
            find.current = next(
                (i for i, hit in enumerate(hits) if hit >= here), 0 if hits else None
            )
        self.show()

    def show(self) -> None:
        """Show the count in the bar and the matches in the pane, the current one in view."""
        find = self.state
        if find is None:
            return
        bar = self.bar()
        if bar is not None:
            bar.show_count(find.current, len(find.matches), find.more)
        article = self.screen.article
        if find.pane == "article":
            current = None
            if find.current is not None and find.matches:
                location = find.matches[find.current]
                assert isinstance(location, Location)
                current = location
                article.reveal(location)
            article.set_matches([m for m in find.matches if isinstance(m, Location)], current)
        elif find.current is not None and find.matches:
            index = find.matches[find.current]
            assert isinstance(index, int)
            self.screen.list_pane(find.pane).highlighted = index

    def step(self, step: int) -> bool:
        """Go to the next (1) or previous (-1) match; False when there is nothing to step."""
        find = self.state
        if find is None or not find.matches:
            return False
        if find.current is None:
            find.current = 0
        else:
            previous = find.current
            find.current = (find.current + step) % len(find.matches)
            notice = wrapped(previous, find.current, step)
            if notice is not None:
                self.screen.notify(notice, title="Find", timeout=2)
        self.show()
        return True

    def clear(self) -> None:
        """Forget the search, unmark its matches and hide the bar."""
        if self.state is not None and self.state.pane in LIST_PANES:
            self.screen.list_pane(self.state.pane).mark_matches(None)
        self.state = None
        self.screen.article.set_matches([], None)
        bar = self.bar()
        if bar is not None:
            bar.display = False
