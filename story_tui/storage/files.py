"""Writing files so that a reader never sees half of one. Plain Python; no UI imports."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], text: str, mode: int = 0o666) -> None:
    """Write `text` to a temporary file beside `path`, then rename it into place.

    A new file gets `mode` less the user's umask (so an export is 0644 under the usual umask,
    as any program would make it; the state and cache pass 0o600); a file that already exists
    keeps its mode. (`tempfile.mkstemp` made every file 0600, and turned a shared 0644 file
    private on each export.)

    Raises:
        OSError: the folder is not writable, the disk is full, ...
    """
    target = Path(path)
    try:
        keep: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        keep = None
    fd, temp = _create_beside(target, mode)
    try:
        if keep is not None:
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
