"""The story as one self-contained HTML page (`story-tui export --format html`). No UI imports."""

from __future__ import annotations

import html

from story_tui.outputs.text import event_sentence, quote_sentence
from story_tui.story.formatting import (
    as_of_date,
    byline,
    format_value,
    quoted_in_sentence,
    source_names,
    unconfirmed,
)
from story_tui.story.model import Figure, Quote, Story
from story_tui.story.safety import visible

_CSS = """
body{font:17px/1.6 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em;color:#1d1d1d}
h1{font-size:1.8em;line-height:1.2} .standfirst{font-style:italic;color:#444}
mark{background:none;color:inherit} mark.name{font-weight:bold}
mark.direct{font-style:italic;background:#e8f4ea} mark.paraphrase{text-decoration:underline}
mark.figure{font-weight:bold;text-decoration:underline}
.quote{margin:.5em 0 1em 1em} .meta{color:#555;font-size:.9em}
.unconfirmed{color:#8a5300;font-size:.9em}
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


_RIGHT_TO_LEFT = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "khw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)
"""Languages written right to left (the primary subtag of a BCP 47 tag)."""
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})


def text_direction(language: str) -> str:
    """`rtl` for a right-to-left language tag (`ar`, `he-IL`, `ur-Arab`), else `ltr`."""
    subtags = language.replace("_", "-").lower().split("-")
    script = next((tag for tag in subtags[1:] if len(tag) == 4 and tag.isalpha()), None)
    if script is not None:
        return "rtl" if script in _RTL_SCRIPTS else "ltr"
    return "rtl" if subtags[0] in _RIGHT_TO_LEFT else "ltr"


def to_html(story: Story) -> str:
    """A single self-contained HTML page: no scripts, no outside URLs."""
    e = _escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(story.language)}" dir="{text_direction(story.language)}"><head>'
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(story.title)}</title><style>{_CSS}</style></head><body>",
        f"<article><h1>{e(story.title)}</h1>",
    ]
    if story.standfirst:
        parts.append(f'<p class="standfirst">{e(story.standfirst)}</p>')
    if line := byline(story):
        parts.append(f'<p class="meta byline">{e(line)}</p>')
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
            if person.check:
                parts.append(f'<p class="unconfirmed">{e(unconfirmed(person.check))}</p>')
            for quote in person.quotes:
                guess = (
                    f'<div class="unconfirmed">{e(unconfirmed(quote.check))}</div>'
                    if quote.check
                    else ""
                )
                parts.append(
                    f'<blockquote class="quote">{e(quoted_in_sentence(quote))}'
                    f'<div class="meta">{e(quote_sentence(story, quote).split(": ", 1)[0])}'
                    f"</div>{guess}</blockquote>"
                )
        parts.append("</section>")
    if story.figures:
        parts.append('<section id="figures"><h2>Key figures</h2><table>')
        parts.append(
            "<tr><th>Figure</th><th>Value</th><th>As of</th><th>Sources</th><th>To check</th></tr>"
        )
        for figure in story.figures:
            sources = source_names(story, figure.sources)
            parts.append(
                f"<tr><td>{e(figure.label)}</td><td>{e(format_value(figure))}</td>"
                f"<td>{e(as_of_date(figure))}</td>"
                f"<td>{e(sources)}</td><td>{e(unconfirmed(figure.check))}</td></tr>"
            )
        parts.append("</table></section>")
    if story.timeline:
        parts.append('<section id="timeline"><h2>Timeline</h2><ul>')
        parts += [f"<li>{e(event_sentence(ev))}</li>" for ev in story.timeline_sorted()]
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
