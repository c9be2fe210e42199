"""A guessed speaker is marked as a guess in the library too: People across the library, a
person's quotes, the palette and `story-tui people` say `?` and how many are unconfirmed, as the
story's People pane does; an index written before it knew (schema 2) is rebuilt."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Static

from story_tui.cli.main import main
from story_tui.storage.index import APPLICATION_ID, LibraryIndex
from story_tui.storage.library import Library, open_library, people_across
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.library_people import PeopleScreen, PersonQuotesScreen
from story_tui.tui.widgets.library_list import PersonAcrossOption, QuoteAcrossOption
from tests.conftest import wait_for
from tests.test_guesses import GUESSED

CONFIRMED = """\
format: 1
id: confirmed
title: Confirmed
sections:
  - id: one
    title: One
    paragraphs:
      - "Tom Lee said “all is well” today."
people:
  - id: tom
    name: Tom Lee
    quotes:
      - text: "all is well"
        kind: direct
"""


def _write(folder: Path) -> Path:
    folder.mkdir()
    (folder / "guessed.yaml").write_text(GUESSED, encoding="utf-8")
    (folder / "confirmed.yaml").write_text(CONFIRMED, encoding="utf-8")
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = _write(tmp_path / "library")
    return open_library([folder], index=LibraryIndex(tmp_path / "index.sqlite3"))


def test_a_person_across_the_library_counts_their_guesses(library: Library) -> None:
    ana, tom = sorted(people_across(library), key=lambda p: p.name)
    # As the story's People pane (formatting.person_guesses): Ana's own check and one quote's.
    assert (ana.name, ana.quotes, ana.unconfirmed) == ("Ana", 2, 2)
    assert (tom.name, tom.quotes, tom.unconfirmed) == ("Tom Lee", 1, 0)


async def test_people_and_quotes_screens_mark_the_guesses(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("tab")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen), "People")
        people = app.screen
        assert isinstance(people, PeopleScreen)
        prompts = {
            option.person.name: str(option.prompt)
            for option in people.list.options
            if isinstance(option, PersonAcrossOption)
        }
        assert prompts["Ana"].startswith("Ana ?\n")
        assert "2 quotes in 1 story · 2 unconfirmed: Guessed" in prompts["Ana"]
        assert prompts["Tom Lee"].startswith("Tom Lee\n")
        assert "unconfirmed" not in prompts["Tom Lee"]
        people.list.highlighted = next(
            i
            for i, option in enumerate(people.list.options)
            if isinstance(option, PersonAcrossOption) and option.person.name == "Ana"
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonQuotesScreen), "quotes")
        screen = app.screen
        assert isinstance(screen, PersonQuotesScreen)
        title = str(screen.query_one(Static).render())
        assert title == "Ana ? · 2 quotes in 1 story · 2 unconfirmed"
        quotes = [
            str(option.prompt)
            for option in screen.list.options
            if isinstance(option, QuoteAcrossOption)
        ]
        assert len(quotes) == 2
        [guessed] = [q for q in quotes if "Bye," in q]
        assert "? unconfirmed: speaker guessed from 'he'" in guessed
        [sure] = [q for q in quotes if "hello there" in q]
        assert "unconfirmed" not in sure


def test_story_tui_people_says_unconfirmed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _write(tmp_path / "library")
    assert main(["people", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Ana ?: 2 quotes in 1 story · 2 unconfirmed (guessed)" in lines
    assert "Tom Lee: 1 quote in 1 story (confirmed)" in lines
    assert main(["people", "--format", "json", str(folder)]) == 0
    people = {p["name"]: p for p in json.loads(capsys.readouterr().out)["people"]}
    assert (people["Ana"]["quotes"], people["Ana"]["unconfirmed"]) == (2, 2)
    assert people["Tom Lee"]["unconfirmed"] == 0


OLD_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, digest TEXT);
CREATE TABLE people (
    digest TEXT, person TEXT, position INTEGER, name TEXT, kind TEXT, same_as TEXT, role TEXT,
    quotes INTEGER
);
"""
"""The part of a schema-2 index (before the unconfirmed counts) that the change touches."""


def test_an_index_from_before_the_counts_is_rebuilt(tmp_path: Path) -> None:
    folder = _write(tmp_path / "library")
    path = tmp_path / "index.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(OLD_TABLES)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.execute("INSERT INTO meta VALUES ('schema', '2')")
    old.commit()
    old.close()
    index = LibraryIndex(path)
    assert index.notice is not None and "older version" in index.notice
    library = open_library([folder], index=index)
    ana = next(p for p in people_across(library) if p.name == "Ana")
    assert ana.unconfirmed == 2
    index.close()
    again = LibraryIndex(path)  # now at the current schema: kept as it is
    assert again.notice is None
    again.close()
