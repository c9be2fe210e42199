"""Plain-text attributions for copying a quote, figure or event. Plain Python; no UI imports."""

from __future__ import annotations

from story_tui.story.formatting import (
    as_of_date,
    format_value,
    human_date,
    quoted_in_sentence,
    source_names,
    unconfirmed_sentence,
)
from story_tui.story.model import Figure, Quote, Story, TimelineEvent


def quote_attribution(story: Story, quote: Quote) -> str:
    """`“…” — Name, role (direct quote, AFP). From “Title”.`"""
    person = story.speaker_of(quote)
    words = quoted_in_sentence(quote)
    details = [f"{quote.kind} quote" if quote.kind == "direct" else "paraphrase"]
    source = story.source_name(quote.source)
    if source:
        details.append(source)
    who = f"{person.name}, {person.summary}" if person.summary else person.name
    return (
        f"{words} — {who} ({', '.join(details)}).{unconfirmed_sentence(quote.check)}"
        f" From “{story.title}”."
    )


def figure_attribution(story: Story, figure: Figure) -> str:
    """`Label: value (as of …; sources). “article words”. Note: …. From “Title”.`"""
    details = []
    if when := as_of_date(figure):
        details.append(f"as of {when}")
    if figure.sources:
        details.append(source_names(story, figure.sources))
    suffix = f" ({'; '.join(details)})" if details else ""
    note = f" Note: {figure.note.rstrip('.')}." if figure.note else ""
    return (
        f"{figure.label}: {format_value(figure)}{suffix}. The article: “{figure.text}”.{note}"
        f"{unconfirmed_sentence(figure.check)} From “{story.title}”."
    )


def event_attribution(story: Story, event: TimelineEvent) -> str:
    """`Date: label. “article words”. From “Title”.`"""
    return (
        f"{human_date(event.date)}: {event.label}. The article: “{event.text}”."
        f"{unconfirmed_sentence(event.check)} From “{story.title}”."
    )


def attribution(story: Story, item: Quote | Figure | TimelineEvent) -> str:
    """The attribution of any anchored item."""
    if isinstance(item, Quote):
        return quote_attribution(story, item)
    if isinstance(item, Figure):
        return figure_attribution(story, item)
    return event_attribution(story, item)
