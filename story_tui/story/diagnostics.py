"""Compiler-style problems in story files. Plain Python; no UI imports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from story_tui.story.safety import visible


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem in a story file, printed as `file:line:col: error: message [field.path]`.

    A `warning` does not make the file invalid (`validate --strict` counts it as an error); a
    `note` points at a tool's guess nobody has confirmed yet (a `check`; `--strict` fails on it).
    """

    line: int
    col: int
    message: str
    field: str = ""
    file: str = ""
    severity: Literal["error", "warning", "note"] = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        suffix = f" [{self.field}]" if self.field else ""
        # Messages quote the file's own text: never let it carry terminal controls out, and keep
        # one problem on one line (a YAML key may contain a newline or a tab).
        line = f"{where}: {self.severity}: {self.message}{suffix}"
        return visible(line.replace("\n", "\\n").replace("\t", "\\t"))


class StoryError(Exception):
    """Base class for everything the loader raises."""


class StoryUnreadable(StoryError):
    """The file could not be opened or read at all (missing, a directory, no permission)."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(visible(f"cannot read {file}: {reason}"))
        self.file = file
        self.reason = reason


class StoryInvalid(StoryError):
    """The file was read but is not a valid story; `diagnostics` lists every problem, in order."""

    def __init__(self, diagnostics: list[Diagnostic], warnings: Sequence[Diagnostic] = ()) -> None:
        self.diagnostics = sorted(diagnostics)
        self.warnings = sorted(warnings)
        """Warnings found as well (an invalid file may have both)."""
        first = self.diagnostics[0] if self.diagnostics else "invalid story"
        count = len(self.diagnostics)
        super().__init__(f"{first}" + (f" (and {count - 1} more)" if count > 1 else ""))
