"""Write story data (the format's keys, as plain data) as a YAML story file, with comments.

Strings are written double-quoted (a JSON string is a valid YAML double-quoted scalar), so no text
is ever read back as a number, a date or a boolean. An item may carry comment lines (`# check: …`)
written above it, and a list may hold commented-out items (`# lost: …`). Plain Python; no UI
imports.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any

TOP_ORDER = (
    "format",
    "id",
    "title",
    "standfirst",
    "published",
    "updated",
    "language",
    "url",
    "authors",
    "sources",
    "sections",
    "people",
    "figures",
    "timeline",
)


@dataclass
class Commented:
    """A list item with comment lines written above it (without the `# `)."""

    item: dict[str, Any]
    comments: list[str] = field(default_factory=list)


@dataclass
class CommentedOut:
    """A list item kept only as a comment: a first line, then the item's YAML, all commented."""

    note: str
    item: dict[str, Any]


def scalar(value: Any) -> str:
    """One value as a YAML flow scalar (or a JSON flow collection for extension data)."""
    if isinstance(value, _dt.date | _dt.datetime):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False, default=str)


def to_yaml(data: dict[str, Any], header: list[str] | None = None) -> str:
    """The story file for `data`; `header` lines become comments at the top."""
    lines = [f"# {line}" for line in header or []]
    keys = [k for k in TOP_ORDER if k in data] + [k for k in data if k not in TOP_ORDER]
    for key in keys:
        _entry(key, data[key], 0, lines)
    return "\n".join(lines) + "\n"


def _entry(key: str, value: Any, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    name = key if key.isidentifier() or key.startswith("x-") else json.dumps(key)
    if isinstance(value, list) and value and all(_is_item(v) for v in value):
        lines.append(f"{pad}{name}:")
        for item in value:
            _item(item, indent + 2, lines)
        return
    if isinstance(value, dict) and value:
        lines.append(f"{pad}{name}:")
        for sub, sub_value in value.items():
            _entry(str(sub), sub_value, indent + 2, lines)
        return
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        lines.append(f"{pad}{name}:")
        lines.extend(f"{pad}  - {scalar(v)}" for v in value)
        return
    lines.append(f"{pad}{name}: {scalar(value)}")


def _is_item(value: Any) -> bool:
    return isinstance(value, dict | Commented | CommentedOut)


def _item(value: Any, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, CommentedOut):
        lines.append(f"{pad}# {value.note}")
        inner: list[str] = []
        _item(value.item, 0, inner)
        lines.extend(f"{pad}# {line}" for line in inner)
        return
    if isinstance(value, Commented):
        lines.extend(f"{pad}# {line}" for line in value.comments)
        value = value.item
    body: list[str] = []
    for key, sub in value.items():
        _entry(str(key), sub, indent + 2, body)
    if not body:
        lines.append(f"{pad}- {{}}")
        return
    lines.append(f"{pad}- {body[0][indent + 2 :]}")
    lines.extend(body[1:])
