"""The article as the detectors see it: paragraphs, sections, offsets, sentences. Plain Python."""

from __future__ import annotations

import regex

from story_tui.draft.model import Section, slug

_SENTENCE_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Co|Corp|Ltd|vs|No|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|\p{Lu}))[.!?]+[”\"’']?(?=\s+[\p{Lu}“\"‘\d]|$)"
)


class Text:
    """Paragraphs with their sections and their offsets in the joined article."""

    def __init__(self, paragraphs: list[tuple[str | None, str]], per_section: int) -> None:
        self.paragraphs = [p for _h, p in paragraphs]
        self.sections: list[Section] = []
        current: list[str] = []
        heading_of = [h for h, _p in paragraphs]
        for index, paragraph in enumerate(self.paragraphs):
            new_heading = heading_of[index] is not None and (
                index == 0 or heading_of[index] != heading_of[index - 1]
            )
            if current and (
                new_heading or (heading_of[index] is None and len(current) >= per_section)
            ):
                self._close(current, heading_of[index - 1])
                current = []
            current.append(paragraph)
        if current:
            self._close(current, heading_of[-1] if heading_of else None)
        self.section_of = [s.id for s in self.sections for _ in s.paragraphs]
        self.bases: list[int] = []
        offset = 0
        for paragraph in self.paragraphs:
            self.bases.append(offset)
            offset += len(paragraph) + 1
        self.article = "\n".join(self.paragraphs)

    def _close(self, paragraphs: list[str], heading: str | None) -> None:
        number = len(self.sections) + 1
        if heading:
            section_id = slug(heading)
            if any(existing.id == section_id for existing in self.sections):
                section_id = f"{section_id}-{number}"
            self.sections.append(Section(section_id, heading, paragraphs, False))
        else:
            self.sections.append(
                Section(f"section-{number}", f"Section {number}", paragraphs, True)
            )


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        spans.append((start, match.end()))
        start = match.end()
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def sentence_start(paragraph: str, at: int) -> int:
    """Where the sentence holding offset `at` starts."""
    best = 0
    for match in _SENTENCE_END.finditer(paragraph, 0, at):
        best = match.end()
    while best < at and paragraph[best].isspace():
        best += 1
    return best
