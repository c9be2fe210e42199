"""The library, `people` and `search` without a writable cache: an in-memory index, one notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.storage.index import LibraryIndex
from story_tui.storage.library import open_library
from story_tui.tui.app import StoryApp
from tests.conftest import notifications, wait_for
from tests.library_fixture import write_library


@pytest.fixture
def blocked_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory that is a file (as root, a read-only folder would still be written)."""
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("STORY_TUI_CACHE_DIR", str(blocker))
    return blocker


@pytest.mark.parametrize("under", [False, True])
@pytest.mark.parametrize(
    ("command", "shown"),
    [(["people"], "Ana Pérez"), (["search", "crossing"], "border-town/arrival/0")],
)
def test_people_and_search_run_on_a_memory_index(
    command: list[str],
    shown: str,
    *,
    under: bool,
    blocked_cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if under:
        monkeypatch.setenv("STORY_TUI_CACHE_DIR", str(blocked_cache / "stories"))
    folder = write_library(tmp_path / "lib")
    assert main([*command, str(folder)]) == 0
    out, err = capsys.readouterr()
    assert shown in out
    notes = [line for line in err.splitlines() if "in memory" in line]
    assert len(notes) == 1, err
    assert "Traceback" not in err
    assert str(blocked_cache) in notes[0]
    assert blocked_cache.read_text(encoding="utf-8") == "not a folder"


def test_search_with_no_hit_still_exits_1(
    blocked_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "no such words", str(write_library(tmp_path / "lib"))]) == 1
    assert "in memory" in capsys.readouterr().err


async def test_the_library_app_says_so_in_a_notice(
    blocked_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = LibraryIndex()
    assert index.notice is not None and "is not a folder" in index.notice
    library = open_library([write_library(tmp_path / "lib")], index=index)
    assert library.rows[0].id == "border-town"
    app = StoryApp(library)
    notes = notifications(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: any("in memory" in n for n in notes), "the notice")
