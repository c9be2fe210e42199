"""Which story files a command line names: files as given, folders' `*.yaml` files recursively.

Plain Python; no UI imports. Never raises for a bad path, never loops and never blocks: a folder
reached twice (a symlink loop, or two arguments naming the same place) is walked once, a named
pipe or device in a folder is skipped (a file named on the command line is read as given), and
every path that cannot be used is reported as one line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

STORY_SUFFIXES = (".yaml", ".yml")
"""The files a folder contributes; a file named on the command line is tried whatever its name."""


@dataclass
class Collected:
    """The story files found, in a stable order, and a line for each path that was skipped."""

    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    folders: int = 0
    """How many folders were named (a folder opens the library even with one story in it)."""


def _reason(error: OSError) -> str:
    if error.errno == 40:  # ELOOP
        return "a symlink loop"
    return error.strerror or str(error)


def collect(paths: Sequence[str | os.PathLike[str]]) -> Collected:
    """The story files that `paths` name: each file as given, each folder's story files.

    Hidden folders (`.git`, …) are skipped; files are sorted by path within each folder.
    """
    found = Collected()
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add_file(path: Path, status: os.stat_result) -> None:
        key = (status.st_dev, status.st_ino)
        if key not in seen_files:
            seen_files.add(key)
            found.files.append(path)

    for raw in paths:
        path = Path(raw)
        try:
            status = path.stat()
        except OSError as error:
            found.problems.append(f"cannot read {path}: {_reason(error)}")
            continue
        if path.is_dir():
            found.folders += 1
            before = len(found.files)
            _walk(path, status, seen_dirs, add_file, found.problems)
            if len(found.files) == before:
                found.problems.append(f"{path}: no story files (*.yaml) in this folder")
        else:
            add_file(path, status)
    return found


def _walk(
    top: Path,
    status: os.stat_result,
    seen_dirs: set[tuple[int, int]],
    add_file: Callable[[Path, os.stat_result], None],
    problems: list[str],
) -> None:
    """Walk a folder depth first without ever entering the same folder twice."""
    stack = [(top, status)]
    while stack:
        folder, folder_status = stack.pop()
        key = (folder_status.st_dev, folder_status.st_ino)
        if key in seen_dirs:
            if folder != top:
                problems.append(f"skipped {folder}: a symlink loop (already read)")
            continue
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            problems.append(f"cannot read {folder}: {_reason(error)}")
            continue
        subfolders: list[tuple[Path, os.stat_result]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                entry_status = entry.stat()  # follows symlinks
                is_dir = entry.is_dir()
            except OSError as error:
                if entry.name.endswith(STORY_SUFFIXES) or entry.is_symlink():
                    problems.append(f"cannot read {path}: {_reason(error)}")
                continue
            if is_dir:
                subfolders.append((path, entry_status))
            elif entry.name.endswith(STORY_SUFFIXES):
                if not stat.S_ISREG(entry_status.st_mode):
                    # A named pipe would block its reader (and the command) until written to.
                    problems.append(f"skipped {path}: not a regular file")
                    continue
                add_file(path, entry_status)
        stack.extend(reversed(subfolders))
