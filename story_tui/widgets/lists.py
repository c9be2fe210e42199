"""A keyboard-friendly OptionList base for the browser's list panes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ListPane(OptionList):
    """An OptionList with the browser's movement keys (vi keys, space and b for pages)."""

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


def separated(options: Iterable[Option]) -> list[Option | None]:
    """Options with a separator line between each (None is OptionList's separator)."""
    result: list[Option | None] = []
    for option in options:
        if result:
            result.append(None)
        result.append(option)
    return result
