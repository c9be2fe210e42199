"""Key figures: counts, money, percentages, measurements. Plain Python; no UI imports."""

from __future__ import annotations

import regex

from story_tui.draft.model import DraftFigure, slug

_NUMBER = regex.compile(
    r"(?<![\w,.-])(?P<qual>(?:an estimated|roughly|about|around|nearly|almost|more than|over|"
    r"some|at least)\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|,\d)"
    r"(?:\s+(?P<unit>people|migrants|children|families|months|years|days|percent|votes))?"
)
_AS_OF = regex.compile(r"^\s+(?:in|by|as of)\s+(?P<year>(?:19|20)\d\d)\b")
_COUNTABLE_AFTER = regex.compile(r"^\s+(?:people|migrants|children|families|months|years|days)")


def find_figures(
    paragraphs: list[str], date_spans: list[list[tuple[int, int]]], sources_in: object
) -> list[DraftFigure]:
    """Numbers worth a key-figure entry, in article order."""
    figures: list[DraftFigure] = []
    seen: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        for match in _NUMBER.finditer(paragraph):
            number = match["num"]
            value = int(number.replace(",", ""))
            rest = paragraph[match.end() :]
            year_like = len(number) == 4 and 1900 <= value <= 2099 and "," not in number
            start = match.start("num")
            if (
                year_like
                or rest.startswith("-year")
                or any(a <= start < b for a, b in date_spans[index])
            ):
                continue
            if "," not in number and not match["unit"] and not match["qual"]:
                continue
            text = match.group().strip()
            unit = match["unit"]
            check = None
            if unit is None:
                unit = "people" if _COUNTABLE_AFTER.match(rest) is None else None
                check = "unit guessed" if unit else None
            as_of_match = _AS_OF.match(rest)
            as_of = as_of_match["year"] if as_of_match else None
            if text in seen:
                continue
            seen.add(text)
            figures.append(
                DraftFigure(
                    f"count-{slug(number)}" + (f"-{as_of}" if as_of else ""),
                    text,
                    f"Count: {text}",
                    value,
                    unit,
                    as_of,
                    [],
                    check or "write a label saying what is counted",
                    index,
                    match.start() + (len(match.group()) - len(match.group().lstrip())),
                )
            )
    return figures
