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
