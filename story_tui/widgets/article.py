"""The Article pane: the whole article in one scroll, drawn with the Line API.

Only the visible lines are rendered, so a 20,000-paragraph story scrolls as fast as a short one.
People's names, direct quotes, paraphrases and figures are marked in the text; each mark differs in
more than colour (bold, italic, underline), so they stay distinguishable under `NO_COLOR`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from story_tui.model import Figure, Location, Quote, Story, TimelineEvent
from story_tui.safety import replace_unsafe
from story_tui.widgets.wrap import wrap_offsets

READING_WIDTH = 80
"""Widest the text is set; wider terminals centre it."""

_HIGHLIGHT = Style(bold=True, reverse=True)
MARK_KINDS = ("name", "direct", "paraphrase", "figure", "highlight")


@dataclass(frozen=True, slots=True)
class _Line:
    """One screen line of the article: its content (spans name mark kinds) and where it is from."""

    content: Content
    section: int
    paragraph: int
    """-1 for a heading or blank line."""


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


def _slice(text: str, spans: list[Span], start: int, end: int) -> Content:
    """The line `text[start:end]` with the parts of `spans` that fall on it."""
    line_spans = [
        Span(max(span.start, start) - start, min(span.end, end) - start, span.style)
        for span in spans
        if span.start < end and span.end > start
    ]
    return Content(text[start:end], line_spans, strip_control_codes=False)


class ArticleView(ScrollView, can_focus=True):
    """The article text with section headings and marked spans."""

    HELP = """\
## Article

The whole article in one scroll, with the editor's section headings.

- **Bold**: a person's name. *Italic*: a direct quote. Underlined: a paraphrase.
  Bold and underlined: a key figure.
- `[` and `]` jump to the previous and next section.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
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
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--heading",
        "article--name",
        "article--direct",
        "article--paraphrase",
        "article--figure",
    }

    class SectionChanged(Message):
        """The section at the top of the article changed (the reader scrolled)."""

        def __init__(self, article: ArticleView, section_id: str) -> None:
            super().__init__()
            self.article = article
            self.section_id = section_id
            """The id of the section now at the top."""

        @property
        def control(self) -> ArticleView:
            """The article that scrolled."""
            return self.article

    highlight: reactive[Location | None] = reactive(None, layout=False)
    """A span to highlight (a quote, figure or event the reader jumped to)."""

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
        self._lines: list[_Line] = []
        self._section_starts: list[int] = []
        self._paragraph_starts: dict[tuple[int, int], int] = {}
        self._built_width = -1
        self._current_section = 0

    # Building lines ----------------------------------------------------------------------------

    @property
    def reading_width(self) -> int:
        """Width the text is wrapped to."""
        return max(10, min(READING_WIDTH, self.scrollable_content_region.width - 2))

    def _paragraph_lines(self, section: int, index: int, width: int) -> list[_Line]:
        sec = self.story.sections[section]
        text = replace_unsafe(sec.paragraphs[index])
        spans = _marks(self.story, sec.id, index)
        highlight = self.highlight
        if highlight is not None and (highlight.section, highlight.paragraph) == (sec.id, index):
            spans.append(Span(highlight.start, highlight.end, "highlight"))
        return [
            _Line(_slice(text, spans, start, end), section, index)
            for start, end in wrap_offsets(text, width)
        ]

    def _build(self, width: int) -> None:
        lines: list[_Line] = []
        section_starts: list[int] = []
        paragraph_starts: dict[tuple[int, int], int] = {}
        blank = Content("")
        for s_index, section in enumerate(self.story.sections):
            section_starts.append(len(lines))
            title = replace_unsafe(section.title)
            heading = [Span(0, len(title), "heading")]
            lines.extend(
                _Line(_slice(title, heading, start, end), s_index, -1)
                for start, end in wrap_offsets(title, width)
            )
            lines.append(_Line(blank, s_index, -1))
            for p_index in range(len(section.paragraphs)):
                paragraph_starts[(s_index, p_index)] = len(lines)
                lines.extend(self._paragraph_lines(s_index, p_index, width))
                lines.append(_Line(blank, s_index, -1))
        self._lines = lines
        self._section_starts = section_starts
        self._paragraph_starts = paragraph_starts
        self._built_width = width
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines))

    def _rebuild_paragraph(self, location: Location | None) -> None:
        if location is None or self._built_width < 0:
            return
        section = self._section_index(location.section)
        start = self._paragraph_starts.get((section, location.paragraph))
        if start is None:
            return
        new = self._paragraph_lines(section, location.paragraph, self._built_width)
        self._lines[start : start + len(new)] = new

    def _section_index(self, section_id: str) -> int:
        section = self.story.section(section_id)
        return section.index if section is not None else 0

    def on_resize(self) -> None:
        width = self.reading_width
        if width == self._built_width:
            return
        # Keep the reader's place: the paragraph at the top stays at the top.
        anchor = self._line_at(int(self.scroll_y))
        self._build(width)
        if anchor is not None and anchor.paragraph >= 0:
            y = self._paragraph_starts.get((anchor.section, anchor.paragraph), 0)
            self.scroll_to(y=y, animate=False, immediate=True)
        elif anchor is not None:
            self.scroll_to(y=self._section_starts[anchor.section], animate=False, immediate=True)
        self.refresh()

    def watch_highlight(self, old: Location | None, new: Location | None) -> None:
        self._rebuild_paragraph(old)
        self._rebuild_paragraph(new)
        self.refresh()

    # Rendering ---------------------------------------------------------------------------------

    def _style(self, kind: str) -> Style:
        if kind == "highlight":
            # Reverse video shows in every theme and under NO_COLOR; CSS visual styles
            # cannot carry `reverse`, so this one is fixed here.
            return _HIGHLIGHT
        # Textual caches visual styles per pseudo-class state; no cache of our own to go stale.
        return self.get_visual_style(f"article--{kind}")

    def _line_at(self, y: int) -> _Line | None:
        if 0 <= y < len(self._lines):
            return self._lines[y]
        return None

    def render_line(self, y: int) -> Strip:
        if self._built_width < 0:
            self._build(self.reading_width)
        width = self.scrollable_content_region.width
        rich_base = self.rich_style
        line = self._line_at(int(self.scroll_y) + y)
        if line is None:
            return Strip.blank(width, rich_base)
        content = line.content
        if content.spans:
            content = Content(
                content.plain,
                [Span(s.start, s.end, self._style(str(s.style))) for s in content.spans],
                content.cell_length,
                strip_control_codes=False,
            )
        margin = max(0, (width - self._built_width) // 2)
        segments = content.render_segments()
        strip = Strip(segments, content.cell_length).apply_style(rich_base)
        if margin:
            strip = Strip.join([Strip.blank(margin, rich_base), strip])
        return strip.extend_cell_length(width, rich_base).crop(0, width)

    # Following the reader ----------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        line = self._line_at(int(new_value))
        if line is None:
            return
        # At the very bottom the last section is current, even if its heading is not at the top.
        section = line.section
        if new_value >= self.max_scroll_y and self._lines:
            section = self._lines[-1].section
        if section != self._current_section:
            self._current_section = section
            self.post_message(self.SectionChanged(self, self.story.sections[section].id))

    @property
    def current_section(self) -> str:
        """The id of the section at the top of the view."""
        return self.story.sections[self._current_section].id

    # Commands from the screen ------------------------------------------------------------------

    def scroll_to_section(self, section_id: str) -> None:
        """Put a section's heading at the top."""
        if self._built_width < 0:
            self._build(self.reading_width)
        index = self._section_index(section_id)
        self.scroll_to(y=self._section_starts[index], animate=False, immediate=True)

    def step_section(self, delta: int) -> str:
        """Go to the previous (-1) or next (+1) section; returns the id now at the top."""
        index = max(0, min(len(self.story.sections) - 1, self._current_section + delta))
        section_id = self.story.sections[index].id
        self.scroll_to_section(section_id)
        return section_id

    def show_location(self, location: Location) -> None:
        """Highlight a span and scroll its paragraph into the upper part of the view."""
        if self._built_width < 0:
            self._build(self.reading_width)
        self.highlight = location
        section = self._section_index(location.section)
        start = self._paragraph_starts.get((section, location.paragraph), 0)
        self.scroll_to(y=max(0, start - 2), animate=False, immediate=True)

    def show_item(self, item: Quote | Figure | TimelineEvent) -> None:
        """Jump to an anchored item."""
        self.show_location(item.location)
