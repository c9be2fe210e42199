"""The Sections pane: the table of contents, following the article's scroll."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.reactive import reactive

from story_tui.story.model import Section, Story
from story_tui.tui.widgets.lists import ItemOption, ListPane
from story_tui.tui.widgets.text import literal


def section_option(section: Section) -> ItemOption[Section]:
    """The option of one section: its title."""
    return ItemOption(
        literal(section.title), section, ("section", section.id), (section.title,), id=section.id
    )


class SectionsPane(ListPane):
    """The article's sections in order; `enter` scrolls the article to one."""

    HELP = """\
## Sections

The article's sections, in order. The highlighted section follows the article as you scroll.
Press `enter` to scroll the article to the highlighted section.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Go to")]

    current: reactive[str | None] = reactive(None)
    """The id of the section the article is showing."""

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*(section_option(s) for s in story.sections), id=id)
        self.story = story

    def watch_current(self, section_id: str | None) -> None:
        if section_id is None:
            return
        index = self.get_option_index(section_id)
        if not self.has_focus:
            self.highlighted = index
