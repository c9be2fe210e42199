"""The cache of resolved stories: an entry loads back, and a tampered one is never trusted.

The round trip itself is tested in test_serialize.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import story_tui.cli.browse
import story_tui.tui.app
from story_tui.cli.main import main
from story_tui.storage.cache import cache_key, edition_key, load_cached, save_cached
from story_tui.storage.opening import OpenedStory
from story_tui.story.model import Story
from story_tui.tui.options import AppOptions
from tests.conftest import MINI


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORY_TUI_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_saved_story_loads_back(story: Story) -> None:
    key = cache_key(edition_key(b"some bytes"))
    assert load_cached(key) is None
    save_cached(key, story)
    assert load_cached(key) == story


@pytest.mark.parametrize(
    "tamper",
    ["quote", "control", "bidi-literal", "c1-literal", "cr-escape", "mention", "garbage", "shape"],
)
def test_tampered_entries_are_ignored(story: Story, _cache_dir: Path, tamper: str) -> None:
    key = cache_key(edition_key(b"x"))
    save_cached(key, story)
    path = _cache_dir / f"{key}.json"
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    if tamper == "quote":
        data["people"][0]["quotes"][0]["text"] = "Words nobody said in the article"
    elif tamper == "control":
        data["title"] = "Title \x1b]52;c;aGk=\x07"
    elif tamper == "bidi-literal":  # written as itself, not as an escape
        data["sections"][0]["paragraphs"][0] += "\u202e"
    elif tamper == "c1-literal":
        data["people"][0]["name"] += "\x9b"
    elif tamper == "cr-escape":  # JSON's short escape \r
        data["sources"][0]["name"] += "\r"
    elif tamper == "mention":
        data["people"][0]["mentions"][0]["start"] += 1
    elif tamper == "shape":
        del data["sections"]
    text = "{not json" if tamper == "garbage" else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    assert load_cached(key) is None


def test_the_browser_uses_the_cache_from_the_second_start(
    monkeypatch: pytest.MonkeyPatch, _cache_dir: Path
) -> None:
    calls: list[tuple[bool, str]] = []

    def fake_run(first: OpenedStory, options: AppOptions, start: object) -> int:
        calls.append((first.cache_pending, first.story.title))
        first.write_cache()  # what the reading session does after the first frame
        return 0

    monkeypatch.setattr(story_tui.tui.app, "run_app", fake_run)
    monkeypatch.setattr(story_tui.cli.browse, "has_terminal", lambda: True)
    assert main([str(MINI)]) == 0
    assert main([str(MINI)]) == 0
    assert main([str(MINI), "--no-cache"]) == 0
    assert calls == [
        (True, "A small test story"),
        (False, "A small test story"),
        (False, "A small test story"),
    ]
    assert len(list(_cache_dir.glob("*.json"))) == 1
