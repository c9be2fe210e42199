"""A keyboard-friendly OptionList base for the browser's list panes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, cast

from rich._wrap import divide_line
from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from story_tui.tui.widgets.text import literal


def prompt_height(prompt: Content, width: int) -> int:
    """Lines `prompt` takes wrapped to `width`: what `Content.get_height` says, without
    building the wrapped lines (that made a 2,000-option list take 0.2 s to lay out).

    Content with a tab falls back to `Content.get_height` (tabs expand to a width).
    """
    plain = prompt.plain
    if "\t" in plain:
        return -1
    height = 0
    for line in plain.split("\n"):
        if (len(line) <= width and line.isascii()) or cell_len(line) <= width:
            height += 1
        else:
            height += len(divide_line(line, width, fold=True)) + 1
    return height


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
            content = (Option(literal(self.empty_text, "$text-muted"), disabled=True),)
        super().__init__(*content, name=name, id=id, classes=classes, disabled=disabled)

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        # The empty pane's message is not an item: nothing to highlight, open or copy.
        return None if self.empty else super().validate_highlighted(highlighted)

    # Option heights ---------------------------------------------------------------------------
    # OptionList measures every option by wrapping it into styled lines before it can draw the
    # first one. These two methods are OptionList's own, with the measure done by
    # `prompt_height` when the pane's text rules are the defaults it mirrors.

    def _fast_heights(self, rules: RulesMap) -> bool:
        get = rules.get
        return (
            get("line_pad", 0) == 0
            and get("text_overflow", "fold") == "fold"
            and get("text_wrap", "wrap") == "wrap"
        )

    def _option_height(self, option: Option, width: int, fast: bool) -> int:
        prompt = option.prompt
        if fast and isinstance(prompt, Content):
            height = prompt_height(prompt, width)
            if height >= 0:
                return height
        return self._get_visual(option).get_height(cast(RulesMap, self.styles), width)

    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            return
        line_cache = self._line_cache
        lines = line_cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if next_index < len(self.options):
            padding = self.get_component_styles("option-list--option").padding
            fast = self._fast_heights(cast(RulesMap, self.styles))
            for index, option in enumerate(self.options[next_index:], next_index):
                line_cache.index_to_line[index] = len(lines)
                line_count = (
                    self._option_height(option, width - padding.width, fast) + option._divider
                )
                line_cache.heights[index] = line_count
                lines.extend([(index, line_no) for line_no in range(line_count)])
        last_divider = self.options and self.options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        padding_width = self.get_component_styles("option-list--option").padding.width
        fast = self._fast_heights(cast(RulesMap, self.styles))
        options = self.options
        return sum(
            self._option_height(option, width - padding_width, fast)
            + (1 if option._divider and index < len(options) - 1 else 0)
            for index, option in enumerate(options)
        )


def separated(options: Iterable[Option]) -> list[Option | None]:
    """Options with a separator line between each (None is OptionList's separator)."""
    result: list[Option | None] = []
    for option in options:
        if result:
            result.append(None)
        result.append(option)
    return result
