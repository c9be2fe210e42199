"""`check` (what a tool guessed), `url` and `authors`: read, checked, kept, shown as unconfirmed."""

from __future__ import annotations

from pathlib import Path

import pytest

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


# What readers see --------------------------------------------------------------------------------


def test_read_markdown_html_and_annotations_say_unconfirmed() -> None:
    from story_tui.outputs.annotations import annotation_collection
    from story_tui.outputs.html import to_html
    from story_tui.outputs.markdown import to_markdown
    from story_tui.outputs.text import read_text

    story = parse_story(GUESSED)
    text = " ".join(read_text(story, width=400).split())
    assert "Ana. 2 quotes. Unconfirmed: role not found in the article." in text
    assert "Unconfirmed: speaker guessed from 'he': the person named before." in text
    assert "Unconfirmed: year read from the published date." in text
    assert text.count("Unconfirmed:") == 4
    markdown = to_markdown(story)
    assert "unconfirmed: speaker guessed from 'he': the person named before" in markdown
    assert markdown.count("nconfirmed: ") == 4
    html = to_html(story)
    assert html.count('class="unconfirmed"') == 2
    assert "unconfirmed: what is counted guessed" in html
    questions = [
        body["value"]
        for item in annotation_collection(story)["first"]["items"]
        for body in item["body"]
        if body.get("purpose") == "questioning"
    ]
    assert questions == [
        "unconfirmed: speaker guessed from 'he': the person named before",
        "unconfirmed: what is counted guessed from the words after the number",
        "unconfirmed: year read from the published date",
    ]


def test_copy_says_unconfirmed_and_confirmed_items_do_not() -> None:
    from story_tui.story.attribution import attribution

    story = parse_story(GUESSED)
    first, second = story.people[0].quotes
    assert attribution(story, first) == "“hello there” — Ana (direct quote). From “Guessed”."
    assert attribution(story, second) == (
        "“Bye” — Ana (direct quote). Unconfirmed: speaker guessed from 'he': the person named "
        "before. From “Guessed”."
    )
    assert "Unconfirmed: year read" in attribution(story, story.timeline[0])


def test_validate_notes_every_guess_and_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from story_tui.cli.main import main

    path = tmp_path / "g.yaml"
    path.write_text(GUESSED, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        f"{path}:14:12: note: unconfirmed: role not found in the article [people[0].check]" in out
    )
    assert out.count(": note: unconfirmed: ") == 4
    assert "; 4 to check)" in out
    assert main(["validate", "--strict", str(path)]) == 1
    assert "4 to check (--strict)" in capsys.readouterr().err
    confirmed = tmp_path / "c.yaml"
    confirmed.write_text(
        "\n".join(line for line in GUESSED.splitlines() if "check:" not in line) + "\n",
        encoding="utf-8",
    )
    assert main(["validate", "--strict", str(confirmed)]) == 0
    assert "to check" not in capsys.readouterr().out


def test_the_library_counts_what_is_left_to_check(tmp_path: Path) -> None:
    from story_tui.storage.index import LibraryIndex

    (tmp_path / "g.yaml").write_text(GUESSED, encoding="utf-8")
    index = LibraryIndex(tmp_path / "index.sqlite")
    [row] = index.refresh([tmp_path / "g.yaml"])
    assert row.to_check == 4


async def test_the_browser_marks_guesses_in_lists_and_on_the_card() -> None:
    from textual.geometry import Region
    from textual.widget import Widget

    from story_tui.tui.app import StoryApp
    from story_tui.tui.screens.person import PersonCard
    from tests.conftest import wait_for

    def shown(widget: Widget) -> str:
        lines = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
        return "\n".join(strip.text for strip in lines)

    app = StoryApp(parse_story(GUESSED), remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "Ana ?" in shown(app.screen.query_one("#people"))
        assert "2 quotes · 2 unconfirmed" in shown(app.screen.query_one("#people"))
        assert "300 people ?" in shown(app.screen.query_one("#figures"))
        assert "? unconfirmed: what is counted" in shown(app.screen.query_one("#figures"))
        await pilot.press("3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonCard), "the person card")
        card = shown(app.screen.query_one("#card-facts")) + shown(
            app.screen.query_one("#card-quotes")
        )
        assert "? unconfirmed: role not found in the article" in card
        assert "? unconfirmed: speaker guessed from 'he'" in card


def test_the_byline_names_the_authors_everywhere() -> None:
    from story_tui.outputs.html import to_html
    from story_tui.outputs.markdown import to_markdown
    from story_tui.outputs.text import read_text
    from story_tui.story.formatting import byline
    from story_tui.tui.screens.about import about_facts

    story = parse_story(GUESSED.replace("title: Guessed", "title: Guessed\npublished: 2020-05-02"))
    assert byline(story) == "By Ana Pérez and Tom Lee · Published 2 May 2020"
    assert "By Ana Pérez and Tom Lee. Published 2 May 2020." in read_text(story)
    assert "By Ana Pérez and Tom Lee · Published 2 May 2020" in to_markdown(story)
    assert "By Ana Pérez and Tom Lee · Published 2 May 2020" in to_html(story)
    facts = dict(about_facts(story))
    assert facts["By"] == "Ana Pérez and Tom Lee"
    assert facts["Address"] == "https://example.org/2025/12/01/guessed"
