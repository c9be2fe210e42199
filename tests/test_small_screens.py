"""At 60x20: the one pane shown uses the whole width, and the library opens at the top of an entry,
keeps a wrapped line's indent and shows its whole filter placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import Library, open_library
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.screens.library import LibraryScreen
from story_tui.tui.screens.main import MainScreen
from tests.conftest import wait_for

SMALL = (60, 20)
MINI = (Path(__file__).parent / "data" / "mini.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("key,pane", [("1", "sections"), ("3", "people")])
async def test_a_list_pane_uses_the_whole_width(story: Story, key: str, pane: str) -> None:
    app = StoryApp(story, remember=False)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press(key)
        await wait_for(pilot, lambda: screen.active == pane, f"the {pane} pane")
        assert screen.pane(pane).outer_size.width == SMALL[0]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "library"
    folder.mkdir()
    for day in range(10, 30):
        text = MINI.replace("id: mini", f"id: mini-{day}").replace(
            "title: A small test story",
            f"title: Story {day} about the bakery and the long-winded mayor of the city",
        )
        text = text.replace("published: 2024-05-01", f"published: 2024-05-{day}")
        (folder / f"s{day}.yaml").write_text(text, encoding="utf-8")
    return open_library([folder], index=LibraryIndex(tmp_path / "index.sqlite3"))


def lines(screen: LibraryScreen) -> list[str]:
    """The list's lines as the reader sees them (without the border)."""
    pane = screen.list
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


async def test_the_library_opens_at_the_top_of_an_entry_and_keeps_indents(
    library: Library,
) -> None:
    app = StoryApp(library)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*["down"] * 12)
    again = StoryApp(library)
    async with again.run_test(size=SMALL) as pilot:
        screen = again.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.current is not None and screen.current.id == "mini-17"
        await wait_for(pilot, lambda: "Story 17" in lines(screen)[0], "story 17 at the top")
        shown = lines(screen)
        assert shown[0].startswith(" ● Story 17 about the bakery")
        # The title and the details wrap under their own first word, not at the margin.
        assert shown[1].startswith("   mayor of the city")
        assert shown[2].startswith("   2024-05-17 · The Wire Service")
        assert shown[3].startswith("   quotes")
        filter_box = screen.query_one("#library-filter", Input)
        assert len(filter_box.placeholder) <= filter_box.content_size.width
