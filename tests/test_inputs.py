"""What `draft` and `serve` read: the same size limit as every command, and `-` for stdin."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from story_tui.cli.main import main
from tests.conftest import DATA, MINI

ARTICLE = "Storm hits the coast\n\n“It was loud all night,” said Ana Garcia, a nurse.\n"


def _zero(tmp_path: Path) -> Path:
    """An endless input like /dev/zero: a node made in `tmp_path` where allowed, else the real
    one (only read, never written)."""
    node = tmp_path / "zero"
    try:
        os.mknod(node, stat.S_IFCHR | 0o444, os.makedev(1, 5))
        with node.open("rb") as handle:
            handle.read(1)
    except (PermissionError, AttributeError, OSError):
        return Path("/dev/zero")
    return node


def test_draft_refuses_an_endless_input_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zero = _zero(tmp_path)
    assert main(["draft", str(zero)]) == 1
    assert capsys.readouterr().err == (
        f"{zero}:1:1: error: file is larger than the limit of 16,777,216 bytes "
        "(raise it with --max-bytes)\n"
    )


def test_draft_takes_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = DATA / "article.txt"
    size = article.stat().st_size
    assert main(["draft", str(article), "--max-bytes", str(size - 1)]) == 1
    assert "larger than the limit" in capsys.readouterr().err
    assert main(["draft", str(article), "--max-bytes", str(size)]) == 0


def test_draft_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["draft", "-"]) == 0
    out = capsys.readouterr().out
    assert 'id: "storm-hits-the-coast"' in out  # from the headline: there is no file name
    assert '      - text: "It was loud all night,"' in out.splitlines()


def test_draft_of_standard_input_over_the_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["draft", "-", "--max-bytes", "10"]) == 1
    assert capsys.readouterr().err.startswith("<stdin>:1:1: error: input is larger than the limit")


def test_serve_stdin_serves_the_story_read_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import story_tui.web.serve as web_serve

    served: list[tuple[str, str, bytes]] = []

    def fake_serve(file: str | None, host: str, port: int, theme: str | None, title: str) -> int:
        assert file is not None
        served.append((file, title, Path(file).read_bytes()))
        # Every session runs this command: it opens the file, not standard input.
        assert web_serve.app_command(file, None).endswith(str(Path(file).resolve()))
        return 0

    monkeypatch.setattr(web_serve, "serve", fake_serve)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MINI.read_bytes())))
    assert main(["serve", "-", "--port", "0"]) == 0
    ((file, title, data),) = served
    assert data == MINI.read_bytes()
    assert title and file != "-"
    assert not Path(file).exists()  # removed when the server stops


def test_serve_stdin_that_is_not_a_story_is_refused_before_the_address(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"format: 1\n")))
    assert main(["serve", "-", "--port", "0"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("<stdin>:")
