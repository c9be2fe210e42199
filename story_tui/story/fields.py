"""Read and check the keys and scalar values of one story object, reporting every problem.

`FieldReader` is the loader's first layer: it knows the format's value kinds (text, slugs, dates,
numbers, URIs...) and how to word what is wrong with them. Plain Python; no UI imports.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
from collections.abc import Callable
from typing import Any, cast

from story_tui.story.diagnostics import Diagnostic
from story_tui.story.model import FigureValue
from story_tui.story.spec import (
    OBJECT_TITLES,
    OBJECTS,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
    URI_PATTERN,
)
from story_tui.story.yamltree import Map, Node, Scalar, Seq, describe_type, to_plain

_SLUG = re.compile(SLUG_PATTERN)
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)
_URI = re.compile(URI_PATTERN)
_URL = re.compile(r"^https?://[^\s]+$")


class FieldReader:
    """Collects diagnostics while reading objects' fields and values."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []
        """Every `check` (a tool's guess to confirm), where the file gives it."""

    # Reporting ---------------------------------------------------------------------------------

    def error_at(self, line: int, col: int, message: str, path: str) -> None:
        self.diagnostics.append(Diagnostic(line, col, message, path, self.filename))

    def error(self, node: Node, message: str, path: str) -> None:
        self.error_at(node.line, node.col, message, path)

    def warn(self, node: Node, message: str, path: str) -> None:
        self.warnings.append(
            Diagnostic(node.line, node.col, message, path, self.filename, "warning")
        )

    def guess(self, node: Node | None, path: str) -> str | None:
        """A `check`: what a tool guessed about the item (non-empty text), noted for `validate`."""
        check = self.text(node, path)
        if node is not None and check is not None:
            self.notes.append(
                Diagnostic(
                    node.line, node.col, f"unconfirmed: {check}", path, self.filename, "note"
                )
            )
        return check

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

    def affix(self, node: Node | None, path: str) -> str | None:
        """A `prefix` or `suffix`: any non-empty text, spaces included (they are exact text)."""
        if node is None:
            return None
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            hint = (
                " (put it in quotes)" if isinstance(node, Scalar) and node.value is not None else ""
            )
            self.error(node, f"expected text, got {describe_type(node)}{hint}", path)
            return None
        if not node.value:
            self.error(node, "must not be empty (leave the key out instead)", path)
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
        if isinstance(value, str) and _PARTIAL_DATE.match(value) and valid_partial(value):
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

    def date_or_datetime(self, node: Node | None, path: str) -> _dt.date | _dt.datetime | None:
        """A full ISO date, or an ISO datetime (`2025-12-02T10:30:00Z`)."""
        if node is None:
            return None
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                if len(value) == 10:
                    return _dt.date.fromisoformat(value)
                if "T" in value or " " in value:
                    return _dt.datetime.fromisoformat(value)
            except ValueError:
                pass
        self.error(
            node,
            "expected a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM[:SS][Z], "
            f"got {describe_type(node)}",
            path,
        )
        return None

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
                and valid_partial(value)
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

    def url(self, node: Node | None, path: str) -> str | None:
        """An optional http:// or https:// address (a story's, a source's)."""
        value = self.text(node, path, required=False)
        if value is None or node is None:
            return None
        if not _URL.match(value):
            self.error(node, f"'{value}' is not an http:// or https:// address", path)
            return None
        return value

    def uri_list(self, node: Node | None, path: str) -> tuple[str, ...]:
        values: list[str] = []
        for index, item in enumerate(self.items(node, path, False, "URI")):
            value = self.text(item, f"{path}[{index}]")
            if value is None:
                continue
            if not _URI.match(value):
                self.error(
                    item,
                    f"'{value}' is not an absolute URI (like https://www.wikidata.org/entity/Q42)",
                    f"{path}[{index}]",
                )
                continue
            values.append(value)
        return tuple(values)


def valid_partial(value: str) -> bool:
    """Whether a `YYYY[-MM[-DD]]` string names a real year, month or day."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        try:
            _dt.date(parts[0], parts[1], parts[2])
        except ValueError:
            return False
    return parts[0] >= 1
