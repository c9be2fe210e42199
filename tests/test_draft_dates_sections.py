"""Section headings, timeline labels and dates a reader can trust."""

from __future__ import annotations

from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.draft.core import make_draft
from story_tui.draft.dates import find_dates
from story_tui.draft.input import read_text
from story_tui.draft.titles import event_label, heading_from
from story_tui.draft.write import validated


def test_a_drafted_section_is_titled_from_its_lead_sentence_never_section_n() -> None:
    paragraphs = "\n\n".join(
        [
            "On Monday, the city council voted 7-2 to close the old bridge for repairs after "
            "engineers found cracks.",
            "Engineers said the cracks had grown over the winter.",
            "The mayor agreed.",
            "“We will fight this,” said Ann Lee, who runs a bakery by the bridge.",
            "Shop owners near the bridge, a busy crossing, fear losing trade, which is down.",
            "They met on Tuesday.",
        ]
    )
    draft = make_draft(read_text("Bridge to close\n\n" + paragraphs, "t"))
    titles = [s.title for s in draft.sections]
    assert titles == [
        "The city council voted 7-2 to close the old bridge",
        "Shop owners near the bridge fear losing trade",
    ]
    assert all(not t.startswith("Section") for t in titles)
    text = validated(draft, "bridge").text
    assert "# check: a heading drafted from the section's first sentence" in text


def test_a_pages_own_subheadings_stay_the_sections() -> None:
    draft = make_draft(
        read_text(
            "Title\n\n## The vote\n\nThe council voted.\n\n## What next\n\nA new bridge.", "t"
        )
    )
    assert [s.title for s in draft.sections] == ["The vote", "What next"]
    assert not any(s.placeholder for s in draft.sections)


def test_a_heading_skips_a_quotation_and_an_apposition() -> None:
    assert heading_from(
        ["“It is over,” he said. Protesters gathered outside parliament in Lima."]
    ) == ("Protesters gathered outside parliament in Lima")
    lead = (
        "Diego Paco, the regional governor, voiced his concern to AFP about the welfare of "
        "those stuck in limbo, which worries many."
    )
    assert heading_from([lead]) == "Diego Paco voiced his concern to AFP about the welfare"


def test_a_heading_never_ends_inside_a_name_a_number_or_on_a_function_word() -> None:
    leads = [
        "A team led by engineers out of NASA's Johnson Space Flight Center tested the suit.",
        "A spokesman for the city did not respond to Fox News’ request for comment.",
        "Repairs of the old bridge would cost the town 19 million dollars more than planned.",
        "Students who admire the work of the Massachusetts Institute of Technology Computer "
        "Science and Artificial Intelligence Laboratory met there.",
        "Aid workers said the government of the Democratic Republic of the Congo would pay.",
    ]
    article = "Lab news\n\n" + "\n\n".join(f"{lead}\n\nIt was quiet." for lead in leads)
    draft = make_draft(read_text(article, "t"), per_section=2)
    assert [s.title for s in draft.sections] == [
        # the name is finished: a few words past the limit
        "A team led by engineers out of NASA's Johnson Space Flight Center",
        # a possessive dropped would leave `Fox`: the heading stops before the name
        "A spokesman for the city did not respond",
        "Repairs of the old bridge would cost the town 19 million dollars",
        # a name too long to finish: the heading stops before it (and its `the of`)
        "Students who admire the work",
        "Aid workers said the government of the Democratic Republic of the Congo",
    ]
    # a timeline label is shortened by the same rule
    assert (
        event_label(
            "In 2019 the team of the Massachusetts Institute of Technology Computer Science and "
            "Artificial Intelligence Laboratory Research Group moved"
        )
        == "In 2019 the team"
    )


def test_a_timeline_label_is_a_short_clause_never_a_fragment_of_a_quotation() -> None:
    assert event_label("in 2016,” Jane Roe testified before the committee") == (
        "Jane Roe testified before the committee"
    )
    assert event_label("He called the plan “a disaster in 2016") == "He called the plan"
    label = event_label(
        "The Senate voted on Tuesday to pass the bill after a long debate over the costs of it"
    )
    assert label == "The Senate voted on Tuesday to pass the bill"


def test_a_dated_event_is_labelled_from_the_clause_that_holds_its_date() -> None:
    article = (
        "Riverton closes its old bridge\n\n"
        "The city of Riverton closed its old bridge after years of warnings.\n\n"
        "Engineers found cracks in 2024, and a report in March 2025 warned that repairs would "
        "cost $19.2 million. The bridge opened in 1931 — engineers found more cracks in 2019 "
        "after a flood. Inspectors came in 2020 and in May 2021 the council voted to close it; "
        "in June 2022 it changed its mind.\n\n"
        "Sales fell between March 2019 and April 2020, the report said."
    )
    draft = make_draft(read_text(article, "t"))
    labels = {e.date: event_label(e.text) for e in draft.events}
    assert labels["2024"] == "Engineers found cracks in 2024"
    assert (
        labels["2025-03"] == "A report in March 2025 warned that repairs would cost $19.2 million"
    )
    assert labels["1931"] == "The bridge opened in 1931"
    assert labels["2019"] == "Engineers found more cracks in 2019 after a flood"
    assert labels["2020"] == "Inspectors came in 2020"
    assert labels["2021-05"] == "In May 2021 the council voted to close it"
    assert labels["2022-06"] == "In June 2022 it changed its mind"
    # a range is one clause, never cut between its two dates
    assert labels["2019-03"] == "Sales fell between March 2019 and April 2020"
    text = validated(draft, "bridge").text
    assert 'label: "A report in March 2025 warned that repairs would cost $19.2 million"' in text


def _events(paragraphs: list[str], published: str = "2019-11-20") -> list[tuple[str, str]]:
    events, _figures, _spans = find_dates(paragraphs, published)
    return [(e.date, e.text) for e in events]


def test_relative_dates_are_read_against_the_published_date() -> None:
    assert _events(["He was arrested last Thursday in Ohio."]) == [
        ("2019-11-14", "He was arrested last Thursday in Ohio")
    ]
    assert _events(["Prices rose last month across the region."]) == [
        ("2019-10", "Prices rose last month across the region")
    ]
    assert _events(["Sales are up this year for most makers."]) == [
        ("2019", "Sales are up this year for most makers")
    ]


def test_a_past_tense_sentence_never_puts_an_event_in_the_future() -> None:
    assert _events(["The company said on Thursday that it will cut 300 jobs."])[0][0] == (
        "2019-11-14"
    )
    assert _events(["The minister will travel to Paris on Thursday for talks."])[0][0] == (
        "2019-11-21"
    )
    # a day without its year, nearer ahead than behind: in the past tense, it lies behind
    assert _events(["The company announced on Dec. 4 that it had sold the plant."])[0][0] == (
        "2018-12-04"
    )


def test_a_month_without_a_day_is_a_year_and_month() -> None:
    assert _events(["Sales fell in March, the report showed."]) == [
        ("2019-03", "Sales fell in March, the report showed")
    ]
    assert _events(["The plant will reopen in March, officials said."])[0][0] == "2020-03"


def test_a_dateline_is_one_event_not_two() -> None:
    assert _events(["WASHINGTON, Nov. 19 (Reuters) - The Senate voted on Tuesday to pass it."]) == [
        ("2019-11-19", "The Senate voted on Tuesday to pass it")
    ]
    assert _events(["The vote took place on Monday, November 18, 2019, in the capital."]) == [
        ("2019-11-18", "The vote took place on Monday, November 18, 2019")
    ]


def test_draft_published_reads_relative_dates_of_a_plain_text_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe mayor resigned last Thursday after the vote.\n", "utf-8")
    out = tmp_path / "a.yaml"
    assert main(["draft", str(article), "-o", str(out), "--published", "2019-11-20"]) == 0
    text = out.read_text("utf-8")
    assert 'published: "2019-11-20"' in text and 'date: "2019-11-14"' in text
    assert main(["draft", str(article), "--published", "20 Nov"]) == 2
    assert "--published must be a date" in capsys.readouterr().err


def test_a_date_that_opens_a_sentence_or_counts_from_the_date_before() -> None:
    paragraph = (
        "He started Apple in 1976, and in 1984 the first Macintosh was released. One year later "
        "he was fired from the company. 2007 was the year of the iPhone."
    )
    assert _events([paragraph], "2011-10-06") == [
        ("1976", "He started Apple in 1976"),
        ("1984", "in 1984 the first Macintosh was released"),
        ("1985", "One year later he was fired from the company"),
        ("2007", "2007 was the year of the iPhone"),
    ]
    assert _events(["The storm hit on March 3, 2020. Two days later the river rose."])[1] == (
        "2020-03-05",
        "Two days later the river rose",
    )


def test_a_piece_of_a_sentence_is_never_a_speaker() -> None:
    from story_tui.draft.people import not_a_speaker

    for name in (
        "He instead",
        "On Monday",
        "For starters",
        "His repeated claims of having no memory",
        "Paganini and his team",
        "NASA’s Office of the Inspector General released two highly critical",
        "And an overwhelming 70 percent of Americans",
    ):
        assert not_a_speaker(name), name
    for name in ("the Interior Ministry", "a WeWork spokesperson", "Reuters", "the company"):
        assert not not_a_speaker(name), name


def test_a_section_with_no_sentence_to_title_it_says_its_heading_is_a_placeholder() -> None:
    draft = make_draft(read_text("Title\n\n“Hello there,” said Bob Jones, the mayor.", "t"))
    assert [s.title for s in draft.sections] == ["Part 1"]
    text = validated(draft, "t").text
    assert "# check: a placeholder heading (no sentence to draft one from): write one" in text
    assert "drafted from the section's first sentence" not in text
