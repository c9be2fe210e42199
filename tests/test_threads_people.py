"""People across a thread: who is one person, who stays two, and what is not a person."""

from __future__ import annotations

from collections.abc import Sequence

from story_tui.story.loader import parse_story
from story_tui.threads.merge import ThreadPerson, ThreadStory
from story_tui.threads.names import is_organisation, name_words, same_given, same_person
from story_tui.threads.people import merge_organisations, merge_people
from story_tui.threads.store import Thread
from tests.threads_fixture import story_yaml

Listed = tuple[str, Sequence[str], Sequence[str]]
"""A person a story file lists: (name, aliases, direct quotes)."""


def _story(
    n: int,
    paragraphs: Sequence[str],
    people: Sequence[Listed] = (),
    organisations: Sequence[str] = (),
    title: str = "",
) -> ThreadStory:
    listed = [(f"p{i}", name, aliases, quotes) for i, (name, aliases, quotes) in enumerate(people)]
    listed += [(f"org{i}", name, [], []) for i, name in enumerate(organisations)]
    text = story_yaml(
        f"s{n}",
        title or f"Story number {n}",
        f"2013-01-0{n}",
        f"Outlet {n}",
        paragraphs,
        people=listed,
    )
    for i in range(len(organisations)):
        text = text.replace(f"  - id: org{i}\n", f"  - id: org{i}\n    kind: organisation\n")
    return ThreadStory(f"s{n}.yaml", parse_story(text.replace("    role: Unknown\n", "")))


def _names(people: list[ThreadPerson]) -> list[tuple[str, list[str], list[str]]]:
    return sorted((p.name, sorted(p.aliases), p.story_ids) for p in people)


def test_a_middle_initial_one_story_gives_and_another_leaves_out_is_one_person() -> None:
    people = merge_people(
        [
            _story(1, ["Dirk Kempthorne announced the rule."], [("Dirk Kempthorne", [], [])]),
            _story(2, ["Dirk A. Kempthorne signed it."], [("Dirk A. Kempthorne", [], [])]),
            _story(3, ["Kempthorne said so."], [("Kempthorne", [], [])]),
        ]
    )
    assert _names(people) == [  # the fuller name when both are as common
        ("Dirk A. Kempthorne", ["Dirk Kempthorne", "Kempthorne"], ["s1", "s2", "s3"])
    ]


def test_middle_initials_that_differ_are_two_people_and_the_bare_name_stays_alone() -> None:
    people = merge_people(
        [
            _story(1, ["George W. Bush spoke."], [("George W. Bush", [], [])]),
            _story(2, ["George H. W. Bush spoke."], [("George H. W. Bush", [], [])]),
            _story(3, ["George Bush spoke."], [("George Bush", [], [])]),
        ]
    )
    assert [p.name for p in sorted(people, key=lambda p: p.name)] == [
        "George Bush",
        "George H. W. Bush",
        "George W. Bush",
    ]


def test_a_known_short_form_of_the_given_name_is_the_same_person_unless_two_match() -> None:
    one = merge_people(
        [
            _story(1, ["Mo Cheeks was hired."], [("Mo Cheeks", [], [])]),
            _story(2, ["Maurice Cheeks was hired."], [("Maurice Cheeks", [], [])]),
            _story(3, ["Bill Smith and William Smith."], [("Bill Smith", [], [])]),
            _story(4, ["William Smith again."], [("William Smith", [], [])]),
        ]
    )
    assert _names(one) == [
        ("Maurice Cheeks", ["Mo Cheeks"], ["s1", "s2"]),
        ("William Smith", ["Bill Smith"], ["s3", "s4"]),
    ]
    two = merge_people(
        [
            _story(1, ["Mo Cheeks was hired."], [("Mo Cheeks", [], [])]),
            _story(2, ["Maurice Cheeks was hired."], [("Maurice Cheeks", [], [])]),
            _story(3, ["Morris Cheeks, his cousin, was not."], [("Morris Cheeks", [], [])]),
        ]
    )
    assert sorted(p.name for p in two) == ["Maurice Cheeks", "Mo Cheeks", "Morris Cheeks"]


def test_two_people_who_share_a_surname_in_one_thread_stay_two() -> None:
    people = merge_people(
        [
            _story(
                1,
                [
                    "Doug McDermott scored 30 for Creighton, coached by his father Greg McDermott.",
                    '"We played well," he said.',
                ],
                [
                    ("Doug McDermott", ["McDermott"], ["We played well,"]),
                    ("Greg McDermott", [], []),
                ],
            ),
            _story(
                2,
                [
                    "Greg McDermott praised his son. Doug McDermott is an All-American.",
                    '"He was great," the coach said.',
                ],
                [("Greg McDermott", ["McDermott"], ["He was great,"]), ("Doug McDermott", [], [])],
            ),
            _story(3, ["McDermott scored again."], [("McDermott", [], [])]),
            _story(
                4,
                ['Greg McDermott watched. "I was tired," McDermott said after the game.'],
                [("McDermott", [], ["I was tired,"])],
            ),
        ]
    )
    by_name = {p.name: p for p in people}
    assert set(by_name) == {"Doug McDermott", "Greg McDermott", "McDermott"}
    assert [s.quote.text for s in by_name["Doug McDermott"].quotes] == ["We played well,"]
    # story 4 names only Greg in full: its bare "McDermott" is Greg there, and only there
    assert [s.quote.text for s in by_name["Greg McDermott"].quotes] == [
        "He was great,",
        "I was tired,",
    ]
    assert by_name["McDermott"].story_ids == ["s3"]


def test_organisations_are_not_people_and_never_merge_with_them() -> None:
    stories = [
        _story(
            1,
            ["Sarah Palin spoke, the Anchorage Daily News reported. The Palin Foundation agreed."],
            [("Sarah Palin", ["Palin"], []), ("Anchorage Daily News", [], [])],
            ["Palin Foundation"],
        ),
        _story(2, ["Palin spoke again."], [("Palin", [], [])]),
    ]
    assert _names(merge_people(stories)) == [("Sarah Palin", ["Palin"], ["s1", "s2"])]
    assert [o.name for o in merge_organisations(stories)] == [
        "Anchorage Daily News",
        "Palin Foundation",
    ]


def test_the_thread_view_lists_an_organisations_quotes_apart_from_the_people() -> None:
    from story_tui.threads.view import summary_text, thread_items

    text = story_yaml(
        "s1",
        "Agency rules on wolves",
        "2013-01-01",
        "AP",
        ['"The rule is final," the agency said, and Ann Lee agreed.'],
        people=[("agency", "Wildlife Service", [], ["The rule is final,"])],
    ).replace("    role: Unknown\n", "    kind: organisation\n")
    thread = Thread("t", [ThreadStory("s1.yaml", parse_story(text))])
    assert thread.people == []
    items = thread_items(thread, None)
    heading = next(n for n, i in enumerate(items) if i.text == "Organisations quoted · 1")
    assert items[heading + 1].text == "Wildlife Service"
    assert items[heading + 1].target == ("person", "agency")
    assert items[heading + 2].text == "“The rule is final,”"
    assert "0 people · 1 quote" in summary_text(thread, "read", set())


def test_names_in_the_words_add_spellings_and_stories_but_no_headline_words() -> None:
    people = merge_people(
        [
            _story(
                1,
                ["Lindsay Lohan entered the Betty Ford clinic on Monday."],
                [("Lindsay Lohan", ["Lohan"], [])],
                title="Lindsay Lohan Checks Into Rehab",
            ),
            _story(
                2,
                ["Lindsay Lohan Checks Into Rehab, the paper wrote. Lohan arrived at noon."],
                [("Lindsay Lohan", [], [])],
                title="Lindsay Lohan Checks Into Rehab",
            ),
            _story(
                3,
                ["A judge said LiLo must stay 90 days, and her lawyer agreed."],
                title="Actress told to stay in rehab",
            ),
            _story(4, ["Interior Secretary Dirk A. Kempthorne spoke."]),
            _story(5, ["Dirk Kempthorne spoke."], [("Dirk Kempthorne", [], [])]),
        ]
    )
    lohan = next(p for p in people if p.name == "Lindsay Lohan")
    assert lohan.story_ids == ["s1", "s2", "s3"]
    assert "LiLo" in lohan.aliases
    assert not any("Checks" in p.name for p in people)
    [kempthorne] = [p for p in people if "Kempthorne" in p.name]
    assert {kempthorne.name, *kempthorne.aliases} == {"Dirk Kempthorne", "Dirk A. Kempthorne"}
    assert kempthorne.story_ids == ["s4", "s5"]


def test_a_given_name_standing_alone_counts_when_no_one_else_has_it() -> None:
    people = merge_people(
        [
            _story(1, ["Actor Matt Smith was cast."], [("Matt Smith", [], [])]),
            _story(2, ["Matt, who has stage credits, starts in 2010."]),
            _story(3, ["The doctor will matter, and Mark said so."], [("Mark Jones", [], [])]),
        ]
    )
    assert next(p for p in people if p.name == "Matt Smith").story_ids == ["s1", "s2"]


def test_names_compare_short_forms_initials_middle_names_and_apostrophes() -> None:
    assert name_words("Ka'Loni Marie Flynn") == ("kaloni", "marie", "flynn")
    assert name_words("Lohan's") == ("lohan",)
    assert same_given("bill", "william") and same_given("d", "dirk")
    assert not same_given("bill", "robert")
    assert same_person(("dirk", "a", "kempthorne"), ("dirk", "kempthorne"))
    assert same_person(("dirk", "a", "kempthorne"), ("dirk", "alan", "kempthorne"))
    assert not same_person(("dirk", "a", "kempthorne"), ("dirk", "b", "kempthorne"))
    assert not same_person(("tara", "reid"), ("harry", "reid"))
    assert is_organisation("Anchorage Daily News") and is_organisation("Department of Justice")
    assert not is_organisation("News anchor Brian Williams")
    assert not is_organisation("Lindsay Lohan")


def test_figures_whose_label_only_repeats_their_words_are_not_one_measure() -> None:
    from story_tui.threads.merge import figure_changes

    def counted(n: int, people: int, label: str) -> ThreadStory:
        text = story_yaml(
            f"s{n}",
            f"Quake story {n}",
            f"2013-01-0{n}",
            f"Outlet {n}",
            [f"The quake killed {people} people, and the death toll was {people} on day {n}."],
            figures=[("f", label.format(people=people), f"{people} people", people, "people")],
        )
        return ThreadStory(f"s{n}.yaml", parse_story(text))

    drafted = [counted(1, 12, "Figure: {people} people"), counted(2, 50, "Figure: {people} people")]
    assert figure_changes(drafted) == []
    labelled = [counted(1, 12, "Death toll"), counted(2, 50, "Death toll")]
    [change] = figure_changes(labelled)
    assert [f.value for _s, f in change.values] == [12, 50]


def test_a_nickname_of_initial_syllables_that_fits_two_people_names_neither() -> None:
    people = merge_people(
        [
            _story(1, ["Lindsay Lohan and Lisa Lowe met."], [("Lindsay Lohan", [], [])]),
            _story(2, ["Lisa Lowe spoke."], [("Lisa Lowe", [], [])]),
            _story(3, ["LiLo was not there."]),
        ]
    )
    assert all("LiLo" not in p.aliases and "s3" not in p.story_ids for p in people)
