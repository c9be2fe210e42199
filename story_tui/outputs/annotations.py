"""Every quote, figure and timeline event as a W3C Web Annotation (JSON-LD). No UI imports.

The collection is an `AnnotationCollection` whose one page holds an `Annotation` per item. Each
targets the article's text with a `TextQuoteSelector` (the exact words and up to `CONTEXT`
characters before and after them) and a `TextPositionSelector` (code point offsets). The article's
text, which the offsets count in, is its paragraphs in order joined by a blank line (`"\\n\\n"`);
`article_text` builds it. The body is the speaker (a quote), the label and value (a figure) or the
date and label (an event).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote as url_quote

from story_tui.story.formatting import format_value, unconfirmed
from story_tui.story.model import Anchored, Figure, Location, Quote, Story, TimelineEvent

CONTEXT = 32
"""Characters of `prefix` and `suffix` in each TextQuoteSelector."""
JOIN = "\n\n"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def article_text(story: Story) -> str:
    """The article as one text: its paragraphs in order, joined by a blank line."""
    return JOIN.join(p for section in story.sections for p in section.paragraphs)


def paragraph_offsets(story: Story) -> dict[tuple[str, int], int]:
    """Where each paragraph, by (section id, index), starts in `article_text`."""
    offsets: dict[tuple[str, int], int] = {}
    at = 0
    for section in story.sections:
        for index, paragraph in enumerate(section.paragraphs):
            offsets[(section.id, index)] = at
            at += len(paragraph) + len(JOIN)
    return offsets


def story_uri(story: Story) -> str:
    """The URN standing for the story's article text (annotation targets' `source`)."""
    return f"urn:story-tui:{story.id}"


def _selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT) : start],
            "suffix": text[end : end + CONTEXT],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _body(story: Story, item: Anchored) -> list[dict[str, Any]]:
    language = story.language
    if isinstance(item, Quote):
        speaker = story.speaker_of(item)
        body: list[dict[str, Any]] = [
            {
                "type": "TextualBody",
                "purpose": "identifying",
                "value": speaker.name,
                "format": "text/plain",
                "language": language,
            },
            {
                "type": "TextualBody",
                "purpose": "classifying",
                "value": f"{item.kind} quote",
                "format": "text/plain",
            },
        ]
        body += [{"id": uri, "purpose": "identifying"} for uri in speaker.same_as]
        return body
    if isinstance(item, Figure):
        value = f"{item.label}: {format_value(item)}"
        return [
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": value,
                "format": "text/plain",
                "language": language,
            }
        ]
    assert isinstance(item, TimelineEvent)
    return [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": f"{item.date}: {item.label}",
            "format": "text/plain",
            "language": language,
        }
    ]


def _id(story: Story, kind: str, key: str) -> str:
    return f"{story_uri(story)}/{kind}/{url_quote(key, safe='')}"


def annotation_collection(story: Story) -> dict[str, Any]:
    """The story's quotes, figures and events as one W3C `AnnotationCollection`."""
    text = article_text(story)
    offsets = paragraph_offsets(story)
    source = {
        "id": story_uri(story),
        "type": "Text",
        "format": "text/plain",
        "language": story.language,
    }

    def absolute(location: Location) -> tuple[int, int]:
        base = offsets[(location.section, location.paragraph)]
        return base + location.start, base + location.end

    items: list[dict[str, Any]] = []
    entries: list[tuple[str, str, Anchored]] = [("quote", q.key, q) for q in story.quotes]
    entries += [("figure", f.id, f) for f in story.figures]
    entries += [("event", e.key, e) for e in story.timeline]
    for kind, key, item in entries:
        start, end = absolute(item.location)
        body = _body(story, item)
        if item.check:
            # A tool's guess nobody has confirmed: the W3C motivation for raising a question.
            body.append(
                {
                    "type": "TextualBody",
                    "purpose": "questioning",
                    "value": unconfirmed(item.check),
                    "format": "text/plain",
                }
            )
        items.append(
            {
                "id": _id(story, kind, key),
                "type": "Annotation",
                "motivation": "identifying" if kind == "quote" else "describing",
                "body": body,
                "target": {"source": source, "selector": _selectors(text, start, end)},
            }
        )
    return {
        "@context": ANNO_CONTEXT,
        "id": f"{story_uri(story)}/annotations",
        "type": "AnnotationCollection",
        "label": story.title,
        "total": len(items),
        "first": {
            "id": f"{story_uri(story)}/annotations/page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def to_annotations_json(story: Story) -> str:
    """The collection as JSON-LD text."""
    return json.dumps(annotation_collection(story), ensure_ascii=False, indent=2) + "\n"
