"""`a` (add an address) and `r` (refresh) on the library screen, against a loopback server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from story_tui.storage.library import open_library
from story_tui.tui.app import StoryApp
from story_tui.tui.library_news import AddressPrompt
from story_tui.tui.screens.library import LibraryScreen
from story_tui.tui.widgets.library_list import StoryOption
from tests.conftest import MINI, notifications, wait_for
from tests.news_server import Route, Server, article_page, rss, serve

DATE = "Mon, 30 Nov 2026 08:00:00 GMT"


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def _rows(screen: LibraryScreen) -> dict[str, str]:
    """Title -> the status its row shows."""
    found = {}
    for index in range(screen.list.option_count):
        option = screen.list.get_option_at_index(index)
        if isinstance(option, StoryOption):
            found[option.row.title or option.row.path] = str(option.prompt).split("\n")[1]
    return found


async def test_a_adds_an_address_and_r_refreshes_in_the_background(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    server.routes["/one"] = Route(article_page(title="Storm floods Riverton"))
    server.routes["/two"] = Route(article_page(title="Council opens shelters"))
    server.routes["/rss"] = Route(
        rss("Herald", [("Shelters", server.url("/two"), DATE)]), "application/rss+xml"
    )
    (folder / "feeds.opml").write_text(
        '<opml version="2.0"><body>'
        f'<outline text="Herald" xmlUrl="{server.url("/rss")}"/>'
        f'<outline text="Gone Gazette" xmlUrl="{server.url("/gone")}"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    app = StoryApp(open_library([folder]))
    notes = notifications(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddressPrompt), "the address prompt")
        app.screen.query_one(Input).value = server.url("/one")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: "Storm floods Riverton" in _rows(screen), "the added story listed"
        )
        assert "new: just added" in _rows(screen)["Storm floods Riverton"]
        await wait_for(pilot, lambda: screen.news is not None and not screen.news.running, "done")

        await pilot.press("r")
        await wait_for(
            pilot, lambda: "Council opens shelters" in _rows(screen), "the feed's story listed"
        )
        await wait_for(pilot, lambda: not screen.news or not screen.news.running, "refresh done")
        assert "new: just added" in _rows(screen)["Council opens shelters"]
        assert any("Gone Gazette: HTTP 404" in note for note in notes), notes
        assert any(
            "1 new, 0 updated, 1 unchanged stories; 0 feeds unchanged, 1 failed" in note
            for note in notes
        ), notes
        assert app.screen is screen  # a failure is a notice, never a stop


async def test_a_and_r_type_into_the_filter_once_the_reader_is_typing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    app = StoryApp(open_library([folder]))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b", "a", "r")
        assert app.screen.query_one("#library-filter", Input).value == "bar"
        assert not isinstance(app.screen, AddressPrompt)
