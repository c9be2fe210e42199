"""What is marked on each line of the article: plain Python, no Textual.

Two kinds of marks, each a `(start, end, kind)` triple in a line's own offsets:
- the story's marks, which never change: names (`name`), quotes (`direct`, `paraphrase`),
  figures (`figure`) and headings (`heading`);
- overlays set while reading: the speaker lens (`lens`), find matches (`match`), the current
  match (`current-match`) and the span the reader jumped to (`highlight`).
The Article pane turns each kind into a style.
"""

from __future__ import annotations

from collections.abc import Iterable

from story_tui.story.model import Figure, Location, Person, Quote, Story
from story_tui.story.safety import replace_unsafe
from story_tui.tui.article_layout import ArticleLayout, Line, ParagraphKey

Mark = tuple[int, int, str]
"""(start, end, kind)."""


def clip(marks: Iterable[tuple[int, int, str]], start: int, end: int) -> list[Mark]:
    """The parts of `marks` that fall on `[start, end)`, in that line's offsets."""
    return [
        (max(s, start) - start, min(e, end) - start, kind)
        for s, e, kind in marks
        if s < end and e > start
    ]


def paragraph_marks(story: Story, section_id: str, index: int) -> list[Mark]:
    """The names, quotes and figures marked in a paragraph."""
    marks: list[Mark] = [
        (location.start, location.end, "name")
        for _person, location in story.mentions_in(section_id, index)
    ]
    for item in story.anchored_in(section_id, index):
        if isinstance(item, Quote):
            marks.append((item.location.start, item.location.end, item.kind))
        elif isinstance(item, Figure):
            marks.append((item.location.start, item.location.end, "figure"))
        # timeline events overlap figures; they are shown when jumped to
    return marks


def line_text(story: Story, line: Line) -> tuple[str, list[Mark]]:
    """A line's text and the story's marks on it."""
    section = story.sections[line.section]
    if line.heading:
        title = replace_unsafe(section.title)
        return title[line.start : line.end], clip(
            [(0, len(title), "heading")], line.start, line.end
        )
    if line.paragraph < 0:
        return "", []
    text = replace_unsafe(section.paragraphs[line.paragraph])
    marks = paragraph_marks(story, section.id, line.paragraph)
    return text[line.start : line.end], clip(marks, line.start, line.end)


class Overlays:
    """The lens and the find matches, by paragraph, for quick lookup while drawing."""

    def __init__(self, layout: ArticleLayout) -> None:
        self.layout = layout
        self._lens: dict[ParagraphKey, list[tuple[int, int]]] = {}
        self._matches: dict[ParagraphKey, list[tuple[int, int]]] = {}
        self.current_match: Location | None = None

    def _by_paragraph(
        self, locations: Iterable[Location]
    ) -> dict[ParagraphKey, list[tuple[int, int]]]:
        spans: dict[ParagraphKey, list[tuple[int, int]]] = {}
        for location in locations:
            spans.setdefault(self.layout.key(location), []).append((location.start, location.end))
        return spans

    def set_lens(self, person: Person | None) -> None:
        """Mark every mention and quote of a person (or no one)."""
        if person is None:
            self._lens = {}
            return
        self._lens = self._by_paragraph([*person.mentions, *(q.location for q in person.quotes)])

    def set_matches(self, matches: Iterable[Location], current: Location | None) -> None:
        """Mark find matches, one of them as the current one."""
        self._matches = self._by_paragraph(matches)
        self.current_match = current

    def on_line(self, line: Line, highlight: Location | None) -> list[Mark]:
        """The overlays on a paragraph's line, in the order they are drawn (last on top)."""
        key = (line.section, line.paragraph)
        marks = [(s, e, "lens") for s, e in self._lens.get(key, ())]
        marks += [(s, e, "match") for s, e in self._matches.get(key, ())]
        for location, kind in ((highlight, "highlight"), (self.current_match, "current-match")):
            if location is not None and self.layout.key(location) == key:
                marks.append((location.start, location.end, kind))
        return clip(marks, line.start, line.end)
