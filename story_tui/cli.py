"""The `story-tui` command line.

Exit codes: 0 success, 1 an invalid story file, 2 a usage error or an unreadable file.
No input produces a Python traceback: the loader raises only `StoryError`s, which are printed as
compiler-style lines.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from story_tui.diagnostics import StoryInvalid, StoryUnreadable
from story_tui.formatting import plural
from story_tui.model import Story
from story_tui.resources import bundled_story
from story_tui.safety import visible
from story_tui.spec import DEFAULT_MAX_BYTES
from story_tui.startup import resume_collector

PROG = "story-tui"
COMMANDS = ("validate", "export", "schema", "draft", "read", "serve")
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def version() -> str:
    """The installed version (one source of truth: the package metadata)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("story-tui")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


class _VersionAction(argparse.Action):
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


class _Parser(argparse.ArgumentParser):
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


def _add_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a story file (default: the bundled story)"
    )


def _add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=_max_bytes,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse story files larger than N bytes (default {DEFAULT_MAX_BYTES:,})",
    )


def build_browse_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui [FILE]`, the browser."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Explore a news story as structure: sections, people and their quotes, key figures.\n"
            "With no FILE, opens the bundled Chile–Peru border story."
        ),
        epilog=(
            "commands:\n"
            "  story-tui validate [FILE...]             check story files (exit 1 if invalid)\n"
            "  story-tui export [FILE] --format F       write json, markdown, html or svg\n"
            "  story-tui read [FILE]                    the story as plain linear text\n"
            "  story-tui serve [FILE]                   the browser in a web browser\n"
            "  story-tui schema                         print the JSON Schema of the format\n"
            "  story-tui draft ARTICLE.txt -o story.yaml   draft a story file from an article\n"
            "Run 'story-tui COMMAND --help' for a command's options."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a story YAML file")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme, e.g. textual-light, textual-ansi, nord (remembered for next time)",
    )
    parser.add_argument(
        "--watch", action="store_true", help="reload the story whenever FILE is saved"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="ignore the remembered place and theme for this story"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="parse the file even if a cached copy exists"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--section", metavar="ID", help="open with the article at this section")
    where.add_argument("--person", metavar="ID", help="open this person's card")
    where.add_argument("--figure", metavar="ID", help="open with this figure highlighted")
    where.add_argument(
        "--quote", metavar="TEXT", help="open at the first quote containing TEXT (any case)"
    )
    _add_max_bytes(parser)
    return parser


def start_target(story: Story, args: argparse.Namespace) -> tuple[str, str] | None:
    """The item `--section/--person/--figure/--quote` ask to open at, checked against the story.

    Raises:
        UsageError: the id or text is not in the story (with the closest id as a hint).
    """
    import difflib

    for kind, known in (
        ("section", [s.id for s in story.sections]),
        ("person", [p.id for p in story.people]),
        ("figure", [f.id for f in story.figures]),
    ):
        wanted = getattr(args, kind, None)
        if wanted is None:
            continue
        if wanted in known:
            return kind, wanted
        hint = difflib.get_close_matches(wanted, known, n=1)
        suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise UsageError(f"this story has no {kind} {wanted!r}{suffix}")
    if args.quote is not None:
        needle = args.quote.casefold()
        for quote in story.quotes:
            if needle in quote.text.casefold():
                return "quote", quote.key
        raise UsageError(f"no quote in this story contains {args.quote!r}")
    return None


def build_command_parser(command: str) -> argparse.ArgumentParser:
    """The parser for one subcommand."""
    if command == "validate":
        parser = _Parser(
            prog=f"{PROG} validate",
            description="Check story files; print every problem as file:line:col: error: ...",
        )
        parser.add_argument(
            "files", nargs="*", metavar="FILE", help="story files (default: the bundled story)"
        )
        parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
        parser.add_argument(
            "--watch", action="store_true", help="check again on every save (ctrl+c to stop)"
        )
        _add_max_bytes(parser)
    elif command == "export":
        parser = _Parser(
            prog=f"{PROG} export",
            description="Write the resolved story (with locations) as JSON or Markdown.",
        )
        _add_file(parser)
        parser.add_argument(
            "-f",
            "--format",
            choices=("json", "markdown", "html", "svg"),
            default="json",
            help="json (default), markdown, html (one self-contained page) or svg (a screenshot "
            "of the app's main screen)",
        )
        parser.add_argument(
            "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
        )
        _add_max_bytes(parser)
    elif command == "read":
        parser = _Parser(
            prog=f"{PROG} read",
            description=(
                "Print the story as plain, linear text for screen readers, braille displays and "
                "pipes: headings, paragraphs, people and quotes, figures, timeline."
            ),
        )
        _add_file(parser)
        parser.add_argument("--width", type=int, metavar="N", help="wrap to N columns")
        part = parser.add_mutually_exclusive_group()
        part.add_argument("--section", metavar="ID", help="print just this section")
        part.add_argument("--person", metavar="ID", help="print just this person and quotes")
        _add_max_bytes(parser)
    elif command == "serve":
        parser = _Parser(
            prog=f"{PROG} serve",
            description=(
                "Serve the browser to a web browser (works offline). Listens on 127.0.0.1 and "
                "prints an address with a one-time token; only that page may connect."
            ),
        )
        _add_file(parser)
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--theme", metavar="NAME", help="colour theme for every session")
        _add_max_bytes(parser)
    elif command == "draft":
        parser = _Parser(
            prog=f"{PROG} draft",
            description=(
                "Draft a story file from a plain-text or Markdown article: quotes, speakers, "
                "people, figures and dates, copied verbatim; guesses marked '# check:'."
            ),
        )
        parser.add_argument(
            "article", metavar="ARTICLE", help="the article, plain text or Markdown"
        )
        parser.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")
        parser.add_argument("--id", help="the story id (default: from the file name)")
        parser.add_argument(
            "--paragraphs-per-section",
            type=int,
            default=3,
            metavar="N",
            help="paragraphs per placeholder section when the article has no headings",
        )
    else:
        parser = _Parser(
            prog=f"{PROG} schema",
            description="Print a JSON Schema of the story format for editors' YAML plugins.",
        )
    return parser


def _say(stream: TextIO, text: str) -> None:
    stream.write(text + "\n")


def _load(path: str | None, max_bytes: int) -> Story:
    from story_tui.loader import load_story

    return load_story(path if path is not None else bundled_story(), max_bytes)


class _Exit(Exception):
    """Stop the command with an exit code (what it had to say is already printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _load_or_exit(path: str | None, max_bytes: int) -> Story:
    """Load a story, or print why not on stderr and stop with exit code 2 or 1."""
    try:
        return _load(path, max_bytes)
    except StoryUnreadable as error:
        _say(sys.stderr, f"{PROG}: error: {error}")
        raise _Exit(EXIT_USAGE) from None
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            _say(sys.stderr, str(diagnostic))
        raise _Exit(EXIT_INVALID) from None


def _write_output(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from story_tui.files import write_atomic

    write_atomic(output, text)


def cmd_validate(args: argparse.Namespace) -> int:
    """`story-tui validate`: print problems; exit 0, 1 (invalid) or 2 (unreadable)."""
    paths: list[str | None] = list(args.files) or [None]
    status = EXIT_OK
    for path in paths:
        shown = path if path is not None else str(bundled_story())
        try:
            story = _load(path, args.max_bytes)
        except StoryUnreadable as error:
            _say(sys.stderr, f"{PROG}: error: {error}")
            status = max(status, EXIT_USAGE)
            continue
        except StoryInvalid as error:
            for diagnostic in error.diagnostics:
                _say(sys.stdout, str(diagnostic))
            _say(sys.stderr, visible(f"{shown}: {plural(len(error.diagnostics), 'error')}"))
            status = max(status, EXIT_INVALID)
            continue
        if not args.quiet:
            counts = ", ".join(
                plural(n, word, "people" if word == "person" else None)
                for n, word in (
                    (len(story.sections), "section"),
                    (story.paragraph_count, "paragraph"),
                    (len(story.people), "person"),
                    (len(story.quotes), "quote"),
                    (len(story.figures), "figure"),
                    (len(story.timeline), "event"),
                )
            )
            _say(sys.stdout, visible(f"{shown}: valid ({counts})"))
    return status


def cmd_validate_or_watch(args: argparse.Namespace) -> int:
    """`story-tui validate`, once or (with --watch) on every save until ctrl+c."""
    if not args.watch:
        return cmd_validate(args)
    if not args.files:
        raise UsageError("--watch needs the FILE(S) to watch")
    from datetime import datetime
    from pathlib import Path

    from watchfiles import watch

    targets = {Path(f).resolve() for f in args.files}
    status = cmd_validate(args)
    resume_collector()  # a long-running command from here on
    _say(sys.stdout, f"-- watching {len(targets)} file(s); ctrl+c to stop")
    sys.stdout.flush()
    folders = {str(t.parent) for t in targets}
    try:
        for changes in watch(*folders, raise_interrupt=False, rust_timeout=500):
            if not any(Path(path).resolve() in targets for _change, path in changes):
                continue
            _say(sys.stdout, f"-- {datetime.now():%H:%M:%S} changed")
            status = cmd_validate(args)
            sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    return status


def cmd_export(args: argparse.Namespace) -> int:
    """`story-tui export`: JSON or Markdown of the resolved model."""
    from story_tui.export import to_json, to_markdown

    story = _load_or_exit(args.file, args.max_bytes)
    if args.format == "json":
        text = to_json(story)
    elif args.format == "markdown":
        text = to_markdown(story)
    elif args.format == "html":
        from story_tui.reader import to_html

        text = to_html(story)
    else:
        text = screenshot_svg(story)
    try:
        _write_output(text, args.output)
    except OSError as error:
        _say(sys.stderr, visible(f"{PROG}: error: cannot write {args.output}: {error.strerror}"))
        return EXIT_USAGE
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    """`story-tui draft`: a story file from an article, checked before it is written."""
    from pathlib import Path

    from story_tui.draft import make_draft, slug, summary, to_yaml
    from story_tui.loader import parse_story
    from story_tui.storyfile import decode_story_bytes

    try:
        data = Path(args.article).read_bytes()
    except OSError as error:
        _say(sys.stderr, visible(f"{PROG}: error: cannot read {args.article}: {error.strerror}"))
        return EXIT_USAGE
    try:
        text = decode_story_bytes(data, args.article)
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            _say(sys.stderr, str(diagnostic))
        return EXIT_INVALID
    draft = make_draft(text, max(1, args.paragraphs_per_section))
    story_id = args.id or slug(Path(args.article).stem)
    yaml_text = to_yaml(draft, story_id)
    _say(sys.stderr, visible(summary(draft)))
    try:
        parse_story(yaml_text, args.output or "<draft>")
    except StoryInvalid as error:
        # The article itself breaks a rule (a control character, say): say so, write anyway.
        _say(sys.stderr, "the draft does not validate yet:")
        for diagnostic in error.diagnostics:
            _say(sys.stderr, f"  {diagnostic}")
    try:
        _write_output(yaml_text, args.output)
    except OSError as error:
        _say(sys.stderr, visible(f"{PROG}: error: cannot write {args.output}: {error.strerror}"))
        return EXIT_USAGE
    return EXIT_OK


def screenshot_svg(story: Story, size: tuple[int, int] = (120, 36)) -> str:
    """An SVG screenshot of the app's main screen on a story (rendered headless)."""
    import asyncio
    import os
    import tempfile

    from story_tui.app import StoryApp

    os.environ.setdefault("STORY_TUI_STATE_DIR", tempfile.mkdtemp(prefix="story-tui-"))

    async def shoot() -> str:
        app = StoryApp(story, remember=False)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return app.export_screenshot(title=story.title)

    return asyncio.run(shoot())


def cmd_read(args: argparse.Namespace) -> int:
    """`story-tui read`: linear plain text."""
    import os
    import shutil

    from story_tui.reader import read_text

    story = _load_or_exit(args.file, args.max_bytes)
    tty = sys.stdout.isatty()
    width = args.width or (shutil.get_terminal_size((80, 24)).columns if tty else 80)
    color = tty and not os.environ.get("NO_COLOR")
    try:
        text = read_text(story, width, color, args.section, args.person)
    except KeyError as missing:
        kind = "section" if args.section else "person"
        raise UsageError(f"this story has no {kind} {missing.args[0]!r}") from None
    sys.stdout.write(text)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """`story-tui serve`: check the story, then serve it until ctrl+c."""
    story = _load_or_exit(args.file, args.max_bytes)
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {args.port}")
    from story_tui.serve import serve

    resume_collector()  # a long-running command from here on
    return serve(args.file, args.host, args.port, args.theme, visible(story.title))


def cmd_schema(_args: argparse.Namespace) -> int:
    """`story-tui schema`: the JSON Schema of the format."""
    from story_tui.export import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def cmd_browse(args: argparse.Namespace) -> int:
    """`story-tui [FILE]`: load the story (from the cache when it can), then open the browser."""
    from pathlib import Path

    from story_tui.cache import cache_key, load_cached
    from story_tui.storyfile import decode_story_bytes, read_story_bytes

    if args.theme is not None:
        from textual.theme import BUILTIN_THEMES

        if args.theme not in BUILTIN_THEMES:
            names = ", ".join(sorted(BUILTIN_THEMES))
            raise UsageError(f"unknown theme {args.theme!r}; choose one of: {names}")
    if args.watch and args.file is None:
        raise UsageError("--watch needs the FILE to watch")
    path = Path(args.file) if args.file is not None else bundled_story()
    try:
        data = read_story_bytes(path, args.max_bytes)
        key = cache_key(data)
        story = None if args.no_cache else load_cached(key)
        from_cache = story is not None
        if story is None:
            from story_tui.loader import parse_story  # PyYAML only when there is no cache

            story = parse_story(decode_story_bytes(data, str(path)), str(path))
    except StoryUnreadable as error:
        _say(sys.stderr, f"{PROG}: error: {error}")
        return EXIT_USAGE
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            _say(sys.stderr, str(diagnostic))
        return EXIT_INVALID
    start = start_target(story, args)
    from story_tui.browse import run_browser

    return run_browser(story, args, start, key, cache=not from_cache and not args.no_cache)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            command = argv[0]
            args = build_command_parser(command).parse_args(argv[1:])
            handler = {
                "validate": cmd_validate_or_watch,
                "export": cmd_export,
                "schema": cmd_schema,
                "draft": cmd_draft,
                "read": cmd_read,
                "serve": cmd_serve,
            }
            return handler[command](args)
        return cmd_browse(build_browse_parser().parse_args(argv))
    except UsageError as error:
        _say(sys.stderr, visible(f"{PROG}: error: {error}"))
        return EXIT_USAGE
    except _Exit as stop:
        return stop.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `story-tui export | head`: the reader left; that is not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
