"""The main screen: lays out the panes and mediates between them.

Panes never talk to each other. Each posts a message when the reader does something; this screen
handles it and sets state on the other panes (attributes down, messages up).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from story_tui.model import Location, Story
from story_tui.screens.help import HelpScreen, KeyTable, keys_of
from story_tui.screens.person import PersonCard
from story_tui.widgets.article import ArticleView
from story_tui.widgets.figures import FiguresPane, GrowthChart
from story_tui.widgets.lists import ListPane
from story_tui.widgets.people import PeoplePane
from story_tui.widgets.sections import SectionsPane
from story_tui.widgets.text import literal
from story_tui.widgets.timeline import TimelinePane

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
MIN_WIDTH, MIN_HEIGHT = 40, 12
"""Below this the screen shows a message instead of a broken layout."""
NARROW_WIDTH = 70
"""Below this width one pane is shown at a time."""
MEDIUM_WIDTH = 100
"""Below this width the figures and timeline sidebar folds away until 4 or 5 is pressed."""
TALL_ENOUGH_FOR_STANDFIRST = 30


def layout_mode(width: int, height: int) -> str:
    """`tiny`, `narrow`, `medium` or `wide` for a terminal size."""
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return "tiny"
    if width < NARROW_WIDTH:
        return "narrow"
    if width < MEDIUM_WIDTH:
        return "medium"
    return "wide"


class MainScreen(Screen[None]):
    """Sections, article, people, key figures and timeline, with keys to move between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle(1)", "Next pane", priority=True, id="pane.next"),
        Binding(
            "shift+tab", "cycle(-1)", "Previous pane", show=False, priority=True, id="pane.prev"
        ),
        Binding("1", "focus_pane('sections')", "Sections", show=False, id="pane.sections"),
        Binding("2", "focus_pane('article')", "Article", show=False, id="pane.article"),
        Binding("3", "focus_pane('people')", "People", show=False, id="pane.people"),
        Binding("4", "focus_pane('figures')", "Key figures", show=False, id="pane.figures"),
        Binding("5", "focus_pane('timeline')", "Timeline", show=False, id="pane.timeline"),
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
    | z | Maximize the focused pane, and back. |
    | s | Show or hide the standfirst. |
    | ?, F1 | Help: every key, by pane. |
    | q | Quit. |
    """

    active: reactive[str] = reactive("article")
    """The pane the reader is in."""
    mode: reactive[str] = reactive("wide")
    """The layout for the terminal's size: tiny, narrow, medium or wide."""

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story
        self._standfirst_wanted: bool | None = None

    # Layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        story = self.story
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
        yield Footer()

    def on_mount(self) -> None:
        for number, pane_id in enumerate(PANES, start=1):
            self.pane(pane_id).border_title = f"{number} {PANE_TITLES[pane_id]}"
        sections = self.query_one(SectionsPane)
        sections.current = self.story.sections[0].id
        for widget in (
            sections,
            self.query_one(PeoplePane),
            self.query_one(FiguresPane),
            self.query_one(TimelinePane),
        ):
            if widget.option_count:
                widget.highlighted = 0
        self.query_one("#standfirst").display = bool(self.story.standfirst)
        self._apply_layout()
        self.pane("article").focus()

    def pane(self, pane_id: str) -> Widget:
        """The widget of a pane, by id."""
        return self.query_one(f"#{pane_id}", Widget)

    def on_resize(self, event: Resize) -> None:
        self.mode = layout_mode(event.size.width, event.size.height)
        self._apply_layout()

    def watch_active(self) -> None:
        self._apply_layout()

    def watch_mode(self, mode: str) -> None:
        for name in ("tiny", "narrow", "medium", "wide"):
            self.set_class(name == mode, f"-{name}")

    def _apply_layout(self) -> None:
        """Show the panes the mode allows, always including the active one."""
        if not self.is_mounted:
            return
        mode, active = self.mode, self.active
        tiny = mode == "tiny"
        self.query_one("#too-small").display = tiny
        self.query_one("#body").display = not tiny
        standfirst = self.query_one("#standfirst")
        wanted = self._standfirst_wanted
        if wanted is None:
            wanted = self.size.height >= TALL_ENOUGH_FOR_STANDFIRST
        standfirst.display = bool(self.story.standfirst) and wanted and not tiny
        column = COLUMN_OF[active]
        if mode == "narrow":
            for column_id in ("left", "article", "right"):
                self.query_one(f"#{column_id}").display = column_id == column
            for pane_id in ("sections", "people", "figures", "timeline"):
                self.pane(pane_id).display = pane_id == active
            self.query_one("#chart").display = active == "figures" and self._has_chart()
        else:
            for column_id in ("left", "article"):
                self.query_one(f"#{column_id}").display = True
            for pane_id in ("sections", "people", "figures", "timeline"):
                self.pane(pane_id).display = True
            self.query_one("#chart").display = self._has_chart()
            # In a medium terminal the sidebar opens over the article while it has focus.
            self.query_one("#right").display = mode == "wide" or column == "right"

    def _has_chart(self) -> bool:
        return self.query_one(GrowthChart).has_bars

    # Focus -------------------------------------------------------------------------------------

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
        self.pane(pane_id).focus()

    def action_cycle(self, step: int) -> None:
        """Move to the next (1) or previous (-1) pane, in the order of their numbers."""
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
        self.app.push_screen(HelpScreen(help_groups()))

    async def action_quit(self) -> None:
        """Quit the app."""
        self.app.exit()

    # Sections ----------------------------------------------------------------------------------

    def action_step_section(self, step: int) -> None:
        """Scroll the article to the previous or next section."""
        article = self.query_one(ArticleView)
        self.query_one(SectionsPane).current = article.step_section(step)

    @on(SectionsPane.SectionSelected)
    def _section_selected(self, event: SectionsPane.SectionSelected) -> None:
        self.query_one(ArticleView).scroll_to_section(event.section.id)
        self.query_one(SectionsPane).current = event.section.id

    @on(ArticleView.SectionChanged)
    def _article_scrolled(self, event: ArticleView.SectionChanged) -> None:
        self.query_one(SectionsPane).current = event.section_id

    # Items -------------------------------------------------------------------------------------

    @on(PeoplePane.PersonChosen)
    def _person_chosen(self, event: PeoplePane.PersonChosen) -> None:
        self.app.push_screen(PersonCard(self.story, event.person), self._card_closed)

    def _card_closed(self, quote_key: str | None) -> None:
        if quote_key is None:
            return
        quote = self.story.quote(quote_key)
        if quote is not None:
            self._show(quote.location)

    @on(FiguresPane.FigureChosen)
    def _figure_chosen(self, event: FiguresPane.FigureChosen) -> None:
        self._show(event.figure.location)

    @on(TimelinePane.EventChosen)
    def _event_chosen(self, event: TimelinePane.EventChosen) -> None:
        self._show(event.event.location)

    def _show(self, location: Location) -> None:
        article = self.query_one(ArticleView)
        self.action_focus_pane("article")
        article.show_location(location)
        self.query_one(SectionsPane).current = location.section


def help_groups() -> list[tuple[str, KeyTable, str]]:
    """The help screen's tables, read from the bindings so they never drift from the keys."""
    return [
        (
            "Everywhere",
            [
                *keys_of(MainScreen.BINDINGS),
                ("ctrl+q", "Quit at once"),
                ("ctrl+p", "Command palette (themes, …)"),
            ],
            "",
        ),
        (
            "Article",
            keys_of(ArticleView.BINDINGS),
            "Bold: a name · italic: direct quote · "
            "underline: paraphrase · bold underline: key figure",
        ),
        (
            "Sections, People, Key figures, Timeline",
            keys_of(ListPane.BINDINGS),
            "enter: Sections scrolls the article there; People opens the person's card; "
            "Key figures and Timeline show the item in the article.",
        ),
        (
            "Person card",
            [*keys_of(PersonCard.BINDINGS), ("enter", "Show the quote in the article")],
            "",
        ),
        ("Mouse", [("click", "Focus a pane, choose an item"), ("wheel", "Scroll")], ""),
    ]
