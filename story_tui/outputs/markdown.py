"""The story as a readable Markdown document. No UI imports."""

from __future__ import annotations

import re

from story_tui.story.formatting import (
    as_of_date,
    byline,
    capitalized,
    format_value,
    human_date,
    source_names,
    unconfirmed,
)
from story_tui.story.model import Story

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~!$&])")
"""Punctuation CommonMark (and math-aware renderers: `$…$`) may read as markup, escaped anywhere."""
_MD_LINE_START = re.compile(r"^([ \t]*)(?:([-+=])|(\d{1,9})([.)]))", re.MULTILINE)
"""What opens a list item or underlines a heading at a line's start: `- `, `+ `, `1. `, `2)`."""


def md_escape(text: str) -> str:
    """Escape text so a CommonMark renderer shows it literally (`*stars*` stay stars, `1.` stays
    a number, `$19.2 million … $28.8 million` stays money, not math)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark, number, dot = match.groups()
    if mark is not None:
        return f"{indent}\\{mark}"
    return f"{indent}{number}\\{dot}"


def to_markdown(story: Story) -> str:
    """A readable Markdown article, then its people and quotes, figures and timeline."""
    out: list[str] = [f"# {md_escape(story.title)}", ""]
    if story.standfirst:
        out += [f"_{md_escape(story.standfirst)}_", ""]
    if line := byline(story):
        out += [md_escape(line), ""]
    for section in story.sections:
        out += [f"## {md_escape(section.title)}", ""]
        for paragraph in section.paragraphs:
            out += [md_escape(paragraph), ""]
    if story.people:
        out += ["## People", ""]
        for person in story.people:
            out += [f"### {md_escape(person.name)}", ""]
            if person.summary:
                out += [md_escape(person.summary), ""]
            if person.check:
                out += [f"_{md_escape(capitalized(unconfirmed(person.check)))}_", ""]
            for quote in person.quotes:
                home = story.section(quote.location.section)
                where = home.title if home else quote.location.section
                attribution = [quote.kind, f"in “{where}”"]
                source = story.source_name(quote.source)
                if source:
                    attribution.append(f"source: {source}")
                if quote.check:
                    attribution.append(unconfirmed(quote.check))
                out += [
                    f"> {md_escape(quote.text)}",
                    ">",
                    f"> — {md_escape(', '.join(attribution))}",
                    "",
                ]
    if story.figures:
        out += [
            "## Key figures",
            "",
            "| Figure | Value | As of | Sources | Note |",
            "|---|---|---|---|---|",
        ]
        for figure in story.figures:
            sources = source_names(story, figure.sources)
            note = "; ".join(n for n in (figure.note, unconfirmed(figure.check)) if n)
            out.append(
                f"| {md_escape(figure.label)} | {md_escape(format_value(figure))} | "
                f"{md_escape(as_of_date(figure))} | {md_escape(sources)} | "
                f"{md_escape(note)} |"
            )
        out.append("")
    if story.timeline:
        out += ["## Timeline", ""]
        for event in story.timeline_sorted():
            guess = f" _({md_escape(unconfirmed(event.check))})_" if event.check else ""
            out.append(f"- **{human_date(event.date)}**: {md_escape(event.label)}{guess}")
        out.append("")
    return "\n".join(out)
