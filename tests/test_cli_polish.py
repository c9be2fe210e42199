"""The command line as a new user meets it: no hang without a terminal, `-` for stdin, honest
help, exported files with ordinary permissions (issue 16)."""

from __future__ import annotations

import os
import pty
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from story_tui.cli.main import main
from tests.conftest import MINI

ROOT = Path(__file__).resolve().parent.parent


def _story_tui(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "story_tui", *args],
        check=False,
        text=True,
        timeout=60,  # the browser without a terminal used to spin here for ever
        **kwargs,
    )


@pytest.fixture
def terminal() -> Iterator[int]:
    """The other end of a pseudo-terminal, to give the command a real terminal on one stream."""
    primary, secondary = pty.openpty()
    yield secondary
    os.close(primary)
    os.close(secondary)


def _refused(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("story-tui: error: the browser needs a terminal")
    assert "story-tui read" in result.stderr


def test_the_browser_refuses_at_once_without_a_terminal() -> None:
    result = _story_tui(stdin=subprocess.DEVNULL, capture_output=True)
    _refused(result)
    assert result.stdout == ""


def test_the_browser_refuses_when_only_stdout_is_redirected(terminal: int, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        result = _story_tui(str(MINI), stdin=terminal, stdout=handle, stderr=subprocess.PIPE)
    _refused(result)
    assert out.read_text() == ""


def test_the_browser_refuses_when_only_stdin_is_redirected(terminal: int) -> None:
    result = _story_tui(stdin=subprocess.DEVNULL, stdout=terminal, stderr=subprocess.PIPE)
    _refused(result)


def test_the_library_refuses_without_a_terminal(tmp_path: Path) -> None:
    for name in ("one.yaml", "two.yaml"):
        (tmp_path / name).write_bytes(MINI.read_bytes())
    _refused(_story_tui(str(tmp_path), stdin=subprocess.DEVNULL, capture_output=True))


def test_commands_without_a_terminal_still_work(tmp_path: Path) -> None:
    shot = tmp_path / "shot.svg"
    result = _story_tui(
        "export", str(MINI), "--format", "svg", "-o", str(shot),
        stdin=subprocess.DEVNULL, capture_output=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "<svg" in shot.read_text(encoding="utf-8")
    result = _story_tui("read", str(MINI), stdin=subprocess.DEVNULL, capture_output=True)
    assert result.returncode == 0 and result.stdout.startswith("A small test story\n")


def test_help_and_readme_name_only_themes_that_exist(capsys: pytest.CaptureFixture[str]) -> None:
    from textual.theme import BUILTIN_THEMES

    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    for argv in (["--help"], ["serve", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        texts.append(capsys.readouterr().out)
    for text in texts:
        assert "textual-ansi" not in text
        for name in re.findall(r"\b(?:textual|ansi)-[a-z]+\b", text):
            assert name in BUILTIN_THEMES, name


@pytest.mark.parametrize("command", ["validate", "read", "export"])
def test_dash_reads_the_story_from_stdin(command: str) -> None:
    result = _story_tui(command, "-", input=MINI.read_text(encoding="utf-8"), capture_output=True)
    assert result.returncode == 0, result.stderr
    expected = {"validate": "<stdin>: valid (2 sections", "read": "A small test story\n"}
    if command == "export":
        assert '"title": "A small test story"' in result.stdout
    else:
        assert result.stdout.startswith(expected[command])


def test_dash_names_stdin_in_diagnostics() -> None:
    result = _story_tui("validate", "-", input="format: 1\nid: x\n", capture_output=True)
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:1:1: error: ")
    assert result.stderr == "<stdin>: 2 errors\n"


def test_dash_from_stdin_keeps_the_size_limit() -> None:
    result = _story_tui(
        "validate", "-", "--max-bytes", "10", input=MINI.read_text(), capture_output=True
    )
    assert result.returncode == 1
    assert "<stdin>:1:1: error: input is larger than the limit of 10 bytes" in result.stdout


def test_export_help_lists_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    description = text.split("positional arguments")[0]
    for word in ("JSON", "Markdown", "HTML", "SVG", "Annotations"):
        assert word in description


@pytest.mark.parametrize("words", ["", "   "])
def test_an_empty_quote_to_open_at_is_refused(
    words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--quote", words]) == 2
    err = capsys.readouterr().err
    assert err.startswith("story-tui: error: argument --quote: needs some words")


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_exported_files_get_the_umask_and_keep_an_existing_mode(
    tmp_path: Path, umask_022: None
) -> None:
    new = tmp_path / "new.json"
    assert main(["export", str(MINI), "-o", str(new)]) == 0
    assert _mode(new) == 0o644
    shared = tmp_path / "shared.md"
    shared.write_text("old")
    shared.chmod(0o664)
    assert main(["export", str(MINI), "--format", "markdown", "-o", str(shared)]) == 0
    assert _mode(shared) == 0o664
    assert shared.read_text(encoding="utf-8").startswith("# A small test story")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    os.umask(0o077)
    private = tmp_path / "private.html"
    assert main(["export", str(MINI), "--format", "html", "-o", str(private)]) == 0
    assert _mode(private) == 0o600


def test_state_and_cache_files_stay_private(tmp_path: Path, umask_022: None) -> None:
    from story_tui.storage.files import write_atomic

    path = tmp_path / "state.json"
    write_atomic(path, "{}", mode=0o600)
    assert _mode(path) == 0o600
