"""The story format, version 1, as data: which keys each object has and what they hold.

The loader checks files against these tables and `story-tui schema` renders them as JSON Schema, so
the two can never disagree. Plain Python; no UI imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FORMAT_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
URI_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$"
"""An absolute URI: a scheme, a colon, then no spaces (`https://www.wikidata.org/entity/Q1`)."""
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Largest story file read by default (16 MiB); `--max-bytes` raises it."""

Kind = Literal[
    "format",
    "slug",
    "text",
    "optional-text",
    "url",
    "date",
    "date-or-datetime",
    "partial-date",
    "language",
    "age",
    "quote-kind",
    "person-kind",
    "affix",
    "uri-list",
    "number-or-date",
    "text-list",
    "slug-list",
    "paragraphs",
    "objects",
]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One key of an object in the format."""

    kind: Kind
    required: bool
    doc: str
    item: str | None = None
    """For `objects`: the name of the object each list item is."""
    at_least_one: bool = False


OBJECTS: dict[str, dict[str, FieldSpec]] = {
    "story": {
        "format": FieldSpec("format", True, "Format version; must be 1."),
        "id": FieldSpec("slug", True, "The story's id, a slug."),
        "title": FieldSpec("text", True, "The headline."),
        "standfirst": FieldSpec("optional-text", False, "A one-paragraph summary by the editor."),
        "published": FieldSpec("date", False, "Publication date, YYYY-MM-DD."),
        "updated": FieldSpec(
            "date-or-datetime", False, "When this edition was last changed (ISO date or datetime)."
        ),
        "language": FieldSpec("language", False, "BCP 47 language tag; default en."),
        "url": FieldSpec("url", False, "The article's canonical address (http or https)."),
        "authors": FieldSpec("text-list", False, "The article's byline, as the page gives it."),
        "sources": FieldSpec("objects", False, "Outlets the story reports from.", "source"),
        "sections": FieldSpec(
            "objects", True, "The article, in order.", "section", at_least_one=True
        ),
        "people": FieldSpec("objects", False, "People the article names.", "person"),
        "figures": FieldSpec("objects", False, "Key numbers and dates.", "figure"),
        "timeline": FieldSpec("objects", False, "Dated events, any order.", "event"),
    },
    "source": {
        "id": FieldSpec("slug", True, "Slug, unique among sources."),
        "name": FieldSpec("text", True, "The outlet's name."),
        "url": FieldSpec("url", False, "An http(s) address."),
    },
    "section": {
        "id": FieldSpec("slug", True, "Slug, unique among sections."),
        "title": FieldSpec("text", True, "The editor's heading."),
        "paragraphs": FieldSpec(
            "paragraphs", True, "The article's paragraphs, verbatim.", at_least_one=True
        ),
    },
    "person": {
        "id": FieldSpec("slug", True, "Slug, unique among people."),
        "name": FieldSpec("text", True, "Full name as the article gives it."),
        "aliases": FieldSpec("text-list", False, "Other names the article uses for them."),
        "role": FieldSpec("text", False, "A short description; left out when none is known."),
        "age": FieldSpec("age", False, "Age in years."),
        "origin": FieldSpec("optional-text", False, "Where they come from."),
        "kind": FieldSpec("person-kind", False, "person (default) or organisation."),
        "same_as": FieldSpec("uri-list", False, "URIs of the same person elsewhere (Wikidata)."),
        "quotes": FieldSpec("objects", False, "What they said.", "quote"),
        "check": FieldSpec("text", False, "What a tool guessed; delete it to confirm."),
    },
    "quote": {
        "text": FieldSpec("text", True, "The words, verbatim from one paragraph."),
        "kind": FieldSpec("quote-kind", True, "direct or paraphrase."),
        "source": FieldSpec("slug", False, "A sources id."),
        "section": FieldSpec("slug", False, "A sections id: where to look first."),
        "prefix": FieldSpec("affix", False, "The exact text just before the span."),
        "suffix": FieldSpec("affix", False, "The exact text just after the span."),
        "check": FieldSpec("text", False, "What a tool guessed; delete it to confirm."),
    },
    "figure": {
        "id": FieldSpec("slug", True, "Slug, unique among figures."),
        "label": FieldSpec("text", True, "What the figure counts or dates."),
        "text": FieldSpec("text", True, "The figure as the article writes it, verbatim."),
        "value": FieldSpec("number-or-date", False, "A number, or an ISO date."),
        "unit": FieldSpec("optional-text", False, "Unit of the value, e.g. people."),
        "as_of": FieldSpec("partial-date", False, "YYYY, YYYY-MM or YYYY-MM-DD."),
        "sources": FieldSpec("slug-list", False, "sources ids."),
        "note": FieldSpec("optional-text", False, "An editor's note."),
        "prefix": FieldSpec("affix", False, "The exact text just before the span."),
        "suffix": FieldSpec("affix", False, "The exact text just after the span."),
        "check": FieldSpec("text", False, "What a tool guessed; delete it to confirm."),
    },
    "event": {
        "date": FieldSpec("partial-date", True, "YYYY, YYYY-MM or YYYY-MM-DD."),
        "label": FieldSpec("text", True, "What happened."),
        "text": FieldSpec("text", True, "The article's words for it, verbatim."),
        "prefix": FieldSpec("affix", False, "The exact text just before the span."),
        "suffix": FieldSpec("affix", False, "The exact text just after the span."),
        "check": FieldSpec("text", False, "What a tool guessed; delete it to confirm."),
    },
}

OBJECT_TITLES: dict[str, str] = {
    "story": "story",
    "source": "source",
    "section": "section",
    "person": "person",
    "quote": "quote",
    "figure": "figure",
    "event": "timeline event",
}
