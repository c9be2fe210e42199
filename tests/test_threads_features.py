"""What grouping reads from a story: its central people, and how they weigh on two stories."""

from __future__ import annotations

import pytest

from story_tui.story.model import Person, Section, Story
from story_tui.threads import features
from story_tui.threads.features import (
    CENTRAL_FLOOR,
    central_factor,
    central_people,
    features_of,
    paragraphs_of,
)
from story_tui.threads.group import Grouper


def _story(key: str, title: str, *paragraphs: str, people: tuple[str, ...] = ()) -> Story:
    return Story(
        id=key,
        title=title,
        sections=(Section("s1", "Body", paragraphs),),
        people=tuple(Person(f"p{n}", name, "") for n, name in enumerate(people)),
    )


def _central(story: Story) -> set[str]:
    return set(central_people(story, paragraphs_of(story)))


def test_the_people_up_front_are_central_and_the_ones_merely_mentioned_are_not() -> None:
    story = _story(
        "fight",
        "Klitschko stops Thompson in six rounds",
        "Wladimir Klitschko kept his belts on Saturday, stopping Tony Thompson in Bern.",
        "Thompson had lost to him before. Lennox Lewis watched from ringside.",
    )
    # Klitschko and Thompson are named up front and in full somewhere; Lewis only further down.
    assert _central(story) == {"klitschko", "thompson"}


def test_a_drafted_person_counts_and_a_capitalised_common_word_does_not() -> None:
    story = _story(
        "dairy",
        "Fire destroys Mat Maid building",
        "The old Mat Maid dairy burned overnight, said Susan Morrow, the fire chief.",
        "The maid of the house saw the smoke. Morrow said arson was suspected.",
        people=("Pierre Thomas",),
    )
    # "Maid" follows a given name ("Mat") but the article writes "maid" in lower case too;
    # Morrow is named in the first paragraph; Pierre Thomas is listed but never up front.
    assert _central(story) == {"morrow"}


def test_two_given_names_in_a_row_are_a_person_only_when_the_drafter_listed_them() -> None:
    title = "Saints place Pierre Thomas on injured reserve"
    assert _central(_story("ir", title, "He hurt his ankle.")) == set()
    listed = _story("ir", title, "He hurt his ankle.", people=("Pierre Thomas",))
    assert _central(listed) == {"thomas"}


def test_a_word_after_a_given_name_in_a_title_case_headline_needs_the_body() -> None:
    story = _story(
        "rehab",
        "Lindsay Lohan Checks Into Betty Ford Clinic",
        "The actress entered the clinic on Thursday, her lawyer said.",
        "Lohan has been ordered to spend 90 days in treatment.",
    )
    # "Lohan" is written in the body; "Checks" and "Clinic" are not (nor any "Ford").
    assert _central(story) == {"lohan"}


def test_a_headline_in_capitals_is_read_as_words() -> None:
    story = _story(
        "dui",
        "CHARGERS' WILLIAMS ARRESTED ON SUSPICION OF DUI",
        "The San Diego defensive tackle was arrested early Sunday, police said.",
        "Jamal Williams was stopped on Interstate 15. Williams was released on bail.",
    )
    assert _central(story) == {"williams"}


def _fight(key: str, challenger: str, city: str) -> Story:
    surname = challenger.rsplit(maxsplit=1)[-1]
    return _story(
        key,
        f"Klitschko stops {challenger} to keep his heavyweight belts",
        f"Wladimir Klitschko retained his heavyweight titles in {city}, stopping {challenger}.",
        f"{surname} barely landed a punch as the champion dominated from the start.",
        "The referee waved it off after a second knockdown.",
    )


def test_grouping_compares_two_fights_of_one_champion_less_than_their_words_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stories = [
        _fight("rahman", "Hasim Rahman", "Mannheim"),
        _fight("rahman-again", "Hasim Rahman", "Mannheim"),
        _fight("thompson", "Tony Thompson", "Bern"),
    ]

    def similarities() -> dict[str, float]:
        grouper = Grouper()
        grouper.index(features_of(story, story.id) for story in stories)
        return grouper.similarities("rahman")

    found = similarities()
    monkeypatch.setattr(features, "CENTRAL_FLOOR", 1.0)
    by_words = similarities()
    assert found["rahman-again"] == pytest.approx(by_words["rahman-again"])
    # Klitschko is central to both fights, the challengers differ: one of three shared.
    factor = CENTRAL_FLOOR + (1 - CENTRAL_FLOOR) / 3
    assert found["thompson"] == pytest.approx(by_words["thompson"] * factor)


def test_the_central_factor_is_neutral_without_central_people_and_lowest_for_others() -> None:
    rahman = features_of(_fight("a", "Hasim Rahman", "Mannheim"), "a")
    rahman_again = features_of(_fight("b", "Hasim Rahman", "Mannheim"), "b")
    williams = features_of(
        _story("d", "Chargers tackle arrested", "Jamal Williams was arrested on Sunday."), "d"
    )
    nobody = features_of(_story("e", "A fight in Bern", "The champion kept his belts."), "e")
    assert rahman.central == {"klitschko", "rahman"}
    assert central_factor(rahman, rahman_again) == 1.0
    assert central_factor(rahman, nobody) == 1.0
    assert central_factor(rahman, williams) == CENTRAL_FLOOR
