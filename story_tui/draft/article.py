"""The article the drafter reads, and the cleaning shared by its text and web-page readers.

Text is decoded as UTF-8, mojibake is repaired with ftfy (never the quote marks: curly quotes
stay curly), and characters a story may not hold (control characters, bidi overrides) are
reported as `file:line:col` and kept out. A first `# ` heading, or a first line that reads as a
headline, becomes the title. Plain Python; no UI imports. `input.py` (text, and which reader a
file needs) and `html.py` (a saved web page) both build on this module, not on each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy

from story_tui.story.safety import UNSAFE_TEXT, describe_unsafe


class NoArticle(Exception):
    """The input holds no article (an empty file, an index of links, a login wall)."""


@dataclass
class Article:
    """The article's text and what is known about it."""

    paragraphs: list[tuple[str | None, str]]
    """(heading it falls under, paragraph text)."""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    """The page's authors (JSON-LD `author`, `<meta name="author">`)."""
    updated: str | None = None
    """When the page was last modified (YYYY-MM-DD), when it says so."""
    problems: list[str] = field(default_factory=list)
    """`file:line:col: warning: …` lines about what was kept out."""


_FIX = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    normalization=None,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HEADLINE_END = re.compile(r"[.,;:]$")
_RULE = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")


def clean_text(text: str, filename: str) -> tuple[str, list[str]]:
    """The text without unsafe characters, mojibake repaired, and what was removed."""
    problems: list[str] = []
    if UNSAFE_TEXT.search(text.replace("\r", "")):
        for line_number, line in enumerate(text.split("\n"), start=1):
            for match in UNSAFE_TEXT.finditer(line):
                char = match.group()
                if char == "\r":
                    continue
                problems.append(
                    f"{filename}:{line_number}:{match.start() + 1}: warning: "
                    f"{describe_unsafe(char)} not copied into the draft"
                )
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = ftfy.fix_text(text, _FIX)
    text = UNSAFE_TEXT.sub(lambda m: " " if m.group() in "\t\x0b\x0c" else "", text)
    text = text.replace("\t", " ")
    return text, problems


def looks_like_headline(line: str) -> bool:
    """A short single line that does not end like a sentence: `Storm kills 3 in Texas`."""
    words = line.split()
    return 0 < len(words) <= 30 and len(line) <= 250 and not _HEADLINE_END.search(line)


def split_paragraphs(text: str) -> tuple[str | None, list[tuple[str | None, str]]]:
    """The title (if any) and the paragraphs of a plain or Markdown article, each with its heading.

    Paragraphs are separated by blank lines, or one per line when there are none. `# Title` (the
    first heading, before any paragraph) or a first line that reads as a headline is the title;
    other headings start sections; rules (`---`) are skipped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\ufeff")
    blank_lines = _BLANK_LINE.search(text) is not None
    blocks = _BLANK_LINE.split(text) if blank_lines else text.split("\n")
    blocks = [b.strip() for b in blocks if b.strip()]
    title: str | None = None
    heading: str | None = None
    paragraphs: list[tuple[str | None, str]] = []
    for index, block in enumerate(blocks):
        if re.match(r"#{1,6}\s", block) and "\n" not in block:
            words = block.lstrip("#").strip()
            if block.startswith("# ") and title is None and not paragraphs:
                title = words
            elif words:
                heading = words
            continue
        if _RULE.fullmatch(block):
            continue  # a Markdown rule (`---`, `***`) is no paragraph
        if (
            index == 0
            and title is None
            and len(blocks) > 1
            and "\n" not in block
            and looks_like_headline(block)
        ):
            title = block
            continue
        # Inside a blank-line paragraph, single newlines are soft wraps in the source.
        paragraphs.append((heading, re.sub(r"\s*\n\s*", " ", block)))
    return title, paragraphs
