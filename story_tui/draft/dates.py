"""Dates in an article and the dated clauses that make a timeline. Plain Python; no UI imports."""

from __future__ import annotations

import regex

from story_tui.draft.model import DraftEvent, DraftFigure

_MONTHS = {
    name: number
    for number, name in enumerate(
        "January February March April May June July August September October November "
        "December".split(),
        start=1,
    )
}
_DATE = regex.compile(
    rf"(?P<month>{'|'.join(_MONTHS)})\s+(?:(?P<day>\d{{1,2}}),\s+)?(?P<year>(?:19|20)\d\d)"
)
_CLAUSE_END = regex.compile(r"[,.;:!?](?=\s|$)")


def find_dates(
    paragraphs: list[str],
) -> tuple[list[DraftEvent], list[DraftFigure], list[list[tuple[int, int]]]]:
    """Timeline events (one per dated clause), date figures and every date span, per paragraph."""
    events: list[DraftEvent] = []
    figures: list[DraftFigure] = []
    seen: set[str] = set()
    spans: list[list[tuple[int, int]]] = []
    for index, paragraph in enumerate(paragraphs):
        mine: list[tuple[int, int]] = []
        for match in _DATE.finditer(paragraph):
            mine.append((match.start(), match.end()))
            iso = f"{match['year']}-{_MONTHS[match['month']]:02d}"
            if match["day"]:
                iso += f"-{int(match['day']):02d}"
            start, text = clause_around(paragraph, match.start(), match.end())
            events.append(DraftEvent(iso, text, index, start))
            if match.group() not in seen:
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


def clause_around(paragraph: str, date_start: int, date_end: int) -> tuple[int, str]:
    """The clause holding a date: from the sentence start (or the date) to the clause's end."""
    from story_tui.draft.text import sentence_start

    start = sentence_start(paragraph, date_start)
    end_search = _CLAUSE_END.search(paragraph, date_end)
    if end_search and end_search.start() == date_end and date_start - start < 15:
        # "But on November 28, 2025, the government declared …": the date alone says nothing.
        end_search = _CLAUSE_END.search(paragraph, end_search.end())
    end = end_search.start() if end_search else len(paragraph.rstrip(".!? "))
    if end - start > 140 or date_start - start > 60:
        start = date_start
        if paragraph[max(0, start - 3) : start].lower() in ("in ", "on "):
            start -= 3
    text = paragraph[start:end]
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    return start, stripped.rstrip(",;: ")
