"""Every rule of the story format, each with an invalid file and its exact message and line."""

from __future__ import annotations

import pytest

from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.loader import load_story, parse_story
from tests.conftest import errors_of

BASE = """\
format: 1
id: base
title: Base
sections:
  - id: one
    title: One
    paragraphs:
      - "Ana said “hello there” in 2020."
people:
  - id: ana
    name: Ana
    role: Speaker
    quotes:
      - text: "hello there"
        kind: direct
"""


def with_lines(**changes: str) -> str:
    """BASE with some lines (1-based, key `l<number>`) replaced."""
    lines = BASE.splitlines()
    for key, value in changes.items():
        lines[int(key[1:]) - 1] = value
    return "\n".join(lines) + "\n"


def test_base_is_valid() -> None:
    story = parse_story(BASE)
    assert story.quotes[0].location.start == 10


# Syntax and document shape ---------------------------------------------------------------------


def test_yaml_syntax_error() -> None:
    assert errors_of("format: 1\nid: [unclosed\n") == [
        "s.yaml:3:1: error: YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence)"
    ]


def test_document_must_be_a_mapping() -> None:
    assert errors_of("- a\n- b\n") == [
        "s.yaml:1:1: error: expected a story (a mapping), got a list"
    ]


def test_empty_file() -> None:
    assert errors_of("") == [
        "s.yaml:1:1: error: the file is empty; a story starts with 'format: 1'"
    ]


def test_more_than_one_document() -> None:
    assert errors_of(BASE + "---\nformat: 1\n") == [
        "s.yaml:16:1: error: a story file holds one YAML document; found a second one"
    ]


# Keys and types --------------------------------------------------------------------------------


def test_missing_required_keys_are_all_reported() -> None:
    assert errors_of("format: 1\nsections: []\n") == [
        "s.yaml:1:1: error: story is missing required key 'id' [id]",
        "s.yaml:1:1: error: story is missing required key 'title' [title]",
        "s.yaml:2:11: error: needs at least one section [sections]",
    ]


def test_unknown_key_with_suggestion() -> None:
    text = with_lines(l12="    roel: Speaker")
    assert errors_of(text) == [
        "s.yaml:12:5: error: unknown key 'roel' in person (did you mean 'role'?); allowed: id, "
        "name, aliases, role, age, origin, kind, same_as, quotes, check, or x-… [people[0].roel]",
    ]


def test_x_keys_are_kept_and_ignored() -> None:
    story = parse_story(BASE + "x-desk: world\n")
    assert story.extensions == {"x-desk": "world"}


def test_wrong_type_suggests_quotes() -> None:
    assert errors_of(with_lines(l3="title: 2020")) == [
        "s.yaml:3:8: error: expected text, got integer 2020 (put it in quotes) [title]"
    ]


def test_wrong_container_type() -> None:
    assert errors_of("format: 1\nid: a\ntitle: T\nsections: oops\npeople: {}\n") == [
        "s.yaml:4:11: error: expected a list of sections, got text 'oops' [sections]",
        "s.yaml:5:9: error: expected a list of people, got a mapping [people]",
    ]


def test_duplicate_mapping_keys_are_refused() -> None:
    text = with_lines(l3="title: Base\ntitle: Again")
    assert errors_of(text) == [
        "s.yaml:4:1: error: duplicate key 'title' (first defined at line 3) [title]"
    ]


def test_empty_text_is_refused() -> None:
    assert errors_of(with_lines(l3='title: "  "')) == [
        "s.yaml:3:8: error: must not be empty [title]"
    ]


# Ids and references ----------------------------------------------------------------------------


def test_bad_slug() -> None:
    assert errors_of(with_lines(l2="id: Base_Story")) == [
        "s.yaml:2:5: error: 'Base_Story' is not a valid id: use lowercase letters, digits and "
        "hyphens, starting with a letter or digit [id]"
    ]


def test_duplicate_ids_within_a_kind() -> None:
    text = BASE + "  - id: ana\n    name: Other\n    role: Other\n"
    assert errors_of(text) == [
        "s.yaml:16:9: error: duplicate person id 'ana' (first used at line 10) [people[1].id]"
    ]


def test_same_id_in_different_kinds_is_fine() -> None:
    text = BASE + "figures:\n  - id: ana\n    label: Year\n    text: '2020'\n"
    assert parse_story(text).figure("ana") is not None


def test_unknown_references() -> None:
    text = with_lines(l15="        kind: direct\n        source: afpp\n        section: onee")
    assert errors_of(text) == [
        "s.yaml:16:17: error: no source has the id 'afpp' [people[0].quotes[0].source]",
        "s.yaml:17:18: error: no section has the id 'onee' (did you mean 'one'?) "
        "[people[0].quotes[0].section]",
    ]


def test_figure_sources_must_exist() -> None:
    text = (
        BASE
        + "sources:\n  - id: afp\n    name: AFP\n"
        + "figures:\n  - id: y\n    label: Year\n    text: '2020'\n    sources: [afp, ap]\n"
    )
    assert errors_of(text) == [
        "s.yaml:23:14: error: no source has the id 'ap' (did you mean 'afp'?) "
        "[figures[0].sources[1]]"
    ]


# Values ----------------------------------------------------------------------------------------


def test_unsupported_format() -> None:
    assert errors_of(with_lines(l1="format: 2")) == [
        "s.yaml:1:9: error: unsupported format integer 2; this version of story-tui reads "
        "format 1 [format]"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got text '2024-13'"),
        ("2023-02-30", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got text '2023-02-30'"),
        ("yesterday", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got text 'yesterday'"),
        ("2024-05-01 10:00:00", "expected a date without a time"),
    ],
)
def test_bad_dates(value: str, message: str) -> None:
    text = BASE + f"timeline:\n  - date: {value}\n    label: Then\n    text: in 2020\n"
    assert errors_of(text) == [f"s.yaml:17:11: error: {message} [timeline[0].date]"]


def test_published_needs_a_full_date() -> None:
    assert errors_of(with_lines(l3="title: Base\npublished: 2024-05")) == [
        "s.yaml:4:12: error: expected a full date YYYY-MM-DD, got '2024-05' [published]"
    ]


def test_partial_dates_accepted() -> None:
    text = BASE + "timeline:\n  - date: 2020\n    label: Then\n    text: in 2020\n"
    assert parse_story(text).timeline[0].date == "2020"


def test_quote_kind() -> None:
    assert errors_of(with_lines(l15="        kind: indirect")) == [
        "s.yaml:15:15: error: quote kind must be direct or paraphrase, not 'indirect' "
        "[people[0].quotes[0].kind]"
    ]


def test_age_must_be_whole_years() -> None:
    assert errors_of(with_lines(l12="    role: Speaker\n    age: forty")) == [
        "s.yaml:13:10: error: expected an age in whole years, got text 'forty' [people[0].age]"
    ]


def test_figure_value_number_or_date() -> None:
    text = BASE + "figures:\n  - id: y\n    label: Year\n    text: '2020'\n    value: lots\n"
    assert errors_of(text) == [
        "s.yaml:20:12: error: expected a number or an ISO date (YYYY-MM-DD or YYYY-MM), got text "
        "'lots' [figures[0].value]"
    ]


def test_url_must_be_http() -> None:
    text = BASE + "sources:\n  - id: s\n    name: S\n    url: javascript:alert(1)\n"
    assert errors_of(text) == [
        "s.yaml:19:10: error: 'javascript:alert(1)' is not an http:// or https:// address "
        "[sources[0].url]"
    ]


def test_language_tag() -> None:
    assert errors_of(with_lines(l3="title: Base\nlanguage: 'en us'")) == [
        "s.yaml:4:11: error: 'en us' is not a BCP 47 language tag [language]"
    ]


# Anchoring -------------------------------------------------------------------------------------


def test_quote_not_in_article_shows_closest_passage() -> None:
    assert errors_of(with_lines(l14='      - text: "hello their"')) == [
        's.yaml:14:15: error: text not found in the article (closest: "“hello ther") '
        "[people[0].quotes[0].text]"
    ]


def test_straight_apostrophe_does_not_match_curly() -> None:
    text = with_lines(
        l8='      - "Ana’s view: “hello there” in 2020."', l14="      - text: Ana's view"
    )
    assert errors_of(text) == [
        's.yaml:14:15: error: text not found in the article (closest: "Ana’s view") '
        "[people[0].quotes[0].text]"
    ]


def test_section_hint_prefers_that_section() -> None:
    text = BASE.replace(
        "sections:\n",
        "sections:\n  - id: zero\n    title: Zero\n    paragraphs: ['Earlier: hello there.']\n",
        1,
    ).replace("        kind: direct\n", "        kind: direct\n        section: one\n")
    story = parse_story(text)
    assert story.quotes[0].location.section == "one"
    unhinted = parse_story(text.replace("        section: one\n", ""))
    assert unhinted.quotes[0].location.section == "zero"


def test_span_never_crosses_paragraphs() -> None:
    text = with_lines(
        l8='      - "Ana said “hello"\n      - "there” in 2020."', l14="      - text: hello"
    )
    assert parse_story(text).quotes[0].location.paragraph == 0
    broken = with_lines(
        l8='      - "Ana said “hello"\n      - "there” in 2020."',
        l14='      - text: "hello\\nthere"',
    )
    assert errors_of(broken)[0].startswith("s.yaml:15:15: error: text not found in the article")


def test_mentions_from_name_and_aliases_whole_words() -> None:
    text = with_lines(
        l8='      - "Ana Lopez said “hello there”; Lopez, Lopezes and Ana again."',
        l11="    name: Ana Lopez\n    aliases: [Lopez, Ana]",
    )
    story = parse_story(text)
    person = story.person("ana")
    assert person is not None
    spans = [story.span(m) for m in person.mentions]
    assert spans == ["Ana Lopez", "Lopez", "Ana"]


# Safety ----------------------------------------------------------------------------------------


def test_control_characters_refused() -> None:
    assert errors_of(with_lines(l3='title: "Bad\\e[31m"')) == [
        "s.yaml:3:8: error: text contains a control character U+001B (ESC), which is not allowed "
        "[title]"
    ]


def test_bidi_controls_refused() -> None:
    assert errors_of(with_lines(l3='title: "abc\u202edef"')) == [
        "s.yaml:3:8: error: text contains a bidirectional control character U+202E, which is "
        "not allowed [title]"
    ]


def test_anchors_and_aliases_refused() -> None:
    text = with_lines(l3="title: &t Base", l12="    role: *t")
    assert errors_of(text) == [
        "s.yaml:3:8: error: YAML anchor '&t' is not allowed in a story file (write the value out)",
        "s.yaml:12:11: error: YAML alias '*t' is not allowed in a story file (write the value out)",
        "s.yaml:12:11: error: expected text, got nothing (null) [people[0].role]",
    ]


def test_non_core_tags_refused() -> None:
    text = with_lines(l3="title: !!python/object/apply:os.system ['echo hacked']")
    assert errors_of(text) == [
        "s.yaml:3:8: error: YAML tag '!!python/object/apply:os.system' is not allowed (only core "
        "tags: !!str !!int !!float !!bool !!null !!seq !!map)",
        "s.yaml:3:8: error: expected text, got a list [title]",
    ]


def test_core_tags_allowed() -> None:
    assert parse_story(with_lines(l3="title: !!str 2020")).title == "2020"


def test_not_utf8(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "latin1.yaml"
    path.write_bytes(b"format: 1\nid: caf\ntitle: Caf\xe9\n")
    with pytest.raises(StoryInvalid) as caught:
        load_story(path)
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{path}:3:11: error: the file is not UTF-8 text (byte 0xE9 at offset 28)"
    ]


def test_size_limit(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "big.yaml"
    path.write_text(BASE, encoding="utf-8")
    with pytest.raises(StoryInvalid) as caught:
        load_story(path, max_bytes=100)
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{path}:1:1: error: file is larger than the limit of 100 bytes (raise it with --max-bytes)"
    ]
    assert load_story(path, max_bytes=10_000).id == "base"


def test_unreadable_file(tmp_path: object) -> None:
    from pathlib import Path

    with pytest.raises(StoryUnreadable, match="No such file or directory"):
        load_story(Path(str(tmp_path)) / "missing.yaml")
    with pytest.raises(StoryUnreadable, match="it is a folder, not a file"):
        load_story(Path(str(tmp_path)))


def test_all_errors_at_once_in_file_order() -> None:
    text = with_lines(l2="id: Bad", l3="title: 7", l12="    role: ''", l15="        kind: nope")
    lines = [e.split(":")[1] for e in errors_of(text)]
    assert lines == ["2", "3", "12", "15"]


def test_one_mistake_one_error() -> None:
    # A bad section title must not also make every quote anchored in the section "not found".
    assert errors_of(with_lines(l6="    title: 7")) == [
        "s.yaml:6:12: error: expected text, got integer 7 (put it in quotes) [sections[0].title]"
    ]
    assert errors_of(with_lines(l5="  - id: One")) == [
        "s.yaml:5:9: error: 'One' is not a valid id: use lowercase letters, digits and hyphens, "
        "starting with a letter or digit [sections[0].id]"
    ]


def test_one_problem_stays_on_one_line() -> None:
    # A key may hold a newline or a tab; the report must still be one line per problem.
    errors = errors_of(BASE + '"x-ok\\nbad": 1\n"tab\\tkey": 2\n')
    assert errors == [
        "s.yaml:17:1: error: unknown key 'tab\\tkey' in story; allowed: format, id, title, "
        "standfirst, published, updated, language, url, authors, sources, sections, people, "
        "figures, timeline, "
        "or x-… "
        "[tab\\tkey]"
    ]
    assert all("\n" not in e and "\t" not in e for e in errors)
