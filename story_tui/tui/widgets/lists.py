"""A keyboard-friendly OptionList base for the browser's list panes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Generic, Self, TypeVar

from rich.cells import cell_len, chop_cells
from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from story_tui.story.model import Target
from story_tui.tui.widgets.messages import TargetChosen
from story_tui.tui.widgets.text import literal

ItemT = TypeVar("ItemT")

_WORD = re.compile(r"\s*\S+\s*")


def line_count(line: str, width: int) -> int:
    """Lines one line of text takes when Textual wraps it to `width` cells (folding long words).

    Textual breaks lines with Rich's `divide_line`, a private function; this is the same
    algorithm on Rich's public cell functions, counting instead of listing the breaks.
    `tests/test_list_heights.py` holds the two equal and fails if Rich changes its function.
    """
    breaks = 0
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        word_length = cell_len(word.rstrip())
        if width - offset >= word_length:
            offset += cell_len(word)
        elif word_length > width:
            pieces = chop_cells(word, width)
            for piece in pieces[:-1]:
                breaks += 1 if start else 0
                start += len(piece)
            breaks += 1 if start else 0
            offset = cell_len(pieces[-1])
        elif offset and start:
            breaks += 1
            offset = cell_len(word)
    return breaks + 1


def prompt_height(prompt: Content, width: int) -> int:
    """Lines `prompt` takes wrapped to `width`: what `Content.get_height` says, without
    building the wrapped lines (that made a 2,000-option list take 0.2 s to lay out).

    Content with a tab returns -1: it is left to `Content.get_height` (tabs expand to a width).
    """
    plain = prompt.plain
    if "\t" in plain:
        return -1
    height = 0
    for line in plain.split("\n"):
        if (len(line) <= width and line.isascii()) or cell_len(line) <= width:
            height += 1
        else:
            height += line_count(line, width)
    return height


class MeasuredContent(Content):
    """Content that measures its height from its plain text when the text rules are the
    defaults (`Visual.get_height` is the public hook OptionList measures options with)."""

    def get_height(self, rules: RulesMap, width: int) -> int:
        get = rules.get
        if (
            get("line_pad", 0) == 0
            and get("text_overflow", "fold") == "fold"
            and get("text_wrap", "wrap") == "wrap"
        ):
            height = prompt_height(self, width)
            if height >= 0:
                return height
        return super().get_height(rules, width)


def measured(prompt: VisualType) -> VisualType:
    """A prompt that measures quickly (Content becomes `MeasuredContent`; others unchanged)."""
    if isinstance(prompt, Content) and not isinstance(prompt, MeasuredContent):
        return MeasuredContent(prompt.plain, list(prompt.spans), strip_control_codes=False)
    return prompt


class PaneOption(Option):
    """An option of a list pane: its prompt measures quickly."""

    def __init__(self, prompt: VisualType, id: str | None = None, disabled: bool = False) -> None:
        super().__init__(measured(prompt), id=id, disabled=disabled)


class ItemOption(PaneOption, Generic[ItemT]):
    """An option of a list pane that shows one item of the story and opens it: a section, a
    person, a figure, an event. It carries the item, what `enter` opens (`target`) and the
    story's words its prompt shows (`words`: what find in the pane matches)."""

    def __init__(
        self,
        prompt: VisualType,
        item: ItemT,
        target: Target,
        words: tuple[str, ...],
        id: str | None = None,
    ) -> None:
        super().__init__(prompt, id=id)
        self.item = item
        self.target = target
        self.words = words


T = TypeVar("T")


def option_item(option: Option | None, kind: type[T]) -> T | None:
    """The item an option shows when it is a `kind` (a `Person`, a `Figure`, …), else None."""
    item = getattr(option, "item", None) if isinstance(option, ItemOption) else None
    return item if isinstance(item, kind) else None


class ListPane(OptionList):
    """An OptionList with the browser's movement keys (vi keys, space and b for pages).

    A pane with nothing to list shows `empty_text` instead of a blank box.
    """

    empty_text: ClassVar[str] = ""
    """What an empty pane says, e.g. `No key figures in this story`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Next item. |
    | up, k | Previous item. |
    | pagedown, space | Page down. |
    | pageup, b | Page up. |
    | home, g | First item. |
    | end, G | Last item. |
    | enter | Open the highlighted item. |
    """

    @dataclass(eq=False)
    class ItemChosen(TargetChosen["ListPane"]):
        """The reader asked to open the highlighted item (`enter`): its target says what."""

        option: ItemOption[object]
        """The chosen option; `option.item` is the section, person, figure or event."""

        @property
        def target(self) -> Target:
            return self.option.target

    def __init__(
        self,
        *content: Option | None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        self.empty = not any(option is not None for option in content)
        """Whether the pane has nothing to list (it then shows `empty_text`)."""
        if self.empty and self.empty_text:
            content = (PaneOption(literal(self.empty_text, "$text-muted"), disabled=True),)
        self._find_query: str | None = None
        self._plain_prompts: dict[int, VisualType] = {}
        """The prompts of the options marked for the current search, without the marks."""
        super().__init__(*content, name=name, id=id, classes=classes, disabled=disabled)

    @on(OptionList.OptionSelected)
    def _item_chosen(self, event: OptionList.OptionSelected) -> None:
        # Every pane of items opens them the same way: one message, one handler (the screen's).
        option = event.option
        if isinstance(option, ItemOption):
            event.stop()
            self.post_message(self.ItemChosen(self, option))

    # Find in a list ---------------------------------------------------------------------------
    # An option may say which of its words are the story's (`words`, in the order its prompt
    # shows them): find matches only those, never the pane's own words (`3 quotes`, `✓ seen`),
    # and marks each match in the prompt the way the article marks its matches.

    def matching(self, query: str) -> list[int]:
        """The indexes of the options whose story words match `query`, by the one filter rule
        (`story/filtering.py`, as the library and the palette filter)."""
        from story_tui.story.filtering import QueryFilter

        matches = QueryFilter(query)
        if not matches:
            return []
        return [
            index
            for index, option in enumerate(self.options)
            if not option.disabled and matches("\n".join(option_words(option)))
        ]

    def mark_matches(self, query: str | None) -> None:
        """Mark `query` in the options' story words; None (or `""`) clears the marks."""
        self._find_query = query or None
        for index, plain in self._plain_prompts.items():
            super().replace_option_prompt_at_index(index, plain)
        self._plain_prompts = {}
        if self._find_query is None:
            return
        for index in self.matching(self._find_query):
            option = self.get_option_at_index(index)
            plain = option.prompt
            marked = mark_words(plain, option_words(option), self._find_query)
            if marked is not plain:
                self._plain_prompts[index] = plain
                super().replace_option_prompt_at_index(index, measured(marked))

    # Like vim, less and lazygit, `j`/`k` stop at the ends of the list instead of wrapping around.

    def _step(self, direction: int) -> None:
        options = self.options
        if self.highlighted is None:  # nothing highlighted yet: the first (or last) option
            if direction > 0:
                super().action_cursor_down()
            else:
                super().action_cursor_up()
            return
        index = self.highlighted + direction
        while 0 <= index < len(options):
            if not options[index].disabled:
                self.highlighted = index
                return
            index += direction

    def action_cursor_down(self) -> None:
        """Highlight the next option; stay on the last one."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Highlight the previous option; stay on the first one."""
        self._step(-1)

    # Textual's OptionList pages by its laid-out lines: a pane not laid out (hidden, or shown by a
    # key earlier in the same burst) has none, and paging it raised KeyError. It ignores paging.

    def action_page_down(self) -> None:
        """Highlight the option a page further down."""
        if self.scrollable_content_region:
            super().action_page_down()  # type: ignore[no-untyped-call]  # untyped in Textual

    def action_page_up(self) -> None:
        """Highlight the option a page further up."""
        if self.scrollable_content_region:
            super().action_page_up()  # type: ignore[no-untyped-call]  # untyped in Textual

    def replace_option_prompt(self, option_id: str, prompt: VisualType) -> Self:
        return self.replace_option_prompt_at_index(self.get_option_index(option_id), prompt)

    def replace_option_prompt_at_index(self, index: int, prompt: VisualType) -> Self:
        # A new prompt (a seen mark) keeps the marks of the current search.
        if index in self._plain_prompts and self._find_query is not None:
            self._plain_prompts[index] = prompt
            option = self.get_option_at_index(index)
            prompt = mark_words(prompt, option_words(option), self._find_query)
        return super().replace_option_prompt_at_index(index, measured(prompt))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty pane has nothing to open: its key bar does not offer `enter`.
        return not (self.empty and action == "select")

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        # The empty pane's message is not an item: nothing to highlight, open or copy.
        return None if self.empty else super().validate_highlighted(highlighted)


MATCH_STYLE = "underline on $warning 35%"
"""How a find match is marked in a list (the article's `.article--match` look)."""


def highlighted_ids(panes: Iterable[ListPane]) -> dict[str, str]:
    """Each list's highlighted option id (pane id -> option id): what to restore later."""
    found: dict[str, str] = {}
    for pane in panes:
        option = pane.highlighted_option
        if pane.id is not None and option is not None and option.id is not None:
            found[pane.id] = option.id
    return found


def option_words(option: Option) -> tuple[str, ...]:
    """The story's words an option shows (its `words`), or its whole prompt's text."""
    words = getattr(option, "words", None)
    if isinstance(words, tuple):
        return words
    prompt = option.prompt
    return (prompt.plain if isinstance(prompt, Content) else str(prompt),)


def mark_words(prompt: VisualType, words: tuple[str, ...], query: str) -> VisualType:
    """`prompt` with what matches `query` inside `words` marked; `prompt` itself if nothing.

    Each word is looked up in the prompt's text after the previous one, so a match is marked
    exactly where the story's words are, never in the pane's own words around them.
    """
    if not isinstance(prompt, Content) or not query:
        return prompt
    from story_tui.story.filtering import QueryFilter

    matches = QueryFilter(query)
    plain = prompt.plain
    cursor = 0
    marked = prompt
    for word in words:
        at = plain.find(word, cursor)
        if at < 0:
            continue
        cursor = at + len(word)
        for first, last in matches.spans(word):
            marked = marked.stylize(MATCH_STYLE, at + first, at + last)
    return marked


def separated(options: Iterable[Option]) -> list[Option | None]:
    """Options with a separator line between each (None is OptionList's separator)."""
    result: list[Option | None] = []
    for option in options:
        if result:
            result.append(None)
        result.append(option)
    return result
