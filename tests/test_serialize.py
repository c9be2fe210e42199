"""The one serializer: every model field is written; the round trip gives the same story."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from story_tui.story.bundled import bundled_story
from story_tui.story.loader import load_story
from story_tui.story.model import (
    PERSON_KINDS,
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
from story_tui.story.serialize import DERIVED, TABLES, story_from_dict, story_to_dict, to_json
from tests.conftest import DATA, MINI, examples

MODEL_CLASSES = (Story, Source, Section, Person, Quote, Figure, TimelineEvent)


def everything(value: Any) -> Any:
    """Every constructor field, extensions included (which `==` leaves out), recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                (f.name, everything(getattr(value, f.name)))
                for f in dataclasses.fields(value)
                if f.init
            ),
        )
    if isinstance(value, tuple | list):
        return tuple(everything(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((k, everything(v)) for k, v in value.items()))
    return (type(value).__name__, value)


def round_trip(story: Story) -> Story:
    return story_from_dict(json.loads(to_json(story)))


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_model_field_has_a_key(cls: type) -> None:
    """A field added to the model fails here until the serializer writes (and reads) it."""
    fields = {f.name for f in dataclasses.fields(cls) if f.init}
    written = {key.attr for key in TABLES[cls]}
    assert fields == written | DERIVED.get(cls, frozenset()) | {"extensions"}


def test_locations_are_written_whole() -> None:
    data = story_to_dict(load_story(MINI))
    location = data["people"][0]["quotes"][0]["location"]
    assert set(location) == {f.name for f in dataclasses.fields(Location)}


@pytest.mark.parametrize(
    "path", [bundled_story(), MINI, DATA / "hostile.yaml"], ids=lambda p: p.name
)
def test_loaded_stories_round_trip_exactly(path: Path) -> None:
    story = load_story(path)
    again = round_trip(story)
    assert again == story
    assert everything(again) == everything(story)
    assert story_to_dict(again) == story_to_dict(story)


def test_the_export_keeps_its_key_order(story: Story) -> None:
    data = story_to_dict(story)
    assert list(data)[:4] == ["format", "id", "title", "standfirst"]
    assert list(data["people"][0])[:4] == ["id", "name", "aliases", "role"]
    assert "sources" not in data["figures"][-1] or data["figures"][-1]["sources"]


# Generated stories -------------------------------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8"), max_size=12)
SLUG = st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=5,
)
EXTENSIONS = st.dictionaries(SLUG.map(lambda s: f"x-{s}"), JSON_VALUE, max_size=2)
OPTIONAL = st.none() | TEXT
DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))
LOCATION = st.builds(
    Location,
    section=SLUG,
    paragraph=st.integers(0, 50),
    start=st.integers(0, 500),
    end=st.integers(0, 500),
)


@st.composite
def people(draw: st.DrawFn) -> Person:
    person_id = draw(SLUG)
    quotes = tuple(
        Quote(
            key=quote_key(person_id, index),
            speaker=person_id,
            text=draw(TEXT),
            kind=draw(st.sampled_from(["direct", "paraphrase"])),
            location=draw(LOCATION),
            source=draw(st.none() | SLUG),
            section_hint=draw(st.none() | SLUG),
            extensions=draw(EXTENSIONS),
            prefix=draw(OPTIONAL),
            suffix=draw(OPTIONAL),
        )
        for index in range(draw(st.integers(0, 3)))
    )
    return Person(
        id=person_id,
        name=draw(TEXT),
        role=draw(TEXT),
        aliases=tuple(draw(st.lists(TEXT, max_size=2))),
        age=draw(st.none() | st.integers(0, 150)),
        origin=draw(OPTIONAL),
        quotes=quotes,
        mentions=tuple(draw(st.lists(LOCATION, max_size=2))),
        extensions=draw(EXTENSIONS),
        kind=draw(st.sampled_from(PERSON_KINDS)),
        same_as=tuple(draw(st.lists(TEXT, max_size=2))),
    )


FIGURES = st.builds(
    Figure,
    id=SLUG,
    label=TEXT,
    text=TEXT,
    location=LOCATION,
    value=st.none()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["2024-05", "2025-12-14"]),
    unit=OPTIONAL,
    as_of=OPTIONAL,
    sources=st.lists(SLUG, max_size=2).map(tuple),
    note=OPTIONAL,
    extensions=EXTENSIONS,
    prefix=OPTIONAL,
    suffix=OPTIONAL,
)


@st.composite
def stories(draw: st.DrawFn) -> Story:
    sections = tuple(
        Section(
            id=draw(SLUG),
            title=draw(TEXT),
            paragraphs=tuple(draw(st.lists(TEXT, min_size=1, max_size=3))),
            index=index,
            extensions=draw(EXTENSIONS),
        )
        for index in range(draw(st.integers(1, 3)))
    )
    timeline = tuple(
        TimelineEvent(
            key=event_key(index),
            date=draw(st.sampled_from(["2018", "2023-04", "2025-12-14"])),
            label=draw(TEXT),
            text=draw(TEXT),
            location=draw(LOCATION),
            extensions=draw(EXTENSIONS),
            prefix=draw(OPTIONAL),
            suffix=draw(OPTIONAL),
        )
        for index in range(draw(st.integers(0, 2)))
    )
    return Story(
        id=draw(SLUG),
        title=draw(TEXT),
        sections=sections,
        standfirst=draw(OPTIONAL),
        published=draw(st.none() | DATES),
        updated=draw(st.none() | DATES | st.datetimes(dt.datetime(1900, 1, 1))),
        language=draw(st.sampled_from(["en", "es", "pt-BR"])),
        sources=tuple(
            draw(
                st.lists(
                    st.builds(
                        Source, id=SLUG, name=TEXT, url=st.none() | TEXT, extensions=EXTENSIONS
                    ),
                    max_size=2,
                )
            )
        ),
        people=tuple(draw(st.lists(people(), max_size=3))),
        figures=tuple(draw(st.lists(FIGURES, max_size=3))),
        timeline=timeline,
        extensions=draw(EXTENSIONS),
    )


@pytest.mark.fuzz
@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_generated_stories_round_trip_exactly(story: Story) -> None:
    again = round_trip(story)
    assert again == story
    assert everything(again) == everything(story)
