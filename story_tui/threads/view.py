"""Wording every view of a thread shares (the TUI, `story-tui threads`). No UI imports."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection
from dataclasses import dataclass

from story_tui.story.formatting import human_date, plural
from story_tui.story.model import Target
from story_tui.threads.merge import Said, ThreadPerson, ThreadStory
from story_tui.threads.store import Thread


def day(date: _dt.date) -> str:
    """`2 Dec 2025`."""
    return f"{date.day} {date:%b %Y}"


def span_text(thread: Thread) -> str:
    """`2 Dec – 5 Dec 2025`, `2 Dec 2025`, or "" when no story has a date."""
    first, last = thread.span
    if first is None or last is None:
        return ""
    if first == last:
        return day(first)
    if first.year == last.year:
        return f"{first.day} {first:%b} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def counts_text(thread: Thread) -> str:
    """`4 stories · 3 outlets`."""
    stories = plural(len(thread.stories), "story", "stories")
    return f"{stories} · {plural(len(thread.outlets), 'outlet')}"


def people_shown(thread: Thread) -> list[ThreadPerson]:
    """The people a view of the thread names: those in two stories or more, or quoted."""
    return [p for p in thread.people if len(p.story_ids) > 1 or p.quotes]


# What the thread view lists ---------------------------------------------------------------------

Status = str
"""`changed` (stories new since it was last opened), `unread` (a story of it is unread, as the
library marks it) or `read`."""


def status_of(thread: Thread, seen: set[str] | None, unread: Collection[str]) -> Status:
    """A thread's mark: `changed` when stories joined it since the reader last opened it
    (`seen`: the story files then; None: never opened), else `unread` when one of its story
    files is in `unread` (the library's memory: reading a story, not opening a thread, makes it
    read), else `read`."""
    if seen is not None and any(s.path not in seen for s in thread.stories):
        return "changed"
    return "unread" if any(s.path in unread for s in thread.stories) else "read"


def summary_text(
    thread: Thread, status: Status, seen: set[str] | None, unread: Collection[str] = ()
) -> str:
    """`5 Mar – 7 Mar 2008 · AFP, Reuters · 3 stories · 2 people · 3 quotes · 1 new`."""
    people = people_shown(thread)
    quotes = sum(len(p.quotes) for p in [*thread.people, *thread.organisations])
    parts = [span_text(thread) or "undated"]
    if thread.outlets:
        parts.append(", ".join(thread.outlets[:4]))
        if len(thread.outlets) > 4:
            parts[-1] += f" +{len(thread.outlets) - 4}"
    parts += [
        plural(len(thread.stories), "story", "stories"),
        plural(len(people), "person", "people"),
        plural(quotes, "quote"),
    ]
    if status == "unread":
        parts.append(f"{sum(1 for s in thread.stories if s.path in unread)} unread")
    elif status == "changed" and seen is not None:
        new = sum(1 for s in thread.stories if s.path not in seen)
        parts.append(f"{new} new since you last opened it")
    return " · ".join(parts)


@dataclass(frozen=True)
class Item:
    """One line of the thread view: a heading, or an item that opens a place in a story."""

    text: str
    detail: str = ""
    path: str | None = None
    """The story file it opens (None: a heading)."""
    target: Target | None = None
    """Where in the story: ("quote", key), ("person", id), ("event", key), ("figure", id)."""
    new: bool = False
    """From a story that is new since the reader last opened the thread."""
    indent: int = 0
    check: str | None = None
    """What a tool guessed about the item (a quote's `check`), shown as a guess."""
    unconfirmed: int = 0
    """Of a person or organisation: how many guesses about them are unconfirmed."""

    @property
    def guessed(self) -> bool:
        """Whether the reader sees it marked as a guess (`?`)."""
        return bool(self.check) or self.unconfirmed > 0


def _when(member: ThreadStory) -> str:
    date = member.story.published
    return day(date) if date else "undated"


def thread_items(thread: Thread, seen: set[str] | None) -> list[Item]:
    """Everything the thread view lists, in order: what is new, the stories in time order, the
    merged timeline, the people with their quotes in time order, the figures as they changed."""
    items: list[Item] = []

    def is_new(member: ThreadStory) -> bool:
        return seen is not None and member.path not in seen

    new = [s for s in thread.stories if is_new(s)]
    if new:
        items.append(Item(f"New since you last opened it · {plural(len(new), 'story', 'stories')}"))
        for member in new:
            items.append(_story_item(member, True))
            for person in [*thread.people, *thread.organisations]:
                for said in person.quotes:
                    if said.story is member:
                        items.append(_quote_item(person.name, said, True))
    items.append(Item(f"Stories · {len(thread.stories)}, in time order"))
    items += [_story_item(member, is_new(member)) for member in thread.stories]
    if thread.timeline:
        items.append(Item(f"Timeline · {plural(len(thread.timeline), 'event')}"))
        for event in thread.timeline:
            first, report = event.reports[0]
            outlets = ", ".join(dict.fromkeys(s.outlet for s, _e in event.reports))
            items.append(
                Item(
                    f"{human_date(event.date)}  {event.label}",
                    f"{outlets}"
                    + (f" · {len(event.reports)} reports" if len(event.reports) > 1 else ""),
                    first.path,
                    ("event", report.key),
                    any(is_new(s) for s, _e in event.reports),
                )
            )
            if len(event.reports) > 1:
                for member, each in event.reports:
                    items.append(
                        Item(
                            f"{member.outlet}: {each.text}",
                            "",
                            member.path,
                            ("event", each.key),
                            is_new(member),
                            1,
                        )
                    )
    people = people_shown(thread)
    if people:
        items.append(Item(f"People · {len(people)}"))
        for person in people:
            path: str | None
            target: Target | None
            if person.appearances:
                member, entry = person.appearances[0]
                path, target = member.path, ("person", entry.id)
            else:  # named in the words of the stories only: open the first
                path, target = (person.named_in[0].path if person.named_in else None), None
            also = f" (also {', '.join(person.aliases)})" if person.aliases else ""
            items.append(
                Item(
                    person.name + also,
                    person_counts(person),
                    path,
                    target,
                    unconfirmed=unconfirmed_count(person),
                )
            )
            items += [_quote_item("", said, is_new(said.story)) for said in person.quotes]
    organisations = [o for o in thread.organisations if o.quotes]
    if organisations:
        items.append(Item(f"Organisations quoted · {len(organisations)}"))
        for org in organisations:
            member, listed = org.appearances[0]
            items.append(
                Item(
                    org.name,
                    person_counts(org),
                    member.path,
                    ("person", listed.id),
                    unconfirmed=unconfirmed_count(org),
                )
            )
            items += [_quote_item("", said, is_new(said.story)) for said in org.quotes]
    if thread.figures:
        items.append(Item(f"Figures as they changed · {len(thread.figures)}"))
        from story_tui.threads.merge import describe_change

        for change in thread.figures:
            member, figure = change.values[-1]
            items.append(
                Item(change.label, describe_change(change), member.path, ("figure", figure.id))
            )
            for member, figure in change.values:
                items.append(
                    Item(
                        f"{figure.text} · {member.outlet}, {_when(member)}",
                        "",
                        member.path,
                        ("figure", figure.id),
                        is_new(member),
                        1,
                    )
                )
    return items


def _story_item(member: ThreadStory, new: bool) -> Item:
    return Item(member.story.title, f"{_when(member)} · {member.sources}", member.path, None, new)


def _quote_item(name: str, said: Said, new: bool) -> Item:
    quote = said.quote
    words = f"“{quote.text}”" if quote.kind == "direct" else quote.text
    who = f"{name}: " if name else ""
    return Item(
        f"{who}{words}",
        f"{_when(said.story)} · {said.story.outlet}",
        said.story.path,
        ("quote", quote.key),
        new,
        1,
        quote.check,
    )


def person_counts(person: ThreadPerson) -> str:
    """`2 stories · 3 quotes`, then ` · 2 unconfirmed` when guesses about the person are
    unconfirmed (their own `check` in a story, and their quotes'), as the library counts them."""
    stories = plural(len(person.story_ids), "story", "stories")
    counts = f"{stories} · {plural(len(person.quotes), 'quote')}"
    guesses = unconfirmed_count(person)
    return f"{counts} · {guesses} unconfirmed" if guesses else counts


def unconfirmed_count(person: ThreadPerson) -> int:
    """How many guesses about a person across the thread are unconfirmed."""
    own = sum(1 for _story, listed in person.appearances if listed.check)
    return own + sum(1 for said in person.quotes if said.quote.check)
