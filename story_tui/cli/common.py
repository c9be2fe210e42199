"""What every command shares: the program name, exit codes, usage errors, loading and writing."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn, TextIO

from story_tui.story.bundled import bundled_story
from story_tui.story.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.story.model import Story
from story_tui.story.safety import visible
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


STDIN = "-"
"""The FILE that means standard input (`validate`, `read`, `export`)."""
STDIN_NAME = "<stdin>"
"""How diagnostics name a story read from standard input."""


def add_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a story file, or - for standard input (default: the bundled story)",
    )


def shown_name(path: str | None) -> str:
    """How a command names the story it checked: the path given, or words for the others."""
    if path is None:
        return f"the bundled story ({bundled_story().name})"
    return STDIN_NAME if path == STDIN else path


def add_text_or_json(parser: argparse.ArgumentParser) -> None:
    """`--format text|json`, for the commands whose output scripts read."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
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
    """Load the story at `path`, from standard input for `-`, or the bundled story for None.

    Raises:
        StoryUnreadable: the file cannot be read.
        StoryInvalid: with every problem in it.
    """
    from story_tui.story.loader import load_story, parse_story

    if path == STDIN:
        return parse_story(read_stdin(max_bytes), STDIN_NAME)
    return load_story(path if path is not None else bundled_story(), max_bytes)


def read_input_bytes(path: str, max_bytes: int) -> bytes:
    """The bytes of an input file, or of standard input for `-`, within `max_bytes`.

    Raises:
        StoryUnreadable: it cannot be read (a folder, a missing file).
        StoryInvalid: it is larger than `max_bytes` (`/dev/zero` is refused at once).
    """
    from story_tui.story.input_file import read_story_bytes

    if path != STDIN:
        return read_story_bytes(path, max_bytes)
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as error:
        raise StoryUnreadable(STDIN_NAME, getattr(error, "strerror", None) or str(error)) from None
    if len(data) > max_bytes:
        _too_large(max_bytes)
    return data


def _too_large(max_bytes: int) -> NoReturn:
    from story_tui.story.diagnostics import Diagnostic

    message = f"input is larger than the limit of {max_bytes:,} bytes (raise it with --max-bytes)"
    raise StoryInvalid([Diagnostic(1, 1, message, file=STDIN_NAME)])


def read_stdin(max_bytes: int) -> str:
    """Standard input as story text, with the same size and encoding checks as a file."""
    from story_tui.story.input_file import decode_story_bytes

    return decode_story_bytes(read_input_bytes(STDIN, max_bytes), STDIN_NAME)


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


def check_output(output: str | None, *inputs: str | None) -> None:
    """Refuse `-o OUT` before any work: a folder, a missing folder, or one of the inputs.

    Raises:
        UsageError: what is wrong with OUT, in one line (exit 2).
    """
    if output is None:
        return
    from story_tui.storage.files import OutputRefused
    from story_tui.storage.files import check_output as check

    try:
        check(output, inputs)
    except OutputRefused as refused:
        raise UsageError(str(refused)) from None


def output_is_stdout(output: str | None) -> bool:
    """Whether the output goes to standard output: no `-o`, `-o -`, or `-o /dev/stdout`."""
    from story_tui.storage.files import is_stdout

    return output is None or is_stdout(output)


def write_output(text: str, output: str | None) -> None:
    """Write a command's output to standard output or to OUT (checked by `check_output` first).

    OUT that is standard output's own file (`/dev/stdout`) is written through standard output,
    so nothing printed before or after it is lost.

    Raises:
        Exit: OUT cannot be written (said on stderr; exit code 2).
    """
    try:
        if output_is_stdout(output):
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        from story_tui.storage.files import write_atomic

        assert output is not None
        write_atomic(output, text)
    except OSError as error:
        say(sys.stderr, visible(f"{PROG}: error: cannot write {output}: {error.strerror}"))
        raise Exit(EXIT_USAGE) from None
