"""`story-tui rebase`: the bundled story carried over to edited versions of its article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from story_tui.cli.main import main
from story_tui.cli.rebase import read_new_paragraphs
from story_tui.story.bundled import bundled_story
from story_tui.story.diff.stories import diff_stories
from story_tui.story.loader import check_story, load_story
from story_tui.story.model import Anchored, Story
from story_tui.story.rebase import rebase
from tests.conftest import examples

STORY = load_story(bundled_story())
ARTICLE = [p for s in STORY.sections for p in s.paragraphs]


def rebased(paragraphs: list[str]) -> tuple[Story, list[str], str]:
    """Rebase the bundled story; the new model (it must validate, with no warning), report, text."""
    result = rebase(STORY, paragraphs)
    checked = check_story(result.text, "out.yaml")
    assert checked.warnings == ()
    assert [p for s in checked.story.sections for p in s.paragraphs] == paragraphs
    return checked.story, result.report, result.text


def places(story: Story) -> list[tuple[str, str, int]]:
    """Every item's text and paragraph (offsets move when a word before them changes)."""
    items: list[Anchored] = [*story.quotes, *story.figures, *story.timeline]
    return [(i.text, i.location.section, i.location.paragraph) for i in items]


def edited(index: int, old: str, new: str) -> list[str]:
    paragraphs = list(ARTICLE)
    assert old in paragraphs[index]
    paragraphs[index] = paragraphs[index].replace(old, new)
    return paragraphs


def test_own_article_changes_nothing() -> None:
    story, report, _text = rebased(list(ARTICLE))
    assert story == STORY
    assert report == []


def test_a_typo_fixed_keeps_every_item_in_place() -> None:
    paragraphs = edited(4, "The border crackdown", "The border crack-down")
    story, report, _text = rebased(paragraphs)
    assert report == []
    assert places(story) == places(STORY)


def test_a_typo_fixed_inside_a_quote_is_a_change_to_check() -> None:
    paragraphs = edited(6, "could get sick from", "could get ill from")
    story, report, text = rebased(paragraphs)
    old = STORY.quote("paco#0")
    assert old is not None
    assert report == [
        'changed: quote paco#0 reworded: "Among these 100 people, there are children. There are '
        'peopl…" -> "Among these 100 people, there are children. There are peopl…"'
    ]
    new = story.quote("paco#0")
    assert new is not None and "could get ill from" in new.text
    assert f'      # check: was "{old.text}"\n      - text: "{new.text}"' in text


def test_a_paragraph_inserted_joins_the_section_before_it() -> None:
    paragraphs = list(ARTICLE)
    paragraphs.insert(4, "Officials said the border would stay closed for weeks.")
    story, report, _text = rebased(paragraphs)
    assert report == []
    section = story.section("peru-closes-the-border")
    assert section is not None
    assert section.paragraphs[1] == "Officials said the border would stay closed for weeks."
    moved = next(e for e in story.timeline if e.key == "timeline[1]")
    assert (moved.location.section, moved.location.paragraph) == ("peru-closes-the-border", 2)


def test_a_paragraph_removed_loses_its_items_as_comments() -> None:
    paragraphs = list(ARTICLE)
    del paragraphs[6]
    result = rebase(STORY, paragraphs)
    assert result.report == [
        'lost: quote paco#0 "Among these 100 people, there are children. There are peopl…"',
        'lost: figure stranded-at-border "100 people"',
    ]
    assert result.lost == 2
    assert (
        "      # lost: quote paco#0: not found in the new article\n      # - text: " in result.text
    )
    assert "  # lost: figure stranded-at-border: not found in the new article\n" in result.text
    story = check_story(result.text).story
    assert story.figure("stranded-at-border") is None
    assert len(story.quotes) == len(STORY.quotes) - 1


def test_a_figure_revised_takes_the_new_number_and_value() -> None:
    story, report, text = rebased(edited(1, "roughly 330,000", "roughly 340,000"))
    assert report == [
        'changed: figure undocumented-2024 revised: "roughly 330,000" -> "roughly 340,000", '
        "value 330000 -> 340000",
        'changed: event timeline[2] revised: "roughly 330,000 by 2024" -> "roughly 340,000 by '
        '2024"',
    ]
    figure = story.figure("undocumented-2024")
    assert figure is not None and (figure.text, figure.value) == ("roughly 340,000", 340000)
    assert '  # check: was "roughly 330,000" (value was 330000)\n' in text


def test_a_quote_reworded_takes_the_articles_words() -> None:
    paragraphs = edited(8, "At least bring us a bus", "At the very least, bring us a bus")
    story, report, text = rebased(paragraphs)
    old, new = STORY.quote("gonzalez#1"), story.quote("gonzalez#1")
    assert old is not None and new is not None
    assert new.text == old.text.replace("At least", "At the very least,")
    assert report == [
        'changed: quote gonzalez#1 reworded: "At least bring us a bus, let everyone pay for their '
        'own tic…" -> "At the very least, bring us a bus, let everyone pay for the…"'
    ]
    assert f'# check: was "{old.text}"' in text


def test_paragraphs_reordered_keep_their_items() -> None:
    paragraphs = list(ARTICLE)
    paragraphs[4], paragraphs[12] = paragraphs[12], paragraphs[4]
    story, report, _text = rebased(paragraphs)
    assert report == [
        'moved: figure peru-emergency-2023 "April 2023" from peru-closes-the-border[1] to '
        "a-regional-pattern[3]",
        'moved: figure emergency-2023-length "two-month" from peru-closes-the-border[1] to '
        "a-regional-pattern[3]",
        'moved: event timeline[1] "In April 2023, Peru enacted a two-month state of emergency" '
        "from peru-closes-the-border[1] to a-regional-pattern[3]",
    ]
    for old in STORY.figures:
        new = story.figure(old.id)
        assert new is not None and new.text == old.text
        assert story.span(new.location) == old.text


def test_read_new_paragraphs_plain_and_markdown(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nOne\nline.\n\n---\n\nTwo.\n", encoding="utf-8")
    assert read_new_paragraphs(str(article), 1 << 20) == ["One line.", "Two."]
    article.write_text("One.\nTwo.\n", encoding="utf-8")
    assert read_new_paragraphs(str(article), 1 << 20) == ["One.", "Two."]


def test_a_plain_text_headline_is_the_title_not_a_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `draft` reads the first line of this article as its headline: rebase reads it the same way.
    article = tmp_path / "new.txt"
    article.write_text(
        "Peru closes its border with Chile\n\n" + "\n\n".join(ARTICLE), encoding="utf-8"
    )
    out = tmp_path / "out.yaml"
    assert main(["rebase", str(bundled_story()), str(article), "-o", str(out)]) == 0
    stdout, _err = capsys.readouterr()
    assert stdout == "story-tui rebase: 21 items: 0 moved, 0 changed, 0 lost\n"
    assert load_story(out) == STORY


RATES = """\
format: 1
id: rates
title: Rates
sections:
  - id: one
    title: One
    paragraphs:
      - "The council said taxes would rise by 35% next year, the largest rise in a decade."
      - "Turnout was 28% in the last election, officials said."
figures:
  - id: tax-rise
    label: Tax rise
    text: "35%"
    value: 35
    unit: percent
"""


def test_a_figure_revised_between_its_old_context_when_its_new_words_stand_elsewhere() -> None:
    old = check_story(RATES).story
    result = rebase(
        old,
        [
            "The council said taxes would rise by 40% next year, the largest rise in a decade.",
            "Turnout was 40% in the last election, officials said.",
        ],
    )
    assert result.report == ['changed: figure tax-rise revised: "35%" -> "40%", value 35 -> 40']
    new = check_story(result.text).story
    figure = new.figure("tax-rise")
    assert figure is not None and (figure.text, figure.value) == ("40%", 40)
    assert (figure.location.paragraph, figure.location.start) == (0, 37)


def test_rebases_own_bookkeeping_is_no_change_to_diff() -> None:
    # The same words now stand in a second place too: rebase adds a prefix to single the figure
    # out. What a reader sees did not change, so `diff` (and What changed) report only the text.
    old = check_story(RATES).story
    result = rebase(
        old,
        [
            "The council said taxes would rise by 35% next year, the largest rise in a decade.",
            "Turnout was 35% in the last election, officials said.",
        ],
    )
    assert result.report == []
    assert '    prefix: "by "\n' in result.text
    new = check_story(result.text).story
    assert [(c.kind, c.id) for c in diff_stories(old, new)] == [("paragraph", "one[1]")]


def test_cli_writes_out_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "new.txt"
    paragraphs = list(ARTICLE)
    del paragraphs[6]
    article.write_text("\n\n".join(paragraphs), encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["rebase", str(bundled_story()), str(article), "-o", str(out)]) == 1
    stdout, _err = capsys.readouterr()
    assert stdout.splitlines()[-1] == "story-tui rebase: 21 items: 0 moved, 0 changed, 2 lost"
    assert main(["validate", "--strict", str(out)]) == 0


def test_cli_onto_a_story_file_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rebase", str(bundled_story()), str(bundled_story())]) == 0
    stdout, stderr = capsys.readouterr()
    assert check_story(stdout).story == STORY
    assert stderr == "story-tui rebase: 21 items: 0 moved, 0 changed, 0 lost\n"


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rebase", str(bundled_story())]) == 2
    assert main(["rebase", str(bundled_story()), str(tmp_path / "missing.txt")]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert main(["rebase", str(bundled_story()), str(empty)]) == 2
    assert "the article has no text" in capsys.readouterr().err


# Properties ------------------------------------------------------------------------------------

WORDS = st.sampled_from(["the", "Kast", "10", "330,000", "border", "“", "”", ",", "Peru", "—"])


@st.composite
def edits(draw: st.DrawFn) -> list[str]:
    """The bundled article after a few random edits: words in, words out, paragraphs moved."""
    paragraphs = list(ARTICLE)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["insert", "delete", "swap", "drop", "add", "words"]))
        i = draw(st.integers(0, len(paragraphs) - 1))
        words = paragraphs[i].split(" ")
        if action == "insert" and words:
            at = draw(st.integers(0, len(words)))
            words[at:at] = draw(st.lists(WORDS, min_size=1, max_size=3))
        elif action == "delete" and len(words) > 3:
            at = draw(st.integers(0, len(words) - 3))
            del words[at : at + draw(st.integers(1, 3))]
        elif action == "swap":
            j = draw(st.integers(0, len(paragraphs) - 1))
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
            continue
        elif action == "drop" and len(paragraphs) > 1:
            del paragraphs[i]
            continue
        elif action == "add":
            paragraphs.insert(i, " ".join(draw(st.lists(WORDS, min_size=1, max_size=8))))
            continue
        elif action == "words":
            words = draw(st.lists(WORDS, min_size=1, max_size=12))
        paragraphs[i] = " ".join(words) or "x"
    return paragraphs


@pytest.mark.fuzz
@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_rebase_output_always_validates(paragraphs: list[str]) -> None:
    result = rebase(STORY, paragraphs)
    checked = check_story(result.text, "out.yaml")
    assert [p for s in checked.story.sections for p in s.paragraphs] == paragraphs
    kept = len(checked.story.quotes) + len(checked.story.figures) + len(checked.story.timeline)
    assert kept + result.text.count("# lost: ") - result.text.count("# lost: section") == 21


@pytest.mark.fuzz
@settings(max_examples=examples(50), deadline=None)
@given(st.data())
def test_rebase_onto_its_own_article_is_a_fixed_point(data: st.DataObject) -> None:
    paragraphs = data.draw(edits())
    first = check_story(rebase(STORY, paragraphs).text).story
    again = rebase(first, [p for s in first.sections for p in s.paragraphs])
    assert again.report == []
    assert check_story(again.text).story == first
