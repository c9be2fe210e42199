"""The command line explains itself: every command and export format in --help, `help`, typos."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from story_tui.cli.export import format_names
from story_tui.cli.main import COMMANDS, main


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main(list(argv))
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_help_lists_every_command_and_every_export_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = _help(capsys, "--help")
    listed = {line.split()[1] for line in text.splitlines() if line.startswith("  story-tui ")}
    assert listed == {*COMMANDS, "help"}  # rebase and diff were missing
    export_line = next(line for line in text.splitlines() if "story-tui export" in line)
    for name in format_names():  # what `export --format` accepts
        assert name in export_line  # annotations was missing


def test_help_word_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    expected = _help(capsys, "--help")
    assert main(["help"]) == 0
    assert capsys.readouterr().out == expected
    assert main(["help", "draft"]) == 0
    assert capsys.readouterr().out.startswith("usage: story-tui draft")


def test_a_typo_of_a_command_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valdate", "story.yaml"]) == 2
    assert capsys.readouterr().err == (
        "story-tui: error: no such file or command 'valdate' (did you mean 'validate'?)\n"
    )
    assert main(["help", "rebse"]) == 2
    assert "did you mean 'rebase'?" in capsys.readouterr().err


def test_a_file_or_folder_named_like_a_typo_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("valdate").write_text("", encoding="utf-8")
    assert main(["valdate"]) == 1  # opened, and found empty
    assert capsys.readouterr().err.startswith("valdate:1:1: error: the file is empty")
    os.mkdir("serv")
    assert main(["serv"]) == 2  # a folder: the library, with no story in it
    assert "no such file or command" not in capsys.readouterr().err


def test_a_word_far_from_every_command_is_a_missing_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["no-such-story.yaml"]) == 2
    err = capsys.readouterr().err
    assert err == "story-tui: error: cannot read no-such-story.yaml: No such file or directory\n"
