"""Plain, linear text of a story for screen readers, braille displays and pipes (`story-tui read`).

No box drawing and no layout: headings, paragraphs, then people with their quotes, figures as
sentences, and the timeline. Plain Python; no UI imports.
"""

from __future__ import annotations

from collections.abc import Callable

from story_tui.outputs.wrap import wrap
from story_tui.story.formatting import (
    as_of_date,
    byline_parts,
    format_value,
    human_date,
    plural,
    quoted_in_sentence,
    sentence_end,
    source_names,
    unconfirmed_sentence,
)
from story_tui.story.model import Figure, Person, Quote, Story, TimelineEvent
from story_tui.story.safety import visible

BOLD, RESET = "\x1b[1m", "\x1b[0m"


def _role_phrase(person: Person) -> str:
    role = person.role  # as written: `Peruvian Foreign Minister` is a name, not a noun phrase
    if person.origin:
        return f"{role}, from {person.origin}" if role else f"from {person.origin}"
    return role


def quote_sentence(story: Story, quote: Quote) -> str:
    """`Quote, direct, by Milbayajaira Rivas, Nurse, from Venezuela: “…”. Source: AFP.`

    Every part is a sentence of its own: the quote's trailing comma is dropped and a full stop
    added where its words do not end one.
    """
    person = story.speaker_of(quote)
    role = _role_phrase(person)
    who = f"{person.name}, {role}" if role else person.name
    words = quoted_in_sentence(quote) + sentence_end(quote)
    parts = [f"Quote, {quote.kind}, by {who}: {words}"]
    source = story.source_name(quote.source)
    if source:
        parts.append(f"Source: {source}.")
    section = story.section(quote.location.section)
    if section is not None:
        parts.append(f"In the section “{section.title}”.")
    return " ".join(parts) + unconfirmed_sentence(quote.check)


def figure_sentence(story: Story, figure: Figure) -> str:
    """`Undocumented migrants in Chile, 2024: 330,000 people, as of 2024. Sources: …`"""
    parts = [f"{figure.label}: {format_value(figure)}"]
    if when := as_of_date(figure):
        parts[0] += f", as of {when}"
    parts[0] += "."
    if figure.sources:
        parts.append(f"Sources: {source_names(story, figure.sources)}.")
    parts.append(f"The article says “{figure.text}”.")
    if figure.note:
        parts.append(f"Note: {figure.note}")
    return " ".join(parts) + unconfirmed_sentence(figure.check)


def event_sentence(event: TimelineEvent) -> str:
    """`April 2023: Peru declares a two-month state of emergency.`"""
    label = event.label.rstrip(".")
    return f"{human_date(event.date)}: {label}.{unconfirmed_sentence(event.check)}"


def read_text(
    story: Story,
    width: int = 80,
    color: bool = False,
    section_id: str | None = None,
    person_id: str | None = None,
) -> str:
    """The story as linear text, wrapped to `width` columns; bold headings when `color`.

    Wide (CJK) characters count two columns and are places to break (`outputs/wrap.py`).
    The command line refuses a `width` below 20; a narrower one here is treated as 20.
    """
    width = max(20, width)
    out: list[str] = []

    def heading(text: str) -> None:
        for line in wrap(visible(text), width) or [""]:
            out.append(f"{BOLD}{line}{RESET}" if color else line)
        out.append("")

    def para(text: str, indent: str = "") -> None:
        out.extend(wrap(visible(text), width, indent) or [""])
        out.append("")

    if person_id is not None:
        person = story.person(person_id)
        if person is None:
            raise KeyError(person_id)
        _person_block(story, person, heading, para)
        return "\n".join(out).rstrip() + "\n"
    if section_id is not None:
        section = story.section(section_id)
        if section is None:
            raise KeyError(section_id)
        heading(f"Section {section.index + 1} of {len(story.sections)}: {section.title}")
        for paragraph in section.paragraphs:
            para(paragraph)
        return "\n".join(out).rstrip() + "\n"

    heading(story.title)
    if story.standfirst:
        para(story.standfirst)
    if parts := byline_parts(story):
        para(" ".join(f"{part}." for part in parts))
    for section in story.sections:
        heading(f"Section {section.index + 1} of {len(story.sections)}: {section.title}")
        for paragraph in section.paragraphs:
            para(paragraph)
    if story.people:
        heading(f"People ({len(story.people)})")
        for person in story.people:
            _person_block(story, person, None, para)
    if story.figures:
        heading(f"Key figures ({len(story.figures)})")
        for figure in story.figures:
            para(figure_sentence(story, figure))
    if story.timeline:
        heading(f"Timeline ({len(story.timeline)} events)")
        for event in story.timeline_sorted():
            para(event_sentence(event))
    return "\n".join(out).rstrip() + "\n"


def _person_block(
    story: Story,
    person: Person,
    heading: Callable[[str], None] | None,
    para: Callable[..., None],
) -> None:
    details = [person.role] if person.role else []
    if person.age is not None:
        details.append(f"age {person.age}")
    if person.origin:
        details.append(f"from {person.origin}")
    count = len(person.quotes)
    described = f"{person.name}: {', '.join(details)}." if details else f"{person.name}."
    intro = f"{described} {plural(count, 'quote')}.{unconfirmed_sentence(person.check)}"
    if heading is not None:
        heading(person.name)
    para(intro)
    for quote in person.quotes:
        para(quote_sentence(story, quote), "  ")
