"""`story-tui draft`: a story file from an article, checked before it is written."""

from __future__ import annotations

import argparse
import sys

from story_tui.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Parser,
    say,
    write_output,
)
from story_tui.story.diagnostics import StoryInvalid
from story_tui.story.safety import visible


def build_parser() -> argparse.ArgumentParser:
    """The parser for `story-tui draft`."""
    parser = Parser(
        prog=f"{PROG} draft",
        description=(
            "Draft a story file from a plain-text or Markdown article: quotes, speakers, "
            "people, figures and dates, copied verbatim; guesses marked '# check:'."
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", help="the article, plain text or Markdown")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")
    parser.add_argument("--id", help="the story id (default: from the file name)")
    parser.add_argument(
        "--paragraphs-per-section",
        type=int,
        default=3,
        metavar="N",
        help="paragraphs per placeholder section when the article has no headings",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Draft, check, write."""
    from pathlib import Path

    from story_tui.draft.core import make_draft, slug, summary, to_yaml
    from story_tui.story.loader import parse_story
    from story_tui.story.source import decode_story_bytes

    try:
        data = Path(args.article).read_bytes()
    except OSError as error:
        say(sys.stderr, visible(f"{PROG}: error: cannot read {args.article}: {error.strerror}"))
        return EXIT_USAGE
    try:
        text = decode_story_bytes(data, args.article)
    except StoryInvalid as error:
        for diagnostic in error.diagnostics:
            say(sys.stderr, str(diagnostic))
        return EXIT_INVALID
    draft = make_draft(text, max(1, args.paragraphs_per_section))
    story_id = args.id or slug(Path(args.article).stem)
    yaml_text = to_yaml(draft, story_id)
    say(sys.stderr, visible(summary(draft)))
    try:
        parse_story(yaml_text, args.output or "<draft>")
    except StoryInvalid as error:
        # The article itself breaks a rule (a control character, say): say so, write anyway.
        say(sys.stderr, "the draft does not validate yet:")
        for diagnostic in error.diagnostics:
            say(sys.stderr, f"  {diagnostic}")
    try:
        write_output(yaml_text, args.output)
    except OSError as error:
        say(sys.stderr, visible(f"{PROG}: error: cannot write {args.output}: {error.strerror}"))
        return EXIT_USAGE
    return EXIT_OK
