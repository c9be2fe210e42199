"""The library without a UI: collecting files, the index, people across stories, search."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from story_tui.storage.collect import collect
from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import normalised_name, open_library, people_across, quotes_of
from story_tui.storage.search import context_of, search_library
from tests.library_fixture import BORDER, write_library


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_library(tmp_path)


def test_collect_walks_folders_for_yaml_only(folder: Path) -> None:
    found = collect([folder])
    names = sorted(p.name for p in found.files)
    assert names == ["bakery.yaml", "border.yaml", "broken.yaml", "river.yaml"]
    assert found.problems == []


def test_collect_reports_missing_empty_and_loops_without_hanging(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    looped = tmp_path / "looped"
    looped.mkdir()
    (looped / "story.yaml").write_text(BORDER, encoding="utf-8")
    (looped / "again").symlink_to(looped)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    found = collect([empty, looped, tmp_path / "missing.yaml", tmp_path / "self"])
    assert [p.name for p in found.files] == ["story.yaml"]
    problems = "\n".join(found.problems)
    assert "no story files" in problems and str(empty) in problems
    assert "symlink loop" in problems
    assert f"cannot read {tmp_path / 'missing.yaml'}: No such file" in problems
    assert f"cannot read {tmp_path / 'self'}: a symlink loop" in problems


def test_library_lists_newest_first_with_invalid_last(folder: Path) -> None:
    library = open_library([folder])
    assert [row.id for row in library.rows] == [
        "border-town",
        "bakery-prices",
        "river-notes",
        None,
    ]
    border = library.rows[0]
    assert (border.title, border.published, border.updated, border.sources) == (
        "Waiting at the border town",
        "2025-11-20",
        "2025-11-21T08:00:00+00:00",
        ("The Wire Service",),
    )
    assert (border.people, border.quotes) == (2, 2)
    broken = library.rows[-1]
    assert broken.error is not None
    assert broken.error.startswith(f"{folder / 'broken.yaml'}:14:15: error: text not found")


def test_people_merge_by_full_name_never_by_surname(folder: Path) -> None:
    library = open_library([folder])
    people = {p.name: p for p in people_across(library)}
    ana = people["Ana Pérez"]  # "Ana Perez" in the other story: the same normalised name
    assert ana.story_ids == ["border-town", "bakery-prices"]
    assert ana.quotes == 2
    assert "Ming Lee" in people  # only the surname is shared: never merged
    mayor = people["Tom Lee"]  # "Thomas Lee" in the river story: the same same_as URI
    assert mayor.story_ids == ["border-town", "river-notes"]
    assert mayor.same_as == ("https://www.wikidata.org/entity/Q4115189",)
    assert "Thomas Lee" not in people
    assert mayor.other_names == ["Thomas Lee"]
    quotes = quotes_of(library, ana)
    assert [(row.id, q.text) for row, q in quotes] == [
        ("border-town", "the bread runs out by noon"),
        ("bakery-prices", "bread is up 20 percent"),
    ]


def test_normalised_names() -> None:
    assert normalised_name("  Ana  PÉREZ ") == normalised_name("ana perez")
    assert normalised_name("José-Luis O'Neil") == "jose luis o neil"
    assert normalised_name("Pérez") != normalised_name("Ana Pérez")


def test_search_finds_words_and_prefixes_accent_insensitive(folder: Path) -> None:
    library = open_library([folder])
    hits, truncated = search_library(library, "perez")
    assert not truncated
    assert [(h.story.id, h.where) for h in hits] == [
        ("border-town", "border-town/arrival/0"),
        ("bakery-prices", "bakery-prices/prices/0"),
    ]
    first = hits[0]
    paragraph = "Ana Pérez, a 30-year-old baker, said “the bread runs out by noon” at the crossing."
    assert paragraph[first.location.start : first.location.end] == "Pérez"
    assert first.line == 13
    assert first.context[first.match[0] : first.match[1]] == "Pérez"
    assert [h.where for h in search_library(library, "arriv")[0]] == ["border-town/arrival/1"]
    assert search_library(library, "Bread")[0] == []  # a capital: case matters
    assert search_library(library, '"*) OR (')[0] == []  # FTS syntax is never interpreted


def test_context_is_cut_at_spaces() -> None:
    text = "one two three four five six seven eight nine ten"
    context, (start, end) = context_of(text, 19, 23, width=8)
    assert context[start:end] == "five"
    assert context.startswith("…") and context.endswith("…")


def test_index_is_incremental_and_follows_changes(folder: Path, tmp_path: Path) -> None:
    index_file = tmp_path / "index.sqlite3"
    first = open_library([folder], index=LibraryIndex(index_file))
    assert first.rows[0].title == "Waiting at the border town"
    story = folder / "2025" / "border.yaml"
    changed = BORDER.replace("Waiting at", "Still waiting at").replace("slept", "rested")
    story.write_text(changed, encoding="utf-8")
    os.utime(story, ns=(1, 1))  # a new modification time, whatever the clock
    again = open_library([folder], index=LibraryIndex(index_file))
    assert again.rows[0].title == "Still waiting at the border town"
    assert again.index.notice is None
    # The old version's rows are gone: search sees only the new text.
    assert search_library(again, "slept")[0] == []
    assert [h.where for h in search_library(again, "rested")[0]] == ["border-town/arrival/1"]


def test_corrupt_or_foreign_index_is_rebuilt_with_a_notice(folder: Path, tmp_path: Path) -> None:
    index_file = tmp_path / "index.sqlite3"
    open_library([folder], index=LibraryIndex(index_file)).index.close()
    index_file.write_bytes(b"this is not SQLite at all" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{index_file}{suffix}").unlink(missing_ok=True)
    rebuilt = LibraryIndex(index_file)
    assert rebuilt.notice is not None and "rebuilt" in rebuilt.notice
    assert open_library([folder], index=rebuilt).rows[0].id == "border-town"
    rebuilt.close()

    import sqlite3

    index_file.unlink()
    foreign = sqlite3.connect(index_file)
    foreign.execute("CREATE TABLE other (x)")
    foreign.commit()
    foreign.close()
    again = LibraryIndex(index_file)
    assert again.notice is not None and "another program" in again.notice
    assert open_library([folder], index=again).rows[0].id == "border-town"


def test_deleting_the_index_loses_nothing(folder: Path, tmp_path: Path) -> None:
    index_file = tmp_path / "index.sqlite3"
    before = open_library([folder], index=LibraryIndex(index_file))
    before.index.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_file}{suffix}").unlink(missing_ok=True)
    after = open_library([folder], index=LibraryIndex(index_file))
    assert after.rows == before.rows
    assert after.index.notice is None


def test_an_index_another_copy_is_writing_is_opened_not_rebuilt(
    folder: Path, tmp_path: Path
) -> None:
    """Opening the index while another copy of story-tui writes it (a refresh) does not wait for
    that copy, nor take its file for a damaged one and delete it under the other copy."""
    index_file = tmp_path / "index.sqlite3"
    writer = open_library([folder], index=LibraryIndex(index_file)).index
    writer.db.execute("INSERT INTO meta VALUES ('writing', 'yes')")  # not committed yet
    reader = LibraryIndex(index_file)
    assert reader.notice is None
    writer.db.commit()
    assert reader.db.execute("SELECT value FROM meta WHERE key = 'writing'").fetchone() == ("yes",)
    assert open_library([folder], index=reader).rows[0].id == "border-town"
