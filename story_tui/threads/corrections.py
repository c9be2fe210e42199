"""The reader's corrections to a library's threads, kept in the library folder. No UI imports.

The file is `threads.txt` in the library's folder: plain lines a person can read and edit,
never read as a story (the library reads only `*.yaml` files). Stories are named by their path
relative to the folder:

    # story-tui: corrections to the threads of this folder (one per line; edit freely)
    together lohan-2.yaml lohan-1.yaml
    apart reid-3.yaml lohan-1.yaml

`together A B`: A and B are one thread (A was moved into B's thread). `apart A B`: A and B are
never one thread (A was moved away from B's thread, or split off). A line that is not one of
these is kept as it is and reported, never a reason to fail.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from story_tui.storage.files import write_atomic
from story_tui.threads.group import Constraints

FILE_NAME = "threads.txt"
HEADER = (
    "# story-tui: corrections to the threads of this folder, one per line (edit freely).\n"
    "#   together A B   A and B are one thread (A was moved into B's thread)\n"
    "#   apart A B      A and B are never one thread (A was moved or split off)\n"
)


@dataclass
class Corrections:
    """The corrections of one library folder."""

    folder: Path
    lines: list[tuple[str, str, str]] = field(default_factory=list)
    """(verb, A, B), paths relative to the folder, in file order."""
    problems: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    """Lines that say nothing the grouping understands: written back as they were."""

    @property
    def path(self) -> Path:
        """The corrections file."""
        return self.folder / FILE_NAME

    def name(self, story_path: str) -> str:
        """How the file names a story: its path relative to the folder."""
        try:
            return Path(
                os.path.relpath(Path(story_path).resolve(), self.folder.resolve())
            ).as_posix()
        except ValueError:  # another drive (Windows)
            return Path(story_path).resolve().as_posix()

    def constraints(self, paths: list[str]) -> Constraints:
        """The corrections as constraints between the library's story paths."""
        by_name = {self.name(p): p for p in paths}
        found = Constraints()
        for verb, a, b in self.lines:
            if a in by_name and b in by_name:
                pair = (by_name[a], by_name[b])
                (found.together if verb == "together" else found.apart).append(pair)
        return found

    def move(self, story: str, into: str | None, away_from: list[str]) -> None:
        """Record that `story` joins `into`'s thread (None: a thread of its own), apart from
        `away_from` (the other stories of the thread it leaves)."""
        me = self.name(story)
        target = self.name(into) if into is not None else None
        leaving = {self.name(p) for p in away_from}
        kept = []
        for verb, a, b in self.lines:
            other = b if a == me else a if b == me else None
            if other is None:
                kept.append((verb, a, b))
            elif (verb == "together" and other in leaving) or (verb == "apart" and other == target):
                continue  # the reader changed their mind: the new correction wins
            else:
                kept.append((verb, a, b))
        if target is not None and ("together", me, target) not in kept:
            kept.append(("together", me, target))
        for other in sorted(leaving - {me}):
            if ("apart", me, other) not in kept:
                kept.append(("apart", me, other))
        self.lines = kept

    def save(self) -> None:
        """Write the file (atomically); raises OSError when the folder cannot be written."""
        body = "".join(f"{verb} {shlex.join([a, b])}\n" for verb, a, b in self.lines)
        kept = "".join(f"{line}\n" for line in self.unparsed)
        write_atomic(self.path, HEADER + kept + body)


def read_corrections(folder: Path) -> Corrections:
    """The corrections of a folder; none when there is no file. Never raises."""
    found = Corrections(folder)
    try:
        text = found.path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return found
    except (OSError, UnicodeDecodeError) as error:
        found.problems.append(f"{found.path}: cannot read: {error}")
        return found
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            if line not in HEADER:
                found.unparsed.append(line)
            continue
        try:
            words = shlex.split(line)
        except ValueError:
            words = []
        if len(words) == 3 and words[0] in ("together", "apart"):
            found.lines.append((words[0], words[1], words[2]))
        else:
            found.unparsed.append(line)
            found.problems.append(
                f"{found.path}:{number}:1: error: not 'together A B' or 'apart A B'; ignored"
            )
    return found
