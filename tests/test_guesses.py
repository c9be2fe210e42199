"""`check` (what a tool guessed), `url` and `authors`: read, checked, kept, shown as unconfirmed."""

from __future__ import annotations

from story_tui.story.loader import parse_story
from story_tui.story.serialize import story_from_dict, story_to_dict
from tests.conftest import errors_of

GUESSED = """\
format: 1
id: guessed
title: Guessed
url: https://example.org/2025/12/01/guessed
authors: [Ana Pérez, "Tom Lee"]
sections:
  - id: one
    title: One
    paragraphs:
      - "Ana said “hello there” on 1 May 2020. “Bye,” he said. 300 people came."
people:
  - id: ana
    name: Ana
    check: "role not found in the article"
    quotes:
      - text: "hello there"
        kind: direct
      - text: "Bye,"
        kind: direct
        check: "speaker guessed from 'he': the person named before"
figures:
  - id: crowd
    label: People who came
    text: "300 people"
    check: "what is counted guessed from the words after the number"
timeline:
  - date: 2020-05-01
    label: Ana says hello
    text: "on 1 May 2020"
    check: "year read from the published date"
"""


def test_check_url_and_authors_are_read() -> None:
    story = parse_story(GUESSED)
    assert story.url == "https://example.org/2025/12/01/guessed"
    assert story.authors == ("Ana Pérez", "Tom Lee")
    ana = story.people[0]
    assert ana.role == "" and ana.summary == ""
    assert ana.check == "role not found in the article"
    assert [q.check for q in ana.quotes] == [
        None,
        "speaker guessed from 'he': the person named before",
    ]
    assert story.figures[0].check and story.timeline[0].check
    assert story.to_check() == (ana, ana.quotes[1], story.figures[0], story.timeline[0])


def test_check_url_and_authors_survive_the_round_trip() -> None:
    story = parse_story(GUESSED)
    data = story_to_dict(story)
    assert "role" not in data["people"][0]
    assert story_from_dict(data) == story
    assert story_from_dict(data).to_check() == story.to_check()


def test_a_story_without_them_has_nothing_to_check() -> None:
    story = parse_story(GUESSED.replace("    check:", "    x-was-check:"))
    assert story.to_check() == ()
    assert not any(key == "check" for key in _keys(story_to_dict(story)))


def _keys(data: object) -> list[str]:
    if isinstance(data, dict):
        return [*data, *(k for v in data.values() for k in _keys(v))]
    if isinstance(data, list):
        return [k for v in data for k in _keys(v)]
    return []


def test_bad_check_url_and_authors_are_errors() -> None:
    text = (
        GUESSED.replace("url: https://example.org/2025/12/01/guessed", "url: file:///etc/passwd")
        .replace('authors: [Ana Pérez, "Tom Lee"]', "authors: Ana Pérez")
        .replace('    check: "role not found in the article"', '    check: ""')
        .replace('    check: "year read from the published date"', "    check: 2020")
    )
    assert errors_of(text) == [
        "s.yaml:4:6: error: 'file:///etc/passwd' is not an http:// or https:// address [url]",
        "s.yaml:5:10: error: expected a list of authors, got text 'Ana Pérez' [authors]",
        "s.yaml:14:12: error: must not be empty [people[0].check]",
        "s.yaml:30:12: error: expected text, got integer 2020 (put it in quotes) "
        "[timeline[0].check]",
    ]
