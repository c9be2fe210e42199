"""Load a story file into the immutable model, reporting every problem at once.

Plain Python; no UI imports. `load_story` is the one entry point for files, `parse_story` for text.
Nothing here raises anything but `StoryError` subclasses, whatever the input.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from story_tui.story.anchoring import Article, closest_passage, find_mentions, find_spans
from story_tui.story.diagnostics import Diagnostic, StoryInvalid
from story_tui.story.model import (
    QUOTE_KINDS,
    Figure,
    FigureValue,
    Location,
    Person,
    Quote,
    QuoteKind,
    Section,
    Source,
    Story,
    TimelineEvent,
    event_key,
    quote_key,
)
from story_tui.story.source import read_story_text
from story_tui.story.spec import (
    DEFAULT_MAX_BYTES,
    FORMAT_VERSION,
    LANGUAGE_PATTERN,
    OBJECT_TITLES,
    OBJECTS,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
)
from story_tui.story.yamltree import Map, Node, Scalar, Seq, describe_type, read_tree, to_plain

_SLUG = re.compile(SLUG_PATTERN)
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_URL = re.compile(r"^https?://[^\s]+$")
MAX_CLOSEST_HINTS = 25
"""Closest-passage hints are fuzzy searches over the whole article; past this many, skip them."""


def load_story(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Story:
    """Load and check a story file.

    Args:
        path: The YAML story file.
        max_bytes: Refuse files larger than this.

    Raises:
        StoryUnreadable: the file cannot be read.
        StoryInvalid: with every problem in the file.
    """
    text = read_story_text(path, max_bytes)
    return parse_story(text, os.fspath(path))


def parse_story(text: str, filename: str = "<story>") -> Story:
    """Check story text and build the model.

    Raises:
        StoryInvalid: with every problem found, in file order.
    """
    tree = read_tree(text)
    checker = _Checker(filename)
    for problem in tree.problems:
        checker.diagnostics.append(
            Diagnostic(problem.line, problem.col, problem.message, problem.field, filename)
        )
    story: Story | None = None
    if tree.complete:
        if tree.root is None:
            checker.error_at(1, 1, "the file is empty; a story starts with 'format: 1'", "")
        else:
            story = checker.story(tree.root)
    if checker.diagnostics or story is None:
        raise StoryInvalid(checker.diagnostics)
    return story


# ------------------------------------------------------------------------------------------------


@dataclass
class _Pending:
    """An anchored item waiting for its location."""

    text: str
    hint: str | None
    node: Node
    path: str
    location: Location | None = None


@dataclass
class _Collected:
    """What the first pass gathered, before anchoring and references are resolved."""

    ids: dict[str, dict[str, tuple[Node, str]]] = field(
        default_factory=lambda: {"source": {}, "section": {}, "person": {}, "figure": {}}
    )
    references: list[tuple[str, str, Node, str]] = field(default_factory=list)
    spans: list[_Pending] = field(default_factory=list)


class _Checker:
    """Walks the located tree, collecting diagnostics and building model objects."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []
        self.collected = _Collected()

    # Reporting ---------------------------------------------------------------------------------

    def error_at(self, line: int, col: int, message: str, path: str) -> None:
        self.diagnostics.append(Diagnostic(line, col, message, path, self.filename))

    def error(self, node: Node, message: str, path: str) -> None:
        self.error_at(node.line, node.col, message, path)

    # Objects -----------------------------------------------------------------------------------

    def fields(self, node: Node, path: str, kind: str) -> tuple[dict[str, Node], dict[str, Any]]:
        """Check an object's keys; returns its known fields and its `x-` extensions."""
        spec = OBJECTS[kind]
        title = OBJECT_TITLES[kind]
        if not isinstance(node, Map):
            self.error(node, f"expected a {title} (a mapping), got {describe_type(node)}", path)
            return {}, {}
        known: dict[str, Node] = {}
        extensions: dict[str, Any] = {}
        for key, value in node.items:
            name = key.value
            key_path = f"{path}.{name}" if path else str(name)
            if not isinstance(name, str):
                self.error(key, f"a key must be text, got {describe_type(key)}", key_path)
                continue
            if name.startswith("x-"):
                extensions[name] = to_plain(value)
                continue
            if name not in spec:
                hint = difflib.get_close_matches(name, list(spec), n=1)
                suffix = f" (did you mean '{hint[0]}'?)" if hint else ""
                allowed = ", ".join(spec)
                self.error(
                    key,
                    f"unknown key '{name}' in {title}{suffix}; allowed: {allowed}, or x-…",
                    key_path,
                )
                continue
            known[name] = value
        for name, field_spec in spec.items():
            if field_spec.required and name not in known:
                target = f"{path}.{name}" if path else name
                self.error(node, f"{title} is missing required key '{name}'", target)
        return known, extensions

    def items(self, node: Node | None, path: str, at_least_one: bool, what: str) -> list[Node]:
        """The items of a list field (a missing optional list is empty)."""
        if node is None:
            return []
        if isinstance(node, Scalar) and node.value is None:
            if at_least_one:
                self.error(node, f"needs at least one {what}", path)
            return []
        if not isinstance(node, Seq):
            plural = "people" if what == "person" else f"{what}s"
            self.error(node, f"expected a list of {plural}, got {describe_type(node)}", path)
            return []
        if at_least_one and not node.items:
            self.error(node, f"needs at least one {what}", path)
        return node.items

    # Scalars -----------------------------------------------------------------------------------

    def text(self, node: Node | None, path: str, required: bool = True) -> str | None:
        if node is None:
            return None
        if isinstance(node, Scalar) and node.value is None and not required:
            return None
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            hint = (
                " (put it in quotes)" if isinstance(node, Scalar) and node.value is not None else ""
            )
            self.error(node, f"expected text, got {describe_type(node)}{hint}", path)
            return None
        if not node.value.strip():
            self.error(node, "must not be empty", path)
            return None
        return node.value

    def slug(self, node: Node | None, path: str) -> str | None:
        value = self.text(node, path)
        if value is None or node is None:
            return None
        if not _SLUG.match(value) or value.endswith("\n"):
            self.error(
                node,
                f"'{value}' is not a valid id: use lowercase letters, digits and hyphens, "
                "starting with a letter or digit",
                path,
            )
            return None
        return value

    def partial_date(self, node: Node | None, path: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.error(node, f"expected a date, got {describe_type(node)}", path)
            return None
        value = node.value
        if isinstance(value, _dt.datetime):
            self.error(node, "expected a date without a time", path)
            return None
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
            return f"{value:04d}"
        if isinstance(value, str) and _PARTIAL_DATE.match(value) and _valid_partial(value):
            return value
        self.error(
            node,
            f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {describe_type(node)}",
            path,
        )
        return None

    def full_date(self, node: Node | None, path: str) -> _dt.date | None:
        value = self.partial_date(node, path)
        if value is None or node is None:
            return None
        if len(value) != 10:
            self.error(node, f"expected a full date YYYY-MM-DD, got '{value}'", path)
            return None
        return _dt.date.fromisoformat(value)

    def number_or_date(self, node: Node | None, path: str) -> FigureValue | None:
        if node is None:
            return None
        if isinstance(node, Scalar):
            value = node.value
            if isinstance(value, int | float) and not isinstance(value, bool):
                if not math.isfinite(value):
                    self.error(node, "expected a finite number", path)
                    return None
                return cast(FigureValue, value)
            if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
                return value.isoformat()
            if (
                isinstance(value, str)
                and _PARTIAL_DATE.match(value)
                and len(value) >= 7
                and _valid_partial(value)
            ):
                return value
        self.error(
            node,
            f"expected a number or an ISO date (YYYY-MM-DD or YYYY-MM), got {describe_type(node)}",
            path,
        )
        return None

    def age(self, node: Node | None, path: str) -> int | None:
        if node is None:
            return None
        if isinstance(node, Scalar):
            value = node.value
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 150:
                return value
        self.error(node, f"expected an age in whole years, got {describe_type(node)}", path)
        return None

    def text_list(self, node: Node | None, path: str, kind: str) -> tuple[str, ...]:
        read: Callable[[Node | None, str], str | None] = self.slug if kind == "id" else self.text
        values: list[str] = []
        for index, item in enumerate(self.items(node, path, False, kind)):
            value = read(item, f"{path}[{index}]")
            if value is not None:
                values.append(value)
        return tuple(values)

    # Model objects -----------------------------------------------------------------------------

    def register(self, kind: str, value: str | None, node: Node | None, path: str) -> None:
        if value is None or node is None:
            return
        seen = self.collected.ids[kind]
        if value in seen:
            first_node, _first_path = seen[value]
            self.error(
                node,
                f"duplicate {OBJECT_TITLES[kind]} id '{value}' "
                f"(first used at line {first_node.line})",
                path,
            )
            return
        seen[value] = (node, path)

    def refer(self, kind: str, value: str | None, node: Node | None, path: str) -> None:
        if value is not None and node is not None:
            self.collected.references.append((kind, value, node, path))

    def anchor(self, text: str | None, hint: str | None, node: Node | None, path: str) -> _Pending:
        pending = _Pending(text or "", hint, node or Scalar(1, 1, None), path)
        if text:
            self.collected.spans.append(pending)
        return pending

    def story(self, root: Node) -> Story | None:
        fields, extensions = self.fields(root, "", "story")
        if not isinstance(root, Map):
            return None
        fmt = fields.get("format")
        if fmt is not None and not (
            isinstance(fmt, Scalar) and type(fmt.value) is int and fmt.value == FORMAT_VERSION
        ):
            self.error(
                fmt,
                f"unsupported format {describe_type(fmt)}; this version of story-tui reads "
                f"format {FORMAT_VERSION}",
                "format",
            )
        story_id = self.slug(fields.get("id"), "id")
        title = self.text(fields.get("title"), "title")
        standfirst = self.text(fields.get("standfirst"), "standfirst", required=False)
        published = self.full_date(fields.get("published"), "published")
        language = "en"
        if "language" in fields:
            lang = self.text(fields["language"], "language")
            if lang is not None and not _LANGUAGE.match(lang):
                self.error(fields["language"], f"'{lang}' is not a BCP 47 language tag", "language")
            elif lang is not None:
                language = lang
        sources = [
            self.source(node, f"sources[{i}]")
            for i, node in enumerate(self.items(fields.get("sources"), "sources", False, "source"))
        ]
        sections = [
            self.section(node, f"sections[{i}]", i)
            for i, node in enumerate(
                self.items(fields.get("sections"), "sections", True, "section")
            )
        ]
        people = [
            self.person(node, f"people[{i}]")
            for i, node in enumerate(self.items(fields.get("people"), "people", False, "person"))
        ]
        figures = [
            self.figure(node, f"figures[{i}]")
            for i, node in enumerate(self.items(fields.get("figures"), "figures", False, "figure"))
        ]
        timeline = [
            self.event(node, f"timeline[{i}]", i)
            for i, node in enumerate(
                self.items(fields.get("timeline"), "timeline", False, "timeline event")
            )
        ]
        self.check_references()
        valid_sections = [s for s in sections if s is not None]
        article = Article.build((s.id, s.paragraphs) for s in valid_sections)
        self.resolve_spans(article)
        if self.diagnostics or story_id is None or title is None:
            return None
        mentions = find_mentions(
            article, {p.id: (p.name, *p.aliases) for p in people if p is not None}
        )
        return Story(
            id=story_id,
            title=title,
            sections=tuple(valid_sections),
            format=FORMAT_VERSION,
            standfirst=standfirst,
            published=published,
            language=language,
            sources=tuple(s for s in sources if s is not None),
            people=tuple(
                _finish_person(p, tuple(mentions.get(p.id, ()))) for p in people if p is not None
            ),
            figures=tuple(f.finish() for f in figures if f is not None),
            timeline=tuple(e.finish() for e in timeline if e is not None),
            extensions=extensions,
        )

    def source(self, node: Node, path: str) -> Source | None:
        fields, extensions = self.fields(node, path, "source")
        source_id = self.slug(fields.get("id"), f"{path}.id")
        self.register("source", source_id, fields.get("id"), f"{path}.id")
        name = self.text(fields.get("name"), f"{path}.name")
        url = self.text(fields.get("url"), f"{path}.url", required=False)
        if url is not None and not _URL.match(url):
            self.error(
                fields["url"], f"'{url}' is not an http:// or https:// address", f"{path}.url"
            )
            url = None
        if source_id is None or name is None:
            return None
        return Source(source_id, name, url, extensions)

    def section(self, node: Node, path: str, index: int) -> Section | None:
        fields, extensions = self.fields(node, path, "section")
        section_id = self.slug(fields.get("id"), f"{path}.id")
        self.register("section", section_id, fields.get("id"), f"{path}.id")
        title = self.text(fields.get("title"), f"{path}.title")
        paragraphs: list[str] = []
        items = self.items(fields.get("paragraphs"), f"{path}.paragraphs", True, "paragraph")
        for i, item in enumerate(items):
            paragraph = self.text(item, f"{path}.paragraphs[{i}]")
            paragraphs.append(paragraph if paragraph is not None else "")  # keep indices
        if not items:
            return None
        # A section with a bad id or title still holds its paragraphs: quotes anchored in them
        # must not be reported as missing too (one mistake, one error).
        return Section(section_id or f"#{index}", title or "", tuple(paragraphs), index, extensions)

    def person(self, node: Node, path: str) -> _PersonDraft | None:
        fields, extensions = self.fields(node, path, "person")
        person_id = self.slug(fields.get("id"), f"{path}.id")
        self.register("person", person_id, fields.get("id"), f"{path}.id")
        name = self.text(fields.get("name"), f"{path}.name")
        role = self.text(fields.get("role"), f"{path}.role")
        aliases = self.text_list(fields.get("aliases"), f"{path}.aliases", "alias")
        age = self.age(fields.get("age"), f"{path}.age")
        origin = self.text(fields.get("origin"), f"{path}.origin", required=False)
        quotes: list[_QuoteDraft] = []
        quote_nodes = self.items(fields.get("quotes"), f"{path}.quotes", False, "quote")
        for i, quote_node in enumerate(quote_nodes):
            quote = self.quote(quote_node, f"{path}.quotes[{i}]", person_id or "", i)
            if quote is not None:
                quotes.append(quote)
        if person_id is None or name is None or role is None:
            return None
        return _PersonDraft(person_id, name, role, aliases, age, origin, quotes, extensions)

    def quote(self, node: Node, path: str, person_id: str, index: int) -> _QuoteDraft | None:
        fields, extensions = self.fields(node, path, "quote")
        text = self.text(fields.get("text"), f"{path}.text")
        kind_node = fields.get("kind")
        kind = self.text(kind_node, f"{path}.kind")
        if kind is not None and kind_node is not None and kind not in QUOTE_KINDS:
            self.error(
                kind_node, f"quote kind must be direct or paraphrase, not '{kind}'", f"{path}.kind"
            )
            kind = None
        source = self.slug(fields.get("source"), f"{path}.source")
        self.refer("source", source, fields.get("source"), f"{path}.source")
        section = self.slug(fields.get("section"), f"{path}.section")
        self.refer("section", section, fields.get("section"), f"{path}.section")
        pending = self.anchor(text, section, fields.get("text"), f"{path}.text")
        if text is None or kind is None:
            return None
        return _QuoteDraft(
            quote_key(person_id, index),
            person_id,
            text,
            cast(QuoteKind, kind),
            pending,
            source,
            section,
            extensions,
        )

    def figure(self, node: Node, path: str) -> _FigureDraft | None:
        fields, extensions = self.fields(node, path, "figure")
        figure_id = self.slug(fields.get("id"), f"{path}.id")
        self.register("figure", figure_id, fields.get("id"), f"{path}.id")
        label = self.text(fields.get("label"), f"{path}.label")
        text = self.text(fields.get("text"), f"{path}.text")
        value = self.number_or_date(fields.get("value"), f"{path}.value")
        unit = self.text(fields.get("unit"), f"{path}.unit", required=False)
        as_of = self.partial_date(fields.get("as_of"), f"{path}.as_of")
        sources = self.text_list(fields.get("sources"), f"{path}.sources", "id")
        for i, source in enumerate(sources):
            self.refer("source", source, fields.get("sources"), f"{path}.sources[{i}]")
        note = self.text(fields.get("note"), f"{path}.note", required=False)
        pending = self.anchor(text, None, fields.get("text"), f"{path}.text")
        if figure_id is None or label is None or text is None:
            return None
        return _FigureDraft(
            figure_id, label, text, pending, value, unit, as_of, sources, note, extensions
        )

    def event(self, node: Node, path: str, index: int) -> _EventDraft | None:
        fields, extensions = self.fields(node, path, "event")
        date = self.partial_date(fields.get("date"), f"{path}.date")
        label = self.text(fields.get("label"), f"{path}.label")
        text = self.text(fields.get("text"), f"{path}.text")
        pending = self.anchor(text, None, fields.get("text"), f"{path}.text")
        if date is None or label is None or text is None:
            return None
        return _EventDraft(event_key(index), date, label, text, pending, extensions)

    # Cross-checks ------------------------------------------------------------------------------

    def check_references(self) -> None:
        for kind, value, node, path in self.collected.references:
            known = self.collected.ids[kind]
            if value in known:
                continue
            hint = difflib.get_close_matches(value, list(known), n=1)
            suffix = f" (did you mean '{hint[0]}'?)" if hint else ""
            self.error(node, f"no {OBJECT_TITLES[kind]} has the id '{value}'{suffix}", path)

    def resolve_spans(self, article: Article) -> None:
        spans = self.collected.spans
        found = find_spans(article, ((p.text, p.hint) for p in spans))
        paragraphs: list[str] | None = None
        hints = 0
        for pending in spans:
            pending.location = found.get((pending.text, pending.hint))
            if pending.location is not None:
                continue
            message = "text not found in the article"
            if hints < MAX_CLOSEST_HINTS:
                hints += 1
                if paragraphs is None:
                    paragraphs = article.paragraph_texts()
                closest = closest_passage(pending.text, paragraphs)
                if closest:
                    message += f' (closest: "{closest}")'
            self.error(pending.node, message, pending.path)


def _valid_partial(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        try:
            _dt.date(parts[0], parts[1], parts[2])
        except ValueError:
            return False
    return parts[0] >= 1


# Drafts: collected in the first pass, finished once anchoring has given every span a location.


@dataclass
class _QuoteDraft:
    key: str
    speaker: str
    text: str
    kind: QuoteKind
    pending: _Pending
    source: str | None
    section: str | None
    extensions: dict[str, Any]

    def finish(self) -> Quote:
        assert self.pending.location is not None
        return Quote(
            self.key,
            self.speaker,
            self.text,
            self.kind,
            self.pending.location,
            self.source,
            self.section,
            self.extensions,
        )


@dataclass
class _PersonDraft:
    id: str
    name: str
    role: str
    aliases: tuple[str, ...]
    age: int | None
    origin: str | None
    quotes: list[_QuoteDraft]
    extensions: dict[str, Any]


@dataclass
class _FigureDraft:
    id: str
    label: str
    text: str
    pending: _Pending
    value: FigureValue | None
    unit: str | None
    as_of: str | None
    sources: tuple[str, ...]
    note: str | None
    extensions: dict[str, Any]

    def finish(self) -> Figure:
        assert self.pending.location is not None
        return Figure(
            self.id,
            self.label,
            self.text,
            self.pending.location,
            self.value,
            self.unit,
            self.as_of,
            self.sources,
            self.note,
            self.extensions,
        )


@dataclass
class _EventDraft:
    key: str
    date: str
    label: str
    text: str
    pending: _Pending
    extensions: dict[str, Any]

    def finish(self) -> TimelineEvent:
        assert self.pending.location is not None
        return TimelineEvent(
            self.key, self.date, self.label, self.text, self.pending.location, self.extensions
        )


def _finish_person(draft: _PersonDraft, mentions: tuple[Location, ...]) -> Person:
    return Person(
        draft.id,
        draft.name,
        draft.role,
        draft.aliases,
        draft.age,
        draft.origin,
        tuple(q.finish() for q in draft.quotes),
        mentions,
        draft.extensions,
    )
