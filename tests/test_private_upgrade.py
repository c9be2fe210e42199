"""Files an older story-tui left readable by others are made private when this one opens them.

Before issue 19 the library index (every article's full text and the file paths) was written
0644, and so were its `-wal`/`-shm`; a reader who upgrades must not keep those open to every user.
The umask is 0 here, so nothing private comes from the umask.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from story_tui.cli.main import main
from story_tui.storage.cache import cache_dir, cache_key, edition_key, save_cached
from story_tui.storage.editions import editions_dir, save_edition
from story_tui.storage.index import index_path
from story_tui.storage.state import load_state, save_state, state_dir
from story_tui.story.loader import load_story
from tests.library_fixture import write_library


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path | str) -> str:
    return oct(stat.S_IMODE(os.stat(path).st_mode))


def open_to_all(path: Path) -> None:
    os.chmod(path, 0o644)


def test_an_index_and_its_companions_left_0644_are_tightened(
    tmp_path: Path, open_umask: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_library(tmp_path / "library")
    assert main(["people", str(folder)]) == 0
    path = index_path()
    db = sqlite3.connect(path)  # an older version's reader, with the WAL open
    db.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    db.execute("INSERT INTO scratch VALUES (1)")
    db.commit()
    for suffix in ("", "-wal", "-shm"):
        os.chmod(f"{path}{suffix}", 0o644)
    assert main(["people", str(folder)]) == 0
    db.close()
    capsys.readouterr()
    found = {suffix: mode(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")}
    assert found == {"": "0o600", "-wal": "0o600", "-shm": "0o600"}


def test_state_cache_and_editions_left_0644_are_tightened(tmp_path: Path, open_umask: None) -> None:
    folder = write_library(tmp_path / "library")
    story_file = next(p for p in sorted(folder.glob("*.yaml")) if "broken" not in p.name)
    data = story_file.read_bytes()
    story = load_story(str(story_file))
    edition = edition_key(data)
    for where in (state_dir(), cache_dir(), editions_dir()):
        where.mkdir(parents=True, exist_ok=True)
    (state_dir() / "state.json").write_text(json.dumps({"theme": "nord"}))
    (cache_dir() / f"{cache_key(edition)}.json").write_text("{}")
    (editions_dir() / f"{story.id}-{edition}.json").write_text("{}")
    kept = [
        state_dir() / "state.json",
        cache_dir() / f"{cache_key(edition)}.json",
        editions_dir() / f"{story.id}-{edition}.json",
    ]
    for path in kept:
        open_to_all(path)
    assert save_state(load_state()) is None
    save_cached(cache_key(edition), story)
    save_edition(story, edition)
    assert {str(p): mode(p) for p in kept} == {str(p): "0o600" for p in kept}


def test_the_threads_copies_of_stories_are_private(
    tmp_path: Path, open_umask: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_library(tmp_path / "library")
    assert main(["threads", str(folder)]) == 0
    capsys.readouterr()
    threads = cache_dir() / "threads"
    paths = [threads, *threads.rglob("*")]
    assert len(paths) > 2
    wide = {
        str(p): mode(p)
        for p in paths
        if stat.S_IMODE(p.stat().st_mode) != (0o700 if p.is_dir() else 0o600)
    }
    assert wide == {}
