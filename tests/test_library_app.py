"""The library screen as a reader uses it (Pilot): listing, filtering, opening and coming back,
people across stories, search hits and jumps, and what is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import Library, open_library
from story_tui.storage.state import load_state
from story_tui.story.model import Location
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.library import LibraryScreen
from story_tui.tui.screens.library_people import PeopleScreen, PersonQuotesScreen
from story_tui.tui.screens.library_search import SearchScreen
from story_tui.tui.screens.main import MainScreen
from story_tui.tui.widgets.library_list import StoryOption
from tests.conftest import wait_for
from tests.library_fixture import write_library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return open_library([write_library(tmp_path)], index=LibraryIndex(tmp_path / "index.sqlite3"))


def _top(app: StoryApp) -> object:
    return app.screen


def _titles(screen: LibraryScreen) -> list[str]:
    pane = screen.list
    options = [pane.get_option_at_index(i) for i in range(pane.option_count)]
    return [o.row.title or o.row.path for o in options if isinstance(o, StoryOption)]


async def test_lists_newest_first_with_the_invalid_file_and_filters(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        titles = _titles(screen)
        assert titles[:3] == [
            "Waiting at the border town",
            "Bread prices climb again",
            "Notes from the river",
        ]
        assert titles[3].endswith("broken.yaml")
        statuses = [screen.status(row) for row in library.rows]
        assert statuses == ["unread", "unread", "unread", "invalid"]
        await pilot.press(*"brd prces")  # fuzzy, and "Bread prices" has no accent to match
        assert _titles(screen) == ["Bread prices climb again"]
        await pilot.press("escape")
        await pilot.press(*"perez")  # accents ignored: Ana Pérez is in the border story's text?
        assert _titles(screen) == []  # the filter looks at titles, sources and paths, not text
        await pilot.press("escape", *"River")  # smart case, as find: a capital matches case
        assert _titles(screen) == []
        await pilot.press("escape", *"nts rivr")  # (a and r are keys on an empty filter)
        assert _titles(screen) == ["Notes from the river"]


async def test_open_a_story_and_come_back_where_the_reader_was(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down")  # the bakery story
        library_screen = app.screen
        assert isinstance(library_screen, LibraryScreen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story to open")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.story.id == "bakery-prices"
        await pilot.press("backspace")
        await wait_for(pilot, lambda: _top(app) is library_screen, "the library again")
        assert library_screen.current is not None
        assert library_screen.current.id == "bakery-prices"
        assert library_screen.status(library_screen.current) == "read"


async def test_people_across_stories_lead_to_each_quote(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("tab")
        people = app.screen
        assert isinstance(people, PeopleScreen)
        assert people.people[0].name == "Ana Pérez"
        await pilot.press("enter")
        quotes = app.screen
        assert isinstance(quotes, PersonQuotesScreen)
        assert quotes.list.option_count == 2  # one in each story, the newest first
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story to open")
        browser = app.screen
        assert isinstance(browser, MainScreen)
        assert browser.story.id == "bakery-prices"
        quote = browser.story.quote("ana#0")
        assert quote is not None
        await wait_for(pilot, lambda: browser.article.highlight == quote.location, "the quote")
        await pilot.press("backspace")  # one key back to the list of quotes
        await wait_for(pilot, lambda: _top(app) is quotes, "the quotes again")
        assert quotes.list.highlighted == 1


async def test_search_hits_grouped_by_story_and_the_jump(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"crossing")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await wait_for(pilot, lambda: len(search.hits) == 2, "the search's hits")
        assert [h.story.id for h in search.hits] == ["border-town", "bakery-prices"]
        assert search.list.option_count == 4  # a heading and a hit per story
        await pilot.press("down", "enter")  # the second story's hit
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, MainScreen)
        assert browser.story.id == "bakery-prices"
        expected = search.hits[1].location
        await wait_for(pilot, lambda: browser.article.highlight == expected, "the hit")
        assert isinstance(expected, Location)
        paragraph = browser.story.paragraph(expected)
        assert paragraph[expected.start : expected.end] == "crossing"
        await pilot.press("backspace")
        await wait_for(pilot, lambda: _top(app) is search, "the search again")


async def test_the_library_remembers_its_place(library: Library) -> None:
    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "down")
    assert load_state().libraries[library.key].story == library.rows[2].path
    again = StoryApp(library)
    async with again.run_test(size=(120, 36)):
        screen = again.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.current == library.rows[2]


async def test_a_first_run_paints_then_fills_in_the_list(tmp_path: Path) -> None:
    from story_tui.storage.library import LibraryFiles

    files = LibraryFiles([write_library(tmp_path)], LibraryIndex(tmp_path / "index.sqlite3"))
    assert files.stale() == 4
    app = StoryApp(files)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: app.library is not None, "the index to be complete")
        assert app.library is not None
        assert _titles(screen)[0] == "Waiting at the border town"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert files.stale() == 0


async def test_a_first_run_with_nothing_to_open_exits_2(tmp_path: Path) -> None:
    from story_tui.storage.library import LibraryFiles

    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "one.yaml").write_text("format: 2\n", encoding="utf-8")
    files = LibraryFiles([folder], LibraryIndex(tmp_path / "index.sqlite3"))
    app = StoryApp(files)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.return_code is not None, "the app to exit")
    assert app.return_code == 2


async def test_the_palette_reaches_every_story_person_quote_and_figure(library: Library) -> None:
    from story_tui.tui.library_commands import LibraryCommands

    app = StoryApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        provider = LibraryCommands(app.screen)
        await provider.startup()
        titles = [hit.text async for hit in provider.discover()]
        assert "story: Notes from the river" in titles
        assert "person: Tom Lee (also Thomas Lee)" in titles
        assert "quote: Tom Lee: the ferry would run again by June" in titles
        assert "figure: Rise in the price of bread — 20 percent" in titles
        hits = [hit async for hit in provider.search("figure rise bread")]
        assert hits and hits[0].text == "figure: Rise in the price of bread — 20 percent"
        hits[0].command()
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story to open")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.story.id == "bakery-prices"
        figure = screen.story.figure("bread")
        assert figure is not None
        await wait_for(pilot, lambda: screen.article.highlight == figure.location, "the figure")


async def test_a_story_listed_after_a_refresh_is_in_the_palette(
    library: Library, tmp_path: Path
) -> None:
    # Adding or refreshing in the app lists the library again (`LibraryScreen.set_library`);
    # the palette (and the threads) read the library the screen lists, not the one it started on.
    from story_tui.storage.library import LibraryFiles
    from story_tui.tui.library_commands import LibraryCommands
    from tests.conftest import MINI

    app = StoryApp(library)
    async with app.run_test(size=(120, 36)):
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        folder = tmp_path / "library"
        (folder / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
        screen.set_library(LibraryFiles([folder], library.index).open())
        assert "A small test story" in _titles(screen)
        provider = LibraryCommands(app.screen)
        await provider.startup()
        titles = [hit.text async for hit in provider.discover()]
        assert "story: A small test story" in titles
