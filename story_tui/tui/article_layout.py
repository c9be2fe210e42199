"""The article's layout: its text wrapped into screen lines, and the way between offsets and lines.

Plain Python; no Textual (the Article pane draws what this computes; tests use it without an app).

The article is a list of blocks: each section's heading (paragraph -1), then its paragraphs;
every block is its wrapped lines and one blank line. Only the wrap offsets are kept per block; a
screen line is found by bisecting the blocks' first lines.

A long story is laid out a screenful first: the blocks past it get an estimated height and are
wrapped a chunk at a time later (`refine`). Anything that needs a block's true place (a jump, the
end, a drag of the scrollbar) wraps up to that block first, so what is drawn is always exact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len

from story_tui.story.model import Location, Person, Story
from story_tui.story.safety import replace_unsafe
from story_tui.tui.widgets.wrap import wrap_offsets

ParagraphKey = tuple[int, int]
"""(section index, paragraph index within the section); the heading is paragraph -1."""


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: where its text is."""

    section: int
    paragraph: int
    """-1 for a heading or blank line."""
    start: int = 0
    """Offset of the line's first character in its paragraph (or heading)."""
    end: int = 0
    heading: bool = False


def estimate(length: int, width: int) -> int:
    """A block's height before it is wrapped: its lines at about 92% fill, and the blank line."""
    return max(1, -(-length * 100 // (width * 92))) + 1


class ArticleLayout:
    """Where every block of a story's article falls, wrapped to a width."""

    def __init__(self, story: Story, on_change: Callable[[int], None] | None = None) -> None:
        """`on_change` is called with the new number of lines whenever it may have changed."""
        self.story = story
        self._on_change = on_change
        self.blocks: list[ParagraphKey] = []
        self.texts: list[str] = []
        for s_index, section in enumerate(story.sections):
            for p_index, text in enumerate((section.title, *section.paragraphs), start=-1):
                self.blocks.append((s_index, p_index))
                self.texts.append(text)
        self._block_index = {key: i for i, key in enumerate(self.blocks)}
        self.paragraphs: list[ParagraphKey] = [key for key in self.blocks if key[1] >= 0]
        """Paragraphs in article order (what the paragraph cursor counts)."""
        self.wraps: list[list[tuple[int, int]] | None] = []
        """Each block's wrapped lines; None while its height is only an estimate."""
        self.heights: list[int] = []
        self.starts: list[int] = [0]
        """First screen line of each block, then the total number of lines."""
        self.exact = 0
        """Blocks before this one are wrapped; the rest have estimated heights."""
        self.width = -1
        """The width the text is wrapped to; -1 before the first `build`."""

    # Wrapping ----------------------------------------------------------------------------------

    def build(self, width: int) -> None:
        """Start over at `width`: every block estimated, none wrapped yet."""
        self.wraps = [None] * len(self.texts)
        self.heights = [estimate(len(text), width) for text in self.texts]
        self.exact = 0
        self.width = width
        self._update_starts()

    @property
    def built(self) -> bool:
        """Whether the layout has a width."""
        return self.width >= 0

    @property
    def done(self) -> bool:
        """Whether every block is wrapped."""
        return self.exact >= len(self.texts)

    @property
    def line_count(self) -> int:
        """Screen lines in the whole article (estimated past `exact`)."""
        return self.starts[-1]

    def _update_starts(self) -> None:
        self.starts = [0, *accumulate(self.heights)]
        if self._on_change is not None:
            self._on_change(self.starts[-1])

    def wrap_through(self, block: int) -> None:
        """Wrap every block up to and including `block`."""
        block = min(block, len(self.texts) - 1)
        if block < self.exact:
            return
        width, texts, wraps, heights = self.width, self.texts, self.wraps, self.heights
        for index in range(self.exact, block + 1):
            wrap = wrap_offsets(replace_unsafe(texts[index]), width)
            wraps[index] = wrap
            heights[index] = len(wrap) + 1
        self.exact = block + 1
        self._update_starts()

    def ensure_line(self, y: int) -> None:
        """Wrap until screen line `y` (or the end) lies in wrapped blocks."""
        while self.exact < len(self.texts) and y >= self.starts[self.exact]:
            block = bisect_right(self.starts, y) - 1
            self.wrap_through(max(block, self.exact) + 16)

    def ensure_all(self) -> None:
        """Wrap every block."""
        self.wrap_through(len(self.texts) - 1)

    def refine(self, blocks: int) -> None:
        """Wrap the next `blocks` estimated blocks."""
        self.wrap_through(self.exact + blocks)

    # Places ------------------------------------------------------------------------------------

    def section_index(self, section_id: str) -> int:
        """A section's index (0 for an unknown id)."""
        section = self.story.section(section_id)
        return section.index if section is not None else 0

    def key(self, location: Location) -> ParagraphKey:
        """The paragraph a location is in."""
        return self.section_index(location.section), location.paragraph

    def section_start(self, section: int) -> int:
        """The first screen line of a section (its heading)."""
        block = self._block_index[(section, -1)]
        self.wrap_through(block)
        return self.starts[block]

    def order(self, key: ParagraphKey) -> int | None:
        """A paragraph's place in `paragraphs`: its block less the headings before it."""
        block = self._block_index.get(key)
        if block is None or key[1] < 0:
            return None
        return block - key[0] - 1

    def paragraph_start(self, key: ParagraphKey, default: int = 0) -> int:
        """The first screen line of a paragraph."""
        block = self._block_index.get(key)
        if block is None or key[1] < 0:
            return default
        self.wrap_through(block)
        return self.starts[block]

    def block_start(self, line: Line) -> int:
        """The first screen line of the paragraph a line belongs to (of its section for a
        heading or a blank line)."""
        if line.paragraph >= 0:
            return self.paragraph_start((line.section, line.paragraph))
        return self.section_start(line.section)

    def line_at(self, y: int) -> Line | None:
        """What screen line `y` shows, or None past the end."""
        if not 0 <= y < self.line_count:
            return None
        self.ensure_line(y)
        if y >= self.line_count:
            return None
        block = bisect_right(self.starts, y) - 1
        section, paragraph = self.blocks[block]
        wrap = self.wraps[block]
        assert wrap is not None
        row = y - self.starts[block]
        if row >= len(wrap):
            return Line(section, -1)  # the blank line after the block
        start, end = wrap[row]
        return Line(section, paragraph, start, end, heading=paragraph < 0)

    def line_of(self, location: Location) -> int:
        """The screen line where a location's span starts."""
        key = self.key(location)
        block = self._block_index.get(key)
        if block is None or key[1] < 0:
            return 0
        self.wrap_through(block)
        wrap = self.wraps[block]
        assert wrap is not None
        # The last wrapped line that starts at or before the span.
        rows = sum(1 for start, _end in wrap[1:] if start <= location.start)
        return self.starts[block] + rows

    def mentions_in_order(self, person: Person) -> list[Location]:
        """A person's mentions and quotes, in article order."""
        locations = [*person.mentions, *(q.location for q in person.quotes)]
        return sorted(locations, key=lambda loc: (*self.key(loc), loc.start))

    # The paragraph cursor ----------------------------------------------------------------------

    def cursor_in_view(self, cursor: int, top: int, height: int) -> int:
        """Like `less`: a cursor scrolled out of `[top, top + height)` moves to the first
        paragraph that starts in view (or stays where it is when none does)."""
        if not self.paragraphs or not self.line_count:
            return cursor
        if top <= self.paragraph_start(self.paragraphs[cursor]) < top + height:
            return cursor
        for y in range(top, min(self.line_count, top + height)):
            line = self.line_at(y)
            if line is None or line.start != 0:
                continue
            order = self.order((line.section, line.paragraph))
            if order is not None:  # the first line of a paragraph
                return order
        return cursor

    def reveal_top(self, location: Location, height: int, heading: bool = False) -> int:
        """Where to scroll so a span shows: its paragraph's start two lines down, or, for a span
        deep in a long paragraph, the span a third of the way down. With `heading`, the
        section's heading is at the top when the span is in the upper half below it."""
        y = self.line_of(location)
        key = self.key(location)
        start = self.paragraph_start(key, y)
        target = start - 2 if y - start < height // 2 else y - height // 3
        if heading and key[1] >= 0:
            top = self.section_start(key[0])
            if y - top < height // 2:
                target = top
        return max(0, target)

    def name_at(self, line: Line, cell: int) -> Person | None:
        """The person whose name is drawn at `cell` of a paragraph's line (cells from its text)."""
        section = self.story.sections[line.section]
        if line.paragraph < 0:
            return None
        text = replace_unsafe(section.paragraphs[line.paragraph])[line.start : line.end]
        offset = cell_to_offset(text, cell)
        if offset is None:
            return None
        at = line.start + offset
        for person, location in self.story.mentions_in(section.id, line.paragraph):
            if location.start <= at < location.end:
                return person
        return None


def cell_to_offset(text: str, cell: int) -> int | None:
    """The index of the character drawn at `cell` (wide characters take two cells)."""
    if cell < 0:
        return None
    position = 0
    for index, char in enumerate(text):
        position += cell_len(char)
        if cell < position:
            return index
    return None
