"""Write the resolved model as JSON or Markdown, and the format as JSON Schema. No UI imports."""

from __future__ import annotations

import json
import re
from typing import Any

from story_tui.story.formatting import format_value
from story_tui.story.model import Figure, Story
from story_tui.story.spec import (
    FORMAT_VERSION,
    LANGUAGE_PATTERN,
    OBJECT_TITLES,
    OBJECTS,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
    FieldSpec,
)


def _with_extensions(data: dict[str, Any], extensions: Any) -> dict[str, Any]:
    data.update(extensions)
    return data


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def story_to_dict(story: Story) -> dict[str, Any]:
    """The resolved model as plain data: the format's keys plus `location` and `mentions`."""
    data: dict[str, Any] = {
        "format": story.format,
        "id": story.id,
        "title": story.title,
        "standfirst": story.standfirst,
        "published": story.published.isoformat() if story.published else None,
        "language": story.language,
        "sources": [
            _with_extensions(_drop_none({"id": s.id, "name": s.name, "url": s.url}), s.extensions)
            for s in story.sources
        ],
        "sections": [
            _with_extensions(
                {"id": s.id, "title": s.title, "paragraphs": list(s.paragraphs)}, s.extensions
            )
            for s in story.sections
        ],
        "people": [
            _with_extensions(
                _drop_none(
                    {
                        "id": p.id,
                        "name": p.name,
                        "aliases": list(p.aliases),
                        "role": p.role,
                        "age": p.age,
                        "origin": p.origin,
                        "quotes": [
                            _with_extensions(
                                _drop_none(
                                    {
                                        "text": q.text,
                                        "kind": q.kind,
                                        "source": q.source,
                                        "section": q.section_hint,
                                        "location": q.location.as_dict(),
                                    }
                                ),
                                q.extensions,
                            )
                            for q in p.quotes
                        ],
                        "mentions": [m.as_dict() for m in p.mentions],
                    }
                ),
                p.extensions,
            )
            for p in story.people
        ],
        "figures": [_figure_to_dict(f) for f in story.figures],
        "timeline": [
            _with_extensions(
                {
                    "date": e.date,
                    "label": e.label,
                    "text": e.text,
                    "location": e.location.as_dict(),
                },
                e.extensions,
            )
            for e in story.timeline
        ],
    }
    return _with_extensions(_drop_none(data), story.extensions)


def _figure_to_dict(figure: Figure) -> dict[str, Any]:
    data = _drop_none(
        {
            "id": figure.id,
            "label": figure.label,
            "text": figure.text,
            "value": figure.value,
            "unit": figure.unit,
            "as_of": figure.as_of,
            "sources": list(figure.sources) if figure.sources else None,
            "note": figure.note,
            "location": figure.location.as_dict(),
        }
    )
    return _with_extensions(data, figure.extensions)


def to_json(story: Story, compact: bool = False) -> str:
    """The story as JSON (UTF-8, not ASCII-escaped): pretty-printed, or `compact` (no spaces)."""
    layout: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    return json.dumps(story_to_dict(story), ensure_ascii=False, default=str, **layout) + "\n"


# Markdown ---------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)", re.MULTILINE)


def md_escape(text: str) -> str:
    """Escape text so a Markdown renderer shows it literally (`*stars*` stay stars)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", escaped)


def to_markdown(story: Story) -> str:
    """A readable Markdown article, then its people and quotes, figures and timeline."""
    out: list[str] = [f"# {md_escape(story.title)}", ""]
    if story.standfirst:
        out += [f"_{md_escape(story.standfirst)}_", ""]
    meta = []
    if story.published:
        meta.append(f"Published {story.published.isoformat()}")
    if story.sources:
        meta.append("Sources: " + ", ".join(md_escape(s.name) for s in story.sources))
    if meta:
        out += [" · ".join(meta), ""]
    for section in story.sections:
        out += [f"## {md_escape(section.title)}", ""]
        for paragraph in section.paragraphs:
            out += [md_escape(paragraph), ""]
    if story.people:
        out += ["## People", ""]
        for person in story.people:
            out += [f"### {md_escape(person.name)}", "", md_escape(person.summary), ""]
            for quote in person.quotes:
                home = story.section(quote.location.section)
                where = home.title if home else quote.location.section
                attribution = [quote.kind, f"in “{where}”"]
                source = story.source_name(quote.source)
                if source:
                    attribution.append(f"source: {source}")
                out += [
                    f"> {md_escape(quote.text)}",
                    ">",
                    f"> — {md_escape(', '.join(attribution))}",
                    "",
                ]
    if story.figures:
        out += ["## Key figures", "", "| Figure | Value | As of | Sources |", "|---|---|---|---|"]
        for figure in story.figures:
            sources = ", ".join(story.source_name(s) or s for s in figure.sources)
            out.append(
                f"| {md_escape(figure.label)} | {md_escape(format_value(figure))} | "
                f"{md_escape(figure.as_of or '')} | {md_escape(sources)} |"
            )
        out.append("")
    if story.timeline:
        out += ["## Timeline", ""]
        for event in story.timeline_sorted():
            out.append(f"- **{event.date}**: {md_escape(event.label)}")
        out.append("")
    return "\n".join(out)


# JSON Schema ------------------------------------------------------------------------------------


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    slug = {"type": "string", "pattern": SLUG_PATTERN}
    partial = {
        "oneOf": [
            {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
            {"type": "integer", "minimum": 1, "maximum": 9999},
        ]
    }
    text = {"type": "string", "minLength": 1}
    kinds: dict[str, dict[str, Any]] = {
        "format": {"const": FORMAT_VERSION},
        "slug": slug,
        "text": text,
        "optional-text": {"type": ["string", "null"]},
        "url": {"type": "string", "pattern": r"^https?://\S+$"},
        "date": {"type": "string", "format": "date"},
        "partial-date": partial,
        "language": {"type": "string", "pattern": LANGUAGE_PATTERN},
        "age": {"type": "integer", "minimum": 0, "maximum": 150},
        "quote-kind": {"enum": ["direct", "paraphrase"]},
        "number-or-date": {
            "oneOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"},
            ]
        },
        "text-list": {"type": "array", "items": text},
        "slug-list": {"type": "array", "items": slug},
        "paragraphs": {"type": "array", "items": text},
    }
    if spec.kind == "objects":
        assert spec.item is not None
        schema: dict[str, Any] = {"type": "array", "items": {"$ref": f"#/$defs/{spec.item}"}}
    else:
        schema = dict(kinds[spec.kind])
    if spec.at_least_one:
        schema["minItems"] = 1
    schema["description"] = spec.doc
    return schema


def _object_schema(name: str) -> dict[str, Any]:
    fields = OBJECTS[name]
    return {
        "type": "object",
        "title": OBJECT_TITLES[name],
        "properties": {key: _field_schema(spec) for key, spec in fields.items()},
        "required": [key for key, spec in fields.items() if spec.required],
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of story format 1, for editors' YAML plugins.

    The schema checks shape and types; anchoring, unique ids and references need `story-tui
    validate`.
    """
    root = _object_schema("story")
    root.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://story-tui.invalid/schema/story-format-1.json",
            "title": "story-tui story file, format 1",
            "$defs": {name: _object_schema(name) for name in OBJECTS if name != "story"},
        }
    )
    return root
