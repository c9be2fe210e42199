"""Story threads as plain Python: grouping, joining, corrections, people, timeline, figures."""

from __future__ import annotations

from pathlib import Path

from story_tui.story.loader import load_story
from story_tui.threads.corrections import FILE_NAME, read_corrections
from story_tui.threads.features import features_of
from story_tui.threads.group import Grouper
from story_tui.threads.merge import describe_change
from story_tui.threads.names import covers, name_key, name_words
from story_tui.threads.store import Thread, open_threads, threads_of
from tests.threads_fixture import write_library


def _by_id(threads: list[Thread]) -> dict[str, list[str]]:
    return {t.id: [s.story.id for s in t.stories] for t in threads}


def _library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib")


def test_two_threads_with_a_shared_surname_stay_apart(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    stories = {str(p): load_story(p) for p in sorted(folder.glob("*.yaml"))}
    threads = threads_of(stories)
    assert _by_id(threads) == {
        "reid-senate-vote": ["reid-senate-vote", "reid-senate-deal"],
        "reid-rehab-afp": ["reid-rehab-afp", "reid-rehab-reuters", "reid-rehab-wire"],
    }


def test_a_thread_lists_its_stories_in_time_order_undated_last(tmp_path: Path) -> None:
    found = open_threads([_library(tmp_path)])
    rehab = next(t for t in found.threads if t.id == "reid-rehab-afp")
    assert [s.story.published and s.story.published.isoformat() for s in rehab.stories] == [
        "2008-03-05",
        "2008-03-07",
        None,
    ]
    assert rehab.outlets == ["AFP", "Reuters", "The Wire"]
    assert rehab.title == "Tara Reid checks into Promises rehab clinic in Malibu"


def test_people_are_one_entry_per_person_with_quotes_in_time_order(tmp_path: Path) -> None:
    found = open_threads([_library(tmp_path)])
    rehab = next(t for t in found.threads if t.id == "reid-rehab-afp")
    reid = next(p for p in rehab.people if p.name == "Tara Reid")
    assert reid.aliases == ["Reid"]
    assert reid.story_ids == ["reid-rehab-afp", "reid-rehab-reuters", "reid-rehab-wire"]
    ketsoyan = next(p for p in rehab.people if p.name == "Jack Ketsoyan")
    assert [(s.story.story.id, s.quote.text) for s in ketsoyan.quotes] == [
        ("reid-rehab-afp", "She is doing well and asks for privacy,"),
        ("reid-rehab-reuters", "Tara wants to thank her fans,"),
    ]
    senate = next(t for t in found.threads if t.id == "reid-senate-vote")
    assert [p.name for p in senate.people] == ["Harry Reid"]


def test_the_same_event_of_two_stories_is_one_timeline_entry(tmp_path: Path) -> None:
    found = open_threads([_library(tmp_path)])
    rehab = next(t for t in found.threads if t.id == "reid-rehab-afp")
    assert [(e.date, e.story_ids) for e in rehab.timeline] == [
        ("2008-03-04", ["reid-rehab-afp", "reid-rehab-reuters"])
    ]


def test_figures_as_they_changed(tmp_path: Path) -> None:
    found = open_threads([_library(tmp_path)])
    rehab = next(t for t in found.threads if t.id == "reid-rehab-afp")
    [change] = rehab.figures
    assert describe_change(change) == "$48,000 (AFP, 5 Mar) → $50,000 (Reuters, 7 Mar)"


def test_a_new_story_joins_its_thread_without_regrouping(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    wire = folder / "rehab-wire.yaml"
    text = wire.read_text(encoding="utf-8")
    wire.unlink()
    first = open_threads([folder])
    before = {t.id: [s.path for s in t.stories] for t in first.threads}
    wire.write_text(text, encoding="utf-8")
    again = open_threads([folder])
    assert again.thread_of(str(wire)) == "reid-rehab-afp"
    for thread, paths in before.items():
        assert again.members(thread)[: len(paths)] == paths


def test_join_starts_a_thread_for_a_story_like_no_other(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    grouper = Grouper()
    grouper.index(features_of(load_story(p), str(p)) for p in sorted(folder.glob("*.yaml")))
    grouper.group_all()
    other = tmp_path / "other.yaml"
    other.write_text(
        (folder / "senate-deal.yaml")
        .read_text(encoding="utf-8")
        .replace("reid-senate-deal", "lone-story")
        .replace("Harry Reid and Senate Republicans near budget deal to end shutdown", "Zebras"),
        encoding="utf-8",
    )
    assert grouper.join(features_of(load_story(other), "o")) == "reid-senate-vote"


def test_a_correction_is_kept_in_the_folder_and_survives_regrouping(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    found = open_threads([folder])
    deal = str(folder / "senate-deal.yaml")
    afp = str(folder / "rehab-afp.yaml")
    assert found.move(deal, into=afp) == "reid-rehab-afp"
    wire = str(folder / "rehab-wire.yaml")
    split = found.move(wire, into=None)
    text = (folder / FILE_NAME).read_text(encoding="utf-8")
    assert "together senate-deal.yaml rehab-afp.yaml" in text
    assert "apart senate-deal.yaml senate-vote.yaml" in text
    assert "apart rehab-wire.yaml rehab-afp.yaml" in text
    found.regroup()
    assert found.thread_of(deal) == found.thread_of(afp)
    assert found.thread_of(wire) == split
    assert found.members(split) == [wire]
    # A fresh start (no remembered grouping) respects them too.
    fresh = open_threads([folder])
    fresh.regroup()
    assert fresh.thread_of(deal) == fresh.thread_of(afp)
    assert fresh.members(fresh.thread_of(wire) or "") == [wire]


def test_moving_back_replaces_the_earlier_correction(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    found = open_threads([folder])
    deal, vote, afp = (
        str(folder / n) for n in ("senate-deal.yaml", "senate-vote.yaml", "rehab-afp.yaml")
    )
    found.move(deal, into=afp)
    found.move(deal, into=vote)
    corrections = read_corrections(folder)
    assert ("together", "senate-deal.yaml", "rehab-afp.yaml") not in corrections.lines
    assert ("apart", "senate-deal.yaml", "senate-vote.yaml") not in corrections.lines
    assert ("together", "senate-deal.yaml", "senate-vote.yaml") in corrections.lines
    found.regroup()
    assert found.thread_of(deal) == found.thread_of(vote)


def test_a_line_the_grouping_does_not_understand_is_reported_and_kept(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    (folder / FILE_NAME).write_text("# mine\nmerge everything please\n", encoding="utf-8")
    found = open_threads([folder])
    assert found.problems == [
        f"{folder / FILE_NAME}:2:1: error: not 'together A B' or 'apart A B'; ignored"
    ]
    found.move(str(folder / "rehab-wire.yaml"), into=None)
    text = (folder / FILE_NAME).read_text(encoding="utf-8")
    assert "# mine\nmerge everything please\n" in text


def test_names_fold_titles_suffixes_and_nicknames() -> None:
    assert name_key("Dr. Sanjay Gupta") == "sanjay gupta"
    assert name_words("Arcade Joseph Comeaux, Jr.") == ("arcade", "joseph", "comeaux")
    assert name_words('Dwayne "The Rock" Johnson') == ("dwayne", "johnson")
    assert covers(("lindsay", "lohan"), ("lohan",))
    assert covers(("chris", "raite"), ("rait",))
    assert not covers(("tara", "reid"), ("harry", "reid"))


def test_the_thread_view_lists_new_stories_first_then_everything_with_its_place(
    tmp_path: Path,
) -> None:
    from story_tui.threads.view import status_of, thread_items

    folder = _library(tmp_path)
    found = open_threads([folder])
    rehab = next(t for t in found.threads if t.id == "reid-rehab-afp")
    every = {s.path for s in rehab.stories}
    assert status_of(rehab, None, every) == "unread"  # the library's memory: none read
    assert status_of(rehab, None, set()) == "read"  # all read, though the thread never opened
    seen = {str(folder / "rehab-afp.yaml"), str(folder / "rehab-reuters.yaml")}
    assert status_of(rehab, seen, set()) == "changed"
    items = thread_items(rehab, seen)
    assert [i.text for i in items[:2]] == [
        "New since you last opened it · 1 story",
        "Friends rally around Tara Reid at Malibu rehab",
    ]
    quote = next(i for i in items if i.text == "“I am ready to get better.”")
    assert (quote.path, quote.target) == (str(folder / "rehab-afp.yaml"), ("quote", "reid#0"))
    event = next(i for i in items if i.text.startswith("4 Mar 2008"))
    assert event.target == ("event", "timeline[0]")
    assert all(i.path is not None for i in items if i.target is not None)


def test_names_merge_spellings_and_a_bare_surname_goes_to_the_main_figure() -> None:
    from story_tui.threads.names import near

    assert near("klitschko", "klistchko")  # two letters swapped
    assert near("jon", "john")
    assert not near("tim", "tom")  # short words: one letter changes the name


def test_people_the_story_files_miss_are_found_in_the_words_of_two_stories(
    tmp_path: Path,
) -> None:
    from tests.threads_fixture import story_yaml

    folder = tmp_path / "lib"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"s{n}.yaml").write_text(
            story_yaml(
                f"game-{n}",
                "Lions beat Packers in overtime",
                f"2013-01-0{n}",
                f"Outlet {n}",
                [
                    "Running back Joique Bell scored twice as the Lions beat the Packers.",
                    f"Bell ran for 90 yards, report number {n} said.",
                ],
            ),
            encoding="utf-8",
        )
    [thread] = open_threads([folder]).threads
    bell = next(p for p in thread.people if p.name == "Joique Bell")
    assert bell.aliases == ["Bell"]
    assert bell.story_ids == ["game-1", "game-2"]
    assert bell.appearances == []  # named in the words only


def test_stories_without_sources_name_no_outlet(tmp_path: Path) -> None:
    from story_tui.threads.view import summary_text

    folder = _library(tmp_path)
    for path in folder.glob("rehab-*.yaml"):
        text = path.read_text(encoding="utf-8")
        start, end = text.index("sources:"), text.index("sections:")
        path.write_text(text[:start] + "sources: []\n" + text[end:], encoding="utf-8")
    rehab = next(t for t in open_threads([folder]).threads if t.id == "reid-rehab-afp")
    assert rehab.outlets == []
    assert summary_text(rehab, "read", set()).startswith("5 Mar – 7 Mar 2008 · 3 stories")


def test_the_stories_joined_one_at_a_time_are_counted_across_runs(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    wire = folder / "rehab-wire.yaml"
    text = wire.read_text(encoding="utf-8")
    wire.unlink()
    first = open_threads([folder])
    assert first.grouper.joined == 0
    wire.write_text(text, encoding="utf-8")
    assert open_threads([folder]).grouper.joined == 1
    assert open_threads([folder]).grouper.joined == 1  # nothing new: the count is kept
