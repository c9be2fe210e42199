"""Finding quotations in paragraphs: which marks open and close them. Plain Python; no UI imports.

Handled: curly “…” and straight "…" marks and a mix of the two (a straight mark opens after a
space and closes before one, so one quotation never swallows the next one's attribution);
guillemets «…» and „…“; British single marks ‘…’ and '…' (told apart from apostrophes: a
closing mark is never between two letters, and a plural possessive `voters’ anger` does not
close a quotation); nested quotations (the inner marks are part of the outer quotation); and a
quotation that runs over several paragraphs (an opening mark on each, a closing one only on the
last): each paragraph's part is one quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"
_SPACE_BEFORE = " \t([{—–-/\u00a0"
_CLOSING_PUNCT = ",.;:!?)]}—–-…"


@dataclass
class Span:
    """A quotation's words inside one paragraph, without the marks."""

    paragraph: int
    start: int
    end: int
    text: str
    single: bool = False
    """Inside single marks (British style), which also serve as scare quotes."""
    open_at: int = 0
    close_at: int | None = None
    """Where the closing mark is (None when the quotation goes on in the next paragraph)."""
    continued: bool = False
    """This part goes on from the paragraph before."""


def _is_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _SPACE_BEFORE or before in "“‘") and not after.isspace()


def _is_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1 : i + 2] or " "
    if (
        before.isspace()
        and text[i - 2 : i - 1] in ("’", "'")
        and (after.isspace() or after in ",.")
    ):
        return True  # "… 'never again,' " he said: a single quotation closes just before
    return not before.isspace()


def _nested(text: str, i: int) -> bool:
    """A straight mark inside a curly quotation that a curly closing mark still closes."""
    closing = text.find("”", i)
    opening = text.find("“", i)
    return closing >= 0 and (opening < 0 or closing < opening)


def _double_marks(text: str) -> list[tuple[int, int | None]]:
    """(opening mark, closing mark or None when unclosed) for each double-marked quotation."""
    found: list[tuple[int, int | None]] = []
    opened: int | None = None
    nested = False
    for i, char in enumerate(text):
        if char not in '"“”«»„':
            continue
        if opened is None:
            if (
                char in _OPEN_DOUBLE
                or (char == '"' and _is_open(text, i))
                or (char == '"' and not _is_close(text, i))
            ):
                opened, nested = i, False
        else:
            opener = text[opened]
            if char in _CLOSE_DOUBLE or (opener == "„" and char == "“"):
                found.append((opened, i))
                opened = None
            elif char == '"' and opener == "“" and nested:
                nested = False  # the straight mark that closes the nested quotation
            elif char == '"' and opener == "“" and _is_open(text, i) and _nested(text, i):
                nested = True  # “Then "the bus" came,”: straight marks inside curly ones
            elif char == '"':
                if _is_close(text, i):
                    found.append((opened, i))
                    opened = None
                else:  # a second opening mark: the first was never closed
                    opened = i
            elif char in _OPEN_DOUBLE and _is_open(text, i) and i > opened + 1:
                opened = i  # “A … “B”: the first mark was never closed
            elif char == "“" and _is_close(text, i) and text[opened] == "“":
                found.append((opened, i))  # “Apparently not,“ he said: a wrong-way closing mark
                opened = None
    if opened is not None:
        found.append((opened, None))
    return found


def _single_close(text: str, start: int, stop: int) -> int | None:
    """The closing single mark of a quotation opened at `start`, searching up to `stop`."""
    fallback: int | None = None
    for i in range(start + 1, stop):
        if text[i] not in "’'":
            continue
        before = text[i - 1]
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isspace() or after.isalnum():
            continue  # an opening mark or an apostrophe inside a word
        if after in _CLOSING_PUNCT or before in ",.!?" or i + 1 >= len(text):
            return i
        if fallback is None and not (before in "sS" and text[i + 2 : i + 3].islower()):
            fallback = i
    return fallback


def _single_marks(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in "‘'" and _is_open(text, i) and text[i + 1 : i + 2].isalnum():
            if any(a <= i <= b for a, b in taken):
                i += 1
                continue
            stop = next((a for a, _b in taken if a > i), len(text))
            close = _single_close(text, i, stop)
            if close is not None and close > i + 1:
                found.append((i, close))
                i = close + 1
                continue
        i += 1
    return found


def find_spans(paragraphs: list[str]) -> list[Span]:
    """Every quotation in the article, in order."""
    spans: list[Span] = []
    carried = False
    for index, text in enumerate(paragraphs):
        doubles = _double_marks(text)
        closed = [(a, b) for a, b in doubles if b is not None]
        parts: list[tuple[int, int | None, bool]] = [(a, b, False) for a, b in doubles]
        if "‘" in text or "'" in text:
            parts += [(a, b, True) for a, b in _single_marks(text, closed)]
        parts.sort()
        next_opens = index + 1 < len(paragraphs) and paragraphs[index + 1][:1] in '"“«‘'
        continues_now = carried
        carried = False
        for opened, closing, single in parts:
            end = closing if closing is not None else len(text)
            if closing is None and not next_opens:
                continue  # an unclosed mark with no next part: not a quotation we can bound
            start = opened + 1
            while start < end and text[start].isspace():
                start += 1
            stop = end
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if stop - start < 2:
                continue
            spans.append(
                Span(
                    index,
                    start,
                    stop,
                    text[start:stop],
                    single,
                    opened,
                    closing,
                    continues_now and opened == 0,
                )
            )
            if closing is None:
                carried = True
    return spans


_WORKS = (
    r"book|books|show|shows|program|programme|film|movie|song|songs|album|documentary|article|"
    r"op-ed|column|essay|report|memo|paper|bill|act|series|episode|segment|podcast|play|novel|"
    r"poem|hashtag|headline|headlined|titled|entitled|slogan|motto|brand|label|the\s+words?|"
    r"the\s+phrase|the\s+term|so-called|nicknamed|dubbed|known\s+as|billed\s+as"
)
_NOT_SPEECH_LEAD = regex.compile(
    r"(?:(?:chant|chants|chanted|chanting|sang|singing|sing)|"
    r"(?:signs?|banners?|placards?|posters?|shirts?|T-shirts?|hats?|caps?|stickers?|billboards?)"
    r"\b[^.!?“”\"]{0,40}?\b(?:read|reads|reading|said|saying|says|bearing|with)|"
    r"emblazoned\s+with|so-called|nicknamed|titled|entitled|headlined)[\s,:]*$",
    regex.IGNORECASE,
)
_WORK_LEAD = regex.compile(
    rf"(?:\b(?:on|in|at|of|from|to|for|by|with|about|{_WORKS})|[’']s?)[\s,:]*$", regex.IGNORECASE
)
_SMALL_WORDS = frozenset("the of a an and or in on at to for with from by as is vs. vs".split())
_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{L}.]*\s+$", regex.REVERSE)
"""A capitalised word right before an offset (matched backwards from it, so the text before the
word is never read: a search of the paragraph up to each quotation was quadratic)."""
_NAME_AFTER = regex.compile(r"\s+\p{Lu}")


def title_like(text: str) -> bool:
    """`Fox News Sunday`, `How the Grinch Stole Christmas,`: a short run of capitalised words."""
    words = [w for w in text.strip(" ,.!?:;").split() if w.lower() not in _SMALL_WORDS]
    return 0 < len(words) <= 7 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def ends_sentence(text: str, rest: str) -> bool:
    """The quotation ends with a full stop (`…won.”`), so what follows is the next sentence.

    A lowercase word or a comma after the mark still belongs to it (`…won.” he said`)."""
    if text.rstrip("’'\")]")[-1:] not in ".…":
        return False
    after = rest.lstrip()
    return not (after[:1].islower() or after[:1] in ",;—–-")


def not_spoken(span: Span, paragraph: str, lead: str, rest: str) -> bool:
    """Marks that do not quote speech: chants and signs (`chanting “Lock her up”`, `a sign that
    read “…”`), titles of works (`on “Fox News Sunday”`, `the book “Primates of Park Avenue”`),
    scare quotes (`the so-called “experts”`) and nicknames (`John “Tig” Tiegen`)."""
    if _NOT_SPEECH_LEAD.search(lead):
        return True
    if title_like(span.text) and _WORK_LEAD.search(lead):
        return True
    words = span.text.split()
    if len(words) <= 3 and all(w[:1].isupper() for w in words):
        before = _NAME_BEFORE.match(paragraph, 0, span.open_at)
        after = _NAME_AFTER.match(rest)
        if before and after:
            return True
    return False
