"""The responsive layout is a pure function of the terminal size: tested without Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

from story_tui.tui.panes import LIST_PANES, PANES
from story_tui.tui.responsive import TALL_ENOUGH_FOR_STANDFIRST, layout_mode, visible_parts


@pytest.mark.parametrize(
    ("width", "height", "mode"),
    [
        (39, 24, "tiny"),
        (80, 11, "tiny"),
        (40, 12, "narrow"),
        (69, 30, "narrow"),
        (70, 24, "medium"),
        (109, 24, "medium"),
        (110, 24, "wide"),
        (200, 60, "wide"),
    ],
)
def test_layout_mode(width: int, height: int, mode: str) -> None:
    assert layout_mode(width, height) == mode


def parts(mode: str, active: str, **kw: object) -> dict[str, bool]:
    options: dict[str, object] = {
        "height": 36,
        "has_standfirst": True,
        "standfirst_wanted": None,
        "has_chart": True,
    }
    options.update(kw)
    return visible_parts(mode, active, **options).shown  # type: ignore[arg-type]


@pytest.mark.parametrize("active", PANES)
def test_the_active_pane_is_always_shown(active: str) -> None:
    for mode in ("narrow", "medium", "wide"):
        shown = parts(mode, active)
        assert shown[active]
        assert shown["body"] and not shown["too-small"]


def test_narrow_shows_one_pane_and_its_column() -> None:
    shown = parts("narrow", "people")
    assert [p for p in LIST_PANES if shown[p]] == ["people"]
    assert (shown["left"], shown["article"], shown["right"]) == (True, False, False)
    assert not shown["chart"]
    assert parts("narrow", "figures")["chart"]
    assert not parts("narrow", "figures", height=20)["chart"]
    assert not parts("narrow", "figures", has_chart=False)["chart"]


def test_medium_folds_the_sidebar_until_it_is_active() -> None:
    assert not parts("medium", "article")["right"]
    assert parts("medium", "timeline")["right"]
    assert parts("wide", "article")["right"]


def test_tiny_shows_only_the_notice() -> None:
    shown = parts("tiny", "article")
    assert shown["too-small"] and not shown["body"] and not shown["standfirst"]


def test_standfirst_by_height_unless_the_reader_chose() -> None:
    tall, short = TALL_ENOUGH_FOR_STANDFIRST, TALL_ENOUGH_FOR_STANDFIRST - 1
    assert parts("wide", "article", height=tall)["standfirst"]
    assert not parts("wide", "article", height=short)["standfirst"]
    assert parts("wide", "article", height=short, standfirst_wanted=True)["standfirst"]
    assert not parts("wide", "article", height=tall, standfirst_wanted=False)["standfirst"]
    assert not parts("wide", "article", has_standfirst=False)["standfirst"]


def test_the_layout_module_imports_no_ui() -> None:
    # Import it in a fresh interpreter where importing Textual or Rich fails.
    code = (
        "import sys; sys.modules['textual'] = None; sys.modules['rich'] = None; "
        "import story_tui.tui.responsive, story_tui.tui.panes"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
