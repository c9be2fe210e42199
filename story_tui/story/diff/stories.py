"""What changed between two editions of a story, as an editor would list it.

`diff_stories(old, new)` returns paragraphs added, removed, edited (word by word) and moved; quotes
added, removed and reworded; figures added, removed and revised; people and timeline events added,
removed and changed. Each change carries the item as the JSON export writes it, and where it is
(or was). Plain Python; no UI imports.
"""

from __future__ import annotations

from story_tui.story.align import align_paragraphs, word_diff_summary
from story_tui.story.diff.change import Change, ChangeType, clip, where
from story_tui.story.diff.items import (
    event_changes,
    figure_changes,
    person_changes,
    quote_changes,
)
from story_tui.story.model import Story, Target
from story_tui.story.serialize import story_to_dict

__all__ = ["Change", "diff_stories"]


def diff_stories(old: Story, new: Story) -> list[Change]:
    """Every change from `old` to `new`, paragraphs first, then quotes, figures, events, people."""
    old_data, new_data = story_to_dict(old), story_to_dict(new)
    changes = _paragraphs(old, new)
    changes += quote_changes(old, new, old_data, new_data)
    changes += figure_changes(old, new, old_data, new_data)
    changes += event_changes(old, new, old_data, new_data)
    changes += person_changes(old, new, old_data, new_data)
    return changes


def _paragraphs(old: Story, new: Story) -> list[Change]:
    old_places = [(s.id, i) for s in old.sections for i in range(len(s.paragraphs))]
    new_places = [(s.id, i) for s in new.sections for i in range(len(s.paragraphs))]
    old_texts = [p for s in old.sections for p in s.paragraphs]
    new_texts = [p for s in new.sections for p in s.paragraphs]
    alignment = align_paragraphs(old_texts, new_texts)
    old_of_new = alignment.old_of_new
    found: list[tuple[int, Change]] = []

    def add(
        position: int,
        change: ChangeType,
        place: tuple[str, int],
        *,
        old_text: str | None,
        new_text: str | None,
        summary: str,
        target: Target | None,
    ) -> None:
        name = where(*place)
        location = {"section": place[0], "paragraph": place[1]}
        found.append(
            (
                position,
                Change(
                    "paragraph",
                    change,
                    name,
                    old_text,
                    new_text,
                    location,
                    f"paragraph {name} {summary}",
                    target,
                ),
            )
        )

    for j, place in enumerate(new_places):
        target: Target = ("section", place[0])
        i = old_of_new.get(j)
        if i is None:
            summary = f"added: {clip(new_texts[j])}"
            add(
                j,
                "added",
                place,
                old_text=None,
                new_text=new_texts[j],
                summary=summary,
                target=target,
            )
            continue
        if i in alignment.moved or old_places[i][0] != place[0]:
            summary = f"moved from {where(*old_places[i])}: {clip(new_texts[j], 50)}"
            add(
                j,
                "moved",
                place,
                old_text=old_texts[i],
                new_text=new_texts[j],
                summary=summary,
                target=target,
            )
        if old_texts[i] != new_texts[j]:
            summary = f"changed: {word_diff_summary(old_texts[i], new_texts[j])}"
            add(
                j,
                "changed",
                place,
                old_text=old_texts[i],
                new_text=new_texts[j],
                summary=summary,
                target=target,
            )
    kept = set(alignment.new_of_old)
    for i, place in enumerate(old_places):
        if i in kept:
            continue
        # A removed paragraph is listed where it stood: after the kept paragraph before it.
        position = max((alignment.new_of_old[k] for k in kept if k < i), default=-1)
        gone: Target | None = ("section", place[0]) if new.section(place[0]) else None
        summary = f"removed: {clip(old_texts[i])}"
        add(
            position,
            "removed",
            place,
            old_text=old_texts[i],
            new_text=None,
            summary=summary,
            target=gone,
        )
    found.sort(key=lambda pair: pair[0])
    return [change for _position, change in found]
