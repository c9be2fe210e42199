"""The Article pane: the whole article in one scroll, drawn with the Line API.

Only the visible lines are rendered, so a 20,000-paragraph story scrolls as fast as a short one.
People's names, direct quotes, paraphrases and figures are marked in the text; each mark differs in
more than colour (bold, italic, underline), so they stay distinguishable under `NO_COLOR`.

Besides the marks that never change, a few overlays are drawn at render time: the span the reader
jumped to, find matches, and a speaker lens (every mention and quote of one person).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from story_tui.story.model import Location, Person, Story, Target
from story_tui.tui.article_layout import ArticleLayout
from story_tui.tui.article_marks import Overlays, line_text
from story_tui.tui.widgets.article_render import GUTTER, line_strip
from story_tui.tui.widgets.messages import PaneMessage, TargetChosen

_PARAGRAPH = Binding.Group("Paragraph", compact=True)
READING_WIDTH = 80
"""Widest the text is set; wider terminals centre it."""


class ArticleView(ScrollView, can_focus=True):
    """The article text with section headings, marked spans and a paragraph cursor."""

    HELP = """\
## Article

The whole article in one scroll, with the editor's section headings.

- **Bold**: a person's name. *Italic*: a direct quote. Underlined: a paraphrase.
  Bold and underlined: a key figure.
- `{` and `}` move the paragraph cursor (the bar on the left); `enter` lists the people, quotes and
  figures of that paragraph. Click a name to open that person's card.
- `n` and `N` step through find matches, or through the marked person's mentions and quotes.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "line(1)", "Down", show=False),
        Binding("up,k", "line(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("home,g", "top", "Top", show=False),
        Binding("end,G", "bottom", "Bottom", show=False),
        Binding("enter", "open_paragraph", "Items"),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", group=_PARAGRAPH),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", group=_PARAGRAPH),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"article--{kind}"
        for kind in ("heading", "name", "direct", "paraphrase", "figure", "match", "lens", "cursor")
    }

    @dataclass(eq=False)
    class SectionChanged(PaneMessage["ArticleView"]):
        """The section at the top of the article changed (the reader scrolled)."""

        section_id: str
        """The id of the section now at the top."""

    @dataclass(eq=False)
    class LaidOut(PaneMessage["ArticleView"]):
        """The whole article is wrapped (a long story finishes after the first frame)."""

    @dataclass(eq=False)
    class ParagraphOpened(PaneMessage["ArticleView"]):
        """The reader pressed enter on a paragraph."""

        section_id: str
        """The paragraph's section."""
        paragraph: int
        """The paragraph's index in its section."""

    @dataclass(eq=False)
    class NameClicked(TargetChosen["ArticleView"]):
        """The reader clicked a person's name in the text."""

        person: Person
        """The person named there."""

        @property
        def target(self) -> Target:
            return ("person", self.person.id)

    highlight: reactive[Location | None] = reactive(None)
    """A span to highlight (a quote, figure or event the reader jumped to)."""
    lens: reactive[str | None] = reactive(None)
    """A person id whose mentions and quotes are marked (the speaker lens)."""
    cursor: reactive[int] = reactive(0)
    """The paragraph cursor, counted over the whole article."""

    def __init__(
        self,
        story: Story,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.story = story
        self.text_layout = ArticleLayout(story, self._lines_changed)
        """Where each block of the article falls (story_tui/tui/article_layout.py)."""
        self._refining = False
        self._current_section = 0
        self._section_cursor = 0
        """The section `[`/`]` step from: the last one jumped to, or scrolled to."""
        self._overlays = Overlays(self.text_layout)
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)

    # Building lines ----------------------------------------------------------------------------

    @property
    def reading_width(self) -> int:
        """Width the text is wrapped to."""
        return max(10, min(READING_WIDTH, self.scrollable_content_region.width - GUTTER - 1))

    def _lines_changed(self, total: int) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, total)

    def _ensure_built(self) -> None:
        if not self.text_layout.built:
            self._build(self.reading_width)

    def _build(self, width: int, through_line: int = 0) -> None:
        """Lay the article out at `width`.

        Only the blocks up to `through_line` and a screenful beyond are wrapped now; the rest
        get an estimated height and are wrapped a chunk per frame after the first paint (a
        20,000-paragraph story wraps in about 50 ms, too long to wait for before drawing).
        """
        self.text_layout.build(width)
        self._strips.clear()
        screen = max(1, self.scrollable_content_region.height)
        self.text_layout.ensure_line(through_line + 2 * screen)
        if not self.text_layout.done and not self._refining:
            self._refining = True
            self.call_after_refresh(self._refine)

    def _refine(self) -> None:
        """Wrap the next chunk of estimated blocks; again after the next frame until done."""
        if self.text_layout.done:
            self._refining = False
            self.post_message(self.LaidOut(self))
            return
        self.text_layout.refine(1500)
        self.call_after_refresh(self._refine)

    def on_resize(self) -> None:
        width = self.reading_width
        layout = self.text_layout
        if width == layout.width:
            return
        # Keep the reader's place: the paragraph at the top stays at the top, and the paragraph
        # cursor stays where it is (scrolled into view if the new width pushed it out).
        cursor = self.cursor
        anchor = layout.line_at(round(self.scroll_y)) if layout.line_count else None
        self._build(width, round(self.scroll_y))
        if anchor is not None:
            self.scroll_to(y=layout.block_start(anchor), animate=False, immediate=True)
        if layout.paragraphs:
            start = layout.paragraph_start(layout.paragraphs[cursor])
            top, height = round(self.scroll_y), max(1, self.scrollable_content_region.height)
            if not top <= start < top + height:
                self.scroll_to(y=max(0, start - 2), animate=False, immediate=True)
            self.cursor = cursor
        self.refresh()

    # Overlays ----------------------------------------------------------------------------------

    def redraw(self) -> None:
        """Redraw every line (an overlay, the cursor or the theme changed)."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def watch_highlight(self) -> None:
        self.redraw()

    def watch_cursor(self) -> None:
        self.redraw()

    def watch_lens(self, person_id: str | None) -> None:
        self._overlays.set_lens(self.story.person(person_id) if person_id else None)
        self.redraw()

    def set_matches(self, matches: list[Location], current: Location | None) -> None:
        """Show find matches, one of them as the current one."""
        self._overlays.set_matches(matches, current)
        self.redraw()

    def lens_locations(self) -> list[Location]:
        """The marked person's mentions and quotes, in article order."""
        person = self.story.person(self.lens) if self.lens else None
        return self.text_layout.mentions_in_order(person) if person is not None else []

    # Rendering ---------------------------------------------------------------------------------

    def _style(self, kind: str) -> Style:
        # Textual caches visual styles per pseudo-class state; no cache of our own to go stale.
        return self.get_visual_style(f"article--{kind}")

    def render_line(self, y: int) -> Strip:
        self._ensure_built()
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        key = (index, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_article_line(index, width)
            self._strips[key] = strip
        return strip

    def _render_article_line(self, index: int, width: int) -> Strip:
        rich_base = self.rich_style
        layout = self.text_layout
        line = layout.line_at(index)
        if line is None:
            return Strip.blank(width, rich_base)
        text, marks = line_text(self.story, line)
        cursor = False
        if line.paragraph >= 0:
            marks += self._overlays.on_line(line, self.highlight)
            cursor = layout.order((line.section, line.paragraph)) == self.cursor
        margin = max(GUTTER, (width - layout.width) // 2)
        return line_strip(
            text, marks, self._style, margin=margin, cursor=cursor, width=width, base=rich_base
        )

    # Following the reader ----------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # Make the lines about to be drawn exact before drawing them.
        layout = self.text_layout
        layout.ensure_line(round(new_value) + 2 * max(1, self.scrollable_content_region.height))
        super().watch_scroll_y(old_value, new_value)
        top = round(new_value)
        line = layout.line_at(top)
        if line is None:
            return
        # At the very bottom the last section is current, even if its heading is not at the top.
        section = line.section
        if new_value >= self.max_scroll_y and layout.blocks:
            section = layout.blocks[-1][0]
        if section != self._current_section:
            self._current_section = section
            self._section_cursor = section
            self.post_message(self.SectionChanged(self, self.story.sections[section].id))
        # Like `less`: when the cursor scrolls out of view, it moves to the first visible one.
        height = max(1, self.scrollable_content_region.height)
        self.cursor = layout.cursor_in_view(self.cursor, top, height)

    @property
    def current_section(self) -> str:
        """The id of the section at the top of the view."""
        return self.story.sections[self._current_section].id

    def order_of(self, location: Location) -> int:
        """A location's paragraph counted over the whole article (what `cursor` counts)."""
        order = self.text_layout.order(self.text_layout.key(location))
        return 0 if order is None else order

    @property
    def cursor_location(self) -> tuple[str, int]:
        """(section id, paragraph index) of the paragraph cursor."""
        section, paragraph = self.text_layout.paragraphs[self.cursor]
        return self.story.sections[section].id, paragraph

    # Actions -----------------------------------------------------------------------------------
    # Scrolling is immediate, as in `less`: an animated jump through a long story costs frames.

    def action_line(self, step: int) -> None:
        """Scroll by a line."""
        self.scroll_to(y=self.scroll_y + step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        """Scroll by a page."""
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + step * height, animate=False, immediate=True)

    def action_top(self) -> None:
        """Go to the top."""
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        """Go to the bottom."""
        self._ensure_built()
        self.text_layout.ensure_all()
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_paragraph(self, step: int) -> None:
        """Move the paragraph cursor and keep it in view."""
        paragraphs = self.text_layout.paragraphs
        if not paragraphs:
            return
        self._ensure_built()
        self.cursor = max(0, min(len(paragraphs) - 1, self.cursor + step))
        start = self.text_layout.paragraph_start(paragraphs[self.cursor])
        height = self.scrollable_content_region.height
        if not (self.scroll_y <= start < self.scroll_y + height - 2):
            self.scroll_to(y=max(0, start - 2), animate=False, immediate=True)

    def action_open_paragraph(self) -> None:
        """Ask the screen to list what is anchored in the cursor's paragraph."""
        if self.text_layout.paragraphs:
            section_id, paragraph = self.cursor_location
            self.post_message(self.ParagraphOpened(self, section_id, paragraph))

    def on_click(self, event: Click) -> None:
        self._ensure_built()
        where = event.get_content_offset(self)
        if where is None:
            return
        layout = self.text_layout
        line = layout.line_at(round(self.scroll_y) + where.y)
        order = layout.order((line.section, line.paragraph)) if line is not None else None
        if line is None or order is None:
            return
        self.cursor = order
        margin = max(GUTTER, (self.scrollable_content_region.width - layout.width) // 2)
        person = layout.name_at(line, where.x - margin)
        if person is not None:
            event.stop()
            self.post_message(self.NameClicked(self, person))

    # Commands from the screen ------------------------------------------------------------------

    def scroll_to_section(self, section_id: str) -> None:
        """Put a section's heading at the top."""
        self._ensure_built()
        index = self.text_layout.section_index(section_id)
        self._section_cursor = index
        self.scroll_to(y=self.text_layout.section_start(index), animate=False, immediate=True)
        first = self.text_layout.order((index, 0))
        if first is not None:
            self.cursor = first

    def step_section(self, delta: int) -> str:
        """Go to the previous (-1) or next (+1) section; returns the id now at the top."""
        # From the section last jumped to: near the end of a story the view cannot scroll a
        # later heading to the top, and `]` must still move on.
        index = max(0, min(len(self.story.sections) - 1, self._section_cursor + delta))
        section_id = self.story.sections[index].id
        self.scroll_to_section(section_id)
        return section_id

    def line_of(self, location: Location) -> int:
        """The screen line (in the whole article) where a location's span starts."""
        self._ensure_built()
        return self.text_layout.line_of(location)

    def reveal(self, location: Location, heading: bool = False) -> None:
        """Scroll so a span is in view (in the upper third) and put the cursor on its paragraph."""
        self._ensure_built()
        layout = self.text_layout
        order = layout.order(layout.key(location))
        if order is not None:
            self.cursor = order
        top = layout.reveal_top(location, self.scrollable_content_region.height, heading)
        self.scroll_to(y=top, animate=False, immediate=True)

    def show_location(self, location: Location) -> None:
        """Highlight a span and scroll it into view."""
        self.highlight = location
        self.reveal(location)

    @property
    def place(self) -> tuple[float, int, Location | None]:
        """Where the reader is: scroll position, paragraph cursor and highlighted span."""
        return self.scroll_y, self.cursor, self.highlight

    def restore(self, place: tuple[float, int, Location | None]) -> None:
        """Go back to a place returned by `place`."""
        self._ensure_built()
        scroll_y, cursor, highlight = place
        self.highlight = highlight
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        self.cursor = cursor
