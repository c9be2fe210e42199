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
_OVERRUN = 4
"""Words a heading may run past its limit to finish a name or a number it would cut."""
_NAME_LINKS = frozenset(
    "of|of the|for|for the|and|&|de|de la|del|da|du|des|van|von|van der|der|y|la|le".split("|")
)
_CALENDAR = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousands millions dozens".split()
)
_NUMBER_PARTS = frozenset(
    "hundred thousand million billion trillion percent per cent % bn m k mph km dollars euros "
    "pounds yen".split()
)


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
        # In Title Case every word is capitalised: names cannot be told from the rest there.
        words = words[: keep if _title_case(words) else _clean_cut(words, keep)]
    words = words[: _trimmed(words, len(words))]
    words = [w for w in (w.strip('“”"') for w in words) if w]
    if len(words) < 2:
        return None
    title = " ".join(words).rstrip(",;:—–-")
    return title[0].upper() + title[1:]


def _capitalised(word: str) -> bool:
    letters = word.lstrip("“”\"‘'(")
    return bool(letters) and letters[0].isupper()


def _numeric(word: str) -> bool:
    low = word.lower()
    return any(c.isdigit() for c in word) or low in _NUMBER_WORDS or low in _NUMBER_PARTS


def _ends_a_phrase(word: str) -> bool:
    return word.endswith((",", ";", ":", ".", "”", '"', ")"))


def _name_links(words: list[str], at: int) -> int:
    """How many lower-case words from `words[at]` join two parts of one name (`of`, `of the`,
    `de la`: `Bank of America`, `Republic of the Congo`), 0 when none do."""
    for size in (2, 1):
        link = " ".join(words[at : at + size]).lower()
        if (
            link in _NAME_LINKS
            and at + size < len(words)
            and _name_word(words[at + size])
            and not any(_ends_a_phrase(w) for w in words[at - 1 : at + size])
        ):
            return size
    return 0


def _joined(words: list[str], at: int) -> bool:
    """Whether a cut before `words[at]` would split a name or a number: a run of capitalised
    words (`NASA's Goddard Space | Flight Center`, `Bank of | America`) or a number and what
    counts it (`$19.2 | million`, `40 | percent`)."""
    before, word = words[at - 1], words[at]
    if _ends_a_phrase(before):
        return False
    if _numeric(before) and word.lower().strip(",.;:") in _NUMBER_PARTS:
        return True
    if _capitalised(before) and _capitalised(word):
        return True
    # across the lower-case words of a name: `Bank | of America`, `Republic of | the Congo`
    for back in (0, 1, 2):
        start = at - back
        if (
            start >= 1
            and _name_word(words[start - 1])
            and _name_links(words, start) >= max(back, 1)
        ):
            return True
    return False


def _name_word(word: str) -> bool:
    """A capitalised word that may go on into a name over `of`/`for` (not a month, a day)."""
    return _capitalised(word) and word.strip("’'s,.;:") not in _CALENDAR


def _title_case(words: list[str]) -> bool:
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    return len(lettered) >= 4 and sum(map(_capitalised, lettered)) >= 0.7 * len(lettered)


def _weak(word: str) -> bool:
    """A heading never ends on a function word or a possessive (`the`, `of`, `NASA's`)."""
    return word.lower().strip(",.;:’'") in _WEAK_END or word.endswith(("’s", "'s", "s’", "s'"))


def _trimmed(words: list[str], end: int) -> int:
    """`end` moved back over the function words and possessives a heading would end on, and
    over a name that dropping them would cut (`respond to Fox News’` -> `respond`)."""
    title_case = _title_case(words)
    while end > 2:
        if _weak(words[end - 1]):
            end -= 1
        elif not title_case and end < len(words) and _joined(words, end):
            start = end
            while start > 1 and _joined(words, start):
                start -= 1
            if start < 2:
                break
            end = start
        else:
            break
    return end


def _clean_cut(words: list[str], keep: int) -> int:
    """Where to cut a long heading near `keep` words without splitting a name or a number: past
    the end of the run when it ends within a few words, else before the run starts (when enough
    is left), else not at all (the whole clause)."""
    if keep >= len(words) or not _joined(words, keep):
        return keep
    end = keep
    while end < len(words) and _joined(words, end):
        end += 1
    if end - keep <= _OVERRUN:
        return end
    start = keep
    while start > 1 and _joined(words, start):
        start -= 1  # the run starts at words[start]: cut before it
    while start > 2 and (words[start - 1].lower().strip(",.;:’'") in _WEAK_END):
        start -= 1
    return start if start >= 3 else len(words)


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
