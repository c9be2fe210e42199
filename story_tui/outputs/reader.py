"""Plain, linear text of a story for screen readers, braille displays and pipes; and HTML.

No box drawing and no layout: headings, paragraphs, then people with their quotes, figures as
sentences, and the timeline. Plain Python; no UI imports.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable

from story_tui.story.formatting import format_value, human_date, plural
from story_tui.story.model import Figure, Person, Quote, Story, TimelineEvent
from story_tui.story.safety import visible

BOLD, RESET = "\x1b[1m", "\x1b[0m"


def _role_phrase(person: Person) -> str:
    role = person.role[:1].lower() + person.role[1:] if person.role else ""
    if person.origin:
        return f"{role} from {person.origin}" if role else f"from {person.origin}"
    return role


def quote_sentence(story: Story, quote: Quote) -> str:
    """`Quote, direct, by Milbayajaira Rivas, nurse from Venezuela: “…” Source: AFP.`"""
    person = story.speaker_of(quote)
    role = _role_phrase(person)
    who = f"{person.name}, {role}" if role else person.name
    words = f"“{quote.text}”" if quote.kind == "direct" else quote.text
    parts = [f"Quote, {quote.kind}, by {who}: {words}"]
    source = story.source_name(quote.source)
    if source:
        parts.append(f"Source: {source}.")
    section = story.section(quote.location.section)
    if section is not None:
        parts.append(f"In the section “{section.title}”.")
    return " ".join(parts)


def figure_sentence(story: Story, figure: Figure) -> str:
    """`Undocumented migrants in Chile, 2024: 330,000 people, as of 2024. Sources: …`"""
    parts = [f"{figure.label}: {format_value(figure)}"]
    if figure.as_of:
        parts[0] += f", as of {human_date(figure.as_of)}"
    parts[0] += "."
    if figure.sources:
        names = ", ".join(story.source_name(s) or s for s in figure.sources)
        parts.append(f"Sources: {names}.")
    parts.append(f"The article says “{figure.text}”.")
    if figure.note:
        parts.append(f"Note: {figure.note}")
    return " ".join(parts)


def event_sentence(event: TimelineEvent) -> str:
    """`April 2023: Peru declares a two-month state of emergency.`"""
    label = event.label.rstrip(".")
    return f"{human_date(event.date)}: {label}."


def read_text(
    story: Story,
    width: int = 80,
    color: bool = False,
    section_id: str | None = None,
    person_id: str | None = None,
) -> str:
    """The story as linear text, wrapped to `width`; bold headings when `color`."""
    width = max(20, width)
    out: list[str] = []

    def heading(text: str) -> None:
        for line in textwrap.wrap(visible(text), width, break_on_hyphens=False) or [""]:
            out.append(f"{BOLD}{line}{RESET}" if color else line)
        out.append("")

    def para(text: str, indent: str = "") -> None:
        out.extend(
            textwrap.wrap(
                visible(text),
                width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
            or [""]
        )
        out.append("")

    if person_id is not None:
        person = story.person(person_id)
        if person is None:
            raise KeyError(person_id)
        _person_block(story, person, heading, para)
        return "\n".join(out).rstrip() + "\n"
    if section_id is not None:
        section = story.section(section_id)
        if section is None:
            raise KeyError(section_id)
        heading(f"Section {section.index + 1} of {len(story.sections)}: {section.title}")
        for paragraph in section.paragraphs:
            para(paragraph)
        return "\n".join(out).rstrip() + "\n"

    heading(story.title)
    if story.standfirst:
        para(story.standfirst)
    meta = []
    if story.published:
        meta.append(f"Published {human_date(story.published.isoformat())}.")
    if story.sources:
        meta.append("Sources: " + ", ".join(s.name for s in story.sources) + ".")
    if meta:
        para(" ".join(meta))
    for section in story.sections:
        heading(f"Section {section.index + 1} of {len(story.sections)}: {section.title}")
        for paragraph in section.paragraphs:
            para(paragraph)
    if story.people:
        heading(f"People ({len(story.people)})")
        for person in story.people:
            _person_block(story, person, None, para)
    if story.figures:
        heading(f"Key figures ({len(story.figures)})")
        for figure in story.figures:
            para(figure_sentence(story, figure))
    if story.timeline:
        heading(f"Timeline ({len(story.timeline)} events)")
        for event in story.timeline_sorted():
            para(event_sentence(event))
    return "\n".join(out).rstrip() + "\n"


def _person_block(
    story: Story,
    person: Person,
    heading: Callable[[str], None] | None,
    para: Callable[..., None],
) -> None:
    details = [person.role]
    if person.age is not None:
        details.append(f"age {person.age}")
    if person.origin:
        details.append(f"from {person.origin}")
    count = len(person.quotes)
    intro = f"{person.name}: {', '.join(details)}. {plural(count, 'quote')}."
    if heading is not None:
        heading(person.name)
    para(intro)
    for quote in person.quotes:
        para(quote_sentence(story, quote), "  ")


# HTML --------------------------------------------------------------------------------------------

_CSS = """
body{font:17px/1.6 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em;color:#1d1d1d}
h1{font-size:1.8em;line-height:1.2} .standfirst{font-style:italic;color:#444}
mark{background:none;color:inherit} mark.name{font-weight:bold}
mark.direct{font-style:italic;background:#e8f4ea} mark.paraphrase{text-decoration:underline}
mark.figure{font-weight:bold;text-decoration:underline}
.quote{margin:.5em 0 1em 1em} .meta{color:#555;font-size:.9em}
table{border-collapse:collapse}
td,th{border-bottom:1px solid #ccc;padding:.3em .6em;text-align:left}
@media (prefers-color-scheme: dark){body{background:#181818;color:#e6e6e6}
 mark.direct{background:#234027} .meta,.standfirst{color:#aaa}}
"""


def _marked_paragraph(story: Story, section_id: str, index: int, text: str) -> str:
    """A paragraph with its quotes, figures and names wrapped in <mark>, escaped."""
    marks: list[tuple[int, int, str]] = []
    for item in story.anchored_in(section_id, index):
        if isinstance(item, Quote):
            marks.append((item.location.start, item.location.end, item.kind))
        elif isinstance(item, Figure):
            marks.append((item.location.start, item.location.end, "figure"))
    for _person, location in story.mentions_in(section_id, index):
        marks.append((location.start, location.end, "name"))
    # Nested marks must not cross: keep the outermost, then inner ones fully inside it.
    marks.sort(key=lambda m: (m[0], -m[1]))
    events: list[tuple[int, int, str]] = []  # (offset, order, html)
    open_stack: list[int] = []
    for start, end, kind in marks:
        while open_stack and open_stack[-1] <= start:
            open_stack.pop()
        if open_stack and end > open_stack[-1]:
            continue  # would cross an open mark
        events.append((start, 1, f'<mark class="{kind}">'))
        events.append((end, 0, "</mark>"))
        open_stack.append(end)
    events.sort(key=lambda e: (e[0], e[1]))
    out, last = [], 0
    for offset, _order, tag in events:
        out.append(html.escape(visible(text[last:offset])))
        out.append(tag)
        last = offset
    out.append(html.escape(visible(text[last:])))
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(visible(text))


def to_html(story: Story) -> str:
    """A single self-contained HTML page: no scripts, no outside URLs."""
    e = _escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(story.language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(story.title)}</title><style>{_CSS}</style></head><body>",
        f"<article><h1>{e(story.title)}</h1>",
    ]
    if story.standfirst:
        parts.append(f'<p class="standfirst">{e(story.standfirst)}</p>')
    if story.sources:
        names = ", ".join(e(s.name) for s in story.sources)
        parts.append(f'<p class="meta">Sources: {names}</p>')
    for section in story.sections:
        parts.append(f'<section id="section-{e(section.id)}"><h2>{e(section.title)}</h2>')
        for index, paragraph in enumerate(section.paragraphs):
            parts.append(f"<p>{_marked_paragraph(story, section.id, index, paragraph)}</p>")
        parts.append("</section>")
    parts.append("</article>")
    if story.people:
        parts.append('<section id="people"><h2>People</h2>')
        for person in story.people:
            parts.append(f'<h3>{e(person.name)}</h3><p class="meta">{e(person.summary)}</p>')
            for quote in person.quotes:
                words = f"“{quote.text}”" if quote.kind == "direct" else quote.text
                parts.append(
                    f'<blockquote class="quote">{e(words)}'
                    f'<div class="meta">{e(quote_sentence(story, quote).split(": ", 1)[0])}'
                    "</div></blockquote>"
                )
        parts.append("</section>")
    if story.figures:
        parts.append('<section id="figures"><h2>Key figures</h2><table>')
        parts.append("<tr><th>Figure</th><th>Value</th><th>As of</th><th>Sources</th></tr>")
        for figure in story.figures:
            sources = ", ".join(story.source_name(s) or s for s in figure.sources)
            parts.append(
                f"<tr><td>{e(figure.label)}</td><td>{e(format_value(figure))}</td>"
                f"<td>{e(human_date(figure.as_of) if figure.as_of else '')}</td>"
                f"<td>{e(sources)}</td></tr>"
            )
        parts.append("</table></section>")
    if story.timeline:
        parts.append('<section id="timeline"><h2>Timeline</h2><ul>')
        parts += [f"<li>{e(event_sentence(ev))}</li>" for ev in story.timeline_sorted()]
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
