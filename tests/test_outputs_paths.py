"""Every `-o OUT` (draft, export, rebase, schema, an SVG screenshot): never a file not asked for.

An output that is an input is refused (also through a link), a symlink is written through to its
target, a device or a FIFO is written to and never replaced, a folder is refused before any work.
Device nodes are made in a temporary folder (never under /dev), where the test may make one.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from story_tui.cli.main import main
from tests.conftest import DATA, MINI

ARTICLE = DATA / "article.txt"


def commands(tmp_path: Path) -> dict[str, Callable[[str], list[str]]]:
    """Each command that writes `-o OUT`, with its inputs copied into `tmp_path`."""
    story = tmp_path / "story.yaml"
    story.write_bytes(MINI.read_bytes())
    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLE.read_bytes())
    return {
        "draft": lambda out: ["draft", str(article), "-o", out],
        "export": lambda out: ["export", str(story), "--format", "markdown", "-o", out],
        "rebase": lambda out: ["rebase", str(story), str(story), "-o", out],
        "schema": lambda out: ["schema", "-o", out],
    }


NAMES = ["draft", "export", "rebase", "schema"]


@pytest.mark.parametrize("name", ["draft", "export", "rebase"])
@pytest.mark.parametrize("through_link", [False, True])
def test_an_output_that_is_the_input_is_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], *, through_link: bool
) -> None:
    argv = commands(tmp_path)[name]("")
    given = Path(argv[1])
    before = given.read_bytes()
    out = given
    if through_link:
        out = tmp_path / "link"
        out.symlink_to(given)
    assert main(commands(tmp_path)[name](str(out))) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"story-tui: error: will not write {out}: it is the input")
    assert given.read_bytes() == before


@pytest.mark.parametrize("name", NAMES)
def test_a_symlink_is_written_through_keeping_the_target_and_its_mode(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere" / "target.out"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert main(commands(tmp_path)[name](str(link))) in (0, 1)
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8") not in ("", "old")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["target.out"]  # no temporary left


@pytest.mark.parametrize("name", NAMES)
def test_a_folder_is_refused_before_any_work(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(commands(tmp_path)[name](str(folder))) == 2
    out, err = capsys.readouterr()
    assert err == f"story-tui: error: cannot write {folder}: it is a folder, not a file\n"
    assert out == ""  # draft printed its whole summary before it found out
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "such.yaml"
    assert main(commands(tmp_path)["draft"](str(out))) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"story-tui: error: cannot write {out}: there is no folder {out.parent}"
    ]


@pytest.mark.parametrize("name", NAMES)
def test_a_fifo_is_written_to_not_replaced(name: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert main(commands(tmp_path)[name](str(fifo))) in (0, 1)
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].strip()


def _device(tmp_path: Path) -> Path:
    """A character device node like /dev/null (1, 3), made in `tmp_path` when allowed."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return node


@pytest.mark.parametrize("name", NAMES)
def test_a_device_is_written_to_not_replaced(name: str, tmp_path: Path) -> None:
    node = _device(tmp_path)
    try:
        assert main(commands(tmp_path)[name](str(node))) in (0, 1)
    except OSError as error:  # a file system mounted nodev: the device cannot be opened
        pytest.skip(f"cannot open a device node here: {error}")
    status = node.lstat()
    assert stat.S_ISCHR(status.st_mode)
    assert status.st_rdev == os.makedev(1, 3)


def test_dev_stdout_is_standard_output(capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", "/dev/stdout"]) == 0
    assert '"$schema"' in capfd.readouterr().out


def test_an_svg_screenshot_goes_through_the_same_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.yaml"
    story.write_bytes(MINI.read_bytes())
    assert main(["export", str(story), "-f", "svg", "-o", str(story)]) == 2
    assert story.read_bytes() == MINI.read_bytes()
    assert "it is the input" in capsys.readouterr().err
