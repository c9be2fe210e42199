"""`story-tui validate` with warnings: file:line:col: warning, exit 0; --strict exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from story_tui.cli.main import main

AMBIGUOUS = """\
format: 1
id: s
title: S
sections:
  - id: one
    title: One
    paragraphs:
      - "In 2010 there were 10 schools; by 2020, 10 more."
figures:
  - id: f
    label: F
    text: "10"
"""
WARNING = (
    ":12:11: warning: text found at 2 places in the article; anchored at the first "
    "(section 'one', paragraph 0); to keep this place and silence the warning, add "
    'prefix: "were " [figures[0].text]'
)


def test_warning_is_printed_and_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{path}{WARNING}",
        f"{path}: valid (1 section, 1 paragraph, 0 people, 0 quotes, 1 figure, 0 events; "
        "1 warning)",
    ]
    assert err == ""


def test_strict_makes_warnings_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{path}{WARNING}"]
    assert err == f"{path}: 1 warning (--strict)\n"


def test_pasting_the_suggestion_silences_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(AMBIGUOUS + '    prefix: "were "\n', encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 0
    assert "warning" not in capsys.readouterr().out


def test_an_invalid_file_prints_its_warnings_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(AMBIGUOUS.replace("title: S\n", "title: 7\n"), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{path}:3:8: error: expected text, got integer 7 (put it in quotes) [title]",
        f"{path}{WARNING}",
    ]
    assert err == f"{path}: 1 error, 1 warning\n"


def test_bundled_story_is_strictly_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict"]) == 0
    assert "warning" not in capsys.readouterr().out
