"""Two files of one story (an edition and its update, or a copy) in a library: two entries, each
named by its path, and the people counts of `people`, the People tab and the list agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import Library, open_library, people_across
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.library import LibraryScreen
from story_tui.tui.screens.library_people import PeopleScreen, PersonQuotesScreen
from story_tui.tui.widgets.library_list import StoryOption
from tests.conftest import wait_for
from tests.library_fixture import BORDER, write_library


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # paths are shown relative to the current folder
    folder = write_library(tmp_path)
    updated = BORDER.replace("at the crossing.", "at the crossing on Friday.")
    (folder / "2025" / "border-update.yaml").write_text(updated, encoding="utf-8")
    return folder


@pytest.fixture
def library(folder: Path, tmp_path: Path) -> Library:
    return open_library([folder], index=LibraryIndex(tmp_path / "index.sqlite3"))


def test_two_files_with_one_story_id_are_two_entries_named_by_path(library: Library) -> None:
    borders = [row for row in library.stories if row.id == "border-town"]
    assert len(borders) == 2
    assert {library.title_of(row) for row in borders} == {
        "Waiting at the border town (library/2025/border.yaml)",
        "Waiting at the border town (library/2025/border-update.yaml)",
    }
    bakery = next(row for row in library.stories if row.id == "bakery-prices")
    assert library.title_of(bakery) == "Bread prices climb again"
    ana = next(p for p in people_across(library) if p.name == "Ana Pérez")
    assert [row.id for row in ana.stories] == ["border-town", "border-town", "bakery-prices"]
    assert ana.quotes == 3


def test_people_counts_every_entry_and_names_the_paths(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["people", str(folder.relative_to(folder.parent))]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Ana Pérez: 3 quotes in 3 stories (border-town (library/2025/border")
    assert first.count("border-town (library/2025/border") == 2
    assert first.endswith(", bakery-prices)")


async def test_the_list_and_the_people_tab_agree(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        pane = screen.list
        prompts = [
            str(option.prompt).split("\n", 1)[0]
            for option in (pane.get_option_at_index(i) for i in range(pane.option_count))
            if isinstance(option, StoryOption) and option.row.id == "border-town"
        ]
        assert sorted(prompts) == [
            "● Waiting at the border town · library/2025/border-update.yaml",
            "● Waiting at the border town · library/2025/border.yaml",
        ]
        await pilot.press("tab")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen), "the People tab")
        people = app.screen
        assert isinstance(people, PeopleScreen)
        first = people.list.get_option_at_index(0)
        assert "3 quotes in 3 stories: Waiting at the border town (library/2025/" in str(
            first.prompt
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonQuotesScreen), "her quotes")
        quotes = app.screen
        assert isinstance(quotes, PersonQuotesScreen)
        assert quotes.list.option_count == 3
