"""One short article per class of sentence the drafter handles, with the exact result expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.draft.core import make_draft
from story_tui.draft.input import read_article
from story_tui.draft.model import DraftPerson
from story_tui.draft.write import validated
from story_tui.story.loader import load_story, parse_story
from story_tui.story.model import Story


def story_of(body: str, published: str | None = None) -> Story:
    article = read_article(f"Headline of the story\n\n{body}\n".encode(), "t.txt")
    article.published = published
    return parse_story(validated(make_draft(article), "t").text, "t.yaml")


def said(story: Story) -> dict[str, str]:
    return {q.text: story.speaker_of(q).name for q in story.quotes if q.kind == "direct"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "“We are ready,” JGC spokesman Ryouske Hoshijima told AFP.",
            {"We are ready,": "Ryouske Hoshijima"},
        ),
        (
            "“It works,” said the vaccine's architect Prof Sarah Gilbert.",
            {"It works,": "Sarah Gilbert"},
        ),
        (
            "“No deal,” said Sen. Ted Cruz. Mr Smith said: “Maybe later.”",
            {"No deal,": "Ted Cruz", "Maybe later.": "Smith"},
        ),
        (
            "Maria Lopez arrived late. “I was stuck,” she said.",
            {"I was stuck,": "Maria Lopez"},
        ),
        (
            "Hillary Clinton spoke first. “It was hard,” Clinton said.",
            {"It was hard,": "Hillary Clinton"},
        ),
        (
            "‘We won’t give up on the voters’ trust,’ said Jane Doe.",
            {"We won’t give up on the voters’ trust,": "Jane Doe"},
        ),
        ("«Nous restons ici», a déclaré... said Luc Besson.", {}),
        (
            '"We left at dawn,” said Dragan Antić. “Then "the bus" came,” Łukasz Nowak added.',
            {"We left at dawn,": "Dragan Antić", 'Then "the bus" came,': "Łukasz Nowak"},
        ),
        (
            "“It is over,” said Nguyễn Văn An. “Not yet,” said Jim McGovern.",
            {"It is over,": "Nguyễn Văn An", "Not yet,": "Jim McGovern"},
        ),
        (
            "“He told me ‘never again’ that night,” said Ann Lee.",
            {"He told me ‘never again’ that night,": "Ann Lee"},
        ),
        (
            "“The plan is late and it costs too much,” Mara Quill, a planner at the county"
            " office, told reporters. “We knew that,” Ben Ortiz, who ran the project, said.",
            {"The plan is late and it costs too much,": "Mara Quill", "We knew that,": "Ben Ortiz"},
        ),
        (
            "Asked about the deal, former Sen. Ruth Okafor called it “a step in the right"
            " direction.”",
            {"a step in the right direction.": "Ruth Okafor"},
        ),
        (
            "The talks ended on Monday, with Ana Ruiz calling them “a good first meeting.”",
            {"a good first meeting.": "Ana Ruiz"},
        ),
        (
            "“Things are calmer now,” and the orders came back last week, Dana Holt said.",
            {"Things are calmer now,": "Dana Holt"},
        ),
    ],
)
def test_quotes_and_their_speakers(body: str, expected: dict[str, str]) -> None:
    assert said(story_of(body)) == expected


def test_a_title_is_never_a_person() -> None:
    story = story_of("“No deal,” said Sen. Ted Cruz. Gov. Jan Brewer agreed.")
    assert [p.name for p in story.people] == ["Ted Cruz", "Jan Brewer"]
    assert story.people[0].role == "Senator"


def test_a_quotation_over_several_paragraphs_is_one_quote_per_paragraph() -> None:
    story = story_of(
        "Ann Lee, a 40-year-old nurse, spoke at the hearing.\n\n"
        "“We waited for hours in the cold and nobody came.\n\n"
        "“Then the doors opened and it was too late,” she said."
    )
    assert said(story) == {
        "We waited for hours in the cold and nobody came.": "Ann Lee",
        "Then the doors opened and it was too late,": "Ann Lee",
    }


def test_an_organisation_speaks_as_an_organisation() -> None:
    story = story_of("“The border stays closed,” the Interior Ministry said on Monday.")
    (entry,) = story.people
    assert (entry.name, entry.kind) == ("Interior Ministry", "organisation")


def test_an_unattributed_quotation_stays_out_and_is_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThen came “nobody here will ever be turned away again”.\n")
    assert main(["draft", str(article), "-o", str(tmp_path / "s.yaml")]) == 0
    assert "1 quotation with no speaker" in capsys.readouterr().err
    text = (tmp_path / "s.yaml").read_text()
    assert "#   “nobody here will ever be turned away again”  # check: no speaker found" in text
    assert load_story(tmp_path / "s.yaml").quotes == ()


def test_people_with_roles_ages_and_aliases() -> None:
    story = story_of(
        "Tom Turner, 37, a fisherman from Hull, lost his boat. Later Turner said he would rebuild."
    )
    (turner,) = story.people
    assert (turner.name, turner.age, turner.role, turner.origin) == (
        "Tom Turner",
        37,
        "Fisherman",
        "Hull",
    )
    assert turner.aliases == ("Turner",)
    assert story.figures == ()  # an age is not a key figure


def test_figures_with_values_and_units() -> None:
    story = story_of(
        "The deal is worth $18.9 billion, up 5 percent, and fares rose 70% to €28. "
        "Winds reached 120mph. Madrid won 4-3. Three kidnapped workers were freed."
    )
    got = {f.text: (f.value, f.unit) for f in story.figures}
    assert got == {
        "$18.9 billion": (18900000000, "USD"),
        "5 percent": (5, "percent"),
        "70%": (70, "percent"),
        "€28": (28, "EUR"),
        "120mph": (120, "mph"),
        "4-3": (None, None),
        "Three kidnapped workers": (3, "kidnapped workers"),
    }


def test_dates_are_read_against_the_published_date() -> None:
    story = story_of(
        "On Sunday, the storm hit the coast. The council met on Aug. 4 to plan repairs. "
        "Work will end by Sept 14, officials said. Repairs take until Sept. 30.",
        published="2024-08-07",
    )
    assert sorted(e.date for e in story.timeline) == [
        "2024-08-04",
        "2024-08-04",
        "2024-09-14",
        "2024-09-30",
    ]


def test_a_date_without_its_year_in_a_sentence_about_the_future_lies_ahead() -> None:
    story = story_of(
        "The council voted on Tuesday. Construction will begin on Sept. 14, the mayor said. "
        "The old bridge closed on Sept. 20.",
        published="2026-03-04",
    )
    assert sorted(e.date for e in story.timeline) == ["2025-09-20", "2026-03-03", "2026-09-14"]


def test_paraphrases_are_drafted_and_marked() -> None:
    story = story_of("Maria Lopez said that the bridge would reopen in the spring.")
    (quote,) = story.quotes
    assert (quote.kind, quote.text) == ("paraphrase", "the bridge would reopen in the spring")


def test_a_saved_web_page_drafts_with_its_headline_date_and_outlet(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Storm hits coast | Daily Planet</title>"
        '<meta property="og:site_name" content="Daily Planet">'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        '"NewsArticle","headline":"Storm hits coast","datePublished":"2024-08-05"}</script>'
        "</head><body><nav><a href='/'>Home</a></nav><article><h1>Storm hits coast</h1>"
        "<p>A storm hit the coast on Sunday, killing three people and leaving 12,000 homes "
        "without power for most of the weekend, the regional authorities said.</p>"
        "<p>“We have never seen anything like this,” said Mayor Jane Doe, 52.</p>"
        "</article><footer>© Daily Planet</footer></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "story.yaml"
    assert main(["draft", str(page), "-o", str(out)]) == 0
    story = load_story(out)
    assert (story.title, str(story.published), [s.name for s in story.sources]) == (
        "Storm hits coast",
        "2024-08-05",
        ["Daily Planet"],
    )
    assert said(story) == {"We have never seen anything like this,": "Jane Doe"}
    assert [e.date for e in story.timeline] == ["2024-08-04"]


def test_ids_that_yaml_would_read_as_numbers_or_booleans_stay_text() -> None:
    draft = make_draft(read_article(b"Headline\n\nOne paragraph of text here.\n", "t.txt"))
    draft.people = [DraftPerson("Class of 2012", "2012"), DraftPerson("No", "no")]
    story = parse_story(validated(draft, "t").text, "t.yaml")
    assert [p.id for p in story.people] == ["2012", "no"]


def test_years_and_clock_times_are_dates() -> None:
    story = story_of(
        "In 1986 he bought a small studio in the city. The crash happened at 9 p.m. on the road.",
        published="2011-10-06",
    )
    assert sorted(e.date for e in story.timeline) == ["1986", "2011-10-06"]
