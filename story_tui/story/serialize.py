"""The model as plain data and back: the one serializer of the round trip. No UI imports.

`story_to_dict` writes the resolved model as the format's keys plus `location` and `mentions`
(what `story-tui export --format json` prints and the cache stores); `story_from_dict` rebuilds
the same model from that data without the loader. Each model class has one table below naming,
in output order, the key each of its fields is written under; a test fails when a field of the
model is in no table, so a new field cannot be silently dropped from the export or the cache.

Values the model derives from position are not written: a section's `index`, a quote's `key`
and `speaker`, a timeline event's `key` (see `quote_key` and `event_key`). `None` is never
written; `x-` extension keys are written after the format's keys, as the file had them.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from story_tui.story.model import (
    Figure,
    Location,
    Person,
    Quote,
    Section,
    Source,
    Story,
    TimelineEvent,
    event_key,
    quote_key,
)


def _same(value: Any) -> Any:
    return value


def _strings_out(value: tuple[str, ...]) -> list[str]:
    return list(value)


def _strings_in(value: Any) -> tuple[str, ...]:
    return tuple(value)


def _location_out(location: Location) -> dict[str, Any]:
    return {
        "section": location.section,
        "paragraph": location.paragraph,
        "start": location.start,
        "end": location.end,
    }


def _location_in(data: Mapping[str, Any]) -> Location:
    return Location(
        str(data["section"]), int(data["paragraph"]), int(data["start"]), int(data["end"])
    )


def _locations_out(value: tuple[Location, ...]) -> list[dict[str, Any]]:
    return [_location_out(location) for location in value]


def _locations_in(value: Any) -> tuple[Location, ...]:
    return tuple(_location_in(item) for item in value)


def _date_out(value: _dt.date) -> str:
    return value.isoformat()


def _date_in(value: Any) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _moment_in(value: Any) -> _dt.date | _dt.datetime | None:
    """A date, or a date and time (`updated`)."""
    if not value:
        return None
    text = str(value)
    return _dt.date.fromisoformat(text) if len(text) == 10 else _dt.datetime.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Key:
    """One field of a model class and the key it is written under."""

    key: str
    """The key in the data."""
    attr: str
    """The model attribute."""
    out: Callable[[Any], Any] = _same
    """Model value to plain data."""
    into: Callable[[Any], Any] | None = _same
    """Plain data to model value; None for lists of model objects, which need their position."""
    omit_empty: bool = False
    """Leave the key out when the value is empty (not only when it is None)."""


def _children(table: tuple[Key, ...]) -> Callable[[Any], Any]:
    return lambda items: [_encode(item, table) for item in items]


LOCATION = Key("location", "location", _location_out, _location_in)

SOURCE_KEYS: tuple[Key, ...] = (Key("id", "id"), Key("name", "name"), Key("url", "url"))
SECTION_KEYS: tuple[Key, ...] = (
    Key("id", "id"),
    Key("title", "title"),
    Key("paragraphs", "paragraphs", _strings_out, _strings_in),
)
QUOTE_KEYS: tuple[Key, ...] = (
    Key("text", "text"),
    Key("kind", "kind"),
    Key("source", "source"),
    Key("section", "section_hint"),
    Key("prefix", "prefix"),
    Key("suffix", "suffix"),
    Key("check", "check"),
    LOCATION,
)
PERSON_KEYS: tuple[Key, ...] = (
    Key("id", "id"),
    Key("name", "name"),
    Key("aliases", "aliases", _strings_out, _strings_in),
    Key("role", "role", omit_empty=True),
    Key("age", "age"),
    Key("origin", "origin"),
    Key("kind", "kind"),
    Key("same_as", "same_as", _strings_out, _strings_in, omit_empty=True),
    Key("check", "check"),
    Key("quotes", "quotes", _children(QUOTE_KEYS), None),
    Key("mentions", "mentions", _locations_out, _locations_in),
)
FIGURE_KEYS: tuple[Key, ...] = (
    Key("id", "id"),
    Key("label", "label"),
    Key("text", "text"),
    Key("value", "value"),
    Key("unit", "unit"),
    Key("as_of", "as_of"),
    Key("sources", "sources", _strings_out, _strings_in, omit_empty=True),
    Key("note", "note"),
    Key("prefix", "prefix"),
    Key("suffix", "suffix"),
    Key("check", "check"),
    LOCATION,
)
EVENT_KEYS: tuple[Key, ...] = (
    Key("date", "date"),
    Key("label", "label"),
    Key("text", "text"),
    Key("prefix", "prefix"),
    Key("suffix", "suffix"),
    Key("check", "check"),
    LOCATION,
)
STORY_KEYS: tuple[Key, ...] = (
    Key("format", "format"),
    Key("id", "id"),
    Key("title", "title"),
    Key("standfirst", "standfirst"),
    Key("published", "published", _date_out, _date_in),
    Key("updated", "updated", _date_out, _moment_in),
    Key("language", "language"),
    Key("url", "url"),
    Key("authors", "authors", _strings_out, _strings_in, omit_empty=True),
    Key("sources", "sources", _children(SOURCE_KEYS), None),
    Key("sections", "sections", _children(SECTION_KEYS), None),
    Key("people", "people", _children(PERSON_KEYS), None),
    Key("figures", "figures", _children(FIGURE_KEYS), None),
    Key("timeline", "timeline", _children(EVENT_KEYS), None),
)

TABLES: dict[type, tuple[Key, ...]] = {
    Story: STORY_KEYS,
    Source: SOURCE_KEYS,
    Section: SECTION_KEYS,
    Person: PERSON_KEYS,
    Quote: QUOTE_KEYS,
    Figure: FIGURE_KEYS,
    TimelineEvent: EVENT_KEYS,
}
"""Every model class with fields of its own and its keys, in output order (`Location` is
written by `_location_out`)."""

DERIVED: dict[type, frozenset[str]] = {
    Section: frozenset({"index"}),
    Quote: frozenset({"key", "speaker"}),
    TimelineEvent: frozenset({"key"}),
}
"""Fields rebuilt from position rather than written (besides `extensions`, the `x-` keys)."""


def _encode(item: Any, table: tuple[Key, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key in table:
        value = getattr(item, key.attr)
        if value is None or (key.omit_empty and not value):
            continue
        data[key.key] = key.out(value)
    data.update(item.extensions)
    return data


Readers = dict[str, tuple[str, Callable[[Any], Any] | None] | None]


def _readers(table: tuple[Key, ...]) -> Readers:
    """Data key -> (attribute, conversion or None when the value is taken as is); None for the
    lists of model objects, which the caller builds."""
    return {
        key.key: None if key.into is None else (key.attr, None if key.into is _same else key.into)
        for key in table
    }


def _decode(data: Mapping[str, Any], readers: Readers) -> dict[str, Any]:
    """Constructor arguments for the plain fields present in `data`, and its `x-` keys.

    One pass over the data's keys (the cache of a 6 MB story decodes 100,000 objects)."""
    kwargs: dict[str, Any] = {}
    extensions: dict[str, Any] = {}
    for name, value in data.items():
        if name in readers:
            reader = readers[name]
            if reader is not None:
                attr, into = reader
                kwargs[attr] = value if into is None else into(value)
        elif name.startswith("x-"):
            extensions[name] = value
    kwargs["extensions"] = extensions
    return kwargs


_READ: dict[type, Readers] = {cls: _readers(table) for cls, table in TABLES.items()}


def story_to_dict(story: Story) -> dict[str, Any]:
    """The resolved model as plain data: the format's keys plus `location` and `mentions`."""
    return _encode(story, STORY_KEYS)


def story_from_dict(data: Mapping[str, Any]) -> Story:
    """Rebuild the model from `story_to_dict` data (`story_from_dict(story_to_dict(s)) == s`).

    Raises:
        KeyError, TypeError, ValueError, AttributeError: the data is not a story's.
    """
    people = []
    read_quote = _READ[Quote]
    for person in data.get("people", []):
        person_id = person["id"]
        quotes = tuple(
            Quote(key=quote_key(person_id, index), speaker=person_id, **_decode(quote, read_quote))
            for index, quote in enumerate(person.get("quotes", []))
        )
        people.append(Person(quotes=quotes, **_decode(person, _READ[Person])))
    return Story(
        sections=tuple(
            Section(index=index, **_decode(section, _READ[Section]))
            for index, section in enumerate(data["sections"])
        ),
        sources=tuple(Source(**_decode(s, _READ[Source])) for s in data.get("sources", [])),
        people=tuple(people),
        figures=tuple(Figure(**_decode(f, _READ[Figure])) for f in data.get("figures", [])),
        timeline=tuple(
            TimelineEvent(key=event_key(index), **_decode(event, _READ[TimelineEvent]))
            for index, event in enumerate(data.get("timeline", []))
        ),
        **_decode(data, _READ[Story]),
    )


def to_json(story: Story, compact: bool = False) -> str:
    """The story as JSON (UTF-8, not ASCII-escaped): pretty-printed, or `compact` (no spaces)."""
    layout: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    return json.dumps(story_to_dict(story), ensure_ascii=False, default=str, **layout) + "\n"
