"""What every command shares: the program name, exit codes, usage errors, loading and writing."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn, TextIO

from story_tui.story.bundled import bundled_story
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.model import Story
from story_tui.story.spec import DEFAULT_MAX_BYTES

PROG = "story-tui"
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def version() -> str:
    """The installed version (one source of truth: the package metadata)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("story-tui")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


class VersionAction(argparse.Action):
    """Print the version; looked up only when asked (reading package metadata costs start-up)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(f"{PROG} {version()}\n")
        parser.exit()


class UsageError(Exception):
    """A bad command line; printed as one line, exit 2."""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _max_bytes(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of bytes: {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of bytes")
    return number


def add_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a story file (default: the bundled story)"
    )


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=_max_bytes,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse story files larger than N bytes (default {DEFAULT_MAX_BYTES:,})",
    )


def check_theme(name: str) -> None:
    """Refuse a theme name Textual does not know, before anything starts.

    Raises:
        UsageError: with the names to choose from.
    """
    from textual.theme import BUILTIN_THEMES

    if name not in BUILTIN_THEMES:
        names = ", ".join(sorted(BUILTIN_THEMES))
        raise UsageError(f"unknown theme {name!r}; choose one of: {names}")


def say(stream: TextIO, text: str) -> None:
    stream.write(text + "\n")


def load(path: str | None, max_bytes: int) -> Story:
    from story_tui.story.loader import load_story

    return load_story(path if path is not None else bundled_story(), max_bytes)


class Exit(Exception):
    """Stop the command with an exit code (what it had to say is already printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def load_or_exit(path: str | None, max_bytes: int) -> Story:
    """Load a story, or print why not on stderr and stop with exit code 2 or 1."""
    try:
        return load(path, max_bytes)
    except StoryUnreadable as error:
        say(sys.stderr, f"{PROG}: error: {error}")
        raise Exit(EXIT_USAGE) from None
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            say(sys.stderr, str(diagnostic))
        raise Exit(EXIT_INVALID) from None


def write_output(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from story_tui.storage.files import write_atomic

    write_atomic(output, text)
