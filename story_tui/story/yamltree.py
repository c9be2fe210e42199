"""Read YAML into a small tree of located nodes, refusing what a story never needs.

One pass over the parser's events (libyaml's when available) builds the tree. Because nothing is
composed or constructed before this pass has checked it, the dangerous inputs are refused cheaply:

* anchors and aliases (how a few bytes expand into billions of nodes),
* explicit tags that are not core YAML tags (`!!python/object/apply`, `!!binary`, local tags),
* nesting deeper than `MAX_DEPTH` (the C composer recurses; we never call it),
* more than one document.

Every node keeps its line and column so the loader can report problems where they are.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from story_tui.story.safety import UNSAFE_TEXT, describe_unsafe

try:  # libyaml is much faster; the pure parser yields the same events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

MAX_DEPTH = 64
"""Deepest nesting of sequences and mappings accepted (a story needs about 6)."""
MAX_ERRORS_PER_KIND = 20

TAG_PREFIX = "tag:yaml.org,2002:"
CORE_TAGS = frozenset(
    TAG_PREFIX + name for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
_STR = TAG_PREFIX + "str"
_ScalarEvent = yaml.ScalarEvent


@dataclass(slots=True)
class Node:
    """A located YAML node. `line` and `col` are 1-based."""

    line: int
    col: int


@dataclass(slots=True)
class Scalar(Node):
    """A scalar with its value already constructed (str, int, float, bool, None or date)."""

    value: Any
    tag: str = _STR


@dataclass(slots=True)
class Seq(Node):
    """A sequence."""

    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Map(Node):
    """A mapping, keys in file order; duplicate keys are reported and the first one kept."""

    items: list[tuple[Scalar, Node]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong at a place in the file."""

    line: int
    col: int
    message: str
    field: str = ""


_resolver = Resolver()
_IMPLICIT_FIRST = frozenset(k for k in Resolver.yaml_implicit_resolvers if k is not None)
"""First characters that can start an implicitly typed plain scalar (a number, bool, null...)."""
_FAST_RESOLVE = None not in Resolver.yaml_implicit_resolvers and not Resolver.yaml_path_resolvers
_constructor = SafeConstructor()


def _construct_scalar(event: yaml.ScalarEvent, tag: str) -> Any:
    if tag == _STR:
        return event.value
    node = yaml.ScalarNode(tag, event.value, style=event.style)
    construct = SafeConstructor.yaml_constructors.get(tag)
    if construct is None:  # pragma: no cover - CORE_TAGS and the resolver agree
        return event.value
    return construct(_constructor, node)


def _describe_tag(tag: str) -> str:
    return "!!" + tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag


class _Builder:
    """Consumes parser events and assembles the located tree."""

    def __init__(self, check_text: bool = True) -> None:
        self.check_text = check_text
        """Look for unsafe characters in each text (False: the whole file was found clean)."""
        self.problems: list[Problem] = []
        self.counts: dict[str, int] = {}
        self.documents = 0
        self.root: Node | None = None
        self.stack: list[Node] = []
        # Pending key for each open mapping (None when the next scalar is a key).
        self.pending: list[Scalar | None] = []
        self.seen_keys: list[dict[Any, Scalar]] = []
        self.paths: list[str] = []

    def child_path(self) -> str:
        """The field path of the node about to be added."""
        if not self.stack:
            return ""
        parent, base = self.stack[-1], self.paths[-1]
        if isinstance(parent, Seq):
            return f"{base}[{len(parent.items)}]"
        key = self.pending[-1]
        name = str(key.value) if key is not None else "<key>"
        return f"{base}.{name}" if base else name

    def problem(self, kind: str, mark: Any, message: str, path: str = "") -> None:
        count = self.counts.get(kind, 0) + 1
        self.counts[kind] = count
        if count <= MAX_ERRORS_PER_KIND:
            self.problems.append(Problem(mark.line + 1, mark.column + 1, message, path))
        elif count == MAX_ERRORS_PER_KIND + 1:
            self.problems.append(
                Problem(mark.line + 1, mark.column + 1, f"more {kind} problems not listed")
            )

    def check_tag_and_anchor(self, event: Any, collection: str | None) -> str | None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.problem(
                "anchor",
                event.start_mark,
                f"YAML anchor '&{anchor}' is not allowed in a story file (write the value out)",
            )
        tag: str | None = event.tag
        if tag is None or tag == "!":
            return None
        if tag not in CORE_TAGS:
            self.problem(
                "tag",
                event.start_mark,
                f"YAML tag '{_describe_tag(tag)}' is not allowed "
                "(only core tags: !!str !!int !!float !!bool !!null !!seq !!map)",
            )
            return None
        if collection is not None and tag != TAG_PREFIX + collection:
            self.problem(
                "tag",
                event.start_mark,
                f"YAML tag '{_describe_tag(tag)}' cannot mark a {collection}",
            )
            return None
        return tag

    def add(self, node: Node, mark: Any) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, Seq):
            parent.items.append(node)
            return
        assert isinstance(parent, Map)
        key = self.pending[-1]
        if key is None:
            if not isinstance(node, Scalar):
                self.problem("key", mark, "a mapping key must be a plain value, not a list or map")
                node = Scalar(node.line, node.col, f"<complex key at {node.line}:{node.col}>")
            self.pending[-1] = node
            return
        self.pending[-1] = None
        seen = self.seen_keys[-1]
        try:
            hashable_key: Any = key.value
            hash(hashable_key)
        except TypeError:  # pragma: no cover - scalars are hashable
            hashable_key = repr(key.value)
        first = seen.get(hashable_key)
        if first is not None:
            base = self.paths[-1]
            self.problems.append(
                Problem(
                    key.line,
                    key.col,
                    f"duplicate key '{key.value}' (first defined at line {first.line})",
                    f"{base}.{key.value}" if base else str(key.value),
                )
            )
            return
        seen[hashable_key] = key
        parent.items.append((key, node))

    def feed(self, event: Any) -> bool:
        """Handle one event; False stops the parse (a refusal that makes going on pointless)."""
        mark: Any = event.start_mark
        if type(event) is _ScalarEvent:
            explicit = (
                self.check_tag_and_anchor(event, None)
                if event.tag is not None or event.anchor is not None
                else None
            )
            if explicit is not None:
                tag = explicit
            elif not event.implicit[0] or (
                _FAST_RESOLVE and event.value[:1] not in _IMPLICIT_FIRST
            ):
                # Quoted or block text, or plain text whose first character starts no implicit
                # type (a letter other than y/n/t/f/o, most punctuation): what the resolver
                # would say, without asking it 130,000 times.
                tag = _STR
            else:
                tag = _resolver.resolve(  # type: ignore[no-untyped-call]
                    yaml.ScalarNode, event.value, event.implicit
                )
            try:
                value = _construct_scalar(event, tag)
            except (ValueError, yaml.YAMLError, OverflowError):
                # An implicit type that does not construct (2023-02-30) is just text; the
                # loader then says what it expected. An explicit tag that fails is an error.
                if explicit is not None:
                    self.problem(
                        "value",
                        mark,
                        f"cannot read {event.value!r} as {_describe_tag(tag)}",
                        self.child_path(),
                    )
                value, tag = event.value, _STR
            if self.check_text and type(value) is str:
                bad = UNSAFE_TEXT.search(value)
                if bad is not None:
                    self.problem(
                        "text",
                        mark,
                        f"text contains a {describe_unsafe(bad.group())}, which is not allowed",
                        self.child_path(),
                    )
            self.add(Scalar(mark.line + 1, mark.column + 1, value, tag), mark)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            is_map = isinstance(event, yaml.MappingStartEvent)
            self.check_tag_and_anchor(event, "map" if is_map else "seq")
            if len(self.stack) >= MAX_DEPTH:
                self.problems.append(
                    Problem(
                        mark.line + 1,
                        mark.column + 1,
                        f"nesting deeper than {MAX_DEPTH} levels is not allowed in a story file",
                    )
                )
                return False
            node: Node = (
                Map(mark.line + 1, mark.column + 1)
                if is_map
                else Seq(mark.line + 1, mark.column + 1)
            )
            path = self.child_path()
            self.add(node, mark)
            self.paths.append(path)
            self.stack.append(node)
            self.pending.append(None)
            self.seen_keys.append({})
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()
            self.pending.pop()
            self.seen_keys.pop()
            self.paths.pop()
        elif isinstance(event, yaml.AliasEvent):
            self.problem(
                "alias",
                mark,
                f"YAML alias '*{event.anchor}' is not allowed in a story file "
                "(write the value out)",
            )
            self.add(Scalar(mark.line + 1, mark.column + 1, None, TAG_PREFIX + "null"), mark)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problems.append(
                    Problem(
                        mark.line + 1,
                        mark.column + 1,
                        "a story file holds one YAML document; found a second one",
                    )
                )
                return False
        return True


def _mark_of(error: yaml.YAMLError, text: str) -> tuple[int, int]:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return mark.line + 1, mark.column + 1
    position = getattr(error, "position", None)  # ReaderError counts characters
    if isinstance(position, int):
        before = text[:position]
        line = before.count("\n") + 1
        return line, position - (before.rfind("\n") + 1) + 1
    return 1, 1


def _describe_error(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        char = error.character
        code = ord(char) if isinstance(char, str) else char
        return f"YAML syntax error: special character U+{code:04X} is not allowed in YAML text"
    problem = getattr(error, "problem", None)
    context = getattr(error, "context", None)
    message = problem or str(error).splitlines()[0]
    if "tab character" in message or "'\\t'" in message:
        # libyaml: "found a tab character that violates indentation"; PyYAML: "found character
        # '\t' that cannot start any token". Neither says what to do.
        return "YAML syntax error: a tab cannot indent YAML: use spaces"
    if context:
        message = f"{message} ({context})"
    return f"YAML syntax error: {message}"


@dataclass(frozen=True, slots=True)
class Tree:
    """The result of reading: the root (None when empty or unreadable) and the problems found.

    `complete` is False when reading stopped early (a syntax error, too deep, a second document);
    then the root must not be validated further, since parts of it are missing.
    """

    root: Node | None
    problems: list[Problem]
    complete: bool


def read_tree(text: str) -> Tree:
    """Parse YAML text into located nodes, never raising for any input."""
    # Text can hold an unsafe character only if the file does, or through a backslash escape in
    # a double-quoted scalar: without either, one scan of the file replaces one per text.
    builder = _Builder(check_text="\\" in text or UNSAFE_TEXT.search(text) is not None)
    complete = True
    try:
        for event in yaml.parse(text, Loader=_EventLoader):
            if not builder.feed(event):
                complete = False
                break
    except yaml.YAMLError as error:
        line, col = _mark_of(error, text)
        builder.problems.append(Problem(line, col, _describe_error(error)))
        complete = False
    except RecursionError:  # pragma: no cover - the depth limit stops first
        builder.problems.append(Problem(1, 1, "the file nests too deeply to read"))
        complete = False
    return Tree(builder.root if complete else None, builder.problems, complete)


def to_plain(node: Node) -> Any:
    """The plain Python value of a node (dates stay `datetime.date`)."""
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [to_plain(item) for item in node.items]
    assert isinstance(node, Map)
    return {str(key.value): to_plain(value) for key, value in node.items}


def describe_type(node: Node) -> str:
    """A short, author-facing name for the type of a node, e.g. `integer 2018`."""
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    assert isinstance(node, Scalar)
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"number {value}"
    if isinstance(value, _dt.datetime | _dt.date):
        return f"date {value.isoformat()}"
    return f"text {value!r}"
