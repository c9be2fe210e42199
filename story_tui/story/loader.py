"""Load a story file into the immutable model, reporting every problem at once.

Plain Python; no UI imports. `load_story` is the one entry point for files, `parse_story` for text.
Nothing here raises anything but `StoryError` subclasses, whatever the input.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import re
from dataclasses import dataclass, field
from typing import cast

from story_tui.story.anchoring import Article, find_mentions
from story_tui.story.diagnostics import Diagnostic, StoryInvalid
from story_tui.story.fields import FieldReader
from story_tui.story.input_file import read_story_text
from story_tui.story.model import (
    PERSON_KINDS,
    QUOTE_KINDS,
    PersonKind,
    QuoteKind,
    Section,
    Source,
    Story,
    event_key,
    quote_key,
)
from story_tui.story.partial import EventDraft, FigureDraft, Pending, PersonDraft, QuoteDraft
from story_tui.story.spans import resolve_spans
from story_tui.story.spec import (
    DEFAULT_MAX_BYTES,
    FORMAT_VERSION,
    LANGUAGE_PATTERN,
    OBJECT_TITLES,
)
from story_tui.story.yamltree import Map, Node, Scalar, describe_type, read_tree

_LANGUAGE = re.compile(LANGUAGE_PATTERN)


@dataclass(frozen=True, slots=True)
class Checked:
    """A valid story and the warnings its file gave (ambiguous spans)."""

    story: Story
    warnings: tuple[Diagnostic, ...]
    guesses: tuple[Diagnostic, ...] = ()
    """A note at every `check` the file still holds (what a tool guessed; `--strict` fails)."""


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
    """Check story text and build the model (warnings are dropped: see `check_story`).

    Raises:
        StoryInvalid: with every problem found, in file order.
    """
    return check_story(text, filename).story


def check_story(text: str, filename: str = "<story>") -> Checked:
    """Check story text; the model and the file's warnings.

    Raises:
        StoryInvalid: with every error found, in file order (and any warnings).
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
        raise StoryInvalid(checker.diagnostics, checker.warnings)
    return Checked(story, tuple(sorted(checker.warnings)), tuple(sorted(checker.notes)))


# ------------------------------------------------------------------------------------------------


@dataclass
class _Collected:
    """What the first pass gathered, before anchoring and references are resolved."""

    ids: dict[str, dict[str, tuple[Node, str]]] = field(
        default_factory=lambda: {"source": {}, "section": {}, "person": {}, "figure": {}}
    )
    references: list[tuple[str, str, Node, str]] = field(default_factory=list)
    spans: list[Pending] = field(default_factory=list)


class _Checker(FieldReader):
    """Walks the located tree, collecting diagnostics and building model objects."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.collected = _Collected()

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

    def anchor(
        self, fields: dict[str, Node], hint: str | None, path: str, text: str | None
    ) -> Pending:
        """Queue an item's span for anchoring, with its `prefix` and `suffix`."""
        node = fields.get("text")
        prefix = self.affix(fields.get("prefix"), f"{path}.prefix")
        suffix = self.affix(fields.get("suffix"), f"{path}.suffix")
        pending = Pending(
            text or "",
            hint,
            node or Scalar(1, 1, None),
            f"{path}.text",
            prefix,
            suffix,
            (fields.get("prefix"), fields.get("suffix")),
        )
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
        updated = self.date_or_datetime(fields.get("updated"), "updated")
        if published is not None and updated is not None and _day(updated) < published:
            self.error(
                fields["updated"],
                f"updated ({updated.isoformat()}) is before published ({published.isoformat()})",
                "updated",
            )
        url = self.url(fields.get("url"), "url")
        authors = self.text_list(fields.get("authors"), "authors", "author")
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
        resolve_spans(self, article, self.collected.spans)
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
            updated=updated,
            language=language,
            sources=tuple(s for s in sources if s is not None),
            people=tuple(p.finish(tuple(mentions.get(p.id, ()))) for p in people if p is not None),
            figures=tuple(f.finish() for f in figures if f is not None),
            timeline=tuple(e.finish() for e in timeline if e is not None),
            extensions=extensions,
            url=url,
            authors=authors,
        )

    def source(self, node: Node, path: str) -> Source | None:
        fields, extensions = self.fields(node, path, "source")
        source_id = self.slug(fields.get("id"), f"{path}.id")
        self.register("source", source_id, fields.get("id"), f"{path}.id")
        name = self.text(fields.get("name"), f"{path}.name")
        url = self.url(fields.get("url"), f"{path}.url")
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

    def person(self, node: Node, path: str) -> PersonDraft | None:
        fields, extensions = self.fields(node, path, "person")
        person_id = self.slug(fields.get("id"), f"{path}.id")
        self.register("person", person_id, fields.get("id"), f"{path}.id")
        name = self.text(fields.get("name"), f"{path}.name")
        role = self.text(fields.get("role"), f"{path}.role") or ""  # none known: left out
        aliases = self.text_list(fields.get("aliases"), f"{path}.aliases", "alias")
        age = self.age(fields.get("age"), f"{path}.age")
        origin = self.text(fields.get("origin"), f"{path}.origin", required=False)
        kind = self.person_kind(fields.get("kind"), f"{path}.kind")
        same_as = self.uri_list(fields.get("same_as"), f"{path}.same_as")
        if kind == "organisation":
            for key in ("age", "origin"):
                if key in fields:
                    self.error(
                        fields[key],
                        f"an organisation has no {key} (it is for kind: person)",
                        f"{path}.{key}",
                    )
        quotes: list[QuoteDraft] = []
        quote_nodes = self.items(fields.get("quotes"), f"{path}.quotes", False, "quote")
        for i, quote_node in enumerate(quote_nodes):
            quote = self.quote(quote_node, f"{path}.quotes[{i}]", person_id or "", i)
            if quote is not None:
                quotes.append(quote)
        if person_id is None or name is None:
            return None
        check = self.guess(fields.get("check"), f"{path}.check")
        return PersonDraft(
            person_id, name, role, aliases, age, origin, quotes, extensions, kind, same_as, check
        )

    def person_kind(self, node: Node | None, path: str) -> PersonKind:
        kind = self.text(node, path)
        if node is None or kind is None:
            return "person"
        if kind not in PERSON_KINDS:
            self.error(node, f"person kind must be person or organisation, not '{kind}'", path)
            return "person"
        return kind

    def quote(self, node: Node, path: str, person_id: str, index: int) -> QuoteDraft | None:
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
        pending = self.anchor(fields, section, path, text)
        check = self.guess(fields.get("check"), f"{path}.check")
        if text is None or kind is None:
            return None
        return QuoteDraft(
            quote_key(person_id, index),
            person_id,
            text,
            cast(QuoteKind, kind),
            pending,
            source,
            section,
            extensions,
            check,
        )

    def figure(self, node: Node, path: str) -> FigureDraft | None:
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
        pending = self.anchor(fields, None, path, text)
        check = self.guess(fields.get("check"), f"{path}.check")
        if figure_id is None or label is None or text is None:
            return None
        return FigureDraft(
            figure_id, label, text, pending, value, unit, as_of, sources, note, extensions, check
        )

    def event(self, node: Node, path: str, index: int) -> EventDraft | None:
        fields, extensions = self.fields(node, path, "event")
        date = self.partial_date(fields.get("date"), f"{path}.date")
        label = self.text(fields.get("label"), f"{path}.label")
        text = self.text(fields.get("text"), f"{path}.text")
        pending = self.anchor(fields, None, path, text)
        check = self.guess(fields.get("check"), f"{path}.check")
        if date is None or label is None or text is None:
            return None
        return EventDraft(event_key(index), date, label, text, pending, extensions, check)

    # Cross-checks ------------------------------------------------------------------------------

    def check_references(self) -> None:
        for kind, value, node, path in self.collected.references:
            known = self.collected.ids[kind]
            if value in known:
                continue
            hint = difflib.get_close_matches(value, list(known), n=1)
            suffix = f" (did you mean '{hint[0]}'?)" if hint else ""
            self.error(node, f"no {OBJECT_TITLES[kind]} has the id '{value}'{suffix}", path)


def _day(value: _dt.date | _dt.datetime) -> _dt.date:
    return value.date() if isinstance(value, _dt.datetime) else value
