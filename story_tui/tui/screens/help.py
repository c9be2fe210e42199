"""The help screen: every key, by pane, generated from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from story_tui.tui.widgets.keybar import KeyBar

KeyTable = list[tuple[str, str]]


def keys_of(bindings: list[BindingType]) -> KeyTable:
    """(keys, description) rows for a BINDINGS list, keys written as a reader types them."""
    rows: KeyTable = []
    for binding in bindings:
        if isinstance(binding, Binding):
            keys, description = binding.key, binding.description
        else:
            keys, description = binding[0], binding[2] if len(binding) > 2 else binding[1]
        shown = " ".join(_key_name(k) for k in keys.split(","))
        rows.append((shown, description))
    return rows


def _key_name(key: str) -> str:
    names = {
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "question_mark": "?",
        "shift+tab": "shift+tab",
        "pagedown": "PgDn",
        "left_curly_bracket": "{",
        "right_curly_bracket": "}",
        "slash": "/",
        "backspace": "backspace",
        "pageup": "PgUp",
        "home": "Home",
        "end": "End",
    }
    return names.get(key.strip(), key.strip())


def help_content(groups: list[tuple[str, KeyTable, str]]) -> Content:
    """Headings, key tables and notes as one Content."""
    width = max((len(k) for _t, rows, _n in groups for k, _d in rows), default=8) + 2
    parts: list[Content] = []
    for title, rows, note in groups:
        parts.append(Content(title).stylize("bold $accent"))
        if note:
            parts.append(Content(note).stylize("$text-muted"))
        for keys, description in rows:
            parts.append(Content.assemble((keys.ljust(width), "bold"), description))
        parts.append(Content(""))
    return Content("\n").join(parts)


class HelpScreen(ModalScreen[None]):
    """Every key of the browser, by pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
        Binding("down,j", "scroll(1)", "Down", show=False),
        Binding("up,k", "scroll(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("home,g", "top", "Top", show=False),
        Binding("end,G", "bottom", "Bottom", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q, ?, F1 | Close help. |
    | down, j / up, k | Scroll a line. |
    | space, b | Scroll a page. |
    | g, G | Top, bottom. |
    """

    def __init__(self, groups: list[tuple[str, KeyTable, str]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            yield Static(help_content(self.groups), id="help-text")
        yield KeyBar()

    # Scrolling is immediate, like the article's: an animated scroll drops quick presses.

    @property
    def _body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, step: int) -> None:
        """Scroll the help text by a line."""
        body = self._body
        body.scroll_to(y=body.scroll_y + step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        """Scroll the help text by a page."""
        body = self._body
        height = max(1, body.scrollable_content_region.height - 1)
        body.scroll_to(y=body.scroll_y + step * height, animate=False, immediate=True)

    def action_top(self) -> None:
        """Go to the top of the help text."""
        self._body.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        """Go to the end of the help text."""
        body = self._body
        body.scroll_to(y=body.max_scroll_y, animate=False, immediate=True)

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)


def help_groups(screen_bindings: list[BindingType]) -> list[tuple[str, KeyTable, str]]:
    """The help screen's tables, read from the bindings so they never drift from the keys."""
    from story_tui.tui.screens.changes import ChangesScreen
    from story_tui.tui.screens.paragraph import ParagraphItems
    from story_tui.tui.screens.person import PersonCard
    from story_tui.tui.widgets.article import ArticleView
    from story_tui.tui.widgets.findbar import FindBar
    from story_tui.tui.widgets.lists import ListPane

    return [
        (
            "Everywhere",
            [
                *keys_of(screen_bindings),
                ("ctrl+q", "Quit at once"),
                ("ctrl+p", "Command palette: jump to anything, themes, export"),
            ],
            "",
        ),
        (
            "Article",
            keys_of(ArticleView.BINDINGS),
            "Bold: a name · italic: direct quote · underline: paraphrase · "
            "bold underline: key figure. Click a name to open the person's card.",
        ),
        (
            "Sections, People, Key figures, Timeline",
            keys_of(ListPane.BINDINGS),
            "enter: Sections scrolls the article there; People opens the person's card; "
            "Key figures and Timeline show the item in the article. Moving through People "
            "marks that person's mentions and quotes in the article (n / N step through them).",
        ),
        (
            "Person card",
            [*keys_of(PersonCard.BINDINGS), ("enter", "Show the quote in the article")],
            "",
        ),
        (
            "In this paragraph",
            [*keys_of(ParagraphItems.BINDINGS), ("enter", "Open the item")],
            "",
        ),
        (
            "What changed",
            [*keys_of(ChangesScreen.BINDINGS), ("enter", "Go to its place")],
            "Lists the changes when the story reopens changed; new items are marked new.",
        ),
        ("Find bar", [*keys_of(FindBar.BINDINGS), ("enter", "Next match, back to the pane")], ""),
        (
            "Mouse",
            [("click", "Focus a pane, choose an item, open a name"), ("wheel", "Scroll")],
            "",
        ),
    ]


def library_help_groups(screen_bindings: list[BindingType]) -> list[tuple[str, KeyTable, str]]:
    """The library's help tables: its own keys and those of the screens it leads to."""
    from story_tui.tui.screens.library_people import PeopleScreen, PersonQuotesScreen
    from story_tui.tui.screens.library_search import SearchScreen
    from story_tui.tui.screens.threads import ThreadScreen, ThreadsScreen

    moving = ("up down PgUp PgDn", "Move in the list")
    return [
        (
            "Library",
            [
                ("(type)", "Filter the stories: fuzzy, accents and case ignored"),
                moving,
                ("enter", "Open the highlighted story"),
                *keys_of(screen_bindings),
                ("ctrl+p", "Command palette: jump to any story, person or quote"),
            ],
            "a, r and t act on an empty filter; once you type, letters filter. "
            "? types into the filter too: F1 opens this help from anywhere.",
        ),
        (
            "Search every article (/)",
            [*keys_of(SearchScreen.BINDINGS), ("enter", "Open at the hit")],
            "",
        ),
        (
            "People across the library (tab)",
            [*keys_of(PeopleScreen.BINDINGS), ("enter", "Every quote of the person")],
            "A ? marks a person a tool guessed something about (them or a quote's speaker), "
            "with how many guesses are unconfirmed.",
        ),
        (
            "A person's quotes",
            [*keys_of(PersonQuotesScreen.BINDINGS), ("enter", "Open the story at the quote")],
            "",
        ),
        (
            "Threads (ctrl+t)",
            [*keys_of(ThreadsScreen.BINDINGS), ("enter", "Open the highlighted thread")],
            "",
        ),
        (
            "A thread",
            [*keys_of(ThreadScreen.BINDINGS), ("enter", "Open the item in its story")],
            "",
        ),
    ]
