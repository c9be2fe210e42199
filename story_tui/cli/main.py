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
    """A subcommand: its module under `story_tui.cli`, the two functions in it, and its line in
    `story-tui --help` (what follows the name, and what it does)."""

    module: str
    parser: str = "build_parser"
    run: str = "run"
    usage: str = ""
    summary: str = ""


COMMANDS: dict[str, Command] = {
    "validate": Command(
        "validate", usage="[FILE...]", summary="check story files (exit 1 if invalid)"
    ),
    "export": Command("export", usage="[FILE] --format F", summary="write {formats}"),
    "schema": Command(
        "export", "build_schema_parser", "run_schema", summary="the JSON Schema of the format"
    ),
    "draft": Command("draft", usage="ARTICLE -o OUT", summary="draft a story file from an article"),
    "read": Command("read", usage="[FILE]", summary="the story as plain linear text"),
    "serve": Command("serve", usage="[FILE]", summary="the browser in a web browser"),
    "rebase": Command(
        "rebase",
        usage="STORY ARTICLE -o OUT",
        summary="carry a story file over to the edited article",
    ),
    "diff": Command("diff", usage="OLD NEW", summary="what changed between two editions"),
    "people": Command("people", usage="PATH...", summary="everyone across a library of stories"),
    "search": Command("search", usage="QUERY PATH...", summary="search every article of a library"),
    "threads": Command(
        "threads", usage="PATH...", summary="a library's stories grouped in threads"
    ),
    "add": Command(
        "add", usage="ADDRESS|FILE...", summary="add articles to your library as stories"
    ),
    "follow": Command(
        "feeds", "build_follow_parser", "run_follow", "FEED...", "follow RSS, Atom or JSON feeds"
    ),
    "unfollow": Command(
        "feeds", "build_unfollow_parser", "run_unfollow", "FEED...", "stop following feeds"
    ),
    "feeds": Command("feeds", "build_feeds_parser", "run_feeds", "", "the feeds you follow"),
    "refresh": Command("refresh", summary="fetch what you follow; add new articles"),
}
"""Every subcommand; a module is imported only when its command runs (start-up time)."""


def _resolve(command: Command) -> tuple[Callable[[], argparse.ArgumentParser], Callable[..., int]]:
    module = importlib.import_module(f"story_tui.cli.{command.module}")
    return getattr(module, command.parser), getattr(module, command.run)


def commands_help() -> str:
    """The commands part of `story-tui --help`: every command in `COMMANDS`, one line each."""
    from story_tui.cli.export import format_names

    formats = format_names()
    rows = [
        (f"{PROG} {name} {command.usage}".rstrip(), command.summary)
        for name, command in COMMANDS.items()
    ]
    rows.append((f"{PROG} help [COMMAND]", "this help, or a command's"))
    width = max(len(left) for left, _ in rows) + 2
    lines = [
        f"  {left:<{width}}{summary.format(formats=', '.join(formats[:-1]) + ' or ' + formats[-1])}"
        for left, summary in rows
    ]
    return "\n".join(["commands:", *lines, f"Run '{PROG} COMMAND --help' for a command's options."])


def _browse_parser() -> argparse.ArgumentParser:
    from story_tui.cli import browse

    return browse.build_browse_parser(commands_help())


def _not_a_file_but_a_typo(word: str) -> None:
    """`story-tui valdate`: neither a file nor a command, but close to one.

    Raises:
        UsageError: naming the command meant.
    """
    import difflib

    if word.startswith("-") or os.path.lexists(word):
        return
    close = difflib.get_close_matches(word, [*COMMANDS, "help"], n=1, cutoff=0.7)
    if close:
        raise UsageError(f"no such file or command {word!r} (did you mean {close[0]!r}?)")


def _help(topic: list[str]) -> int:
    """`story-tui help [COMMAND]`: the help, as `--help` prints it."""
    if topic and topic[0] in COMMANDS:
        build, _run = _resolve(COMMANDS[topic[0]])
        build().print_help()
        return EXIT_OK
    if topic:
        _not_a_file_but_a_typo(topic[0])
        raise UsageError(f"no command {topic[0]!r} (see '{PROG} --help')")
    _browse_parser().print_help()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            build, run = _resolve(COMMANDS[argv[0]])
            return run(build().parse_args(argv[1:]))
        if argv and argv[0] == "help" and not os.path.lexists("help"):
            return _help(argv[1:])
        if argv:
            _not_a_file_but_a_typo(argv[0])
        from story_tui.cli import browse

        return browse.run(_browse_parser().parse_args(argv))
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
