"""The model, loader, exporters and command line never import Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

NON_UI_MODULES = [
    "story_tui.model",
    "story_tui.loader",
    "story_tui.spec",
    "story_tui.yamltree",
    "story_tui.anchoring",
    "story_tui.export",
    "story_tui.diagnostics",
    "story_tui.cli",
]


def test_non_ui_modules_do_not_load_textual_or_rich() -> None:
    code = (
        "import sys\n"
        f"for name in {NON_UI_MODULES!r}:\n"
        "    __import__(name)\n"
        "from story_tui.loader import load_story\n"
        "from story_tui.resources import bundled_story\n"
        "from story_tui.export import to_json, to_markdown\n"
        "s = load_story(bundled_story()); to_json(s); to_markdown(s)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
