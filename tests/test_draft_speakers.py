"""The right speaker or none: one short article per class of sentence (issue 21, item 2)."""

from __future__ import annotations

import pytest

from story_tui.draft.core import make_draft
from story_tui.draft.input import read_text
from story_tui.draft.model import Draft


def draft_of(body: str) -> Draft:
    return make_draft(read_text(f"Headline of the story\n\n{body}\n", "t.txt"))


def said(body: str) -> dict[str, str | None]:
    """Direct quotations and who said each (None: left unattributed)."""
    draft = draft_of(body)
    names = {p.id: p.name for p in draft.people}
    return {q.text: names.get(q.speaker or "") for q in draft.quotes if q.kind == "direct"}


def test_a_pronoun_is_the_subject_of_the_sentence_before() -> None:
    assert said("Ana Ruiz met Tom Hale on Monday. “We agreed on a plan,” she said.") == {
        "We agreed on a plan,": "Ana Ruiz"
    }


def test_a_pronoun_never_goes_to_the_object_of_the_sentence_before() -> None:
    assert said("Ana Ruiz met Tom Hale on Monday. “We agreed on a plan,” he said.") == {
        "We agreed on a plan,": None
    }


def test_a_pronoun_after_an_owner_gives_no_speaker() -> None:
    body = "Dana Holt's lawyer spoke first. “We will appeal the ruling,” he said."
    assert said(body) == {"We will appeal the ruling,": None}


def test_a_pronoun_follows_the_speaker_of_the_sentence_before() -> None:
    body = "“The roads are open again,” said Mayor Tom Hale. “We will check them daily,” he added."
    assert said(body) == {
        "The roads are open again,": "Tom Hale",
        "We will check them daily,": "Tom Hale",
    }


def test_a_pronoun_after_an_opening_phrase_and_a_role() -> None:
    body = (
        "On Monday, Republican nominee Ted Cruz spoke in Ohio.\n\n"
        "“We will win this state in November,” he said."
    )
    assert said(body) == {"We will win this state in November,": "Ted Cruz"}


def test_the_pronoun_guess_is_marked() -> None:
    draft = draft_of("Ana Ruiz arrived late. “I was stuck in traffic,” she said.")
    (quote,) = [q for q in draft.quotes if q.kind == "direct"]
    assert quote.check == "speaker from “she”: the subject of the sentence before"


def test_reported_speech_is_a_paraphrase_never_a_direct_quote() -> None:
    draft = draft_of("Tom Hale arrived. Tom Hale said the plan was far too costly for the town.")
    assert [(q.kind, q.text) for q in draft.quotes] == [
        ("paraphrase", "the plan was far too costly for the town")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Protesters marched past the hall, chanting “no contract, no peace for anyone here”.",
        "A sign on the door read “nobody will be turned away from this place”.",
        "Ana Ruiz appeared on “Meet the Press” on Sunday.",
        "Ana Ruiz wrote the book “How the Town Was Won” in 2019.",
        "The so-called “experts from out of town” disagreed with the council.",
        "Former Marine John “Tig” Tiegen found both issues disqualifying.",
        "Judge Ann Lee vows to be 'more circumspect' with her opinions.",
    ],
)
def test_chants_signs_titles_scare_quotes_and_nicknames_are_not_speech(body: str) -> None:
    assert [q for q in draft_of(body).quotes if q.kind == "direct"] == []


def test_a_quotation_split_by_its_attribution_with_mixed_marks_is_one_quote_in_two_parts() -> None:
    body = (
        '“At this point, we are doing fine," said Mayor Don Guardian in an interview. '
        '"We have made mistakes for fifty years.”'
    )
    assert said(body) == {
        "At this point, we are doing fine,": "Don Guardian",
        "We have made mistakes for fifty years.": "Don Guardian",
    }


def test_a_quotation_that_ends_its_sentence_takes_no_speaker_from_the_next() -> None:
    body = "Rita Moss has called the deal “a disaster for the town.” Sam Kerr said nothing."
    assert said(body) == {"a disaster for the town.": "Rita Moss"}


def test_a_quotation_inside_a_sentence_takes_the_subject_before_it() -> None:
    body = (
        "Rita Moss spoke first, while Ben Ortiz said that the “stakes are far too high”"
        " for the town. Sam Kerr agreed."
    )
    assert said(body) == {"stakes are far too high": "Ben Ortiz"}


def test_an_inverted_attribution_before_the_quote() -> None:
    body = "In other words, explained moderator Nancy Cordes: “What does that have to do with it?”"
    assert said(body) == {"What does that have to do with it?": "Nancy Cordes"}


def test_a_quotation_goes_on_from_the_one_before_unless_someone_else_is_named() -> None:
    body = (
        "“We will win this fight,” said Ana Ruiz. “It will take time.”\n\n"
        "“We will lose this fight,” said Tom Hale. Ana Ruiz disagreed. “It is far from over.”"
    )
    assert said(body) == {
        "We will win this fight,": "Ana Ruiz",
        "It will take time.": "Ana Ruiz",
        "We will lose this fight,": "Tom Hale",
        "It is far from over.": None,
    }


def test_a_word_that_begins_no_name_is_never_a_speaker() -> None:
    body = "Tom Hale was asked about it. “I guess so.” With a big lead, Hale is under pressure."
    assert "With a" not in {p.name for p in draft_of(body).people}


def test_an_owner_is_not_the_speaker_but_the_name_in_apposition_is() -> None:
    body = (
        "Ann Lee died on Monday."
        " “She passed away this morning,” said Lee's assistant, Rohan Perera."
    )
    assert said(body) == {"She passed away this morning,": "Rohan Perera"}


def test_the_verb_of_a_reported_clause_is_not_the_attribution() -> None:
    body = "Tom Hale said that Rita Moss begged him and “would have dropped to her knees” for it."
    assert said(body) == {"would have dropped to her knees": "Tom Hale"}


def test_a_question_followed_by_the_next_quotations_lead_in_takes_no_speaker_from_it() -> None:
    body = "Ann Lee wrote to Rita Moss, “Why now?” Rita Moss then writes back, “You look great.”"
    assert said(body) == {"Why now?": "Ann Lee", "You look great.": "Rita Moss"}


def test_a_common_noun_is_never_a_named_speaker() -> None:
    body = (
        "The probe will reach the moon in 2030, according to the agency. The company said the "
        "launch would cost more than planned.\n\n"
        "“We are ready for this,” the ministry said. “It is a good day,” police said. "
        "Officials said the mission was on schedule. “Trust us,” a senior official said."
    )
    draft = draft_of(body)
    assert [p.name for p in draft.people] == ["a senior official"]
    assert [(q.text, q.speaker) for q in draft.quotes if q.kind == "paraphrase"] == []
    assert said(body) == {
        "We are ready for this,": None,
        "It is a good day,": None,
        "Trust us,": "a senior official",
    }
    assert {q.check for q in draft.quotes if q.speaker is None} == {
        "speaker not named: “the ministry”",
        "speaker not named: “police”",
    }


def test_a_common_noun_is_the_organisation_the_article_named_so_before_if_only_one() -> None:
    draft = draft_of(
        "The European Space Agency will launch the probe next year. “We are ready,” the agency "
        "said.\n\n"
        "The Lopez campaign and the Hale campaign met. “We won the debate tonight,” the "
        "campaign said."
    )
    people = {p.id: p for p in draft.people}
    found = {q.text: (q.speaker and people[q.speaker].name, q.check) for q in draft.quotes}
    assert found == {
        "We are ready,": (
            "European Space Agency",
            "speaker from “the agency”: the European Space Agency named before",
        ),
        "We won the debate tonight,": (None, "speaker not named: “the campaign”"),  # which one?
    }
    assert people["european-space-agency"].kind == "organisation"
