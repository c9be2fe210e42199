"""One table of export formats (outputs/formats.py), read by `story-tui export` and the palette."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from story_tui.cli.export import build_parser
from story_tui.cli.main import main
from story_tui.outputs.formats import FORMAT_NAMES, FORMATS, export_format, text_formats
from story_tui.story.model import Story
from story_tui.tui.app import StoryApp
from story_tui.tui.palette import story_commands
from story_tui.tui.screens.main import MainScreen
from tests.conftest import DATA

MINI = DATA / "mini.yaml"


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORY_TUI_STATE_DIR", str(tmp_path / "state"))


def test_the_command_line_takes_exactly_the_formats_of_the_table() -> None:
    action = next(a for a in build_parser()._actions if "--format" in a.option_strings)
    assert isinstance(action, argparse.Action)
    assert tuple(action.choices or ()) == FORMAT_NAMES
    assert action.default == FORMATS[0].name
    for fmt in FORMATS:
        assert fmt.description in (action.help or "")


@pytest.mark.parametrize("fmt", [f.name for f in text_formats()])
def test_the_command_line_writes_what_the_table_writes(
    fmt: str, tmp_path: Path, story: Story
) -> None:
    from story_tui.story.loader import load_story

    out = tmp_path / f"out.{export_format(fmt).suffix}"
    assert main(["export", str(MINI), "--format", fmt, "-o", str(out)]) == 0
    write = export_format(fmt).write
    assert write is not None
    assert out.read_text(encoding="utf-8") == write(load_story(MINI))


def test_an_unknown_format_is_no_format() -> None:
    with pytest.raises(KeyError):
        export_format("pdf")
    assert export_format("svg").write is None  # drawn by the app, so not in the palette


async def test_the_palette_offers_and_writes_every_text_format(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = StoryApp(story, remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        exports = [c for c in story_commands(screen) if c.title.startswith("export: ")]
        assert [c.title for c in exports] == [
            f"export: {f.name} to {story.id}.{f.suffix}" for f in text_formats()
        ]
        for command in exports:
            command.callback()
        await pilot.pause()
    for fmt in text_formats():
        assert fmt.write is not None
        written = (tmp_path / f"{story.id}.{fmt.suffix}").read_text(encoding="utf-8")
        assert written == fmt.write(story)
