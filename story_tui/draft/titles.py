"""A short heading for a drafted section, made of the words of its lead sentence. Plain Python.

When an article has no subheadings, the drafter cuts it into sections of a few paragraphs and
titles each with the main clause of its first sentence, shortened: the opening adverbial
(`On Monday,`), appositions (`, a spokesman for X,`), brackets and what follows the clause
(`, which …`, `, he said`) are left out, and the rest is cut to a few words at a phrase
boundary. A sentence that opens with a quotation gives its place to the next one. The heading is
marked for the editor to check; it is never "Section N".
"""

from __future__ import annotations

import regex

from story_tui.draft.model import slug
from story_tui.draft.text import Text, sentences

_WORDS = 10
_LEADING = regex.compile(
    r"^(?:(?:On|In|At|By|After|Before|When|While|Although|Though|Since|As|If|Because|During|"
    r"Despite|Following|Amid|Under|With|For|Over|Earlier|Later|Last|This|Meanwhile|However|"
    r"But|And|Still|Yet|Now|Then|Instead|Overall|Separately|Also|So)\b"
    r"(?:[^,;:“”\"]|,\s*(?=\d{4}\b)){0,80},\s+)+"
)
_BRACKETS = regex.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_APPOSITION = regex.compile(r",\s+(?:a|an|the|who|whose|which|now|then|once|aged?)\b[^,;:]*,")
_CLAUSE_END = regex.compile(
    r"(?:,\s+(?:which|who|whose|where|while|although|though|according\s+to|as|but|and|said|says|"
    r"told|adding|saying|he|she|they|it)\b|;|:|\s[—–]\s|\s-\s|,\s*[“\"]|[“”\"])"
)
_WEAK_END = frozenset(
    """the a an of to and or but in on at by for from with as that this these those its his
    her their our your my is are was were be been has have had will would could should can
    into over after before than about across against between during under while who which
    whose when where also not no more most its' said says""".split()
)
_BREAK_BEFORE = frozenset(
    "on in at after before for from with by during since amid as while over under".split()
)
_QUOTE_OPEN = regex.compile(r"^\s*[“\"‘']")


def lead_sentence(paragraphs: list[str]) -> str | None:
    """The first sentence of the section that does not open with a quotation."""
    for paragraph in paragraphs[:3]:
        for start, end in sentences(paragraph)[:3]:
            sentence = paragraph[start:end].strip()
            if sentence and not _QUOTE_OPEN.match(sentence) and len(sentence.split()) >= 3:
                return sentence
    return None


def heading_from(paragraphs: list[str]) -> str | None:
    """A short heading made of the words of the section's lead sentence, or None."""
    sentence = lead_sentence(paragraphs)
    return None if sentence is None else shorten(sentence, _WORDS)


def shorten(sentence: str, limit: int, clause: bool = True) -> str | None:
    """The main clause of a sentence in at most `limit` words (None when under two words)."""
    text = _LEADING.sub("", sentence)
    text = _BRACKETS.sub("", text)
    text = _APPOSITION.sub("", text)
    cut = _CLAUSE_END.search(text, 1) if clause else None
    if cut is not None and len(text[: cut.start()].split()) >= 3:
        text = text[: cut.start()]
    words = text.strip().rstrip(".!?,;:").split()
    if len(words) > limit:
        keep = limit
        for index in range(limit, 3, -1):
            if words[index].lower() in _BREAK_BEFORE:
                keep = index
                break
        words = words[:keep]
    while len(words) > 2 and (
        words[-1].lower().strip(",.;:’'") in _WEAK_END or words[-1].endswith(("’s", "'s"))
    ):
        words.pop()
    words = [w for w in (w.strip('“”"') for w in words) if w]
    if len(words) < 2:
        return None
    title = " ".join(words).rstrip(",;:—–-")
    return title[0].upper() + title[1:]


def outside_quotes(text: str) -> str:
    """The text without a quotation the clause cut: up to an opening mark never closed, from
    after a closing mark never opened (`in 2016,” X testified` -> `X testified`)."""
    first_close = min((i for i in (text.find("”"),) if i >= 0), default=-1)
    first_open = text.find("“")
    if first_close >= 0 and (first_open < 0 or first_close < first_open):
        text = text[first_close + 1 :].lstrip(" ,.;:")
    last_open = text.rfind("“")
    if last_open >= 0 and text.find("”", last_open) < 0:
        text = text[:last_open].rstrip(" ,;:")
    if text.count('"') % 2:
        at = text.find('"')
        text = text[at + 1 :].lstrip(" ,.;:") if at < len(text) // 2 else text[:at].rstrip(" ,;:")
    return text


def event_label(text: str) -> str:
    """A timeline event's label: a short clause saying what happened, outside any quotation."""
    plain = outside_quotes(text)
    return shorten(plain, 12) or shorten(plain, 12, clause=False) or plain or text


def name_sections(text: Text) -> None:
    """Title each drafted section (one the article gave no heading) from its lead sentence, with
    an id from that title, unique among the sections."""
    used = {s.id for s in text.sections if not s.placeholder}
    for number, section in enumerate(text.sections, start=1):
        if not section.placeholder:
            continue
        title = heading_from(section.paragraphs) or f"Part {number}"
        section_id = slug(title)
        if len(section_id) > 40:
            section_id = section_id[:41].rsplit("-", 1)[0]
        section_id = section_id or f"part-{number}"
        if section_id in used:
            section_id = f"{section_id}-{number}"
        used.add(section_id)
        section.title, section.id = title, section_id
    text.section_of = [s.id for s in text.sections for _ in s.paragraphs]
