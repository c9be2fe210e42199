"""The Sections pane: the table of contents, following the article's scroll."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from story_tui.story.model import Section, Story, Target
from story_tui.tui.widgets.lists import ListPane, PaneOption
from story_tui.tui.widgets.messages import TargetChosen
from story_tui.tui.widgets.text import literal


class SectionOption(PaneOption):
    """An option carrying its section."""

    def __init__(self, section: Section) -> None:
        super().__init__(literal(section.title), id=section.id)
        self.section = section
        self.words = (section.title,)
        """What find in the pane matches."""


class SectionsPane(ListPane):
    """The article's sections in order; `enter` scrolls the article to one."""

    HELP = """\
## Sections

The article's sections, in order. The highlighted section follows the article as you scroll.
Press `enter` to scroll the article to the highlighted section.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Go to")]

    @dataclass(eq=False)
    class SectionSelected(TargetChosen["SectionsPane"]):
        """The reader chose a section to read."""

        section: Section
        """The chosen section."""

        @property
        def target(self) -> Target:
            return ("section", self.section.id)

    current: reactive[str | None] = reactive(None)
    """The id of the section the article is showing."""

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(*(SectionOption(s) for s in story.sections), id=id)
        self.story = story

    def watch_current(self, section_id: str | None) -> None:
        if section_id is None:
            return
        index = self.get_option_index(section_id)
        if not self.has_focus:
            self.highlighted = index

    @on(ListPane.OptionSelected)
    def _chosen(self, event: ListPane.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, SectionOption):
            self.post_message(self.SectionSelected(self, option.section))
