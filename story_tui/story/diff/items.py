"""What changed among the quotes, figures, timeline events and people of two editions.

Plain Python; no UI imports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from story_tui.story.align import word_diff_summary
from story_tui.story.diff.change import REWORDED, Change, clip, fields_changed, loc, same_item
from story_tui.story.model import Person, Quote, Story, TimelineEvent

T = TypeVar("T")


def _pair(
    old: Sequence[T],
    new: Sequence[T],
    same: Callable[[T, T], bool],
    like: Callable[[T, T], float],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair items: identical by `same` first (in order), then the most alike by `like` (>= 0)."""
    pairs: list[tuple[int, int]] = []
    free = list(range(len(new)))
    rest_old = []
    for i, item in enumerate(old):
        match = next((j for j in free if same(item, new[j])), None)
        if match is None:
            rest_old.append(i)
        else:
            free.remove(match)
            pairs.append((i, match))
    candidates = sorted(
        ((-score, i, j) for i in rest_old for j in free if (score := like(old[i], new[j])) >= 0),
    )
    taken_old: set[int] = set()
    for _score, i, j in candidates:
        if i in taken_old or j not in free:
            continue
        taken_old.add(i)
        free.remove(j)
        pairs.append((i, j))
    return pairs, [i for i in rest_old if i not in taken_old], free


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    score = float(fuzz.ratio(a, b))
    return score if score >= REWORDED else -1.0


def quote_changes(
    old: Story, new: Story, old_data: dict[str, Any], new_data: dict[str, Any]
) -> list[Change]:
    def exported(story: Story, data: dict[str, Any], quote: Quote) -> Any:
        person = story.people.index(story.speaker_of(quote))
        return data["people"][person]["quotes"][int(quote.key.rsplit("#", 1)[1])]

    def like(a: Quote, b: Quote) -> float:
        if a.text == b.text:
            return 200.0  # the same words, now attributed to someone else
        return _ratio(a.text, b.text) if a.speaker == b.speaker else -1.0

    olds, news = old.quotes, new.quotes
    pairs, removed, added = _pair(
        olds, news, lambda a, b: a.speaker == b.speaker and a.text == b.text, like
    )
    changes: list[Change] = []
    for i, j in pairs:
        a, b = olds[i], news[j]
        old_out, new_out = exported(old, old_data, a), exported(new, new_data, b)
        if same_item(old_out, new_out) and a.speaker == b.speaker:
            continue
        speaker = new.speaker_of(b).name
        if a.text != b.text:
            summary = f"quote {b.key} reworded ({speaker}): {word_diff_summary(a.text, b.text)}"
        elif a.speaker != b.speaker:
            summary = f"quote {b.key} now attributed to {speaker} (was {old.speaker_of(a).name})"
        else:
            summary = f"quote {b.key} changed ({speaker}): {fields_changed(old_out, new_out)}"
        changes.append(
            Change(
                "quote",
                "changed",
                b.key,
                old_out,
                new_out,
                loc(b.location),
                summary,
                ("quote", b.key),
            )
        )
    for j in added:
        b = news[j]
        summary = f"quote {b.key} added ({new.speaker_of(b).name}): {clip(b.text)}"
        changes.append(
            Change(
                "quote",
                "added",
                b.key,
                None,
                exported(new, new_data, b),
                loc(b.location),
                summary,
                ("quote", b.key),
            )
        )
    for i in removed:
        a = olds[i]
        summary = f"quote {a.key} removed ({old.speaker_of(a).name}): {clip(a.text)}"
        changes.append(
            Change(
                "quote",
                "removed",
                a.key,
                exported(old, old_data, a),
                None,
                loc(a.location),
                summary,
            )
        )
    return changes


def figure_changes(
    old: Story, new: Story, old_data: dict[str, Any], new_data: dict[str, Any]
) -> list[Change]:
    changes: list[Change] = []
    new_ids = {f.id for f in new.figures}
    for index, b in enumerate(new.figures):
        b_out = new_data["figures"][index]
        a = old.figure(b.id)
        if a is None:
            summary = f"figure {b.id} added: {b.label}: {clip(b.text)}"
            changes.append(
                Change(
                    "figure",
                    "added",
                    b.id,
                    None,
                    b_out,
                    loc(b.location),
                    summary,
                    ("figure", b.id),
                )
            )
            continue
        a_out = old_data["figures"][old.figures.index(a)]
        if same_item(a_out, b_out):
            continue
        if (a.text, a.value) != (b.text, b.value):
            summary = (
                f"figure {b.id} revised: {clip(a.text, 40)} ({a.value}) -> "
                f"{clip(b.text, 40)} ({b.value})"
            )
        else:
            summary = f"figure {b.id} changed: {fields_changed(a_out, b_out)}"
        changes.append(
            Change(
                "figure", "changed", b.id, a_out, b_out, loc(b.location), summary, ("figure", b.id)
            )
        )
    for index, a in enumerate(old.figures):
        if a.id not in new_ids:
            summary = f"figure {a.id} removed: {a.label}: {clip(a.text)}"
            changes.append(
                Change(
                    "figure",
                    "removed",
                    a.id,
                    old_data["figures"][index],
                    None,
                    loc(a.location),
                    summary,
                )
            )
    return changes


def event_changes(
    old: Story, new: Story, old_data: dict[str, Any], new_data: dict[str, Any]
) -> list[Change]:
    def like(a: TimelineEvent, b: TimelineEvent) -> float:
        if (a.date, a.label) == (b.date, b.label) or a.text == b.text:
            return 200.0
        return _ratio(a.text, b.text)

    olds, news = old.timeline, new.timeline
    pairs, removed, added = _pair(
        olds, news, lambda a, b: (a.date, a.label, a.text) == (b.date, b.label, b.text), like
    )
    changes: list[Change] = []
    for i, j in pairs:
        a_out, b_out = old_data["timeline"][i], new_data["timeline"][j]
        if same_item(a_out, b_out):
            continue
        b = news[j]
        summary = f"event {b.key} changed ({b.date} {b.label}): {fields_changed(a_out, b_out)}"
        changes.append(
            Change(
                "event", "changed", b.key, a_out, b_out, loc(b.location), summary, ("event", b.key)
            )
        )
    for j in added:
        b = news[j]
        summary = f"event {b.key} added: {b.date} {b.label}"
        changes.append(
            Change(
                "event",
                "added",
                b.key,
                None,
                new_data["timeline"][j],
                loc(b.location),
                summary,
                ("event", b.key),
            )
        )
    for i in removed:
        a = olds[i]
        summary = f"event {a.key} removed: {a.date} {a.label}"
        changes.append(
            Change(
                "event", "removed", a.key, old_data["timeline"][i], None, loc(a.location), summary
            )
        )
    return changes


def person_changes(
    old: Story, new: Story, old_data: dict[str, Any], new_data: dict[str, Any]
) -> list[Change]:
    def card(data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k not in ("quotes", "mentions")}

    def first_mention(person: Person) -> dict[str, Any] | None:
        return loc(person.mentions[0]) if person.mentions else None

    changes: list[Change] = []
    for index, b in enumerate(new.people):
        b_out = new_data["people"][index]
        a = old.person(b.id)
        if a is None:
            summary = f"person {b.id} added: {b.name} ({b.summary})"
            changes.append(
                Change(
                    "person",
                    "added",
                    b.id,
                    None,
                    b_out,
                    first_mention(b),
                    summary,
                    ("person", b.id),
                )
            )
            continue
        a_out = old_data["people"][old.people.index(a)]
        if card(a_out) != card(b_out):
            summary = f"person {b.id} changed: {fields_changed(card(a_out), card(b_out))}"
            changes.append(
                Change(
                    "person",
                    "changed",
                    b.id,
                    a_out,
                    b_out,
                    first_mention(b),
                    summary,
                    ("person", b.id),
                )
            )
    for index, a in enumerate(old.people):
        if new.person(a.id) is None:
            summary = f"person {a.id} removed: {a.name} ({a.summary})"
            changes.append(
                Change(
                    "person",
                    "removed",
                    a.id,
                    old_data["people"][index],
                    None,
                    first_mention(a),
                    summary,
                )
            )
    return changes
