"""`story-tui export --format annotations`: W3C Web Annotations that re-anchor at their items."""

from __future__ import annotations

import json
from typing import Any

import pytest

from story_tui.cli.main import main
from story_tui.outputs.annotations import annotation_collection, article_text, paragraph_offsets
from story_tui.story.bundled import bundled_story
from story_tui.story.loader import load_story, parse_story
from story_tui.story.model import Anchored, Story


def resolve_quote(text: str, selector: dict[str, Any]) -> list[int]:
    """Every start where a TextQuoteSelector's prefix + exact + suffix stands in `text`."""
    prefix, exact, suffix = selector["prefix"], selector["exact"], selector["suffix"]
    whole = prefix + exact + suffix
    found, at = [], text.find(whole)
    while at >= 0:
        found.append(at + len(prefix))
        at = text.find(whole, at + 1)
    return found


def reanchored(story: Story, exported: str) -> list[tuple[str, int, int, int, int]]:
    """Read an export back; each annotation's (id, quote start, quote end, position start, end)."""
    data = json.loads(exported)
    text = article_text(story)
    out = []
    for note in data["first"]["items"]:
        quote, position = note["target"]["selector"]
        starts = resolve_quote(text, quote)
        assert len(starts) == 1, note["id"]
        start = starts[0]
        out.append(
            (note["id"], start, start + len(quote["exact"]), position["start"], position["end"])
        )
    return out


def test_every_selector_reanchors_at_its_item(capsys: pytest.CaptureFixture[str]) -> None:
    story = load_story(bundled_story())
    assert main(["export", "--format", "annotations"]) == 0
    exported = capsys.readouterr().out
    data = json.loads(exported)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["first"]["type"] == "AnnotationPage"
    items: list[Anchored] = [*story.quotes, *story.figures, *story.timeline]
    assert data["total"] == len(items) == 21
    offsets = paragraph_offsets(story)
    for item, (_id, start, end, pos_start, pos_end) in zip(
        items, reanchored(story, exported), strict=True
    ):
        assert (start, end) == (pos_start, pos_end)
        base = offsets[(item.location.section, item.location.paragraph)]
        assert (start - base, end - base) == (item.location.start, item.location.end)
        assert article_text(story)[start:end] == item.text


def test_bodies_and_ids() -> None:
    story = load_story(bundled_story())
    notes = annotation_collection(story)["first"]["items"]
    first = notes[0]
    assert first["id"] == "urn:story-tui:chile-peru-border-2025/quote/rivas%230"
    assert first["type"] == "Annotation" and first["motivation"] == "identifying"
    assert first["body"][0]["value"] == "Milbayajaira Rivas"
    assert first["target"]["source"]["id"] == "urn:story-tui:chile-peru-border-2025"
    figure = next(n for n in notes if n["id"].endswith("/figure/undocumented-2024"))
    assert figure["body"][0]["value"].startswith("Undocumented migrants in Chile, 2024: ")


def test_a_repeated_span_still_reanchors_at_the_right_place() -> None:
    text = (
        "format: 1\nid: s\ntitle: S\nsections:\n  - id: one\n    title: One\n"
        "    paragraphs: ['In 2010 there were 10 schools; by 2020, 10 more.', '10 again.']\n"
        "figures:\n  - id: a\n    label: A\n    text: '10'\n    prefix: ', '\n"
        "  - id: b\n    label: B\n    text: '10'\n    suffix: ' again'\n"
    )
    story = parse_story(text)
    exported = json.dumps(annotation_collection(story))
    found = reanchored(story, exported)
    assert [(s, e) for _id, s, e, _ps, _pe in found] == [(40, 42), (50, 52)]
    assert all((s, e) == (ps, pe) for _id, s, e, ps, pe in found)
