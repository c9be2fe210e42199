"""The Article pane: the whole article in one scroll, drawn with the Line API.

Only the visible lines are rendered, so a 20,000-paragraph story scrolls as fast as a short one.
People's names, direct quotes, paraphrases and figures are marked in the text; each mark differs in
more than colour (bold, italic, underline), so they stay distinguishable under `NO_COLOR`.

Besides the marks that never change, a few overlays are drawn at render time: the span the reader
jumped to, find matches, and a speaker lens (every mention and quote of one person).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.events import Click
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from story_tui.story.model import Figure, Location, Person, Quote, Story, Target
from story_tui.story.safety import replace_unsafe
from story_tui.tui.widgets.messages import PaneMessage, TargetChosen
from story_tui.tui.widgets.wrap import wrap_offsets

READING_WIDTH = 80
"""Widest the text is set; wider terminals centre it."""
GUTTER = 2
"""Cells left of the text for the paragraph cursor."""

# Reverse video shows in every theme and under NO_COLOR; Textual's CSS visual styles cannot carry
# `reverse`, so the overlays that must stand out are fixed here.
_HIGHLIGHT = Style(bold=True, reverse=True)
_CURRENT_MATCH = Style(bold=True, reverse=True, underline=True)
_CURSOR_MARK = "▌"

ParagraphKey = tuple[int, int]
"""(section index, paragraph index within the section)."""


@dataclass(frozen=True, slots=True)
class _Line:
    """One screen line: where its text is. Content is made when the line is first drawn."""

    section: int
    paragraph: int
    """-1 for a heading or blank line."""
    start: int = 0
    """Offset of the line's first character in its paragraph (or heading)."""
    end: int = 0
    heading: bool = False


def _estimate(length: int, width: int) -> int:
    """A block's height before it is wrapped: its lines at about 92% fill, and the blank line."""
    return max(1, -(-length * 100 // (width * 92))) + 1


def _slice(text: str, spans: list[Span], start: int, end: int) -> Content:
    """The line `text[start:end]` with the parts of `spans` that fall on it."""
    line_spans = [
        Span(max(span.start, start) - start, min(span.end, end) - start, span.style)
        for span in spans
        if span.start < end and span.end > start
    ]
    return Content(text[start:end], line_spans, strip_control_codes=False)


def _marks(story: Story, section_id: str, index: int) -> list[Span]:
    spans: list[Span] = []
    for _person, location in story.mentions_in(section_id, index):
        spans.append(Span(location.start, location.end, "name"))
    for item in story.anchored_in(section_id, index):
        kind: str
        if isinstance(item, Quote):
            kind = item.kind
        elif isinstance(item, Figure):
            kind = "figure"
        else:
            continue  # timeline events overlap figures; they are shown when jumped to
        spans.append(Span(item.location.start, item.location.end, kind))
    return spans


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
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", show=False),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", show=False),
        Binding("enter", "open_paragraph", "Paragraph items"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Scroll down a line. |
    | up, k | Scroll up a line. |
    | pagedown, space | Scroll down a page. |
    | pageup, b | Scroll up a page. |
    | home, g | Go to the top. |
    | end, G | Go to the bottom. |
    | } | Paragraph cursor to the next paragraph. |
    | { | Paragraph cursor to the previous paragraph. |
    | enter | List the people, quotes and figures of the cursor's paragraph. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--heading",
        "article--name",
        "article--direct",
        "article--paraphrase",
        "article--figure",
        "article--match",
        "article--lens",
        "article--cursor",
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
        # The article is a list of blocks: each section's heading (paragraph -1), then its
        # paragraphs; every block is its wrapped lines and one blank line. Only the wrap offsets
        # are kept per block; a screen line is looked up by bisecting the blocks' first lines.
        self._blocks: list[ParagraphKey] = []
        self._texts: list[str] = []
        for s_index, section in enumerate(story.sections):
            for p_index, text in enumerate((section.title, *section.paragraphs), start=-1):
                self._blocks.append((s_index, p_index))
                self._texts.append(text)
        self._block_index = {key: i for i, key in enumerate(self._blocks)}
        self._wraps: list[list[tuple[int, int]] | None] = []
        """Each block's wrapped lines; None while its height is only an estimate."""
        self._heights: list[int] = []
        self._block_starts: list[int] = [0]
        """First screen line of each block, then the total number of lines."""
        self._exact = 0
        """Blocks before this one are wrapped; the rest have estimated heights."""
        self._refining = False
        self._paragraph_order = [key for key in self._blocks if key[1] >= 0]
        """Paragraphs in article order (what `cursor` counts); `_order` is the way back."""
        self._built_width = -1
        self._current_section = 0
        self._section_cursor = 0
        """The section `[`/`]` step from: the last one jumped to, or scrolled to."""
        self._lens_spans: dict[ParagraphKey, list[tuple[int, int]]] = {}
        self._match_spans: dict[ParagraphKey, list[tuple[int, int]]] = {}
        self._current_match: Location | None = None
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)

    # Building lines ----------------------------------------------------------------------------

    @property
    def reading_width(self) -> int:
        """Width the text is wrapped to."""
        return max(10, min(READING_WIDTH, self.scrollable_content_region.width - GUTTER - 1))

    def _ensure_built(self) -> None:
        if self._built_width < 0:
            self._build(self.reading_width)

    def _build(self, width: int, through_line: int = 0) -> None:
        """Lay the article out at `width`.

        Only the blocks up to `through_line` and a screenful beyond are wrapped now; the rest
        get an estimated height and are wrapped a chunk per frame after the first paint (a
        20,000-paragraph story wraps in about 50 ms, too long to wait for before drawing).
        Anything that needs a block's true place (a jump, the end, a drag of the scrollbar)
        wraps up to that block first.
        """
        count = len(self._texts)
        self._wraps = [None] * count
        self._heights = [_estimate(len(text), width) for text in self._texts]
        self._exact = 0
        self._built_width = width
        self._strips.clear()
        self._update_starts()
        screen = max(1, self.scrollable_content_region.height)
        self._ensure_line(through_line + 2 * screen)
        if self._exact < count and not self._refining:
            self._refining = True
            self.call_after_refresh(self._refine)

    def _update_starts(self) -> None:
        self._block_starts = [0, *accumulate(self._heights)]
        self.virtual_size = Size(self.scrollable_content_region.width, self._block_starts[-1])

    def _wrap_through(self, block: int) -> None:
        """Wrap every block up to and including `block`."""
        block = min(block, len(self._texts) - 1)
        if block < self._exact:
            return
        width = self._built_width
        texts, wraps, heights = self._texts, self._wraps, self._heights
        for index in range(self._exact, block + 1):
            wrap = wrap_offsets(replace_unsafe(texts[index]), width)
            wraps[index] = wrap
            heights[index] = len(wrap) + 1
        self._exact = block + 1
        self._update_starts()

    def _ensure_line(self, y: int) -> None:
        """Wrap until screen line `y` (or the end) lies in wrapped blocks."""
        while self._exact < len(self._texts) and y >= self._block_starts[self._exact]:
            block = bisect_right(self._block_starts, y) - 1
            self._wrap_through(max(block, self._exact) + 16)

    def _ensure_all(self) -> None:
        self._ensure_built()
        self._wrap_through(len(self._texts) - 1)

    def _refine(self) -> None:
        """Wrap the next chunk of estimated blocks; again after the next frame until done."""
        if self._exact >= len(self._texts):
            self._refining = False
            self.post_message(self.LaidOut(self))
            return
        self._wrap_through(self._exact + 1500)
        self.call_after_refresh(self._refine)

    @property
    def _line_count(self) -> int:
        return self._block_starts[-1]

    def _section_start(self, section: int) -> int:
        """The first screen line of a section (its heading)."""
        block = self._block_index[(section, -1)]
        self._wrap_through(block)
        return self._block_starts[block]

    def _order(self, key: ParagraphKey) -> int | None:
        """A paragraph's place in `_paragraph_order`: its block less the headings before it."""
        block = self._block_index.get(key)
        if block is None or key[1] < 0:
            return None
        return block - key[0] - 1

    def _paragraph_start(self, key: ParagraphKey, default: int = 0) -> int:
        """The first screen line of a paragraph."""
        block = self._block_index.get(key)
        if block is None or key[1] < 0:
            return default
        self._wrap_through(block)
        return self._block_starts[block]

    def _content(self, line: _Line) -> Content:
        """The line's text with its marks (spans name mark kinds)."""
        section = self.story.sections[line.section]
        if line.heading:
            title = replace_unsafe(section.title)
            return _slice(title, [Span(0, len(title), "heading")], line.start, line.end)
        if line.paragraph < 0:
            return Content("")
        text = replace_unsafe(section.paragraphs[line.paragraph])
        return _slice(text, _marks(self.story, section.id, line.paragraph), line.start, line.end)

    def _section_index(self, section_id: str) -> int:
        section = self.story.section(section_id)
        return section.index if section is not None else 0

    def _key(self, location: Location) -> ParagraphKey:
        return self._section_index(location.section), location.paragraph

    def on_resize(self) -> None:
        width = self.reading_width
        if width == self._built_width:
            return
        # Keep the reader's place: the paragraph at the top stays at the top.
        anchor = self._line_at(round(self.scroll_y)) if self._line_count else None
        self._build(width, round(self.scroll_y))
        if anchor is not None and anchor.paragraph >= 0:
            y = self._paragraph_start((anchor.section, anchor.paragraph))
            self.scroll_to(y=y, animate=False, immediate=True)
        elif anchor is not None:
            self.scroll_to(y=self._section_start(anchor.section), animate=False, immediate=True)
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
        spans: dict[ParagraphKey, list[tuple[int, int]]] = {}
        person = self.story.person(person_id) if person_id else None
        if person is not None:
            locations = [*person.mentions, *(q.location for q in person.quotes)]
            for location in locations:
                spans.setdefault(self._key(location), []).append((location.start, location.end))
        self._lens_spans = spans
        self.redraw()

    def set_matches(self, matches: list[Location], current: Location | None) -> None:
        """Show find matches, one of them as the current one."""
        spans: dict[ParagraphKey, list[tuple[int, int]]] = {}
        for location in matches:
            spans.setdefault(self._key(location), []).append((location.start, location.end))
        self._match_spans = spans
        self._current_match = current
        self.redraw()

    def lens_locations(self) -> list[Location]:
        """The marked person's mentions and quotes, in article order."""
        person = self.story.person(self.lens) if self.lens else None
        if person is None:
            return []
        locations = [*person.mentions, *(q.location for q in person.quotes)]
        return sorted(locations, key=lambda loc: (*self._key(loc), loc.start))

    # Rendering ---------------------------------------------------------------------------------

    def _style(self, kind: str) -> Style:
        # Textual caches visual styles per pseudo-class state; no cache of our own to go stale.
        return self.get_visual_style(f"article--{kind}")

    def _line_at(self, y: int) -> _Line | None:
        if not 0 <= y < self._line_count:
            return None
        self._ensure_line(y)
        if y >= self._line_count:
            return None
        block = bisect_right(self._block_starts, y) - 1
        section, paragraph = self._blocks[block]
        wrap = self._wraps[block]
        assert wrap is not None
        row = y - self._block_starts[block]
        if row >= len(wrap):
            return _Line(section, -1)  # the blank line after the block
        start, end = wrap[row]
        return _Line(section, paragraph, start, end, heading=paragraph < 0)

    def _overlays(self, line: _Line) -> list[Span]:
        key = (line.section, line.paragraph)
        start, end = line.start, line.end
        spans: list[Span] = []

        def add(s: int, e: int, style: Style) -> None:
            if s < end and e > start:
                spans.append(Span(max(s, start) - start, min(e, end) - start, style))

        for s, e in self._lens_spans.get(key, ()):
            add(s, e, self._style("lens"))
        for s, e in self._match_spans.get(key, ()):
            add(s, e, self._style("match"))
        for location, style in (
            (self.highlight, _HIGHLIGHT),
            (self._current_match, _CURRENT_MATCH),
        ):
            if location is not None and self._key(location) == key:
                add(location.start, location.end, style)
        return spans

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
        line = self._line_at(index)
        if line is None:
            return Strip.blank(width, rich_base)
        content = self._content(line)
        spans = [Span(s.start, s.end, self._style(str(s.style))) for s in content.spans]
        if line.paragraph >= 0:
            spans.extend(self._overlays(line))
        if spans:
            content = Content(content.plain, spans, content.cell_length, strip_control_codes=False)
        margin = max(GUTTER, (width - self._built_width) // 2)
        gutter = " " * margin
        if line.paragraph >= 0 and self._order((line.section, line.paragraph)) == self.cursor:
            gutter = " " * (margin - GUTTER) + _CURSOR_MARK + " "
        gutter_strip = Strip(
            Content(gutter, [Span(0, len(gutter), self._style("cursor"))]).render_segments(),
            margin,
        ).apply_style(rich_base)
        body = Strip(content.render_segments(), content.cell_length).apply_style(rich_base)
        strip = Strip.join([gutter_strip, body])
        return strip.extend_cell_length(width, rich_base).crop(0, width)

    # Following the reader ----------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # Make the lines about to be drawn exact before drawing them.
        self._ensure_line(round(new_value) + 2 * max(1, self.scrollable_content_region.height))
        super().watch_scroll_y(old_value, new_value)
        top = round(new_value)
        line = self._line_at(top)
        if line is None:
            return
        # At the very bottom the last section is current, even if its heading is not at the top.
        section = line.section
        if new_value >= self.max_scroll_y and self._blocks:
            section = self._blocks[-1][0]
        if section != self._current_section:
            self._current_section = section
            self._section_cursor = section
            self.post_message(self.SectionChanged(self, self.story.sections[section].id))
        self._keep_cursor_visible(top)

    def _keep_cursor_visible(self, top: int) -> None:
        """Like `less`: when the cursor scrolls out of view, it moves to the first visible one."""
        if not self._paragraph_order or not self._line_count:
            return
        height = max(1, self.scrollable_content_region.height)
        start = self._paragraph_start(self._paragraph_order[self.cursor])
        if top <= start < top + height:
            return
        for y in range(top, min(self._line_count, top + height)):
            line = self._line_at(y)
            if line is None or line.start != 0:
                continue
            order = self._order((line.section, line.paragraph))
            if order is not None:  # the first line of a paragraph
                self.cursor = order
                return

    @property
    def current_section(self) -> str:
        """The id of the section at the top of the view."""
        return self.story.sections[self._current_section].id

    def order_of(self, location: Location) -> int:
        """A location's paragraph counted over the whole article (what `cursor` counts)."""
        order = self._order(self._key(location))
        return 0 if order is None else order

    @property
    def cursor_location(self) -> tuple[str, int]:
        """(section id, paragraph index) of the paragraph cursor."""
        section, paragraph = self._paragraph_order[self.cursor]
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
        self._ensure_all()
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_paragraph(self, step: int) -> None:
        """Move the paragraph cursor and keep it in view."""
        if not self._paragraph_order:
            return
        self._ensure_built()
        self.cursor = max(0, min(len(self._paragraph_order) - 1, self.cursor + step))
        start = self._paragraph_start(self._paragraph_order[self.cursor])
        height = self.scrollable_content_region.height
        if not (self.scroll_y <= start < self.scroll_y + height - 2):
            self.scroll_to(y=max(0, start - 2), animate=False, immediate=True)

    def action_open_paragraph(self) -> None:
        """Ask the screen to list what is anchored in the cursor's paragraph."""
        if self._paragraph_order:
            section_id, paragraph = self.cursor_location
            self.post_message(self.ParagraphOpened(self, section_id, paragraph))

    def on_click(self, event: Click) -> None:
        self._ensure_built()
        where = event.get_content_offset(self)
        if where is None:
            return
        line = self._line_at(round(self.scroll_y) + where.y)
        order = self._order((line.section, line.paragraph)) if line is not None else None
        if line is None or order is None:
            return
        self.cursor = order
        margin = max(GUTTER, (self.scrollable_content_region.width - self._built_width) // 2)
        offset = _cell_to_offset(self._content(line).plain, where.x - margin)
        if offset is None:
            return
        section_id = self.story.sections[line.section].id
        at = line.start + offset
        for person, location in self.story.mentions_in(section_id, line.paragraph):
            if location.start <= at < location.end:
                event.stop()
                self.post_message(self.NameClicked(self, person))
                return

    # Commands from the screen ------------------------------------------------------------------

    def scroll_to_section(self, section_id: str) -> None:
        """Put a section's heading at the top."""
        self._ensure_built()
        index = self._section_index(section_id)
        self._section_cursor = index
        self.scroll_to(y=self._section_start(index), animate=False, immediate=True)
        first = self._order((index, 0))
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
        key = self._key(location)
        block = self._block_index.get(key)
        if block is None or key[1] < 0:
            return 0
        self._wrap_through(block)
        wrap = self._wraps[block]
        assert wrap is not None
        # The last wrapped line that starts at or before the span.
        rows = sum(1 for start, _end in wrap[1:] if start <= location.start)
        return self._block_starts[block] + rows

    def reveal(self, location: Location) -> None:
        """Scroll so a span is in view (in the upper third) and put the cursor on its paragraph."""
        self._ensure_built()
        key = self._key(location)
        order = self._order(key)
        if order is not None:
            self.cursor = order
        y = self.line_of(location)
        height = self.scrollable_content_region.height
        start = self._paragraph_start(key, y)
        target = start - 2 if y - start < height // 2 else y - height // 3
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

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


def _cell_to_offset(text: str, cell: int) -> int | None:
    """The index of the character drawn at `cell` (wide characters take two cells)."""
    if cell < 0:
        return None
    from rich.cells import cell_len

    position = 0
    for index, char in enumerate(text):
        position += cell_len(char)
        if cell < position:
            return index
    return None
