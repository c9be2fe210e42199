"""The draft as a story file (YAML), and the summary printed beside it. Plain Python.

Every guess about the article's facts (who said a quote, who a person is, a date read from
relative words) becomes a `check:` key on its item, which readers see as unconfirmed until an
editor deletes it; editorial to-dos (a placeholder heading or label) stay `# check:` comments. The
summary lists both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from story_tui.draft.model import Draft, DraftEvent, DraftFigure, DraftQuote, unique_id
from story_tui.draft.titles import event_label


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML, and escape everything needed)."""
    return json.dumps(text, ensure_ascii=False)


def short(text: str, width: int) -> str:
    """The text cut at a word boundary to at most `width` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def plural(count: int, one: str, many: str | None = None) -> str:
    """`1 section`, `2 sections`."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


@dataclass
class Written:
    """The YAML text and every `# check:` it holds, in file order."""

    text: str
    checks: list[str] = field(default_factory=list)
    unattributed: int = 0
    paths: dict[str, object] = field(default_factory=dict)
    """`people[1].quotes[0]`, `figures[3]`, `timeline[0]` -> the draft item written there."""


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.checks: list[str] = []

    def add(self, line: str, check: str | None = None, what: str = "") -> None:
        """A line, with an editor's to-do as a `# check:` comment."""
        if check:
            self.checks.append(f"{what}: {check}" if what else check)
            line += f"  # check: {check}"
        self.lines.append(line)

    def check(self, indent: str, check: str | None, what: str) -> None:
        """A `check:` key: a guess about the article's facts that a reader sees marked."""
        if check:
            self.checks.append(f"{what}: {check}")
            self.lines.append(f"{indent}check: {_q(check)}")


def to_yaml(draft: Draft, story_id: str) -> str:
    """The draft as a story file."""
    return write(draft, story_id).text


def _anchor(out: _Out, indent: str, prefix: str | None, suffix: str | None) -> None:
    if prefix is not None:
        out.add(f"{indent}prefix: {_q(prefix)}")
    if suffix is not None:
        out.add(f"{indent}suffix: {_q(suffix)}")


def _repeated(article: str, texts: set[str]) -> set[str]:
    """The texts that occur twice or more, without overlapping, in the article.

    One Aho-Corasick pass over the article (as the loader anchors spans): a search of the
    whole article per item made drafting a one-paragraph article of a megabyte quadratic.
    """
    import ahocorasick

    if not texts or not article:
        return set()
    automaton = ahocorasick.Automaton()
    for text in texts:
        automaton.add_word(text, text)
    automaton.make_automaton()
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for end, text in automaton.iter(article):
        start = end - len(text) + 1
        first.setdefault(text, start)
        last[text] = start
    return {text for text, start in first.items() if last[text] - start >= len(text)}


def _anchors(draft: Draft) -> dict[int, tuple[str | None, str | None]]:
    """Prefix and suffix for every span that occurs more than once in the article."""
    paragraphs = [p for s in draft.sections for p in s.paragraphs]
    article = "\n".join(paragraphs)
    found: dict[int, tuple[str | None, str | None]] = {}
    items: list[DraftQuote | DraftFigure | DraftEvent] = [
        *draft.quotes,
        *draft.figures,
        *draft.events,
    ]
    repeated = _repeated(article, {item.text for item in items if item.text})
    for item in items:
        if item.text not in repeated or item.paragraph >= len(paragraphs):
            continue
        paragraph = paragraphs[item.paragraph]
        start, end = item.start, item.start + len(item.text)
        if paragraph[start:end] != item.text:
            continue
        before = paragraph[max(0, start - 16) : start]
        after = paragraph[end : end + 16]
        if " " in before[:-1]:
            before = before[before.index(" ", 0, len(before) - 1) :]
        if " " in after[1:]:
            after = after[: after.rindex(" ", 1)]
        found[id(item)] = (before or None, after or None)
    return found


def write(draft: Draft, story_id: str) -> Written:
    """The draft as a story file, with `# check:` comments on every guess, and `prefix`/`suffix`
    on every span the article holds more than once."""
    anchors = _anchors(draft)
    paths: dict[str, object] = {}
    out = _Out()
    out.add("# Drafted by `story-tui draft`. Every span below is copied from the article.")
    out.add("# Fix each check comment below, then run `story-tui validate` on this file.")
    out.add("format: 1")
    out.add(f"id: {_q(story_id)}")
    out.add(
        f"title: {_q(draft.title)}", None if draft.title_found else "write the headline", "title"
    )
    if draft.published:
        out.add(f"published: {_q(draft.published)}")
    if draft.updated and (draft.published is None or draft.updated >= draft.published):
        out.add(f"updated: {_q(draft.updated)}")
    if draft.url and re.fullmatch(r"https?://[^\s]+", draft.url):
        out.add(f"url: {_q(draft.url)}")
    if draft.authors:
        out.add(f"authors: [{', '.join(_q(a) for a in draft.authors)}]")
    out.add('# standfirst: "…"  (add a one- or two-sentence summary here)')
    out.add("sources:" + ("" if draft.sources else " []"))
    for source_id, name in draft.sources.items():
        out.add(f"  - id: {_q(source_id)}")
        out.add(f"    name: {_q(name)}")
    out.add("sections:")
    for section in draft.sections:
        out.add(f"  - id: {_q(section.id)}")
        check = None
        if section.placeholder and re.fullmatch(r"Part \d+", section.title):
            check = "a placeholder heading (no sentence to draft one from): write one"
        elif section.placeholder:
            check = (
                "a heading drafted from the section's first sentence: rewrite it if it does not fit"
            )
        out.add(f"    title: {_q(section.title)}", check, f"section {section.id}")
        out.add("    paragraphs:")
        for paragraph in section.paragraphs:
            out.add(f"      - {_q(paragraph)}")
    quotes_of: dict[str | None, list[DraftQuote]] = {}
    for quote in draft.quotes:
        quotes_of.setdefault(quote.speaker, []).append(quote)
    out.add("people:" + ("" if draft.people else " []"))
    for person_index, person in enumerate(draft.people):
        out.add(f"  - id: {_q(person.id)}")
        checks = [
            "an organisation named from its attribution: give its full name"
            if person.kind == "organisation" and person.name[:1].islower()
            else "a speaker the article does not name: keep the description or remove"
            if person.unnamed
            else None
        ]
        out.add(f"    name: {_q(person.name)}")
        if person.kind != "person":
            out.add(f"    kind: {person.kind}")
        if person.aliases:
            out.add(f"    aliases: [{', '.join(_q(a) for a in person.aliases)}]")
        # No role found: none is written (a reader sees none, never "Unknown").
        role = person.role or (
            "Organisation" if person.kind != "person" else "Not named" if person.unnamed else None
        )
        if role:
            out.add(f"    role: {_q(role)}")
        elif not person.unnamed:
            checks.append("role not found in the article")
        out.check("    ", "; ".join(c for c in checks if c) or None, person.name)
        if person.age is not None and person.kind == "person":
            out.add(f"    age: {person.age}")
        if person.origin and person.kind == "person":
            out.add(f"    origin: {_q(person.origin)}")
        mine = quotes_of.get(person.id, [])
        out.add("    quotes:" + ("" if mine else " []"))
        for quote_index, quote in enumerate(mine):
            paths[f"people[{person_index}].quotes[{quote_index}]"] = quote
            what = f"quote “{short(quote.text, 40)}”"
            out.add(f"      - text: {_q(quote.text)}")
            out.add(f"        kind: {quote.kind}")
            out.check("        ", quote.check, what)
            if quote.source:
                out.add(f"        source: {_q(quote.source)}")
            out.add(f"        section: {_q(quote.section)}")
            _anchor(out, "        ", *anchors.get(id(quote), (None, None)))
    orphans = quotes_of.get(None, [])
    if orphans:
        out.add(
            "# quotations with no speaker found (give each to a person), counted in the summary:"
        )
        for quote in orphans:
            out.add(f"#   “{quote.text}”", quote.check or "no speaker found", "quotation")
    out.add("figures:" + ("" if draft.figures else " []"))
    used: set[str] = set()
    for figure_index, figure in enumerate(draft.figures):
        paths[f"figures[{figure_index}]"] = figure
        out.add(f"  - id: {_q(unique_id(figure.id, used))}")
        what = "figure " + short(figure.text, 30)
        # A figure's label is a placeholder to write (an editor's to-do), not a claim.
        out.add(f"    label: {_q(figure.label)}", figure.check or "write a label", what)
        out.add(f"    text: {_q(figure.text)}")
        if figure.value is not None:
            value = figure.value if isinstance(figure.value, int | float) else _q(figure.value)
            out.add(f"    value: {value}")
        if figure.unit:
            out.add(f"    unit: {_q(figure.unit)}")
        if figure.as_of:
            out.add(f"    as_of: {_q(figure.as_of)}")
        if figure.sources:
            out.add(f"    sources: [{', '.join(_q(s) for s in dict.fromkeys(figure.sources))}]")
        _anchor(out, "    ", *anchors.get(id(figure), (None, None)))
    out.add("timeline:" + ("" if draft.events else " []"))
    for event_index, event in enumerate(draft.events):
        paths[f"timeline[{event_index}]"] = event
        out.add(f"  - date: {_q(event.date)}")
        what = "event " + short(event.text, 30)
        out.add(
            f"    label: {_q(event_label(event.text))}",
            "a label drafted from the dated clause: rewrite it if it does not fit",
            what,
        )
        out.add(f"    text: {_q(event.text)}")
        out.check("    ", event.check, what)
        _anchor(out, "    ", *anchors.get(id(event), (None, None)))
    return Written("\n".join(out.lines) + "\n", out.checks, len(orphans), paths)


def validated(draft: Draft, story_id: str, filename: str = "<draft>") -> Written:
    """The draft written so that it validates: a quote, figure or event the loader cannot anchor
    is left out (a rule's mistake must not cost the whole draft). Raises StoryInvalid when the
    draft still does not validate."""
    import re

    from story_tui.story.diagnostics import StoryInvalid
    from story_tui.story.loader import parse_story

    for _attempt in range(5):
        written = write(draft, story_id)
        try:
            parse_story(written.text, filename)
            return written
        except StoryInvalid as error:
            bad: set[int] = set()
            for diagnostic in error.diagnostics:
                path = re.match(
                    r"people\[\d+\]\.quotes\[\d+\]|figures\[\d+\]|timeline\[\d+\]", diagnostic.field
                )
                item = written.paths.get(path.group()) if path else None
                if item is None:
                    raise
                bad.add(id(item))
            draft.quotes = [q for q in draft.quotes if id(q) not in bad]
            draft.figures = [f for f in draft.figures if id(f) not in bad]
            draft.events = [e for e in draft.events if id(e) not in bad]
    written = write(draft, story_id)
    parse_story(written.text, filename)
    return written


def summary(draft: Draft, written: Written) -> str:
    """What was found, and every `check:` key and `# check:` comment in the file, for the
    terminal."""
    paragraphs = sum(len(s.paragraphs) for s in draft.sections)
    direct = sum(1 for q in draft.quotes if q.speaker and q.kind == "direct")
    paraphrases = sum(1 for q in draft.quotes if q.speaker and q.kind == "paraphrase")
    lines = [
        "found "
        + ", ".join(
            [
                plural(len(draft.sections), "section"),
                plural(paragraphs, "paragraph"),
                plural(sum(1 for p in draft.people if p.kind == "person"), "person", "people"),
                plural(sum(1 for p in draft.people if p.kind != "person"), "organisation"),
                plural(direct, "direct quote"),
                plural(paraphrases, "paraphrase"),
                plural(
                    written.unattributed, "quotation with no speaker", "quotations with no speaker"
                ),
                plural(len(draft.figures), "figure"),
                plural(len(draft.events), "timeline event"),
                plural(len(draft.sources), "source"),
            ]
        ),
    ]
    for person in draft.people:
        details = ", ".join(
            str(x) for x in (person.role, person.age, person.origin) if x is not None
        )
        kind = "organisation" if person.kind != "person" else "person"
        lines.append(f"  {kind} {person.name} ({details or 'no details'})")
    if written.checks:
        lines.append(
            f"to check ({len(written.checks)}), each a `check:` key or a `# check:` comment "
            "in the file:"
        )
        lines += [f"  - {item}" for item in written.checks]
    return "\n".join(lines)
