"""What the reader did is never lost: typed memory, merged between copies, private, by text."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path

from story_tui.storage.state import (
    Place,
    State,
    StoryMemory,
    load_state,
    parse_state,
    save_state,
)
from story_tui.story.model import Story
from story_tui.tui.session import find_paragraph, paragraph_digest
from tests.conftest import mini_text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_two_copies_merge_seen_marks_and_keep_the_place_written_last(tmp_path: Path) -> None:
    one, two = load_state(tmp_path), load_state(tmp_path)  # two copies started on one story
    one.remember_story(
        "s",
        StoryMemory("e1", Place("people", "a", 1), seen=frozenset({"q:1"}), written=time.time()),
    )
    two.remember_story(
        "s",
        StoryMemory(
            "e1", Place("article", "b", 2), seen=frozenset({"f:2"}), written=time.time() + 1
        ),
    )
    assert save_state(one, tmp_path) is None
    assert save_state(two, tmp_path) is None
    assert save_state(one, tmp_path) is None  # the first copy saves again, later: nothing lost
    memory = load_state(tmp_path).story("s")
    assert memory is not None
    assert memory.seen == {"q:1", "f:2"}
    assert memory.place == Place("article", "b", 2)  # the one written last
    assert one.story("s") == memory  # the first copy took in what the other remembered


def test_a_newer_file_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 99, "stories": {"s": {"new": "shape"}}}), "utf-8")
    state = load_state(tmp_path)
    assert state.read_only and state.problem is not None and "newer" in state.problem
    state.remember_story("s", StoryMemory("e"))
    assert save_state(state, tmp_path) is None
    assert json.loads(path.read_text("utf-8"))["version"] == 99


def test_a_version_1_file_is_read(tmp_path: Path) -> None:
    state = parse_state({"theme": "nord", "stories": {"s": {"hash": "ab-v3", "seen": []}}}, "f")
    memory = state.story("s")
    assert memory is not None and memory.edition == "ab" and state.theme == "nord"


def test_everything_kept_is_private(tmp_path: Path, story: Story) -> None:
    from story_tui.storage.cache import cache_dir, save_cached
    from story_tui.storage.editions import editions_dir, save_edition
    from story_tui.storage.index import LibraryIndex
    from story_tui.storage.library import open_library
    from tests.library_fixture import write_library

    state_dir = tmp_path / "fresh" / "state"
    assert save_state(State(theme="nord"), state_dir) is None
    save_cached("k-v1", story)
    save_edition(story, "e1")
    index = tmp_path / "fresh" / "index" / "library-index.sqlite3"
    open_library([write_library(tmp_path / "lib")], index=LibraryIndex(index))
    folders = [tmp_path / "fresh", state_dir, cache_dir(), editions_dir(), index.parent]
    files = [
        state_dir / "state.json",
        state_dir / "state.json.lock",
        *cache_dir().glob("*.json"),
        *editions_dir().glob("*.json"),
        *index.parent.iterdir(),
    ]
    assert any(f.name.endswith("-wal") for f in files)
    assert {str(f): _mode(f) for f in folders} == {str(f): 0o700 for f in folders}
    assert {str(f): _mode(f) for f in files} == {str(f): 0o600 for f in files}


def test_the_place_is_found_again_by_its_text() -> None:
    from story_tui.story.loader import parse_story

    story = parse_story(mini_text(), "mini.yaml")
    second = story.sections[0].paragraphs[1]
    place = Place("article", "first", 1, paragraph_digest(second))
    assert find_paragraph(story, place) == ("first", 1)
    added = mini_text().replace(
        '      - "Ana Pérez,', '      - "A paragraph added above."\n      - "Ana Pérez,'
    )
    moved = parse_story(added, "mini.yaml")
    assert find_paragraph(moved, place) == ("first", 2)  # not ("first", 1): one too early
    gone = Place("article", "first", 1, paragraph_digest("words no longer there"))
    assert find_paragraph(moved, gone) == ("first", 1)  # by its index when the text is gone
