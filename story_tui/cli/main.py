"""The `story-tui` command line: a table of commands, each in its own module.

Exit codes: 0 success, 1 an invalid story file, 2 a usage error or an unreadable file.
No input produces a Python traceback: the loader raises only `StoryError`s, which are printed as
compiler-style lines.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from story_tui.cli.common import EXIT_OK, EXIT_USAGE, PROG, Exit, UsageError, say
from story_tui.story.safety import visible


class Command(NamedTuple):
    """Where a subcommand lives: its module under `story_tui.cli` and the two functions in it."""

    module: str
    parser: str = "build_parser"
    run: str = "run"


COMMANDS: dict[str, Command] = {
    "validate": Command("validate"),
    "export": Command("export"),
    "schema": Command("export", "build_schema_parser", "run_schema"),
    "draft": Command("draft"),
    "read": Command("read"),
    "serve": Command("serve"),
    "rebase": Command("rebase"),
    "diff": Command("diff"),
    "people": Command("people"),
    "search": Command("search"),
    "threads": Command("threads"),
    "add": Command("add"),
    "follow": Command("feeds", "build_follow_parser", "run_follow"),
    "unfollow": Command("feeds", "build_unfollow_parser", "run_unfollow"),
    "feeds": Command("feeds", "build_feeds_parser", "run_feeds"),
    "refresh": Command("refresh"),
}
"""Every subcommand; a module is imported only when its command runs (start-up time)."""


def _resolve(command: Command) -> tuple[Callable[[], argparse.ArgumentParser], Callable[..., int]]:
    module = importlib.import_module(f"story_tui.cli.{command.module}")
    return getattr(module, command.parser), getattr(module, command.run)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            build, run = _resolve(COMMANDS[argv[0]])
            return run(build().parse_args(argv[1:]))
        from story_tui.cli import browse

        return browse.run(browse.build_browse_parser().parse_args(argv))
    except UsageError as error:
        say(sys.stderr, visible(f"{PROG}: error: {error}"))
        return EXIT_USAGE
    except Exit as stop:
        return stop.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `story-tui export | head`: the reader left; that is not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
