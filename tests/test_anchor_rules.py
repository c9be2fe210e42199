"""The format's anchoring rules added in December 2026: boundaries, prefix/suffix, warnings; and
the new optional keys (person kind and same_as, story updated). Exact messages and lines."""

from __future__ import annotations

import datetime as _dt

import pytest

from story_tui.story.loader import check_story, parse_story
from tests.conftest import errors_of


def story(paragraph: str, items: str = "", people: str = "", top: str = "") -> str:
    """A one-paragraph story (the paragraph on line 8) with figures from line 10 on."""
    text = (
        "format: 1\n"
        "id: s\n"
        "title: S\n"
        f"{top}"
        "sections:\n"
        "  - id: one\n"
        "    title: One\n"
        "    paragraphs:\n"
        f"      - {paragraph!r}\n"
    )
    if items:
        text += "figures:\n" + items
    if people:
        text += "people:\n" + people
    return text


def figure(text: str, extra: str = "") -> str:
    return f"  - id: f\n    label: F\n    text: {text!r}\n{extra}"


def warnings_of(text: str) -> list[str]:
    return [str(w) for w in check_story(text, "s.yaml").warnings]


SUPPORT = "Support fell from 18.5 percent to 5 percent."


# Boundaries ------------------------------------------------------------------------------------


def test_a_number_never_matches_inside_a_longer_number() -> None:
    loaded = parse_story(story(SUPPORT, figure("5 percent")))
    location = loaded.figures[0].location
    assert (location.start, location.end) == (34, 43)
    assert SUPPORT[location.start : location.end] == "5 percent"


@pytest.mark.parametrize(
    ("paragraph", "span", "word"),
    [
        ("Roughly 330,000 people.", "330", "330,000"),
        ("Jose Kastner spoke.", "Kast", "Kastner"),
        ("It rose 18.5 percent.", "5 percent", "18.5 percent"),
        ("Some 1000 people.", "100", "1000"),
    ],
)
def test_a_span_only_inside_a_longer_word_is_an_error(paragraph: str, span: str, word: str) -> None:
    assert errors_of(story(paragraph, figure(span))) == [
        f's.yaml:12:11: error: text found only inside a longer word or number ("{word}"); '
        "a span must start and end at word boundaries [figures[0].text]"
    ]


@pytest.mark.parametrize(
    ("paragraph", "span"),
    [
        ("It was in 2020.", "2020"),
        ("Rates of 5, 6 and 7 percent.", "5"),
        ("“Go home,” she said.", "“Go home,”"),
        ("Cost: $4.50 each.", "$4.50"),
        ("A well-known fact.", "well"),
    ],
)
def test_spans_at_boundaries_anchor(paragraph: str, span: str) -> None:
    loaded = parse_story(story(paragraph, figure(span)))
    assert loaded.span(loaded.figures[0].location) == span


def test_mentions_follow_the_boundary_rule() -> None:
    people = "  - id: kast\n    name: Jose Kast\n    aliases: [Kast]\n    role: Candidate\n"
    loaded = parse_story(story("Kastner met Kast; Jose Kast won.", people=people))
    spans = [loaded.span(m) for m in loaded.people[0].mentions]
    assert spans == ["Kast", "Jose Kast"]


# prefix / suffix -------------------------------------------------------------------------------

TENS = "In 2010 there were 10 schools; by 2020, 10 more."


def test_prefix_and_suffix_choose_the_place() -> None:
    by_prefix = parse_story(story(TENS, figure("10", "    prefix: ', '\n")))
    assert by_prefix.figures[0].location.start == 40
    by_suffix = parse_story(story(TENS, figure("10", "    suffix: ' more'\n")))
    assert by_suffix.figures[0].location.start == 40
    both = parse_story(story(TENS, figure("10", "    prefix: 'were '\n    suffix: ' schools'\n")))
    assert both.figures[0].location.start == 19
    assert both.figures[0].prefix == "were " and both.figures[0].suffix == " schools"


def test_prefix_mismatch_shows_the_closest_passage() -> None:
    assert errors_of(story(TENS, figure("10", "    prefix: 'are '\n"))) == [
        's.yaml:13:13: error: prefix does not match the text before the span (closest: "were 10") '
        "[figures[0].prefix]"
    ]


def test_suffix_mismatch_shows_the_closest_passage() -> None:
    assert errors_of(story(TENS, figure("10", "    suffix: ' mare'\n"))) == [
        's.yaml:13:13: error: suffix does not match the text after the span (closest: "10 more.") '
        "[figures[0].suffix]"
    ]


def test_prefix_and_suffix_must_fit_the_same_place() -> None:
    text = story(TENS, figure("10", "    prefix: 'were '\n    suffix: ' more'\n"))
    assert errors_of(text) == [
        "s.yaml:14:13: error: suffix does not match the text after the span (closest: "
        '"10 schools;") [figures[0].suffix]'
    ]


def test_prefix_never_reaches_into_the_paragraph_before() -> None:
    text = story("First.", figure("Second", "    prefix: 'First.'\n")).replace(
        "      - 'First.'\n", "      - 'First.'\n      - 'Second here.'\n"
    )
    assert errors_of(text) == [
        's.yaml:14:13: error: prefix does not match the text before the span (closest: "Second") '
        "[figures[0].prefix]"
    ]


def test_an_empty_prefix_is_refused() -> None:
    assert errors_of(story(TENS, figure("10", "    prefix: ''\n"))) == [
        "s.yaml:13:13: error: must not be empty (leave the key out instead) [figures[0].prefix]"
    ]


def test_quote_and_event_take_prefix_and_suffix() -> None:
    people = (
        "  - id: ana\n    name: Ana\n    role: R\n    quotes:\n"
        "      - text: '10'\n        kind: paraphrase\n        suffix: ' more'\n"
    )
    timeline = "timeline:\n  - date: 2020\n    label: L\n    text: '10'\n    prefix: ', '\n"
    loaded = parse_story(story(TENS, people=people) + timeline)
    assert loaded.quotes[0].location.start == 40
    assert loaded.timeline[0].location.start == 40
    assert loaded.quotes[0].suffix == " more" and loaded.timeline[0].prefix == ", "


# Warnings --------------------------------------------------------------------------------------


def test_an_ambiguous_span_anchors_at_the_first_with_a_warning() -> None:
    text = story(TENS, figure("10"))
    assert parse_story(text).figures[0].location.start == 19
    assert warnings_of(text) == [
        "s.yaml:12:11: warning: text found at 2 places in the article; anchored at the first "
        "(section 'one', paragraph 0); to keep this place and silence the warning, add "
        'prefix: "were " [figures[0].text]'
    ]


def test_the_suggested_context_silences_the_warning() -> None:
    assert warnings_of(story(TENS, figure("10", '    prefix: "were "\n'))) == []


def test_suffix_suggested_when_the_span_starts_its_paragraph() -> None:
    assert warnings_of(story("Ten. Ten again.", figure("Ten"))) == [
        "s.yaml:12:11: warning: text found at 2 places in the article; anchored at the first "
        "(section 'one', paragraph 0); to keep this place and silence the warning, add "
        'suffix: "." [figures[0].text]'
    ]


def test_warning_when_nothing_tells_the_places_apart() -> None:
    text = story("Ten.", figure("Ten")).replace("      - 'Ten.'\n", "      - 'Ten.'\n" * 2)
    assert warnings_of(text) == [
        "s.yaml:13:11: warning: text found at 2 places in the article; anchored at the first "
        "(section 'one', paragraph 0); no prefix or suffix within its paragraph tells the "
        "places apart [figures[0].text]"
    ]


def test_a_section_that_holds_one_place_is_not_ambiguous() -> None:
    text = (
        "format: 1\nid: s\ntitle: S\nsections:\n"
        "  - id: one\n    title: One\n    paragraphs: ['Ana said yes.']\n"
        "  - id: two\n    title: Two\n    paragraphs: ['Ana said yes again.']\n"
        "people:\n  - id: ana\n    name: Ana\n    role: R\n    quotes:\n"
        "      - text: said yes\n        kind: paraphrase\n        section: two\n"
    )
    assert parse_story(text).quotes[0].location.section == "two"
    assert warnings_of(text) == []


def test_bundled_story_has_no_warning() -> None:
    from story_tui.story.bundled import bundled_story

    text = bundled_story().read_text(encoding="utf-8")
    assert warnings_of(text) == []


# People: kind and same_as ------------------------------------------------------------------------

ORG = "  - id: min\n    name: Ministry\n    role: Government\n"


def test_organisation_and_same_as() -> None:
    people = ORG + "    kind: organisation\n    same_as: ['https://www.wikidata.org/entity/Q1']\n"
    loaded = parse_story(story("The Ministry said no.", people=people))
    assert loaded.people[0].kind == "organisation"
    assert loaded.people[0].same_as == ("https://www.wikidata.org/entity/Q1",)
    assert parse_story(story("x", people=ORG)).people[0].kind == "person"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "    kind: company\n",
            "s.yaml:13:11: error: person kind must be person or organisation, not 'company' "
            "[people[0].kind]",
        ),
        (
            "    kind: organisation\n    age: 40\n",
            "s.yaml:14:10: error: an organisation has no age (it is for kind: person) "
            "[people[0].age]",
        ),
        (
            "    same_as: ['not a uri']\n",
            "s.yaml:13:15: error: 'not a uri' is not an absolute URI (like "
            "https://www.wikidata.org/entity/Q42) [people[0].same_as[0]]",
        ),
    ],
)
def test_person_kind_and_same_as_rules(extra: str, message: str) -> None:
    assert errors_of(story("The Ministry said no.", people=ORG + extra)) == [message]


# Story: updated --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-02", _dt.date(2025, 12, 2)),
        ("'2025-12-02'", _dt.date(2025, 12, 2)),
        ("'2025-12-02T10:30:00Z'", _dt.datetime(2025, 12, 2, 10, 30, tzinfo=_dt.UTC)),
    ],
)
def test_updated_date_or_datetime(value: str, expected: _dt.date) -> None:
    assert parse_story(story("x", top=f"updated: {value}\n")).updated == expected


def test_updated_rules() -> None:
    assert errors_of(story("x", top="updated: yesterday\n")) == [
        "s.yaml:4:10: error: expected a date YYYY-MM-DD or a date and time "
        "YYYY-MM-DDTHH:MM[:SS][Z], got text 'yesterday' [updated]"
    ]
    assert errors_of(story("x", top="published: 2025-12-02\nupdated: 2025-12-01\n")) == [
        "s.yaml:5:10: error: updated (2025-12-01) is before published (2025-12-02) [updated]"
    ]


# The new keys survive the export and the cache ---------------------------------------------------


def test_new_keys_round_trip_through_export_and_cache() -> None:
    from story_tui.story.serialize import story_from_dict, story_to_dict

    people = (
        ORG + "    kind: organisation\n    same_as: ['https://www.wikidata.org/entity/Q1']\n"
        "    quotes:\n      - text: '10'\n        kind: paraphrase\n        suffix: ' more'\n"
    )
    timeline = "timeline:\n  - date: 2020\n    label: L\n    text: '10'\n    prefix: ', '\n"
    text = story(
        TENS, figure("10", "    prefix: 'were '\n"), people, "updated: '2025-12-02T10:30:00Z'\n"
    )
    loaded = parse_story(text + timeline)
    data = story_to_dict(loaded)
    assert data["updated"] == "2025-12-02T10:30:00+00:00"
    assert data["people"][0]["kind"] == "organisation"
    assert data["figures"][0]["prefix"] == "were "
    again = story_from_dict(data)
    assert again == loaded
    assert again.people[0].same_as == loaded.people[0].same_as
    assert again.figures[0].prefix == "were "
    assert again.quotes[0].suffix == " more"
    assert again.timeline[0].prefix == ", "
    assert again.updated == loaded.updated


def test_json_schema_knows_the_new_keys() -> None:
    import jsonschema
    import yaml

    from story_tui.outputs.schema import json_schema

    people = ORG + "    kind: organisation\n    same_as: ['https://www.wikidata.org/entity/Q1']\n"
    text = story(
        TENS, figure("10", "    prefix: ', '\n"), people, "updated: '2025-12-02T10:30:00Z'\n"
    )
    schema = json_schema()
    jsonschema.validate(yaml.safe_load(text), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text.replace("organisation", "company")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text.replace("prefix: ', '", "prefix: ''")), schema)
