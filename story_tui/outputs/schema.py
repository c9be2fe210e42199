"""The story format as a JSON Schema, generated from the format's spec. No UI imports."""

from __future__ import annotations

from typing import Any

from story_tui.story.spec import (
    FORMAT_VERSION,
    LANGUAGE_PATTERN,
    OBJECT_TITLES,
    OBJECTS,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
    URI_PATTERN,
    FieldSpec,
)


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
        "date-or-datetime": {
            "type": "string",
            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
            r"(Z|[+-][0-9]{2}:?[0-9]{2})?)?$",
        },
        "affix": {"type": "string", "minLength": 1},
        "person-kind": {"enum": ["person", "organisation"]},
        "uri-list": {"type": "array", "items": {"type": "string", "pattern": URI_PATTERN}},
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
