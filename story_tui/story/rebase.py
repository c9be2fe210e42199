"""Carry a story over to an edited article: align paragraphs, keep sections, re-anchor every item.

`rebase(story, paragraphs)` returns the new story file's text, which always validates, and one
report line per quote, figure or event that moved, changed or was lost. A reworded item takes the
article's new words and is marked `# check: was "…"`; an item that cannot be found is kept as a
`# lost:` comment, never dropped. Plain Python; no UI imports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from story_tui.story.align import Alignment, align_paragraphs
from story_tui.story.anchoring import Article, SpanQuery, find_spans, suggest_context
from story_tui.story.model import Anchored, Figure, Quote, Story
from story_tui.story.reanchor import Placed, reanchor
from story_tui.story.serialize import story_to_dict
from story_tui.story.yamlout import Commented, CommentedOut, to_yaml

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass
class Rebased:
    """The rebased story file and what the author should look at."""

    text: str
    report: list[str] = field(default_factory=list)
    lost: int = 0
    changed: int = 0
    moved: int = 0


@dataclass
class _Item:
    """One quote, figure or event on its way to the new article."""

    kind: str
    key: str
    model: Anchored
    data: dict[str, Any]
    old_paragraph: int
    placed: Placed | None = None
    comments: list[str] = field(default_factory=list)


def rebase(story: Story, paragraphs: Sequence[str]) -> Rebased:
    """The story re-anchored on the new article's `paragraphs` (article order)."""
    old_places = [(s.id, i) for s in story.sections for i in range(len(s.paragraphs))]
    old_texts = [p for s in story.sections for p in s.paragraphs]
    index_of = {place: k for k, place in enumerate(old_places)}
    alignment = align_paragraphs(old_texts, paragraphs)
    section_of = _assign_sections(story, old_places, alignment, len(paragraphs))
    result = Rebased("")
    data = story_to_dict(story)
    data["sections"] = _sections(story, section_of, paragraphs, result)
    article = Article.build(
        (s["id"], s["paragraphs"]) for s in data["sections"] if isinstance(s, dict)
    )
    items = _items(story, data, index_of)
    matches = find_spans(article, [SpanQuery(item.model.text) for item in items])
    for item, match in zip(items, matches, strict=True):
        occurrences = [
            (article.slot(o), o - article.starts[article.slot(o)]) for o in match.occurrences
        ]
        loc = item.model.location
        item.placed = reanchor(
            item.model.text,
            old_paragraph=old_texts[item.old_paragraph],
            start=loc.start,
            end=loc.end,
            target=alignment.new_of_old.get(item.old_paragraph),
            paragraphs=paragraphs,
            occurrences=occurrences,
        )
    placed = [item for item in items if item.placed is not None]
    for item in placed:
        _update(item, article, paragraphs, alignment, result)
    _single_out(placed, article)
    for item in items:
        if item.placed is None:
            result.lost += 1
            result.report.append(f"lost: {item.kind} {item.key} {_quoted(item.model.text)}")
    _write_back(data, items)
    for person in data.get("people", []):
        person.pop("mentions", None)
    result.text = to_yaml(data)
    return result


def _assign_sections(
    story: Story, old_places: list[tuple[str, int]], alignment: Alignment, count: int
) -> list[str]:
    """The section of each new paragraph: its old paragraph's, else the one before it."""
    old_of_new = alignment.old_of_new
    first = story.sections[0].id
    wanted: list[str] = []
    for j in range(count):
        old = old_of_new.get(j)
        wanted.append(old_places[old][0] if old is not None else (wanted[-1] if wanted else first))
    # A section is one run of paragraphs: a paragraph whose section already ended joins the
    # section of the paragraph before it.
    result: list[str] = []
    used: set[str] = set()
    for section_id in wanted:
        previous = result[-1] if result else None
        chosen = (
            previous or section_id if section_id != previous and section_id in used else section_id
        )
        used.add(chosen)
        result.append(chosen)
    return result


def _sections(
    story: Story, section_of: list[str], paragraphs: Sequence[str], result: Rebased
) -> list[Any]:
    by_id: dict[str, dict[str, Any]] = {}
    order: list[dict[str, Any]] = []
    for section_id, text in zip(section_of, paragraphs, strict=True):
        entry = by_id.get(section_id)
        if entry is None:
            section = story.section(section_id)
            assert section is not None
            entry = {
                "id": section.id,
                "title": section.title,
                "paragraphs": [],
                **section.extensions,
            }
            by_id[section_id] = entry
            order.append(entry)
        entry["paragraphs"].append(text)
    out: list[Any] = list(order)
    for section in story.sections:
        if section.id not in by_id:
            result.lost += 1
            result.report.append(
                f"lost: section {section.id} {_quoted(section.title)}: none of its paragraphs "
                "is left"
            )
            out.append(
                CommentedOut(
                    f"lost: section {section.id}: none of its paragraphs is left",
                    {"id": section.id, "title": section.title},
                )
            )
    return out


def _items(story: Story, data: dict[str, Any], index_of: dict[tuple[str, int], int]) -> list[_Item]:
    items: list[_Item] = []

    def add(kind: str, key: str, model: Anchored, entry: dict[str, Any]) -> None:
        place = (model.location.section, model.location.paragraph)
        items.append(_Item(kind, key, model, entry, index_of[place]))

    for person, person_data in zip(story.people, data.get("people", []), strict=True):
        for quote, quote_data in zip(person.quotes, person_data.get("quotes", []), strict=True):
            add("quote", quote.key, quote, quote_data)
    for figure, figure_data in zip(story.figures, data.get("figures", []), strict=True):
        add("figure", figure.id, figure, figure_data)
    for event, event_data in zip(story.timeline, data.get("timeline", []), strict=True):
        add("event", event.key, event, event_data)
    return items


def _update(
    item: _Item, article: Article, paragraphs: Sequence[str], alignment: Alignment, result: Rebased
) -> None:
    """Write the new place's words and context into the item's data; report what changed."""
    assert item.placed is not None
    placed, model, data = item.placed, item.model, item.data
    paragraph = paragraphs[placed.paragraph]
    new_text = paragraph[placed.start : placed.end]
    section, index = article.places[placed.paragraph]
    data.pop("location", None)
    data["text"] = new_text
    prefix, suffix = data.get("prefix"), data.get("suffix")
    if prefix is not None and not paragraph[: placed.start].endswith(prefix):
        data["prefix"] = _before(paragraph, placed.start, len(prefix))
    if suffix is not None and not paragraph[placed.end :].startswith(suffix):
        data["suffix"] = _after(paragraph, placed.end, len(suffix))
    for key in ("prefix", "suffix"):
        if not data.get(key):
            data.pop(key, None)
    if isinstance(model, Quote) and model.section_hint is not None:
        data["section"] = section
    target = alignment.new_of_old.get(item.old_paragraph)
    if (
        placed.paragraph != target
        or item.old_paragraph in alignment.moved
        or section != model.location.section
    ):
        result.moved += 1
        old_where = f"{model.location.section}[{model.location.paragraph}]"
        result.report.append(
            f"moved: {item.kind} {item.key} {_quoted(new_text)} from {old_where} to "
            f"{section}[{index}]"
        )
    if new_text == model.text:
        return
    result.changed += 1
    what = "reworded" if isinstance(model, Quote) else "revised"
    line = f"changed: {item.kind} {item.key} {what}: {_quoted(model.text)} -> {_quoted(new_text)}"
    check = f"check: was {_quoted(model.text, width=None)}"
    if isinstance(model, Figure):
        value = _new_value(model, new_text)
        if value is not None:
            data["value"] = value
            line += f", value {model.value} -> {value}"
            check += f" (value was {model.value})"
    item.comments.append(check)
    result.report.append(line)


def _single_out(items: list[_Item], article: Article) -> None:
    """Give each item the prefix/suffix it needs to anchor at its own place and nowhere else."""
    queries = []
    for item in items:
        hint = item.data.get("section") if isinstance(item.model, Quote) else None
        queries.append(
            SpanQuery(item.data["text"], hint, item.data.get("prefix"), item.data.get("suffix"))
        )
    for item, match in zip(items, find_spans(article, queries), strict=True):
        assert item.placed is not None
        own = article.starts[item.placed.paragraph] + item.placed.start
        if match.places == (own,):
            continue
        others = [p for p in match.places if p != own]
        prefix, suffix = suggest_context(article, [own, *others], len(item.data["text"]))
        if prefix is None and suffix is None:
            item.comments.append("check: the same words stand elsewhere too; anchored at the first")
            continue
        if prefix is not None and len(prefix) > len(item.data.get("prefix", "")):
            item.data["prefix"] = prefix
        if suffix is not None and len(suffix) > len(item.data.get("suffix", "")):
            item.data["suffix"] = suffix


def _write_back(data: dict[str, Any], items: list[_Item]) -> None:
    """Replace each item's entry by itself, itself with comments, or a `# lost:` comment."""
    replaced: dict[int, Any] = {}
    for item in items:
        entry: Any = item.data
        if item.placed is None:
            kept = {k: v for k, v in item.data.items() if k != "location"}
            entry = CommentedOut(
                f"lost: {item.kind} {item.key}: not found in the new article", kept
            )
        elif item.comments:
            entry = Commented(item.data, item.comments)
        replaced[id(item.data)] = entry
    for person in data.get("people", []):
        person["quotes"] = [replaced.get(id(q), q) for q in person.get("quotes", [])]
    for key in ("figures", "timeline"):
        if key in data:
            data[key] = [replaced.get(id(entry), entry) for entry in data[key]]


def _before(paragraph: str, start: int, size: int) -> str:
    begin = max(0, start - size)
    while begin > 0 and not paragraph[begin - 1].isspace():
        begin -= 1
    return paragraph[begin:start]


def _after(paragraph: str, end: int, size: int) -> str:
    stop = min(len(paragraph), end + size)
    while stop < len(paragraph) and not paragraph[stop].isspace():
        stop += 1
    return paragraph[end:stop]


def _number(text: str) -> float | None:
    found = _NUMBER.findall(text)
    if len(found) != 1:
        return None
    return float(found[0].replace(",", ""))


def _new_value(figure: Figure, new_text: str) -> int | float | None:
    """The revised figure's value, when the old one was the number its text wrote."""
    if isinstance(figure.value, bool) or not isinstance(figure.value, int | float):
        return None
    old, new = _number(figure.text), _number(new_text)
    if old is None or new is None or old != figure.value or new == old:
        return None
    return int(new) if isinstance(figure.value, int) and new.is_integer() else new


def _quoted(text: str, width: int | None = 60) -> str:
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return f'"{text}"'
