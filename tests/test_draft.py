"""`story-tui draft`: from the plain article to a story file that validates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.draft.article import split_paragraphs
from story_tui.draft.core import make_draft
from story_tui.draft.write import to_yaml
from story_tui.story.loader import load_story, parse_story
from story_tui.story.model import Story
from tests.conftest import DATA

ARTICLE = (DATA / "article.txt").read_text(encoding="utf-8")


def drafted() -> Story:
    return parse_story(to_yaml(make_draft(ARTICLE), "draft"), "draft.yaml")


def test_draft_of_the_seed_article_validates_and_keeps_every_paragraph() -> None:
    story = drafted()
    assert [p for s in story.sections for p in s.paragraphs] == ARTICLE.split("\n")


def test_draft_finds_all_six_direct_quotations_with_the_right_speaker(story: Story) -> None:
    draft = drafted()
    expected = {q.text: story.speaker_of(q).name for q in story.quotes if q.kind == "direct"}
    found = {q.text: draft.speaker_of(q).name for q in draft.quotes if q.kind == "direct"}
    assert found == expected


def test_draft_finds_all_five_people_with_details() -> None:
    draft = drafted()
    people = {p.name: p for p in draft.people}
    assert set(people) == {
        "Milbayajaira Rivas",
        "Billy Gonzalez",
        "Diego Paco",
        "Hugo de Zela",
        "Jose Antonio Kast",
    }
    rivas, gonzalez = people["Milbayajaira Rivas"], people["Billy Gonzalez"]
    assert (rivas.age, rivas.origin, rivas.role) == (56, "Venezuela", "Nurse")
    assert (gonzalez.age, gonzalez.origin, gonzalez.role) == (48, "Venezuela", "Optical technician")
    assert people["Hugo de Zela"].role == "Peruvian Foreign Minister"
    assert "Rivas" in rivas.aliases and "Kast" in people["Jose Antonio Kast"].aliases


def test_draft_finds_the_migrant_counts_and_the_three_dates() -> None:
    draft = drafted()
    values = {f.text: f.value for f in draft.figures}
    assert values["an estimated 10,000"] == 10000
    assert values["roughly 330,000"] == 330000
    as_of = {f.text: f.as_of for f in draft.figures}
    assert (as_of["an estimated 10,000"], as_of["roughly 330,000"]) == ("2018", "2024")
    dates = sorted(e.date for e in draft.timeline)
    assert dates == ["2023-04", "2025-11-28", "2025-12-14"]


def test_every_guess_is_marked_for_checking() -> None:
    text = to_yaml(make_draft(ARTICLE), "draft")
    # A guessed speaker is a `check` key on the quote (readers see it), right after its kind.
    assert re.search(
        r"“?We don’t know what we’re going to do\.\"\n\s+kind: direct\n\s+check: \"speaker guessed",
        text,
    )
    assert 'check: "speaker from “he”: the subject of the sentence before"' in text
    # Editorial to-dos stay comments.
    assert text.count("# check: a heading drafted from the section's first sentence") == 5
    story = parse_story(text)
    guessed = [q for q in story.quotes if q.check]
    assert guessed and all(q.check.startswith("speaker ") for q in guessed if q.check)
    assert [item for item in story.to_check() if item in guessed] == guessed


def test_markdown_headings_become_sections() -> None:
    markdown = (
        "# Bread prices rise\n\n## In the shops\n\nAna Pérez, a 30-year-old baker from Lima, said "
        "“bread is up 20 percent” on Monday.\n\n## At home\n\n“We eat less,” said Tom Lee. "
        "Prices rose to roughly 1,200 pesos in 2024.\n"
    )
    title, paragraphs = split_paragraphs(markdown)
    assert title == "Bread prices rise"
    assert [h for h, _p in paragraphs] == ["In the shops", "At home"]
    story = parse_story(to_yaml(make_draft(markdown), "bread"))
    assert [s.title for s in story.sections] == ["In the shops", "At home"]
    assert {q.text: story.speaker_of(q).name for q in story.quotes if q.kind == "direct"} == {
        "bread is up 20 percent": "Ana Pérez",
        "We eat less,": "Tom Lee",
    }


def test_draft_command_writes_a_valid_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "story.yaml"
    assert main(["draft", str(DATA / "article.txt"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "6 direct quotes" in err and "to check" in err
    assert load_story(out).id == "article"
    assert main(["draft", str(tmp_path / "missing.txt")]) == 2


def test_precision_and_recall_against_the_bundled_story(story: Story) -> None:
    """The numbers quoted in the closing note; the test holds the draft to them."""
    draft = drafted()
    truth_quotes = {q.text for q in story.quotes if q.kind == "direct"}
    found_quotes = {q.text for q in draft.quotes if q.kind == "direct"}
    truth_speakers = {
        (q.text, story.speaker_of(q).name) for q in story.quotes if q.kind == "direct"
    }
    found_speakers = {
        (q.text, draft.speaker_of(q).name) for q in draft.quotes if q.kind == "direct"
    }
    truth_figures = {f.text for f in story.figures}
    found_figures = {f.text for f in draft.figures}

    def pr(found: set[object], truth: set[object]) -> tuple[float, float]:
        hits = len(found & truth)
        return hits / len(found), hits / len(truth)

    assert pr(set(found_quotes), set(truth_quotes)) == (1.0, 1.0)
    assert pr(set(found_speakers), set(truth_speakers)) == (1.0, 1.0)
    precision, recall = pr(set(found_figures), set(truth_figures))
    assert recall == 1.0  # all 8, "hundreds of thousands" and "two-month" included (6 before)
    assert precision >= 0.85  # 8 of 9: "dozens of migrants" is drafted too
