"""Key figures: counts, money, percentages, decimals, scores, measurements, numbers in words.

Each figure's span runs from a qualifier (`roughly`, `more than`) over the number to its unit or
the noun it counts (`$18.9 billion`, `70%`, `5 percent`, `120mph`, `35 km (21.7 miles)`, `2300
people`, `three kidnapped workers`), with `value` and `unit` where they can be read (numbers in
words by text2num). Years, dates, clock times, ages and identifiers (`Flight JK5022`) are not
figures. Spans start and end at word and number boundaries. Plain Python; no UI imports.
"""

from __future__ import annotations

from bisect import bisect_left

import regex
from text_to_num import text2num

from story_tui.draft.model import DraftFigure, slug

_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD"}
_MULTIPLIER = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "bn": 1e9, "billion": 1e9,
    "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_UNITS = (
    r"%|percent|per\s+cent|percentage\s+points?|points?|km/h|mph|kph|km|kilometers|kilometres|"
    r"miles?|meters|metres|m|cm|mm|feet|ft|inches|kg|kilograms|tonnes|tons|pounds|lbs|degrees|"
    r"°[CF]|hours|minutes|seconds|days|weeks|months|years|acres|hectares|barrels|votes|seats"
)
_WORD_NUMBER = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|a\s+hundred|one\s+hundred|a\s+thousand|dozens|hundreds|thousands|millions|"
    r"billions)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
)
_QUALIFIER = (
    r"(?:(?i:an\s+estimated|roughly|about|around|nearly|almost|more\s+than|less\s+than|"
    r"fewer\s+than|over|under|some|at\s+least|at\s+most|up\s+to|approximately|just\s+over|"
    r"just\s+under|well\s+over|as\s+many\s+as|as\s+much\s+as|upwards\s+of|close\s+to))\s+"
)
"""How exact a number is (`over 100`, `Nearly 40 percent` opening a sentence): part of its span."""
_NOUN = r"(?:\s+(?!(?:of|in|on|at|to|and|or|the|a|an|for|from|by|with|per)\b)\p{Ll}[\p{Ll}-]*){1,2}"
_FIGURE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]|[\p{{N}}][.,:])"
    rf"(?P<qual>{_QUALIFIER})?"
    rf"(?:(?P<magnitude>(?i:magnitude)(?:\s+of)?\s+)(?=\d))?"
    rf"(?:(?P<cur>US\$|C\$|A\$|[$€£¥])\s?)?"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{{N}}]|[.,:]\d)"
    rf"(?P<mult>\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k)(?![\p{{L}}\p{{N}}]))?"
    rf"(?P<score>-\d{{1,2}}(?:\s\(\d{{1,2}}\))?(?![\p{{N}}-]))?"
    rf"(?P<unit>\s?(?:{_UNITS})(?![\p{{L}}\p{{N}}]))?"
    rf"(?P<conv>\s\(\d[\d.,]*\s?\p{{L}}+\))?"
)
_WORDS = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}-])(?P<qual>{_QUALIFIER})?(?P<num>(?i:{_WORD_NUMBER}))"
    rf"(?:(?P<span>-(?:second|minute|hour|day|week|month|year|mile|point|game|seat))(?![\p{{L}}-])"
    rf"|(?P<of>\s+of)?(?P<noun>{_NOUN})(?![\p{{L}}]))"
)
_PLURAL = regex.compile(r"(?:\p{Ll}+s|people|children|men|women|police|staff|cattle)")
_NUMBER_WORD = regex.compile(rf"(?i:{_WORD_NUMBER})")
_AS_OF = regex.compile(r"\s+(?:in|by|as\s+of)\s+(?P<year>(?:19|20)\d\d)(?![\p{L}\p{N}])")
_AGE_BEFORE = regex.compile(r"\p{Lu}[\p{L}’'-]+(?:,\s|\s\()$")
_NOUN_RE = regex.compile(_NOUN)
_YEARISH = regex.compile(r"(?:1[6-9]|20)\d\d")
_BEFORE_ID = regex.compile(
    r"(?:No\.|Flight|flight|Route|route|#|Room|room|Chapter|Section|Article|MD|page)\s?$"
)


def _value(num: str, mult: str | None) -> int | float:
    value = float(num.replace(",", ""))
    if mult:
        value *= _MULTIPLIER.get(mult.strip().lower(), 1)
    return int(value) if value == int(value) else value


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `start:end` overlaps one of `spans` (in order, not overlapping one another).

    A bisection, not a scan: a paragraph of a megabyte has thousands of dates and figures.
    """
    at = bisect_left(spans, (end, end))
    return any(a < end and start < b for a, b in spans[max(0, at - 1) : at + 1])


def find_figures(
    paragraphs: list[str], date_spans: list[list[tuple[int, int]]], sources: object = None
) -> list[DraftFigure]:
    """Numbers worth a key-figure entry, in article order."""
    figures: list[DraftFigure] = []
    for index, paragraph in enumerate(paragraphs):
        dates = date_spans[index] if index < len(date_spans) else []
        for match in _FIGURE.finditer(paragraph):
            start, end = match.span()
            num = match["num"]
            if _overlaps(dates, start, end):
                continue
            plain = not (match["cur"] or match["mult"] or match["unit"] or match["score"])
            if plain and _YEARISH.fullmatch(num):
                continue
            after = paragraph[end : end + 10]
            if after.startswith(("-year", " year-old", "-month-old", "th", "st ", "nd ", "rd ")):
                continue
            if _BEFORE_ID.search(paragraph[max(0, start - 8) : start]):
                continue
            aged = plain and len(num) <= 3 and paragraph[end : end + 1] in (",", ".", ")", "")
            if aged and _AGE_BEFORE.search(paragraph, max(0, start - 40), start):
                continue  # `Jane Doe, 52,` or `Jane Doe (52)`: an age
            text = match.group()
            if end < len(paragraph) and (paragraph[end].isalnum() or paragraph[end] == "-"):
                continue
            unit = None
            if match["cur"]:
                unit = _CURRENCY[match["cur"]]
            elif match["unit"]:
                raw = match["unit"].strip()
                unit = "percent" if raw in ("%", "per cent") else raw
            noun = (
                regex.match(_NOUN, paragraph[end:])
                if not (match["unit"] or match["score"])
                else None
            )
            if noun and not match["cur"] and _PLURAL.fullmatch(noun.group().split()[-1]):
                text += noun.group()
                unit = noun.group().strip()
            value: int | float | str | None = None if match["score"] else _value(num, match["mult"])
            as_of = _AS_OF.match(paragraph, start + len(text))
            kind = "Score or range" if match["score"] else "Figure"
            figures.append(
                DraftFigure(
                    f"figure-{slug(num)}",
                    text,
                    f"{kind}: {text}",
                    value,
                    unit,
                    as_of["year"] if as_of else None,
                    [],
                    "write a label saying what is counted",
                    index,
                    start,
                )
            )
        for match in _WORDS.finditer(paragraph):
            words = match["num"].lower()
            noun_text: str = (match["noun"] or "").strip()
            if match["span"]:
                noun_text = match["span"].lstrip("-")
            elif match["of"]:
                first = noun_text.split()[0]
                if _NUMBER_WORD.fullmatch(first):
                    noun_text = ""
                    text = match.group()[: match.start("noun") - match.start()] + " " + first
            elif words.endswith("s") or not _PLURAL.fullmatch(noun_text.split()[-1]):
                continue
            try:
                value = None if words.endswith("s") else text2num(words.replace("a ", "one "), "en")
            except ValueError:
                value = None
            if not (match["of"] and not noun_text):
                text = match.group()
            figures.append(
                DraftFigure(
                    f"figure-{slug(words)}",
                    text,
                    f"Figure: {text}",
                    value,
                    noun_text or None,
                    None,
                    [],
                    "write a label saying what is counted",
                    index,
                    match.start(),
                )
            )
    figures.sort(key=lambda f: (f.paragraph, f.start))
    return figures
