"""Every module outside tui/ and web/ imports no Textual or Rich; the browser starts lean."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

UI_PACKAGES = ("story_tui.tui", "story_tui.web")
"""Every other module of the package is UI-free (the import-linter contracts say the same)."""


def non_ui_modules() -> list[str]:
    """Every module of story_tui outside the UI packages, found by walking the package."""
    import story_tui

    names = [
        info.name
        for info in pkgutil.walk_packages(story_tui.__path__, prefix="story_tui.")
        if not info.name.startswith(UI_PACKAGES)
    ]
    return sorted(names)


def test_the_walk_finds_every_layer() -> None:
    found = non_ui_modules()
    for expected in (
        "story_tui.story.model",
        "story_tui.story.serialize",
        "story_tui.outputs.markdown",
        "story_tui.draft.core",
        "story_tui.storage.cache",
        "story_tui.cli.main",
    ):
        assert expected in found
    assert not [name for name in found if name.startswith(UI_PACKAGES)]


def test_non_ui_modules_do_not_load_textual_or_rich() -> None:
    code = (
        "import sys\n"
        f"for name in {non_ui_modules()!r}:\n"
        "    __import__(name)\n"
        "from story_tui.story.loader import load_story\n"
        "from story_tui.story.bundled import bundled_story\n"
        "from story_tui.story.serialize import to_json\n"
        "from story_tui.outputs.markdown import to_markdown\n"
        "s = load_story(bundled_story()); to_json(s); to_markdown(s)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


# Imported on first use, not at start-up (each costs start-up time; docs/performance.md).
ON_DEMAND = [
    "yaml",  # the cache usually spares the parse
    "story_tui.tui.screens.help",
    "story_tui.tui.screens.person",
    "story_tui.tui.screens.paragraph",
    "story_tui.tui.widgets.findbar",
    "story_tui.story.find",
    "story_tui.story.attribution",
    "story_tui.tui.palette",
    "sqlite3",  # the library: only when the app starts on one
    "story_tui.storage.library",
    "story_tui.tui.library_host",
    "story_tui.tui.screens.library",
]


def test_the_browser_starts_without_what_it_loads_on_demand() -> None:
    code = (
        "import asyncio\n"
        "from story_tui.tui.app import StoryApp\n"
        "async def main():\n"
        "    app = StoryApp(STORY, remember=False)\n"
        "    async with app.run_test(size=(120, 36)) as pilot:\n"
        "        await pilot.pause()\n"
        "        loaded = sorted(m for m in ON_DEMAND if m in sys.modules)\n"
        "        print(','.join(loaded))\n"
    )
    # The story comes from JSON, as from the cache, so the loader (and PyYAML) stay unloaded.
    setup = (
        f"ON_DEMAND = {ON_DEMAND!r}\n"
        "import json, sys\n"
        "from story_tui.story.serialize import story_from_dict\n"
        "STORY = story_from_dict(json.loads(sys.stdin.read()))\n"
    )
    from story_tui.story.bundled import bundled_story
    from story_tui.story.loader import load_story
    from story_tui.story.serialize import to_json

    story_json = to_json(load_story(bundled_story()))
    result = subprocess.run(
        [sys.executable, "-c", setup + code + "asyncio.run(main())\n"],
        input=story_json,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == ""


# What refresh and follow need: fetching (http, email, cookies) and the feeds file (xml).
NEWS_ON_DEMAND = [
    "story_tui.news.memory",
    "story_tui.news.fetch",
    "story_tui.news.opml",
    "http.client",
    "http.cookiejar",
    "email.message",
    "xml.etree.ElementTree",
]


def test_story_tui_with_no_path_asks_the_default_library_without_the_news_modules(
    tmp_path: Path,
) -> None:
    """`story-tui` with no PATH asks whether the default library is used before its first
    paint; that question loads none of fetching or the feeds file."""
    library = tmp_path / "library"
    library.mkdir()
    (library / "feeds.opml").write_text("<opml/>", encoding="utf-8")  # followed: used
    code = (
        f"NEWS_ON_DEMAND = {NEWS_ON_DEMAND!r}\n"
        "import sys\n"
        "from story_tui.cli.browse import default_library_if_used\n"
        "print(len(default_library_if_used()))\n"
        "import story_tui.tui.app\n"
        "print(','.join(sorted(m for m in NEWS_ON_DEMAND if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "STORY_TUI_DATA_DIR": str(tmp_path)},
    )
    assert result.stdout.split("\n")[:2] == ["1", ""]
