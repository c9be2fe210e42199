"""The story screen's side of its reading session: the slow work off the key path, and the words.

After the first frame it writes the cache (a story parsed from YAML), finds what changed since
the edition read last (`w` lists it), and watches the file when asked (`--watch`); when the reader
leaves it remembers their place. The same for a story opened alone or from a library: both are a
story screen with a session.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from story_tui.story.diagnostics import Diagnostic, StoryInvalid, StoryUnreadable
from story_tui.story.formatting import plural
from story_tui.story.safety import visible
from story_tui.tui.widgets.lists import highlighted_ids

AUTOSAVE_SECONDS = 0.5
"""How often the place is looked at: a change is saved within a second."""

Where = tuple[str, tuple[str, int], dict[str, str], frozenset[str], str]
"""(pane, (section id, paragraph), list highlights, seen marks, theme)."""

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.worker import Worker

    from story_tui.storage.opening import OpenedStory
    from story_tui.story.diff.change import Change
    from story_tui.tui.screens.browser import BrowserScreen
    from story_tui.tui.session import ReadingSession
    from story_tui.tui.widgets.article import ArticleView
    from story_tui.tui.widgets.lists import ListPane


class Reading:
    """Runs a story screen's session: started once the screen shows, left when it goes."""

    def __init__(self, screen: BrowserScreen, session: ReadingSession) -> None:
        self.screen = screen
        self.session = session
        self._left = False
        self._saved: Where | None = None
        """The place last remembered (the autosave writes only a change)."""
        self._timer: Timer | None = None
        self._workers: list[Worker[None]] = []
        """The workers started for this story (they end when the reader leaves it)."""
        self._article: ArticleView | None = None
        self._lists: list[ListPane] = []

    def attach(self, article: ArticleView, lists: list[ListPane]) -> None:
        """The screen's panes (kept: the place is read again after the screen is gone)."""
        self._article, self._lists = article, lists

    def place(self) -> Where:
        """Where the reader is: the pane, the paragraph, each list's highlight, what they opened,
        and the theme."""
        assert self._article is not None
        return (
            self.screen.active,
            self._article.cursor_location,
            highlighted_ids(self._lists),
            frozenset(self.screen.seen),
            self.screen.app.theme,
        )

    def autosave(self) -> None:
        """Remember the place when it changed since the last look (a timer: the write itself
        happens off the key path, in the app's saving thread)."""
        if self._left or self._article is None or not self.session.options.remember:
            return
        where = self.place()
        if where != self._saved:
            self._saved = where
            self.session.remember(*where)

    def start(self) -> None:
        """The story is on screen: say it changed, and start the slow work in workers."""
        app, session = self.screen.app, self.session
        if session.options.remember:
            self._timer = app.set_interval(AUTOSAVE_SECONDS, self.autosave)
        if session.changed_since_last_time:
            app.notify(
                "This story file changed since you last read it.", title="Changed", timeout=6
            )
            self._workers.append(app.run_worker(self._find_changes, thread=True))
        if session.opened.cache_pending:
            self._workers.append(app.run_worker(session.write_cache, thread=True))
        if session.options.watch and session.path is not None:
            self._workers.append(app.run_worker(self._watch(Path(session.path))))

    # What changed ------------------------------------------------------------------------------

    def _find_changes(self) -> None:
        changes = self.session.find_changes()
        if changes:
            self.screen.app.call_from_thread(self._changes_found, changes)

    def _changes_found(self, changes: tuple[Change, ...]) -> None:
        from story_tui.tui.screens.changes import mark_new

        mark_new(self.screen, changes)
        self.screen.app.notify(
            f"{plural(len(changes), 'change')} since you last read it: press w to see them.",
            title="What changed",
            timeout=6,
            markup=False,
        )

    def what_changed(self) -> None:
        """List what changed since the reader last read this story; enter goes to it."""
        from story_tui.tui.screens.changes import ChangesScreen, go_to_change

        screen, session = self.screen, self.session
        if not session.changes:
            why = (
                "no copy of the edition you read last was kept"
                if session.changed_since_last_time
                else "it is the edition you read last"
            )
            screen.app.notify(
                f"Nothing to list: {why}.", title="What changed", timeout=4, markup=False
            )
            return
        screen.app.push_screen(
            ChangesScreen(screen.story, session.changes),
            lambda change: go_to_change(screen, change),
        )

    # Watching the file -------------------------------------------------------------------------

    async def _watch(self, path: Path) -> None:
        """Reload the story whenever its file is saved (one async worker; ends with the screen)."""
        from watchfiles import awatch

        target = path.resolve()
        async for changes in awatch(target.parent, rust_timeout=200):
            if not any(Path(changed).resolve() == target for _change, changed in changes):
                continue
            try:
                opened = await asyncio.to_thread(self.session.read_again)
            except StoryInvalid as error:
                self._show_invalid(error.diagnostics)
            except StoryUnreadable as error:
                self.screen.app.notify(
                    visible(str(error)), title="Cannot reload", severity="error", markup=False
                )
            else:
                await self._show_new_version(opened)

    async def _show_new_version(self, opened: OpenedStory) -> None:
        self.session.adopt(opened)
        await self.screen.replace_story(opened.story)
        self.screen.app.notify("The story file changed: reloaded.", title="Reloaded", timeout=3)

    def _show_invalid(self, diagnostics: list[Diagnostic]) -> None:
        shown = "\n".join(str(d) for d in diagnostics[:8])
        more = f"\n… and {len(diagnostics) - 8} more" if len(diagnostics) > 8 else ""
        self.screen.app.notify(
            visible(f"{shown}{more}\nStill showing the last valid version."),
            title=f"The story file has {len(diagnostics)} error(s)",
            severity="error",
            timeout=20,
            markup=False,
        )

    # Remembering -------------------------------------------------------------------------------

    def leave(self) -> None:
        """The reader leaves the story (back to a library, or quitting): remember their place."""
        if self._left or self._article is None:
            return
        self._left = True
        for worker in self._workers:
            worker.cancel()  # the watcher (a thread worker finishes its one task)
        if self._timer is not None:
            self._timer.stop()
        if self.session.options.remember:
            self.session.remember(*self.place())
