"""One of each (issue 19, item 6): what the code does in one place is written in one place.

Each test names the one place and fails when a second copy appears beside it.
"""

from __future__ import annotations

import re
from pathlib import Path

import story_tui

PACKAGE = Path(story_tui.__file__).parent


def modules_saying(pattern: str) -> list[str]:
    """The package's modules (paths under story_tui/) whose source matches `pattern`."""
    regex = re.compile(pattern)
    return sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if regex.search(path.read_text(encoding="utf-8"))
    )


def test_copy_with_attribution_is_written_once() -> None:
    # `y` on the main screen and on the person card both go through tui/clipboard.py.
    assert modules_saying(r"copy_to_clipboard\(") == ["tui/clipboard.py"]
    assert modules_saying(r"\battribution\(") == ["story/attribution.py", "tui/clipboard.py"]


def test_the_export_formats_are_listed_once() -> None:
    # The command line and the palette read outputs/formats.py; neither lists formats itself.
    assert modules_saying(r"\bto_markdown\(") == ["outputs/formats.py", "outputs/markdown.py"]
    assert modules_saying(r"\bto_html\(") == ["outputs/formats.py", "outputs/html.py"]


LIST_PANES = (
    "tui/widgets/sections.py",
    "tui/widgets/people.py",
    "tui/widgets/figures.py",
    "tui/widgets/timeline.py",
)


def test_the_list_panes_share_one_option_one_message_one_handler() -> None:
    # Each pane had its own Option subclass, its own "chosen" message and its own handler; now
    # tui/widgets/lists.py has ItemOption (carrying item and target), ItemChosen and the handler.
    for module in LIST_PANES:
        source = (PACKAGE / module).read_text(encoding="utf-8")
        assert not re.search(r"class \w+\((PaneOption|ItemOption|Option)\)", source), module
        assert "TargetChosen" not in source, module
        assert "OptionSelected" not in source, module
    assert modules_saying(r"class ItemOption\(") == ["tui/widgets/lists.py"]


def test_the_kind_key_format_is_written_once() -> None:
    # `quote:rivas#0`: seen marks and What changed's `new` marks, written and read in model.py.
    pattern = r'partition\(":"\)|f"\{kind\}:\{|f"(person|figure|event|quote|section):\{'
    assert modules_saying(pattern) == ["story/model.py"]


def test_the_kind_key_format_reads_back_what_it_writes() -> None:
    from story_tui.story.model import target_from_key, target_key

    for target in [("quote", "rivas#0"), ("event", "t[3]"), ("section", "a:b")]:
        assert target_from_key(target_key(target)) == target
    assert target_from_key("no-kind") is None
    assert target_from_key(":key") is None


async def test_each_list_option_carries_its_target() -> None:
    from story_tui.story.bundled import bundled_story
    from story_tui.story.loader import load_story
    from story_tui.tui.app import StoryApp
    from story_tui.tui.screens.main import MainScreen
    from story_tui.tui.widgets.lists import ItemOption

    story = load_story(bundled_story())
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        targets = {}
        for pane_id in ("sections", "people", "figures", "timeline"):
            options = screen.list_pane(pane_id).options
            targets[pane_id] = [o.target for o in options if isinstance(o, ItemOption)]
    assert targets["sections"] == [("section", s.id) for s in story.sections]
    assert targets["people"] == [("person", p.id) for p in story.people]
    assert targets["figures"] == [("figure", f.id) for f in story.figures]
    assert targets["timeline"] == [("event", e.key) for e in story.timeline_sorted()]
