"""`story-tui export` and `story-tui schema`: the story, or the format, written out."""

from __future__ import annotations

import argparse
import json

from story_tui.cli.common import (
    EXIT_OK,
    PROG,
    Parser,
    add_file,
    add_max_bytes,
    check_output,
    load_or_exit,
    write_output,
)
from story_tui.outputs.formats import FORMAT_NAMES, FORMATS, export_format
from story_tui.story.model import Story


def format_names() -> tuple[str, ...]:
    """The export formats (outputs/formats.py), for `--format` and for `story-tui --help`."""
    return FORMAT_NAMES


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui export`."""
    parser = Parser(
        prog=f"{PROG} export",
        description=(
            "Write the resolved story (with locations) as JSON or Markdown, as one "
            "self-contained HTML page, as an SVG screenshot of the app's main screen, or as "
            "W3C Web Annotations (JSON-LD) for annotation tools."
        ),
    )
    add_file(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMAT_NAMES,
        default=FORMAT_NAMES[0],
        help=", ".join(f"{f.name} ({f.description})" for f in FORMATS)
        + f"; default {FORMAT_NAMES[0]}",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
    )
    add_max_bytes(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """`story-tui export`: the resolved story in one of the formats of `outputs/formats.py`."""
    check_output(args.output, args.file)
    story = load_or_exit(args.file, args.max_bytes)
    write = export_format(args.format).write
    text = write(story) if write is not None else screenshot_svg(story)
    write_output(text, args.output)
    return EXIT_OK


def screenshot_svg(story: Story, size: tuple[int, int] = (120, 36)) -> str:
    """An SVG screenshot of the app's main screen on a story (rendered headless)."""
    import asyncio
    import os
    import tempfile

    from story_tui.tui.app import StoryApp

    os.environ.setdefault("STORY_TUI_STATE_DIR", tempfile.mkdtemp(prefix="story-tui-"))

    async def shoot() -> str:
        app = StoryApp(story, remember=False)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return app.export_screenshot(title=story.title)

    return asyncio.run(shoot())


def build_schema_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui schema`."""
    parser = Parser(
        prog=f"{PROG} schema",
        description="Print a JSON Schema of the story format for editors' YAML plugins.",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
    )
    return parser


def run_schema(args: argparse.Namespace) -> int:
    """`story-tui schema`: the JSON Schema of the format."""
    from story_tui.outputs.schema import json_schema

    check_output(args.output)
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    write_output(text, args.output)
    return EXIT_OK
