"""The main screen: lays out the panes and mediates between them.

Panes never talk to each other. Each posts a message when the reader does something; this screen
handles it and sets state on the other panes (attributes down, messages up). Every jump goes
through `open_target`, which records where the reader was so `backspace` can bring them back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import DescendantBlur, DescendantFocus, Resize
from textual.reactive import Reactive, reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from story_tui.story.model import Location, Person, Story, Target, target_from_key, target_key
from story_tui.tui.panes import LIST_PANES, PANE_TITLES, PANES
from story_tui.tui.responsive import (
    COLUMN_OF,
    MODES,
    TALL_HEIGHT,
    layout_mode,
    visible_parts,
)
from story_tui.tui.screens.browser import BrowserScreen
from story_tui.tui.screens.copy import copy_item
from story_tui.tui.screens.find import FindController, FindState
from story_tui.tui.screens.lens import SpeakerLens
from story_tui.tui.screens.main_keys import KEY_BAR_RANK, MAIN_BINDINGS
from story_tui.tui.screens.main_layout import (
    main_widgets,
    pane_of,
    show,
    standfirst_content,
    title_content,
)
from story_tui.tui.screens.position_line import PositionLine
from story_tui.tui.screens.reading import Reading
from story_tui.tui.screens.routing import Router
from story_tui.tui.screens.seen import show_seen
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.figures import GrowthChart
from story_tui.tui.widgets.lists import ListPane, option_item
from story_tui.tui.widgets.messages import TargetChosen
from story_tui.tui.widgets.sections import SectionsPane

if TYPE_CHECKING:
    # The overlays, the find bar and find itself are imported when first used: start-up is
    # faster without them (see docs/performance.md).
    from story_tui.tui.session import ReadingSession
    from story_tui.tui.widgets.findbar import FindBar


class MainScreen(BrowserScreen):
    """Sections, article, people, key figures and timeline, with keys to move between them."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_BINDINGS
    """The screen's keys (screens/main_keys.py)."""
    KEY_BAR_RANK = KEY_BAR_RANK
    AUTO_FOCUS = None  # the screen focuses the reader's pane itself (`_refocus`)
    ALLOW_IN_MAXIMIZED_VIEW: ClassVar[str | None] = "KeyBar, FindBar"
    """A maximized pane keeps the key bar (it says how to restore) and the find bar."""

    # Neither needs a repaint of the whole screen when it changes (their watchers show and hide
    # panes), and neither does a focus change: the focused pane's border is restyled by CSS.
    # Without these a focus change redrew every cell of the screen.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    mode: reactive[str] = reactive("wide", repaint=False)
    """The layout for the terminal's size: tiny, narrow, medium or wide."""

    def __init__(
        self,
        session: ReadingSession,
        start: Target | None = None,
        location: Location | None = None,
    ) -> None:
        """The story of a reading session, opened at `start` (an item), at `location` (a place
        in the article) or where the reader left it."""
        super().__init__()
        self.session = session
        self.reading = Reading(self, session)
        self.story = session.story
        self.start = start
        self.location = location
        self.seen: set[str] = session.seen
        """Items the reader has opened, as `kind:key` (e.g. `quote:rivas#0`)."""
        self.router = Router(self)
        self.finder = FindController(self)
        self.position_line = PositionLine(self)
        self.lens = SpeakerLens(self.position_line.update)
        self._standfirst_wanted: bool | None = None
        self._before_fold_out = "article"
        """The pane to return to when the sidebar opened over the article closes."""

    # Layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        story = self.story
        # Start in the layout for the terminal's size: setting it after the first resize would
        # restyle every widget a second time before the first frame.
        mode = layout_mode(self.app.size.width, self.app.size.height)
        self.set_reactive(MainScreen.mode, mode)
        self.add_class(f"-{mode}", update=False)
        yield from main_widgets(story)

    def on_mount(self) -> None:
        self._setup()
        self.set_focus(self.pane("article"))
        self.call_after_refresh(self._refocus)
        if self.start is not None:
            self.call_after_refresh(self.open_target, self.start, False)
        elif self.location is not None:
            self.call_after_refresh(self.router.show_location, self.location)
        elif (place := self.session.place) is not None:
            self.call_after_refresh(self.router.restore, *place, self.session.highlights)
        self.call_after_refresh(self.reading.start)

    def on_unmount(self) -> None:
        self.reading.leave()

    async def replace_story(self, story: Story) -> None:
        """Show a new version of the story (the file changed), keeping the reader's place."""
        active = self.active
        section_id, paragraph = self.article.cursor_location
        highlights = self.router.highlights()
        self.story = story
        self.router = Router(self)
        self.finder.reset()
        self.lens.reset()
        await self.recompose()
        self._setup()
        self.router.restore(active, section_id, paragraph, highlights)

    def _setup(self) -> None:
        self.reading.attach(self.article, [self.list_pane(p) for p in LIST_PANES])
        for item in sorted(self.seen):
            target = target_from_key(item)
            if target is not None:
                self.mark_seen(*target)
        for number, pane_id in enumerate(PANES, start=1):
            self.pane(pane_id).border_title = f"{number} {PANE_TITLES[pane_id]}"
        self.position_line.attach(self.article)
        sections = self.query_one(SectionsPane)
        sections.current = self.story.sections[0].id
        for pane_id in LIST_PANES:
            pane = self.list_pane(pane_id)
            if pane.option_count:
                pane.highlighted = 0
        self._apply_layout()

    def pane(self, pane_id: str) -> Widget:
        """The widget of a pane, by id."""
        return self.query_one(f"#{pane_id}", Widget)

    def list_pane(self, pane_id: str) -> ListPane:
        """A list pane, by id."""
        return self.query_one(f"#{pane_id}", ListPane)

    @property
    def article(self) -> ArticleView:
        """The article pane."""
        return self.query_one(ArticleView)

    def on_resize(self, event: Resize) -> None:
        # The terminal's size now, not the event's: in a storm of resizes a Resize can be
        # handled after a later one (its size stale), and the last size must win.
        size = self.app.size
        self.mode = layout_mode(size.width, size.height)
        self.set_class(size.height >= TALL_HEIGHT, "-tall")
        self._apply_layout()
        self._refocus()
        self.query_one("#title", Static).update(title_content(self.story, size.width))

    def _refocus(self) -> None:
        """Give focus back to the reader's pane when nothing has it (after the terminal was too
        small, which hides every pane)."""
        if self.mode != "tiny" and self.focused is None and self.is_current:
            self.set_focus(self.pane(self.active))

    def watch_active(self, active: str) -> None:
        self._apply_layout()
        if active == "people":
            # The speaker lens follows the reader through the People pane.
            person = option_item(self.list_pane("people").highlighted_option, Person)
            if person is not None:
                self.lens.set(self.article, person.id)

    def watch_mode(self, mode: str) -> None:
        for name in MODES:
            self.set_class(name == mode, f"-{name}")

    def _apply_layout(self) -> None:
        """Show the panes the mode allows, always including the active one."""
        if not self.is_mounted:
            return
        visible = visible_parts(
            self.mode,
            self.active,
            height=self.size.height,
            has_standfirst=bool(standfirst_content(self.story).plain),
            standfirst_wanted=self._standfirst_wanted,
            has_chart=self.query_one(GrowthChart).has_bars,
        )
        for part in ("too-small", "body", "standfirst", "left", "article", "right", "chart"):
            show(self.query_one(f"#{part}"), visible[part])
        for pane_id in LIST_PANES:
            show(self.pane(pane_id), visible[pane_id])

    # Focus (the keys that move it are priority bindings: see screens/main_keys.py) -------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ("focus_pane", "find") and isinstance(self.focused, Input))

    def on_descendant_blur(self, _event: DescendantBlur) -> None:
        # A pane hidden at start-up gets its late `Hide` after a key (`3` at once) showed and
        # focused it, and Textual then blurs it: focus the reader's pane again.
        self.call_after_refresh(self._refocus)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        pane = pane_of(event.widget, self)
        if pane is not None and self.maximized not in (None, pane):
            # Only the maximized pane shows: a late `Hide` of a pane folded away a moment ago
            # hands focus on to one behind it, where keys crashed (tests/test_key_mashing.py).
            self.set_focus(self.maximized)
        elif pane is not None:
            self.active = str(pane.id)

    def action_focus_pane(self, pane_id: str) -> None:
        """Focus a pane, showing it first if the layout had folded it away."""
        if self.maximized is not None and self.maximized is not self.pane(pane_id):
            # Another pane: leave the maximized view, so the pane asked for is seen.
            self.minimize()
        if COLUMN_OF[pane_id] == "right" and COLUMN_OF[self.active] != "right":
            self._before_fold_out = self.active
        self.active = pane_id
        self._apply_layout()
        # Focus now, not after the next message: a key typed right after (3 then enter) must
        # reach the pane it was meant for.
        self.set_focus(self.pane(pane_id))

    def action_cycle(self, step: int) -> None:
        """Move to the next (1) or previous (-1) pane, in the order of their numbers."""
        if isinstance(self.focused, Widget) and self.focused.id == "find-input":
            self.action_focus_pane(self.find.pane if self.find else "article")
            return
        index = PANES.index(self.active) if self.active in PANES else 0
        self.action_focus_pane(PANES[(index + step) % len(PANES)])

    def action_toggle_maximize(self) -> None:
        """Maximize the focused pane, or restore it."""
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused, container=False)
        self.refresh_bindings()  # the key bar says `z Restore` while maximized

    def action_toggle_standfirst(self) -> None:
        """Show or hide the standfirst under the title."""
        standfirst = self.query_one("#standfirst")
        self._standfirst_wanted = not standfirst.display
        self._apply_layout()

    def action_help(self) -> None:
        """Show every key, by pane."""
        from story_tui.tui.screens.help import HelpScreen, help_groups

        self.app.push_screen(HelpScreen(help_groups(self.BINDINGS)))

    def _close_fold_out(self) -> bool:
        """In a medium terminal, close the key figures and timeline sidebar if it is open."""
        if self.mode != "medium" or COLUMN_OF[self.active] != "right":
            return False
        self.action_focus_pane(self._before_fold_out)
        return True

    def action_what_changed(self) -> None:
        """List what changed since the reader last read this story (screens/reading.py)."""
        self.reading.what_changed()

    async def action_quit(self) -> None:
        """Close the sidebar opened over the article, or quit the app."""
        if not self._close_fold_out():
            self.app.exit()

    # Jumps and history (screens/routing.py) ---------------------------------------------------
    def open_target(self, target: Target, record: bool = True) -> None:
        """Open a section, person, quote, figure or event, remembering where the reader was."""
        self.router.open_target(target, record)

    def show_location(self, location: Location) -> None:
        """Highlight a place in the article, recorded for `backspace`."""
        self.router.record()
        self.router.show_location(location)

    def action_back(self) -> None:
        """Go back to where the reader was before the last jump."""
        self.router.back()

    def action_forward(self) -> None:
        """Redo a jump undone with back."""
        self.router.forward()

    def action_step_section(self, step: int) -> None:
        """Scroll the article to the previous or next section."""
        self.router.record()
        self.query_one(SectionsPane).current = self.article.step_section(step)

    @on(TargetChosen)
    def _target_chosen(self, event: TargetChosen[Widget]) -> None:
        # A section, a person (in the list or a name clicked), a figure or an event.
        self.open_target(event.target)

    @on(ArticleView.LaidOut)
    def _article_laid_out(self, _event: ArticleView.LaidOut) -> None:
        # A long article's layout is done: freeze it (shorter full collections; performance.md).
        from story_tui.tui.startup import settle_collector

        settle_collector()

    @on(ArticleView.SectionChanged)
    def _article_scrolled(self, event: ArticleView.SectionChanged) -> None:
        self.query_one(SectionsPane).current = event.section_id

    @on(ArticleView.ParagraphOpened)
    def _paragraph_opened(self, event: ArticleView.ParagraphOpened) -> None:
        from story_tui.tui.screens.paragraph import ParagraphItems

        self.app.push_screen(
            ParagraphItems(self.story, event.section_id, event.paragraph), self.router.items_closed
        )

    @on(ListPane.OptionHighlighted, "#people")
    def _person_highlighted(self, event: ListPane.OptionHighlighted) -> None:
        person = option_item(event.option, Person)
        if person is not None and self.active == "people":
            self.lens.set(self.article, person.id)

    # Find (screens/find.py) and the speaker lens (screens/lens.py) ------------------------------

    @property
    def find(self) -> FindState | None:
        """The current search, if any."""
        return self.finder.state

    async def action_find(self) -> None:
        """Open the find bar for the focused pane (mounted on first use: start-up is faster)."""
        await self.finder.open()

    # The find bar's messages (handled by name: the bar's module is imported on first use).

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        self.finder.changed(event.query)

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        self.finder.step(event.step)
        if event.leave and self.find is not None:
            self.action_focus_pane(self.find.pane)

    def on_find_bar_closed(self, _event: FindBar.Closed) -> None:
        pane = self.find.pane if self.find else "article"
        self.finder.clear()
        self.action_focus_pane(pane)

    def action_next_hit(self, step: int) -> None:
        """Next or previous find match; with no search, the marked person's next mention."""
        if self.finder.step(step):
            return
        if not self.lens.step(self.article, step):
            self.notify("Nothing to step through: press / to find, or pick a person.", timeout=3)
            return
        self.action_focus_pane("article")

    def action_clear(self) -> None:
        """Close the sidebar opened over the article, or clear find matches, the speaker lens
        and the highlight."""
        if self._close_fold_out():
            return
        self.finder.clear()
        self.lens.set(self.article, None)
        self.article.highlight = None
        if self.maximized is not None:
            self.minimize()
            self.refresh_bindings()

    # Copy (screens/copy.py) and seen marks (screens/seen.py) ------------------------------------

    def action_copy(self) -> None:
        """Copy the focused quote, figure or event with its attribution."""
        copy_item(self)

    def mark_seen(self, kind: str, key: str) -> None:
        """Remember that the reader opened an item, and show it in its list."""
        self.seen.add(target_key((kind, key)))
        show_seen(self, self.story, kind, key)


__all__ = ["PANES", "MainScreen", "Target", "layout_mode"]
