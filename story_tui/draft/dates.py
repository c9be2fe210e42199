"""Dates in an article and the dated clauses that make a timeline. Plain Python; no UI imports.

Date spans are found here (`December 14, 2025`, `Aug. 4`, `Sept 14`, `3 June 2024`, `April 2023`,
`in 2018`, `on Sunday`, `yesterday`, `last week`, clock times such as `8:55 a.m. local time`);
dateparser then reads each span, relative ones against the article's published date. (Its own
search_dates mis-splits `Aug. 4` and `Sept 14`, so it only reads spans found here.)
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

import regex

from story_tui.draft.model import DraftEvent, DraftFigure

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_B = r"(?![\p{L}\p{N}])"
_DATE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:"
    rf"(?P<mdy>(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?{_B})"
    rf"|(?P<dmy>(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+{_YEAR})?{_B})"
    rf"|(?P<my>{_MONTH}(?:\s+of)?\s+{_YEAR}{_B})"
    rf"|(?P<year>(?<=\b(?i:in|since|by|until|of|from|to|early|late|mid-)\s){_YEAR}{_B})"
    rf"|(?P<opening>(?<=(?:^|[.!?][”\"’]?\s+)){_YEAR}(?=\s+(?:was|saw|brought|marked|began|ended|"
    rf"is|will\s+be)\b))"
    rf"|(?P<later>(?i:(?:one|a|an|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+"
    rf"(?:day|week|month|year)s?\s+(?:later|earlier|after\s+that|before\s+that)){_B})"
    rf"|(?P<month>(?<=\b(?i:in|since|by|until|from|early|late|mid-|last|next|this|of)\s)"
    rf"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"{_B}(?!\s+\d))"
    rf"|(?P<weekday>(?:(?:last|next|this|on|early|late)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|"
    rf"evening|night))?{_B}(?!,?\s+(?:{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})))"
    rf"|(?P<relative>(?i:yesterday|today|tonight|tomorrow|last\s+(?:week|month|year|night)|"
    rf"this\s+(?:week|month|year|morning|afternoon|evening)|next\s+(?:week|month|year)|"
    rf"earlier\s+this\s+(?:week|month|year)){_B})"
    rf"|(?P<clock>(?:\d{{1,2}}:\d\d(?:\s*[ap]\.?m\.?|\s+(?:UTC|GMT|[A-Z]{{2,4}}T))?"
    rf"|\d{{1,2}}\s?[ap]\.m\.)"
    rf"(?:\s+(?:\(?local\s+time\)?))?(?![\p{{N}}]))"
    r")"
)
_DATELINE_BEFORE = regex.compile(
    r"\p{Lu}[\p{Lu}\p{M} .’'-]{1,40}(?:,\s*\p{Lu}[\p{L} .]{1,20})?,?\s+"
)
_DATELINE_AFTER = regex.compile(r",?\s*(?:\d{4}\s*)?(?:\([^()]{1,30}\)\s*)?(?:[-—–]|$)")
_DATELINE = regex.compile(
    r"\p{Lu}[\p{Lu}\p{M} .’'-]{1,40}(?:,\s*\p{Lu}[\p{L} .]{1,20})?(?:,\s*[^()—–\n]{3,25}?)?"
    r"\s*(?:\([^()]{1,30}\))?\s*[—–-]\s+"
)
_CLAUSE_END = regex.compile(r"[,.;:!?](?=\s|$)")
# A sentence that speaks of what is still to come: a date in it without its year lies ahead.
_FUTURE = regex.compile(
    r"(?i)\b(?:will|shall|won't|[a-z]+'ll|(?:is|are)\s+(?:set|due|scheduled|expected|going)\s+to"
    r"|plans?\s+to|next|upcoming|scheduled\s+for)\b"
)


_PAST = regex.compile(
    r"(?i)\b(?:said|told|was|were|had|did|met|went|came|took|gave|made|won|lost|began|spoke|"
    r"wrote|left|held|ran|saw|found|got|sent|died|fell|rose|paid|sold|bought|brought|"
    r"\p{L}{3,}ed)\b"
)


def _in_the_past(match: regex.Match[str]) -> bool:
    """The clause holding the date is in the past tense (`said on Dec. 4`, `was arrested`)."""
    text = match.string
    low, high = max(0, match.start() - 200), match.end() + 200
    start = max(text.rfind(". ", low, match.start()), text.rfind(",", low, match.start())) + 1
    start = max(start, low)
    ends = [i for i in (text.find(",", match.end(), high), text.find(". ", match.end(), high))]
    end = min([*(i for i in ends if i >= 0), high, len(text)])
    return _PAST.search(text, start, end) is not None


def _speaks_of_the_future(match: regex.Match[str]) -> bool:
    """The date's sentence speaks of what is to come (`will`, `is set to`, `next`) and the
    clause holding the date is not in the past tense (`said on Monday that he will …`)."""
    text = match.string
    start = max(text.rfind(". ", 0, match.start()), text.rfind("? ", 0, match.start())) + 1
    stops = [i for i in (text.find(". ", match.end()), text.find("? ", match.end())) if i >= 0]
    if _FUTURE.search(text, start, min(stops) if stops else len(text)) is None:
        return False
    left = max(text.rfind(",", start, match.start()), text.rfind(" that ", start, match.start()))
    window = match.end() + 400
    right = [
        i
        for i in (text.find(",", match.end(), window), text.find(" that ", match.end(), window))
        if i >= 0
    ]
    clause_end = min([*right, *(stops or [len(text)])])
    clause_start = left + 1 if left >= 0 else start
    return _PAST.search(text, clause_start, clause_end) is None


@lru_cache(maxsize=4096)
def _parse(span: str, base: date | None, future: bool = False) -> datetime | None:
    import dateparser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    cleaned = regex.sub(
        r"^(?:on|this|early|late)\s+|\s+(?:morning|afternoon|evening|night)$", "", span
    )
    cleaned = regex.sub(rf"^{_WEEKDAY},?\s+(?=\S*\d|{_MONTH})", "", cleaned)
    cleaned = regex.sub(r"(?<=\d)(?:st|nd|rd|th)\b|\bof\s+", "", cleaned)
    cleaned = regex.sub(r"\bSept\b", "Sep", cleaned).replace(".", "")
    try:
        parsed: datetime | None = dateparser.parse(cleaned, languages=["en"], settings=settings)
        return parsed
    except Exception:  # dateparser raises assorted errors on odd input
        return None


_COUNT = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


def after_date(span: str, before: str | None) -> str | None:
    """`One year later`, `two days earlier`: counted from the date the article gave before."""
    if before is None:
        return None
    words = span.lower().split()
    count = int(words[0]) if words[0].isdigit() else _COUNT.get(words[0], 0)
    unit = words[1].rstrip("s")
    sign = -1 if words[2] in ("earlier", "before") else 1
    parts = [int(p) for p in before.split("-")]
    if unit == "year":
        return f"{parts[0] + sign * count:04d}" + before[4:]
    if unit == "month" and len(parts) >= 2:
        months = parts[0] * 12 + parts[1] - 1 + sign * count
        return f"{months // 12:04d}-{months % 12 + 1:02d}" + before[7:]
    if unit in ("day", "week") and len(parts) == 3:
        from datetime import timedelta

        days = count * (7 if unit == "week" else 1) * sign
        return (date(parts[0], parts[1], parts[2]) + timedelta(days=days)).isoformat()
    return None


def resolve(match: regex.Match[str], base: date | None) -> str | None:
    """The ISO date (YYYY, YYYY-MM or YYYY-MM-DD) a date span means, or None."""
    span = match.group()
    has_year = regex.search(_YEAR, span) is not None
    if match["year"] or match["opening"]:
        return span
    if match["clock"]:
        return base.isoformat() if base else None
    if not has_year and base is None:
        return None
    relative = regex.fullmatch(
        r"(?i)(?:(?:earlier|later)\s+)?(this|last|next)\s+(year|month)", span
    )
    if relative and base is not None:
        step = {"this": 0, "last": -1, "next": 1}[relative[1].lower()]
        if relative[2].lower() == "year":
            return f"{base.year + step:04d}"
        months = base.year * 12 + base.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    future = base is not None and not has_year and _speaks_of_the_future(match)
    parsed = _parse(span, base, future)
    if parsed is None:
        return None
    if match["my"] or match["month"]:
        if match["month"] and base is not None:
            # a month without its year: the nearest one before the published date (after it
            # when the sentence speaks of what is to come), this month included
            year = base.year
            if future and parsed.month < base.month:
                year += 1
            elif not future and parsed.month > base.month:
                year -= 1
            return f"{year:04d}-{parsed.month:02d}"
        return f"{parsed.year:04d}-{parsed.month:02d}"
    if (match["mdy"] or match["dmy"]) and not has_year and base is not None:
        # a day without its year: the one nearest the published date (on or after it when the
        # sentence speaks of what is to come)
        best: date | None = None
        past = not future and _in_the_past(match)
        for year in (base.year - 1, base.year, base.year + 1):
            try:
                candidate = parsed.date().replace(year=year)
            except ValueError:
                continue
            if (future and candidate < base) or (past and candidate > base):
                continue  # a clause in the past tense never puts its day in the future
            if best is None or abs((candidate - base).days) < abs((best - base).days):
                best = candidate
        if best is None:
            return None
        return best.isoformat()
    if match["relative"] and regex.search(r"(?i)month", span):
        return f"{parsed.year:04d}-{parsed.month:02d}"
    if match["relative"] and regex.search(r"(?i)year", span):
        return f"{parsed.year:04d}"
    return parsed.date().isoformat()


def find_dates(
    paragraphs: list[str], published: str | None = None
) -> tuple[list[DraftEvent], list[DraftFigure], list[list[tuple[int, int]]]]:
    """Timeline events (one per dated clause), date figures and every date span, per paragraph."""
    base = date.fromisoformat(published) if published else None
    events: list[DraftEvent] = []
    figures: list[DraftFigure] = []
    spans: list[list[tuple[int, int]]] = []
    seen: set[str] = set()
    last: str | None = None
    for index, paragraph in enumerate(paragraphs):
        mine: list[tuple[int, int]] = []
        for match in _DATE.finditer(paragraph):
            date_before = mine[-1][1] if mine else -1
            mine.append((match.start(), match.end()))
            if (
                match.start() < 80
                and _DATELINE_BEFORE.fullmatch(paragraph, 0, match.start())
                and _DATELINE_AFTER.match(paragraph, match.end())
            ):
                continue  # `WASHINGTON, Nov. 19 (Reuters) -`: the dateline, not an event
            iso = after_date(match.group(), last) if match["later"] else resolve(match, base)
            if iso is None:
                continue
            exact = regex.search(_YEAR, match.group()) is not None
            check = None if exact else f"date read from “{match.group()}” and the published date"
            if match["later"]:
                check = f"date read from “{match.group()}” and the date before it"
            if not match["clock"]:
                last = iso
            start, text = clause_around(paragraph, match.start(), match.end(), date_before)
            dateline = _DATELINE.match(paragraph)
            if dateline and start < dateline.end() <= match.start():
                text = text[dateline.end() - start :]
                start = dateline.end()
            as_of = match["year"] and regex.search(r"\d\s+\p{Ll}+\s+$", paragraph[: match.start()])
            if len(text) >= 12 and not as_of:
                events.append(DraftEvent(iso, text, index, start, check))
            if (
                (match["mdy"] or match["dmy"] or match["my"])
                and exact
                and match.group() not in seen
            ):
                seen.add(match.group())
                figures.append(
                    DraftFigure(
                        f"date-{iso}",
                        match.group(),
                        f"Date: {match.group()}",
                        iso,
                        None,
                        iso,
                        [],
                        "write a label saying what happened on this date",
                        index,
                        match.start(),
                    )
                )
        spans.append(mine)
    return events, figures, spans


# Where a sentence's next clause begins: `, and` `, but` `, while` `; ` (the connector is no
# part of the clause after it).
_NEXT_CLAUSE = regex.compile(r"(?:[,;]\s+(?:and|but|while|whereas|yet|then|so)\s+|;\s+)")
# After another date of the same sentence, a dash or a bare `and`/`but` also does
# (`found cracks in 2024 and in March 2025 a report warned …`).
_AFTER_A_DATE = regex.compile(r"(?:\s[—–]\s+|\s+(?:and|but|while|whereas)\s+)")
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def clause_around(
    paragraph: str, date_start: int, date_end: int, date_before: int = -1
) -> tuple[int, str]:
    """The clause holding a date: from the sentence start (or the date) to the clause's end.

    A sentence of several clauses (`Engineers found cracks in 2024, and a report in March 2025
    warned …`) gives each date its own clause, from the last clause boundary before the date;
    `date_before` is where the sentence's date before this one ends (-1: none).
    """
    from story_tui.draft.text import sentence_start

    start = sentence_start(paragraph, date_start)
    for boundary in _NEXT_CLAUSE.finditer(paragraph, start, date_start):
        start = boundary.end()
    if start <= date_before < date_start:
        # `… in 2024 and in March 2025 a report warned`, never a range (`from May 2019 and
        # June 2020`): the clause must go on after its date
        goes_on = _CLAUSE_END.search(paragraph, date_end)
        rest = paragraph[date_end : goes_on.start() if goes_on else len(paragraph)]
        if len(_WORD.findall(rest)) >= 2:
            for boundary in _AFTER_A_DATE.finditer(paragraph, date_before, date_start):
                start = boundary.end()
    end_search = _CLAUSE_END.search(paragraph, date_end)
    if end_search and end_search.start() == date_end and date_start - start < 15:
        # "But on November 28, 2025, the government declared …": the date alone says nothing.
        end_search = _CLAUSE_END.search(paragraph, end_search.end())
    end = end_search.start() if end_search else len(paragraph.rstrip(".!? "))
    if end - start > 140 or date_start - start > 60:
        comma = max(
            paragraph.rfind(", ", start, date_start), paragraph.rfind("; ", start, date_start)
        )
        start = comma + 2 if comma >= 0 and date_start - comma < 60 else date_start
        if start == date_start and paragraph[max(0, start - 3) : start].lower() in ("in ", "on "):
            start -= 3
    end = max(end, date_end)
    text = paragraph[start:end]
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    return start, stripped.rstrip(",;: ")
