"""The article as the detectors see it: paragraphs, sections, offsets, sentences. Plain Python."""

from __future__ import annotations

import regex

from story_tui.draft.model import Section, slug

_SENTENCE_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Co|Corp|Ltd|vs|No|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|\p{Lu}))[.!?]+[”\"’']?(?=\s+[\p{Lu}“\"‘\d]|$)"
)

_WINDOW = 2000
"""Characters before an offset searched first for the end of the sentence before it."""


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
            # titled by titles.name_sections (words of the lead sentence)
            self.sections.append(Section(f"part-{number}", f"Part {number}", paragraphs, True))


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
    # Look back in a window that doubles until it holds a sentence end: scanning from the
    # paragraph's start for every quote and date made a one-paragraph article quadratic. A
    # match starting at the window's edge may be the tail of a longer one, so it does not count.
    best, low = 0, max(0, at - _WINDOW)
    while True:
        for match in _SENTENCE_END.finditer(paragraph, low, min(len(paragraph), at + 2)):
            # the lookahead sees the opening mark at `at`; a match at the window's edge may be
            # the tail of a longer one
            if match.end() <= at and (match.start() > low or low == 0):
                best = match.end()
        if best or low == 0:
            break
        low = max(0, low - 2 * (at - low))
    while best < at and paragraph[best].isspace():
        best += 1
    return best


_CREDIT = regex.compile(
    r"(?i)^\(?\s*(?:(?:additional|with)\s+)?(?:reporting|writing|editing|compiled|produced|"
    r"edited|written|photos?|graphics?|illustrations?|research)\s+(?:by|from)\b"
    r"|^(?:source|sources|photo|photograph|image|picture|credit|credits|caption|video|related|"
    r"read\s+more|more|see\s+also|also\s+read|recommended|contributing|editor'?s\s+note|"
    r"copyright|tags|categor(?:y|ies)|filed\s+under|share|advertisement)\s*[:|]"
    r"|^(?:©|\(c\)\s|copyright\b|all\s+rights\s+reserved)"
    r"|^[_*=~—–-]{3,}\s*$"
    r"|\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))"
    r"|\b(?:sign\s+up|subscribe)\b.{0,60}\b(?:newsletter|inbox|updates|alerts)\b"
    r"|\bnewsletter\b.{0,60}\b(?:sign\s+up|subscribe|inbox)\b"
    r"|\bfollow\s+(?:him|her|them|us|me)\s+on\s+(?:twitter|facebook|instagram)\b"
    r"|\bmay\s+be\s+reached\s+at\b|\bcan\s+be\s+reached\s+at\b"
    r"|[\w.+-]+@[\w-]+\.[\w.]+"
)
_BYLINE = regex.compile(
    r"(?:^|\s)(?:by|By|BY)\s+\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3})*\s*$"
)


def credit_line(paragraph: str, authors: list[str] | tuple[str, ...] = ()) -> bool:
    """Page furniture that names people who are not in the story: a credit or byline
    (`Reporting by …; Editing by …`, `… contributed to this report.`, `5:45 AM by NAME`,
    `Photo: …`), a source or "Related" line, a newsletter box, a contact or follow line, an end
    mark (`___`), and an author's own line (`NAME is IGN's deal curator …`)."""
    text = paragraph.strip()
    if _CREDIT.search(text):
        return True
    words = len(text.split())
    if words <= 14 and _BYLINE.search(text) and not text.endswith((".", "”", '"')):
        return True
    return any(text.startswith(author) and words <= 60 for author in authors)
