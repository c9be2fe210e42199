"""People that are people: classes of sentences that name no one, roles and ages around names."""

from __future__ import annotations

from story_tui.draft.core import make_draft
from story_tui.draft.input import read_text
from story_tui.draft.model import DraftPerson
from story_tui.draft.text import credit_line
from story_tui.draft.write import validated


def _people(text: str, authors: list[str] | None = None) -> dict[str, DraftPerson]:
    article = read_text("A headline for the story\n\n" + text, "t.txt")
    article.authors = authors or []
    draft = make_draft(article)
    return {p.name: p for p in draft.people if p.kind == "person"}


def test_a_capitalised_word_that_opens_a_sentence_is_nobody() -> None:
    people = _people(
        "Disney added subscribers, another blow to the bundle that bolstered its business. "
        "Accelerated cord-cutting has eroded revenue, executives said. Complaints that there "
        "are many kinds of cable are correct, said Senior analyst Jane Roe."
    )
    assert "Accelerated" not in people and "Complaints" not in people
    assert "Jane Roe" in people


def test_credit_lines_bylines_and_end_marks_name_no_one() -> None:
    people = _people(
        "Mayor Ann Lee opened the new bridge on Monday in front of a small crowd.\n\n"
        "___\n\n"
        "Reporting by Greg Roberts; additional reporting by Mary Stone; Editing by Tom Hill\n\n"
        "Fox News’ Jessica Napoli contributed to this report.\n\n"
        "Photo: Peter Bloom/Reuters\n\n"
        "Have a tip? Amy Kuper may be reached at akuper@example.com.\n\n"
        "Sign up for our newsletter to get the latest news in your inbox."
    )
    assert list(people) == ["Ann Lee"]
    assert credit_line("5:45 AM PST 11/19/2019 by Patrick Shane")
    assert credit_line("Related: how the council voted")
    assert not credit_line("The bill was signed by Governor Kristi Noem on Monday.")


def test_an_authors_own_line_names_no_one_in_the_story() -> None:
    people = _people(
        "Mayor Ann Lee opened the bridge on Monday.\n\n"
        "Eric Song is the site's deals editor and spends his pay on the things he posts.",
        authors=["Eric Song"],
    )
    assert list(people) == ["Ann Lee"]


def test_places_institutions_and_events_are_nobody() -> None:
    people = _people(
        "San Francisco Mayor London Breed met officials from Hong Kong and New Delhi. "
        "The Supreme Court and the General Assembly of the United Nations agreed. "
        "Rafael Nadal led Spain at the Davis Cup Finals in Madrid. "
        "Police in South Dakota said the Jet Propulsion Laboratory was closed."
    )
    assert set(people) == {"London Breed", "Rafael Nadal"}
    assert people["London Breed"].role == "San Francisco Mayor"


def test_a_place_that_speaks_is_an_organisation_not_a_person() -> None:
    article = read_text(
        "Headline\n\n“We will not accept this plan at all,” Hong Kong said in a statement.", "t"
    )
    draft = make_draft(article)
    assert all(p.kind != "person" for p in draft.people if p.name == "Hong Kong")


def test_titles_and_offices_before_a_name_go_to_the_role_and_never_split_the_person() -> None:
    people = _people(
        "South Dakota Gov. Kristi Noem defended the campaign on Monday. "
        "U.S. Attorney James P. Kennedy Jr. said the case was closed. "
        "Lt. Col. Alexander Vindman testified. Teachers Association President Mary Cole spoke. "
        "The troops left under President Donald Trump, and voters chose to beat incumbent "
        "Gov. Matt Bevin."
    )
    assert people["Kristi Noem"].role == "South Dakota Gov."
    assert people["James P. Kennedy Jr."].role == "U.S. Attorney"
    assert "Alexander Vindman" in people and "Vindman" not in people
    assert people["Mary Cole"].role == "Teachers Association President"
    assert people["Donald Trump"].role == "President"
    assert people["Matt Bevin"].role == "Incumbent Gov."
    assert not any(name in people for name in ("Kristi", "Noem", "Col", "Gov"))


def test_a_role_of_several_nouns_an_organisation_or_after_a_speech_verb() -> None:
    people = _people(
        "British expatriate science fiction author, futurist, and visionary Arthur C. Clarke "
        "died on Wednesday. “He had been in and out of hospital,” said Clarke's assistant, "
        "Rohan de Silva. The co-founder and former chief executive officer of Apple Inc. "
        "Steve Jobs has died."
    )
    assert people["Arthur C. Clarke"].role == (
        "British expatriate science fiction author, futurist, and visionary"
    )
    assert people["Rohan de Silva"].role == "Clarke's assistant"
    assert people["Steve Jobs"].role == (
        "Co-founder and former chief executive officer of Apple Inc."
    )


def test_a_role_after_the_name() -> None:
    people = _people(
        "“The smoke has died down,” said Stephanie Hart from the BBC. Manuel Moreno, who "
        "witnessed the crash, said he saw flames. Jane Ortiz, who is a nurse at the hospital, "
        "said the wards were full."
    )
    assert people["Stephanie Hart"].role == "from the BBC"
    assert people["Manuel Moreno"].role == "who witnessed the crash"
    assert people["Jane Ortiz"].role == "Nurse at the hospital"


def test_two_word_surnames_stay_one_person() -> None:
    people = _people(
        "President Andrés Manuel López Obrador spoke on Monday. López Obrador said the plan "
        "would work. Hugo de Zela agreed, and de Zela said so twice."
    )
    assert "López Obrador" not in people and "Andrés Manuel López Obrador" in people
    assert "Hugo de Zela" in people


def test_an_age_said_after_the_name() -> None:
    people = _people(
        "Police arrested Jane Doe on Monday. The 66-year-old denied the charge.\n\n"
        "British author Arthur Clarke died on Wednesday in Colombo. He was 90 years old.\n\n"
        "Apple co-founder Steve Jobs has died at the age of 56."
    )
    assert people["Jane Doe"].age == 66
    assert people["Arthur Clarke"].age == 90
    assert people["Steve Jobs"].age == 56


def test_a_person_with_no_role_shows_none() -> None:
    article = read_text("Headline\n\nJane Doe opened the bridge on Monday with friends.", "t")
    text = validated(make_draft(article), "x").text
    assert "Unknown" not in text and 'name: "Jane Doe"' in text
    person = text[text.index('name: "Jane Doe"') :].split("quotes:")[0]
    assert "role:" not in person


def test_military_and_academic_titles_go_to_the_role() -> None:
    people = _people(
        "Army Maj. Gen. John Smith said the base would close. Associate Professor Jane Roe "
        "and Det. Sgt. Alan Price agreed."
    )
    assert people["John Smith"].role == "Army Maj. Gen."
    assert people["Jane Roe"].role == "Associate Professor"
    assert people["Alan Price"].role == "Det. Sgt."
    assert not any(name in people for name in ("Maj", "Gen", "Sgt", "Smith"))
