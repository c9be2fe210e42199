"""Writing files so that a reader never sees half of one, and never one the user did not name.

Plain Python; no UI imports. Every file story-tui writes goes through `write_atomic`: a regular
file is replaced atomically, a symbolic link is written through to its target (the link stays a
link), and a character device or FIFO (`/dev/null`, a named pipe) is written to, never replaced.
Commands check an output path first with `check_output`: a folder or one of the command's own
inputs is refused before any work is done.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import sys
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

STDIO = "-"
"""The path that means standard input or output."""


class OutputRefused(Exception):
    """An output path a command must not write; the message says why, in one line."""


def check_output(path: str, inputs: Iterable[str | None] = ()) -> None:
    """Refuse an output that is a folder, whose folder is missing, or that is one of `inputs`.

    An input is the same file as the output when both name one file, through a symbolic or
    hard link too; `-` among the inputs stands for standard input.

    Raises:
        OutputRefused: what is wrong, as one line.
    """
    if path == STDIO:
        return
    try:
        status = os.stat(path)
    except FileNotFoundError:
        folder = Path(path).parent
        if not folder.is_dir():
            raise OutputRefused(f"cannot write {path}: there is no folder {folder}") from None
        return
    except OSError as error:
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(status.st_mode):
        raise OutputRefused(f"cannot write {path}: it is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        return  # a device or a pipe is written to, never read back as an input
    for name in inputs:
        if name is None:
            continue
        try:
            other = os.fstat(sys.stdin.fileno()) if name == STDIO else os.stat(name)
        except (OSError, ValueError):
            continue
        if (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino):
            shown = "standard input" if name == STDIO else f"the input {name}"
            raise OutputRefused(f"will not write {path}: it is {shown}; give another output file")


def is_stdout(path: str) -> bool:
    """Whether `path` is `-` or names the file standard output already writes to."""
    if path == STDIO:
        return True
    try:
        status, out = os.stat(path), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError):
        return False
    return (status.st_dev, status.st_ino) == (out.st_dev, out.st_ino)


def write_atomic(
    path: str | os.PathLike[str], text: str, mode: int = 0o666, *, private: bool = False
) -> None:
    """Write `text` to `path`: atomically for a regular file, straight to a device or a pipe.

    A regular file is written to a temporary file beside it, then renamed into place. A new
    file gets `mode` less the user's umask (so an export is 0644 under the usual umask, as any
    program would make it); a file that already exists keeps its mode. `private` (what
    story-tui keeps for the reader) makes the file exactly 0600 from its creation, whatever
    `mode` says, also when the old one was wider (an older version's). A symbolic link is
    followed: its target is replaced, in the target's folder, and the link stays. A character
    device, FIFO or socket is opened and written to: renaming a file over `/dev/null` would
    replace the device.

    Raises:
        OSError: the folder is not writable, the disk is full, ...
    """
    target = Path(os.path.realpath(path))
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(21, "it is a folder, not a file", str(path))
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    keep = stat.S_IMODE(status.st_mode) if status is not None else None
    fd, temp = _create_beside(target, 0o600 if private else mode)
    try:
        if private:
            os.fchmod(fd, 0o600)
        elif keep is not None:
            os.fchmod(fd, keep)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _create_beside(target: Path, mode: int) -> tuple[int, Path]:
    """A new, empty file in `target`'s folder, created with `mode` (the umask applies)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(100):
        temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def safe_file_name(title: str, when: datetime, suffix: str) -> str:
    """A file name for a title, made only of ASCII letters, digits, `.`, `_` and `-`.

    `Perú: 40% more / day` at 10:02:03 -> `Peru_40_more_day_2026-12-03T10_02_03_000000.svg`:
    accents dropped, every other run of characters one `_`, at most 60 characters of title, and
    the time to the microsecond so a second screenshot never replaces the first.
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9.-]+", "_", ascii_title)[:60].strip("._-") or "story"
    return f"{stem}_{when:%Y-%m-%dT%H_%M_%S_%f}{suffix}"


def private_dir(folder: Path) -> None:
    """Create `folder` (and any missing parent) readable by the user only (0700).

    A folder that exists is left as it is: it may be one the user chose and shares.

    Raises:
        OSError: it cannot be created.
    """
    missing: list[Path] = []
    here = folder
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(part, 0o700)  # mkdir's mode is masked by the umask


def make_private(*paths: str | os.PathLike[str]) -> None:
    """Tighten files an older story-tui left readable by others to 0600.

    A missing file, or one the user does not own, is left alone (never raises).
    """
    for path in paths:
        try:
            if stat.S_IMODE(os.stat(path).st_mode) != 0o600:
                os.chmod(path, 0o600)
        except OSError:
            continue
