"""The main screen: lays out the panes and mediates between them.

Panes never talk to each other. Each posts a message when the reader does something; this screen
handles it and sets state on the other panes (attributes down, messages up). Every jump goes
through `open_target`, which records where the reader was so `backspace` can bring them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus, Resize
from textual.reactive import Reactive, reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from story_tui.story.model import Figure, Location, Quote, Story, Target, TimelineEvent
from story_tui.story.safety import visible
from story_tui.tui.history import History
from story_tui.tui.widgets.article import ArticleView
from story_tui.tui.widgets.figures import FigureOption, FiguresPane, GrowthChart
from story_tui.tui.widgets.keybar import KeyBar
from story_tui.tui.widgets.lists import ListPane
from story_tui.tui.widgets.people import PeoplePane, PersonOption
from story_tui.tui.widgets.sections import SectionsPane
from story_tui.tui.widgets.text import literal
from story_tui.tui.widgets.timeline import EventOption, TimelinePane

if TYPE_CHECKING:
    # The overlays, the find bar and find itself are imported when first used: start-up is
    # faster without them (see docs/performance.md).
    from story_tui.story.find import ArticleIndex
    from story_tui.tui.widgets.findbar import FindBar

PANES: tuple[str, ...] = ("sections", "article", "people", "figures", "timeline")
"""Pane ids in the order of their number keys (1 to 5) and of tab."""
PANE_TITLES = {
    "sections": "Sections",
    "article": "Article",
    "people": "People",
    "figures": "Key figures",
    "timeline": "Timeline",
}
COLUMN_OF = {
    "sections": "left",
    "people": "left",
    "article": "article",
    "figures": "right",
    "timeline": "right",
}
LIST_PANES = ("sections", "people", "figures", "timeline")
MIN_WIDTH, MIN_HEIGHT = 40, 12
"""Below this the screen shows a message instead of a broken layout."""
NARROW_WIDTH = 70
"""Below this width one pane is shown at a time."""
MEDIUM_WIDTH = 110
"""Below this width the figures and timeline sidebar folds away until 4 or 5 is pressed."""
TALL_ENOUGH_FOR_STANDFIRST = 30


def _show(widget: Widget, shown: bool) -> None:
    """Show or hide a widget; setting the same value again would still cost a relayout."""
    if widget.display != shown:
        widget.display = shown


def layout_mode(width: int, height: int) -> str:
    """`tiny`, `narrow`, `medium` or `wide` for a terminal size."""
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return "tiny"
    if width < NARROW_WIDTH:
        return "narrow"
    if width < MEDIUM_WIDTH:
        return "medium"
    return "wide"


@dataclass(frozen=True)
class Place:
    """Where the reader was: the pane, the article's place and each list's highlighted row."""

    pane: str
    article: tuple[float, int, Location | None]
    lists: tuple[int | None, ...]


@dataclass
class FindState:
    """The current search: in which pane, its matches and the current one."""

    pane: str
    query: str = ""
    matches: tuple[Location, ...] | tuple[int, ...] = ()
    current: int | None = None
    more: bool = False


class MainScreen(Screen[None]):
    """Sections, article, people, key figures and timeline, with keys to move between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle(1)", "Next pane", priority=True, id="pane.next"),
        Binding(
            "shift+tab", "cycle(-1)", "Previous pane", show=False, priority=True, id="pane.prev"
        ),
        Binding(
            "1", "focus_pane('sections')", "Sections", show=False, priority=True, id="pane.sections"
        ),
        Binding(
            "2", "focus_pane('article')", "Article", show=False, priority=True, id="pane.article"
        ),
        Binding("3", "focus_pane('people')", "People", show=False, priority=True, id="pane.people"),
        Binding(
            "4",
            "focus_pane('figures')",
            "Key figures",
            show=False,
            priority=True,
            id="pane.figures",
        ),
        Binding(
            "5", "focus_pane('timeline')", "Timeline", show=False, priority=True, id="pane.timeline"
        ),
        Binding(
            "left_square_bracket",
            "step_section(-1)",
            "Previous section",
            show=False,
            id="section.prev",
        ),
        Binding(
            "right_square_bracket", "step_section(1)", "Next section", show=False, id="section.next"
        ),
        Binding("slash", "find", "Find", priority=True, id="find"),
        Binding("n", "next_hit(1)", "Next match", show=False, id="find.next"),
        Binding("N", "next_hit(-1)", "Previous match", show=False, id="find.prev"),
        Binding("backspace,H", "back", "Back", show=False, id="history.back"),
        Binding("L", "forward", "Forward", show=False, id="history.forward"),
        Binding("y", "copy", "Copy", show=False, id="copy"),
        Binding("escape", "clear", "Clear marks", show=False, id="clear"),
        Binding("z", "toggle_maximize", "Maximize", id="pane.maximize"),
        Binding("s", "toggle_standfirst", "Standfirst", show=False, id="standfirst.toggle"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | tab, shift+tab | Next, previous pane. |
    | 1 2 3 4 5 | Sections, Article, People, Key figures, Timeline. |
    | [, ] | Previous, next section. |
    | / | Find in the focused pane (the article by default). |
    | n, N | Next, previous match (or mention of the marked person). |
    | backspace, H / L | Back to where you were before a jump / forward again. |
    | y | Copy the highlighted quote, figure or event with its attribution. |
    | escape | Clear find matches and the speaker lens. |
    | z | Maximize the focused pane, and back. |
    | s | Show or hide the standfirst. |
    | ?, F1 | Help: every key, by pane. |
    | q | Quit. |
    """

    # Neither needs a repaint of the whole screen when it changes (their watchers show and hide
    # panes), and neither does a focus change: the focused pane's border is restyled by CSS.
    # Without these a focus change redrew every cell of the screen.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    active: reactive[str] = reactive("article", repaint=False)
    """The pane the reader is in."""
    mode: reactive[str] = reactive("wide", repaint=False)
    """The layout for the terminal's size: tiny, narrow, medium or wide."""

    def __init__(
        self,
        story: Story,
        start: Target | None = None,
        restore: tuple[str, str, int] | None = None,
        seen: set[str] | None = None,
    ) -> None:
        super().__init__()
        self.story = story
        self.start = start
        self.restore = restore
        self.seen: set[str] = set(seen or ())
        """Items the reader has opened, as `kind:key` (e.g. `quote:rivas#0`)."""
        self.history: History[Place] = History()
        self.find: FindState | None = None
        self._index: ArticleIndex | None = None
        self._standfirst_wanted: bool | None = None
        self._lens_step: int | None = None

    # Layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        story = self.story
        # Start in the layout for the terminal's size: setting it after the first resize would
        # restyle every widget a second time before the first frame.
        mode = layout_mode(self.app.size.width, self.app.size.height)
        self.set_reactive(MainScreen.mode, mode)
        self.add_class(f"-{mode}", update=False)
        yield Static(literal(story.title, "bold"), id="title")
        yield Static(literal(story.standfirst or ""), id="standfirst")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield SectionsPane(story, id="sections")
                yield PeoplePane(story, id="people")
            yield ArticleView(story, id="article")
            with Vertical(id="right"):
                yield GrowthChart(story, id="chart")
                yield FiguresPane(story, id="figures")
                yield TimelinePane(story, id="timeline")
        yield Static(
            Content(
                "The terminal is too small for story-tui.\n"
                f"Make it at least {MIN_WIDTH}x{MIN_HEIGHT}."
            ),
            id="too-small",
        )
        yield KeyBar()

    def on_mount(self) -> None:
        self._setup()
        self.pane("article").focus()
        if self.start is not None:
            self.call_after_refresh(self.open_target, self.start, False)
        elif self.restore is not None:
            self.call_after_refresh(self._restore_place, *self.restore)

    def _restore_place(self, pane: str, section_id: str, paragraph: int) -> None:
        section = self.story.section(section_id)
        if section is not None and 0 <= paragraph < len(section.paragraphs):
            self.article.reveal(Location(section_id, paragraph, 0, 0))
            self.article.scroll_to(
                y=self.article.line_of(Location(section_id, paragraph, 0, 0)),
                animate=False,
                immediate=True,
            )
        if pane in PANES:
            self.action_focus_pane(pane)

    async def replace_story(self, story: Story) -> None:
        """Show a new version of the story (the file changed), keeping the reader's place."""
        active = self.active
        section_id, paragraph = self.article.cursor_location
        self.story = story
        self._index = None
        self.history = History()
        self.find = None
        self._lens_step = None
        await self.recompose()
        self._setup()
        section = story.section(section_id)
        if section is not None and paragraph < len(section.paragraphs):
            self.article.reveal(Location(section_id, paragraph, 0, 0))
        self.action_focus_pane(active)

    def _mark_seen(self, kind: str, key: str) -> None:
        """Remember that the reader opened an item, and show it in its list."""
        self.seen.add(f"{kind}:{key}")
        if kind == "figure":
            figure = self.story.figure(key)
            if figure is not None:
                self.query_one(FiguresPane).mark_seen(figure)
        elif kind == "event":
            event = next((e for e in self.story.timeline if e.key == key), None)
            if event is not None:
                self.query_one(TimelinePane).mark_seen(event)

    def _setup(self) -> None:
        self._article_view = self.article
        for item in sorted(self.seen):
            kind, _, key = item.partition(":")
            self._mark_seen(kind, key)
        for number, pane_id in enumerate(PANES, start=1):
            self.pane(pane_id).border_title = f"{number} {PANE_TITLES[pane_id]}"
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

    def memory(self) -> dict[str, object]:
        """What to remember about the reader's place (works after the screen is unmounted)."""
        article = self._article_view
        section_id, paragraph = article.cursor_location
        return {
            "pane": self.active,
            "section": section_id,
            "paragraph": paragraph,
            "seen": sorted(self.seen),
        }

    def on_resize(self, event: Resize) -> None:
        self.mode = layout_mode(event.size.width, event.size.height)
        self._apply_layout()

    def watch_active(self, active: str) -> None:
        self._apply_layout()
        if active == "people":
            # The speaker lens follows the reader through the People pane.
            option = _highlighted_option(self.list_pane("people"))
            if isinstance(option, PersonOption):
                self._set_lens(option.person.id)

    def _set_lens(self, person_id: str | None) -> None:
        self.article.lens = person_id
        self._lens_step = None

    def watch_mode(self, mode: str) -> None:
        for name in ("tiny", "narrow", "medium", "wide"):
            self.set_class(name == mode, f"-{name}")

    def _apply_layout(self) -> None:
        """Show the panes the mode allows, always including the active one."""
        if not self.is_mounted:
            return
        mode, active = self.mode, self.active
        tiny = mode == "tiny"
        _show(self.query_one("#too-small"), tiny)
        _show(self.query_one("#body"), not tiny)
        wanted = self._standfirst_wanted
        if wanted is None:
            wanted = self.size.height >= TALL_ENOUGH_FOR_STANDFIRST
        standfirst = self.query_one("#standfirst")
        _show(standfirst, bool(self.story.standfirst) and wanted and not tiny)
        column = COLUMN_OF[active]
        has_chart = self.query_one(GrowthChart).has_bars
        if mode == "narrow":
            for column_id in ("left", "article", "right"):
                _show(self.query_one(f"#{column_id}"), column_id == column)
            for pane_id in LIST_PANES:
                _show(self.pane(pane_id), pane_id == active)
            _show(self.query_one("#chart"), active == "figures" and has_chart)
        else:
            for column_id in ("left", "article"):
                _show(self.query_one(f"#{column_id}"), True)
            for pane_id in LIST_PANES:
                _show(self.pane(pane_id), True)
            _show(self.query_one("#chart"), has_chart)
            # In a medium terminal the sidebar opens over the article while it has focus.
            _show(self.query_one("#right"), mode == "wide" or column == "right")

    # Focus -------------------------------------------------------------------------------------
    # The keys that move focus (1-5, /) are priority bindings: the app runs them before it hands
    # the next key to a widget, so `3 enter` or `/ven` typed in one burst (a fast typist, a paste,
    # tmux send-keys) reaches the pane or the find bar it was meant for. In the find bar they are
    # letters like any other.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ("focus_pane", "find") and isinstance(self.focused, Input))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        widget: Widget | None = event.widget
        while widget is not None and widget is not self:
            if widget.id in PANES:
                self.active = widget.id
                return
            parent = widget.parent
            widget = parent if isinstance(parent, Widget) else None

    def action_focus_pane(self, pane_id: str) -> None:
        """Focus a pane, showing it first if the layout had folded it away."""
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

    def action_toggle_standfirst(self) -> None:
        """Show or hide the standfirst under the title."""
        standfirst = self.query_one("#standfirst")
        self._standfirst_wanted = not standfirst.display
        self._apply_layout()

    def action_help(self) -> None:
        """Show every key, by pane."""
        from story_tui.tui.screens.help import HelpScreen, help_groups

        self.app.push_screen(HelpScreen(help_groups(self.BINDINGS)))

    async def action_quit(self) -> None:
        """Quit the app."""
        self.app.exit()

    # History -----------------------------------------------------------------------------------

    def place(self) -> Place:
        """Where the reader is now."""
        return Place(
            self.active,
            self.article.place,
            tuple(self.list_pane(p).highlighted for p in LIST_PANES),
        )

    def go_to(self, place: Place) -> None:
        """Put the reader back exactly where a `Place` says."""
        for pane_id, highlighted in zip(LIST_PANES, place.lists, strict=True):
            self.list_pane(pane_id).highlighted = highlighted
        self.article.restore(place.article)
        self.action_focus_pane(place.pane)

    def action_back(self) -> None:
        """Go back to where the reader was before the last jump."""
        place = self.history.back(self.place())
        if place is None and self.app.screen_stack[0] is not self:
            self.dismiss()  # opened from a library: back to where the reader chose this story
            return
        if place is None:
            self.notify("Nothing to go back to.", timeout=2)
            return
        self.go_to(place)

    def action_forward(self) -> None:
        """Redo a jump undone with back."""
        place = self.history.forward(self.place())
        if place is None:
            self.notify("Nothing to go forward to.", timeout=2)
            return
        self.go_to(place)

    # Jumps -------------------------------------------------------------------------------------

    def open_target(self, target: Target, record: bool = True) -> None:
        """Open a section, person, quote, figure or event, remembering where the reader was."""
        kind, key = target
        story = self.story
        self._mark_seen(kind, key)
        if kind == "person":
            person = story.person(key)
            if person is not None:
                from story_tui.tui.screens.person import PersonCard

                self.list_pane("people").highlighted = story.people.index(person)
                self.app.push_screen(
                    PersonCard(story, person, frozenset(self.seen)), self._card_closed
                )
            return
        if record:
            self.history.record(self.place())
        if kind == "section":
            self.action_focus_pane("article")
            self.article.scroll_to_section(key)
            self.query_one(SectionsPane).current = key
            return
        item: Quote | Figure | TimelineEvent | None
        if kind == "quote":
            item = story.quote(key)
        elif kind == "figure":
            item = story.figure(key)
            if item is not None:
                self.list_pane("figures").highlighted = story.figures.index(item)
        else:
            item = next((e for e in story.timeline if e.key == key), None)
            if item is not None:
                order = story.timeline_sorted()
                self.list_pane("timeline").highlighted = order.index(item)
        if item is None:
            return
        self.action_focus_pane("article")
        self.article.show_location(item.location)
        self.query_one(SectionsPane).current = item.location.section

    def _card_closed(self, quote_key: str | None) -> None:
        if quote_key is not None:
            self.open_target(("quote", quote_key))

    def _items_closed(self, target: Target | None) -> None:
        if target is not None:
            self.open_target(target)

    def action_step_section(self, step: int) -> None:
        """Scroll the article to the previous or next section."""
        self.history.record(self.place())
        self.query_one(SectionsPane).current = self.article.step_section(step)

    @on(SectionsPane.SectionSelected)
    def _section_selected(self, event: SectionsPane.SectionSelected) -> None:
        self.open_target(("section", event.section.id))

    @on(ArticleView.LaidOut)
    def _article_laid_out(self, _event: ArticleView.LaidOut) -> None:
        # A long story's article finished its layout after the first frame: the last big batch
        # of long-lived objects. Freezing them keeps later full collections short (about 60 ms
        # each on the 6 MB story otherwise; docs/performance.md).
        from story_tui.tui.startup import settle_collector

        settle_collector()

    @on(ArticleView.SectionChanged)
    def _article_scrolled(self, event: ArticleView.SectionChanged) -> None:
        self.query_one(SectionsPane).current = event.section_id

    @on(ArticleView.ParagraphOpened)
    def _paragraph_opened(self, event: ArticleView.ParagraphOpened) -> None:
        from story_tui.tui.screens.paragraph import ParagraphItems

        self.app.push_screen(
            ParagraphItems(self.story, event.section_id, event.paragraph), self._items_closed
        )

    @on(ArticleView.NameClicked)
    def _name_clicked(self, event: ArticleView.NameClicked) -> None:
        self.open_target(("person", event.person.id))

    @on(PeoplePane.PersonChosen)
    def _person_chosen(self, event: PeoplePane.PersonChosen) -> None:
        self.open_target(("person", event.person.id))

    @on(ListPane.OptionHighlighted, "#people")
    def _person_highlighted(self, event: ListPane.OptionHighlighted) -> None:
        if isinstance(event.option, PersonOption) and self.active == "people":
            self._set_lens(event.option.person.id)

    @on(FiguresPane.FigureChosen)
    def _figure_chosen(self, event: FiguresPane.FigureChosen) -> None:
        self.open_target(("figure", event.figure.id))

    @on(TimelinePane.EventChosen)
    def _event_chosen(self, event: TimelinePane.EventChosen) -> None:
        self.open_target(("event", event.event.key))

    # Find and the speaker lens -----------------------------------------------------------------

    async def action_find(self) -> None:
        """Open the find bar for the focused pane (mounted on first use: start-up is faster)."""
        pane = self.active if self.active in PANES else "article"
        if self.find is None or self.find.pane != pane:
            self._clear_find()
            self.find = FindState(pane)
        bar = self._find_bar()
        if bar is None:
            from story_tui.tui.widgets.findbar import FindBar

            bar = FindBar(id="find")
            await self.mount(bar, before=self.query_one(KeyBar))
        bar.open(PANE_TITLES[pane])

    def _find_bar(self) -> FindBar | None:
        bars = self.query("#find")
        return cast("FindBar", bars.first()) if bars else None

    @property
    def _article_index(self) -> ArticleIndex:
        if self._index is None:
            from story_tui.story.find import ArticleIndex

            self._index = ArticleIndex(self.story)
        return self._index

    # The find bar's messages (handled by name: the bar's module is imported on first use).

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        if self.find is None:
            return
        find = self.find
        find.query = event.query
        if find.pane == "article":
            locations, more = self._article_index.find(event.query)
            find.matches, find.more = tuple(locations), more
            # Start at the first match below the reader's place, like `less`.
            top = self.article.cursor
            find.current = next(
                (i for i, loc in enumerate(locations) if self._order(loc) >= top),
                0 if locations else None,
            )
        else:
            from story_tui.story.find import matches_text

            pane = self.list_pane(find.pane)
            hits = [
                index
                for index in range(pane.option_count)
                if matches_text(event.query, _option_text(pane, index))
            ]
            find.matches, find.more = tuple(hits), False
            find.current = 0 if hits else None
        self._show_find()

    def _order(self, location: Location) -> int:
        return self.article.order_of(location)

    def _show_find(self) -> None:
        find = self.find
        if find is None:
            return
        bar = self._find_bar()
        if bar is not None:
            bar.show_count(find.current, len(find.matches), find.more)
        if find.pane == "article":
            current = None
            if find.current is not None and find.matches:
                location = find.matches[find.current]
                assert isinstance(location, Location)
                current = location
                self.article.reveal(location)
            self.article.set_matches([m for m in find.matches if isinstance(m, Location)], current)
        elif find.current is not None and find.matches:
            index = find.matches[find.current]
            assert isinstance(index, int)
            self.list_pane(find.pane).highlighted = index

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        self._step_find(event.step)
        if event.leave and self.find is not None:
            self.action_focus_pane(self.find.pane)

    def _step_find(self, step: int) -> None:
        find = self.find
        if find is None or not find.matches:
            return
        if find.current is None:
            find.current = 0
        else:
            find.current = (find.current + step) % len(find.matches)
        self._show_find()

    def on_find_bar_closed(self, _event: FindBar.Closed) -> None:
        pane = self.find.pane if self.find else "article"
        self._clear_find()
        self.action_focus_pane(pane)

    def _clear_find(self) -> None:
        self.find = None
        self.article.set_matches([], None)
        bar = self._find_bar()
        if bar is not None:
            bar.display = False

    def action_next_hit(self, step: int) -> None:
        """Next or previous find match; with no search, the marked person's next mention."""
        if self.find is not None and self.find.matches:
            self._step_find(step)
            return
        hits = self.article.lens_locations()
        if not hits:
            self.notify("Nothing to step through: press / to find, or pick a person.", timeout=3)
            return
        if self._lens_step is None:
            top = self.article.cursor
            self._lens_step = next((i for i, loc in enumerate(hits) if self._order(loc) >= top), 0)
            if step < 0:
                self._lens_step = (self._lens_step - 1) % len(hits)
        else:
            self._lens_step = (self._lens_step + step) % len(hits)
        location = hits[self._lens_step]
        self.article.show_location(location)
        self.action_focus_pane("article")

    def action_clear(self) -> None:
        """Clear find matches, the speaker lens and the highlight."""
        self._clear_find()
        self._set_lens(None)
        self.article.highlight = None
        if self.maximized is not None:
            self.minimize()

    # Copy --------------------------------------------------------------------------------------

    def copyable(self) -> Quote | Figure | TimelineEvent | None:
        """The item `y` would copy: the focused list's item, or the article's highlighted one."""
        if self.active == "figures":
            option = _highlighted_option(self.list_pane("figures"))
            return option.figure if isinstance(option, FigureOption) else None
        if self.active == "timeline":
            option = _highlighted_option(self.list_pane("timeline"))
            return option.event if isinstance(option, EventOption) else None
        if self.active == "article" and self.article.highlight is not None:
            location = self.article.highlight
            for item in self.story.anchored_in(location.section, location.paragraph):
                if item.location == location:
                    return item
        return None

    def action_copy(self) -> None:
        """Copy the focused quote, figure or event with its attribution."""
        item = self.copyable()
        if item is None:
            self.notify(
                "Nothing to copy here: highlight a quote, figure or event first.", timeout=3
            )
            return
        from story_tui.story.attribution import attribution

        text = attribution(self.story, item)
        self.app.copy_to_clipboard(text)
        self.notify(visible(text), title="Copied", timeout=4, markup=False)


def _highlighted_option(pane: ListPane) -> object | None:
    if pane.highlighted is None:
        return None
    return pane.get_option_at_index(pane.highlighted)


def _option_text(pane: ListPane, index: int) -> str:
    """The words of an option, for find in a list pane."""
    option = pane.get_option_at_index(index)
    prompt = option.prompt
    return prompt.plain if isinstance(prompt, Content) else str(prompt)


__all__ = ["PANES", "MainScreen", "Target", "layout_mode"]
