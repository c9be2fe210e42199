"""Reported speech drafted as paraphrases: one short article per class (issue 21, item 7)."""

from __future__ import annotations

import pytest

from story_tui.draft.core import make_draft
from story_tui.draft.input import read_text


def paraphrases(body: str) -> dict[str, str]:
    draft = make_draft(read_text(f"Headline of the story\n\n{body}\n", "t.txt"))
    names = {p.id: p.name for p in draft.people}
    return {q.text: names[q.speaker or ""] for q in draft.quotes if q.kind == "paraphrase"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Tom Hale spoke. Tom Hale said Tuesday that the bridge would reopen in May.",
            {"the bridge would reopen in May": "Tom Hale"},
        ),
        (
            "Dana Holt, a pollster who advises the campaign, said the race is close.",
            {"the race is close": "Dana Holt"},
        ),
        (
            "Tom Hale spoke. The bridge will cost far more than promised, according to Tom Hale.",
            {"The bridge will cost far more than promised": "Tom Hale"},
        ),
        (
            "Tom Hale spoke in Ohio. He told voters that the old plan was dead.",
            {"the old plan was dead": "Tom Hale"},
        ),
        (
            "Vice President Joseph R. Biden Jr. said the remarks had made him a danger to allies.",
            {"the remarks had made him a danger to allies": "Joseph R. Biden Jr."},
        ),
    ],
)
def test_reported_speech_classes(body: str, expected: dict[str, str]) -> None:
    assert paraphrases(body) == expected


def test_a_phrase_after_said_is_not_reported_speech() -> None:
    assert paraphrases("Tom Hale spoke. Tom Hale said in the White House briefing room.") == {}


def test_a_pronoun_with_no_subject_before_gives_no_paraphrase() -> None:
    assert paraphrases("The meeting ran late. He said the plan was far too costly.") == {}
