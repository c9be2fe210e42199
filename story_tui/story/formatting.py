"""Human-readable numbers and dates for every view. Plain Python; no UI imports."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

from story_tui.story.model import Figure, Person, Quote, Story

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 quote`, `3 quotes`; `many` for irregular plurals (`person` -> `people`)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def shorten(text: str, width: int) -> str:
    """The text, cut to `width` characters with an ellipsis when longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def human_date(iso: str) -> str:
    """`2025-12-14` → `14 Dec 2025`, `2023-04` → `Apr 2023`, `2018` → `2018`."""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def quoted(quote: Quote, paraphrase_mark: str = "") -> str:
    """A quote's words as every view shows them: a direct quote in quotation marks (`“…”`), a
    paraphrase without them, after `paraphrase_mark` (the person card's `≈ `)."""
    return f"“{quote.text}”" if quote.kind == "direct" else f"{paraphrase_mark}{quote.text}"


def source_names(story: Story, source_ids: Iterable[str] | None = None) -> str:
    """Sources by name, joined with commas (`AFP, El Comercio`); every source of the story when
    `source_ids` is None. An id the story does not list shows as itself."""
    if source_ids is None:
        return ", ".join(source.name for source in story.sources)
    return ", ".join(story.source_name(source_id) or source_id for source_id in source_ids)


_CARRIED_OVER = ",;: "
"""What a quote cut from a longer sentence may end with and a new sentence must not."""
_SENTENCE_ENDS = (".", "?", "!", "…")


def quote_words(quote: Quote) -> str:
    """A quote's words without the punctuation its article sentence carried on (`regularized,`
    -> `regularized`): for a title or a sentence of ours."""
    return quote.text.rstrip(_CARRIED_OVER)


def quoted_in_sentence(quote: Quote) -> str:
    """`quoted`, for a sentence of ours (copy text, `read`): `“…regularized”`, a paraphrase bare.

    A trailing comma (`“…regularized,” she said` in the article) belongs to the article's
    sentence, not to the quote, and is dropped.
    """
    text = quote_words(quote)
    return f"“{text}”" if quote.kind == "direct" else text


def sentence_end(quote: Quote) -> str:
    """`.` when the quote's words do not end a sentence themselves, else nothing."""
    return "" if quote_words(quote).endswith(_SENTENCE_ENDS) else "."


def as_of_date(figure: Figure) -> str:
    """When a figure holds, `14 Dec 2025`; empty when unknown or the same as a date value."""
    if not figure.as_of:
        return ""
    when = human_date(figure.as_of)
    if isinstance(figure.value, str) and human_date(figure.value) == when:
        return ""  # `14 Dec 2025 (as of 14 Dec 2025)` says nothing twice
    return when


def format_number(value: float) -> str:
    """Thousands separators; no trailing `.0`."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,g}"


_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
_MONEY_WORDS = re.compile(
    r"[$€£¥₹₽₩₪₺₦₱฿]|\b(?:dollars?|euros?|pounds?|yen|yuan|pesos?|soles|rupees?|francs?)\b",
    re.IGNORECASE,
)


def is_money_as_written(figure: Figure) -> bool:
    """A sum of money whose article words say the currency (`$2.50`, `€3 million`, `40 USD`).

    Its value in a currency code (`2.5 USD`) would read worse than the words: they are shown.
    """
    unit = figure.unit or ""
    return (
        isinstance(figure.value, int | float)
        and _CURRENCY_CODE.fullmatch(unit) is not None
        and (_MONEY_WORDS.search(figure.text) is not None or unit in figure.text)
    )


_QUALIFIER = re.compile(
    r"(?i)(?:an\s+estimated|estimated|roughly|about|around|nearly|almost|approximately|some|"
    r"(?:just|well)\s+(?:over|under)|over|under|more\s+than|less\s+than|fewer\s+than|"
    r"no\s+(?:more|fewer|less)\s+than|at\s+least|at\s+most|up\s+to|as\s+(?:many|much|few)\s+as|"
    r"upwards\s+of|close\s+to|in\s+excess\s+of|below|above|only)"
    r"(?=\s+(?:[A-Z]{0,2}[$€£¥₹]\s?)?\d)"
)


def qualifier(figure: Figure) -> str:
    """The words before a figure's number that say how exact it is, as the article wrote them
    (`over 100`, `more than 2,300 people`, `nearly 40 percent`): `over`; empty when none."""
    match = _QUALIFIER.match(figure.text.lstrip())
    return " ".join(match.group().split()).lower() if match else ""


def format_value(figure: Figure) -> str:
    """A figure's value for reading: `330,000 people`, a date, or the article's words.

    Without a value the article's words stand for it, with the unit when they do not say it:
    `hundreds of thousands (people)`. A sum of money shows as the article wrote it (`$2.50`,
    not `2.5 USD`). A number keeps the article's qualifier (`over 100`, `roughly 330,000
    people`): the value alone would say more than the article does.
    """
    if is_money_as_written(figure):
        return figure.text
    if figure.value is None:
        if figure.unit and figure.unit.casefold() not in figure.text.casefold():
            return f"{figure.text} ({figure.unit})"
        return figure.text
    if isinstance(figure.value, str):
        return human_date(figure.value)
    number = format_number(figure.value)
    shown = f"{number} {figure.unit}" if figure.unit else number
    return f"{qualifier(figure)} {shown}".lstrip()


def growth_series(figures: tuple[Figure, ...]) -> tuple[str, list[Figure]]:
    """The largest group of numeric, dated figures that share a unit, in date order.

    Returns the unit and the figures; an empty list when no unit has two such figures.
    """
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        if (
            isinstance(figure.value, int | float)
            and figure.unit
            and figure.as_of
            and figure.value >= 0
        ):
            groups.setdefault(figure.unit, []).append(figure)
    best = max(groups.items(), key=lambda kv: len(kv[1]), default=("", []))
    unit, series = best
    if len(series) < 2:
        return "", []
    return unit, sorted(series, key=lambda f: f.as_of or "")


GUESS_MARK = "?"
"""Beside an item a tool guessed and nobody confirmed (its `check`), in every list."""


def capitalized(text: str) -> str:
    """The first letter upper case, the rest as written (`str.capitalize` would lowercase the
    rest: `USD` would read `Usd`, a name in a note `garcía`)."""
    return text[:1].upper() + text[1:]


def guess_suffix(guessed: bool) -> str:
    """` ?` after a name a tool guessed something about, in plain text; empty otherwise."""
    return f" {GUESS_MARK}" if guessed else ""


def unconfirmed(check: str | None) -> str:
    """`unconfirmed: <what was guessed>` for an item with a `check`; empty when confirmed."""
    return f"unconfirmed: {check}" if check else ""


def unconfirmed_sentence(check: str | None) -> str:
    """` Unconfirmed: <what a tool guessed>.` for an item with a `check`, to end a sentence of
    ours (`read`, copied attributions); empty when confirmed."""
    return f" Unconfirmed: {check.rstrip('.')}." if check else ""


def person_guesses(person: Person) -> int:
    """How many guesses a person carries: their own `check` and their quotes'."""
    return (1 if person.check else 0) + sum(1 for q in person.quotes if q.check)


def quotes_across(quotes: int, stories: int, guesses: int) -> str:
    """`2 quotes in 1 story`, then ` · 2 unconfirmed` when guesses about the person (their own
    `check` and their quotes', as `person_guesses` counts them) are unconfirmed: a person across
    the library, in its People list, its palette and `story-tui people`."""
    counts = f"{plural(quotes, 'quote')} in {plural(stories, 'story', 'stories')}"
    return f"{counts} · {guesses} unconfirmed" if guesses else counts


def names_list(names: Iterable[str]) -> str:
    """`Ana`, `Ana and Tom`, `Ana, Tom and Lee`."""
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def updated_text(updated: _dt.date | _dt.datetime) -> str:
    """`2 Dec 2025`, or `2 Dec 2025 10:30 UTC` for a time (as the file gives it)."""
    if isinstance(updated, _dt.datetime):
        day = human_date(updated.date().isoformat())
        zone = updated.tzname() or ""
        return f"{day} {updated:%H:%M} {zone}".rstrip()
    return human_date(updated.isoformat())


def byline_parts(story: Story) -> list[str]:
    """The byline, worded once for every view: `By Ana Pérez`, `Published 1 Dec 2025`,
    `Updated 2 Dec 2025`, `From AFP, The Economic Times` — the parts the story has."""
    parts: list[str] = []
    if story.authors:
        parts.append(f"By {names_list(story.authors)}")
    if story.published is not None:
        parts.append(f"Published {human_date(story.published.isoformat())}")
    if story.updated is not None:
        parts.append(f"Updated {updated_text(story.updated)}")
    if story.sources:
        parts.append(f"From {source_names(story)}")
    return parts


def byline(story: Story) -> str:
    """The byline on one line: `By Ana Pérez · Published 1 Dec 2025 · From AFP`."""
    return " · ".join(byline_parts(story))
