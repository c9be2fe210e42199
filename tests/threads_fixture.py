"""A library the thread tests write: two developing stories that share a surname, and more.

Thread "rehab" (actress Tara Reid checks into a clinic): three stories, one of them undated,
from three outlets; the clinic's cost is reported as $48,000 a month, then $50,000; the check-in
is a timeline event reported by two stories. Thread "senate" (Senator Harry Reid and a budget
vote): two stories, years later. "Reid" is in both threads and must name two people.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Quote = tuple[str, str]
"""(text, kind)."""


def story_yaml(
    story_id: str,
    title: str,
    published: str | None,
    outlet: str,
    paragraphs: Sequence[str],
    *,
    people: Sequence[tuple[str, str, Sequence[str], Sequence[str]]] = (),
    figures: Sequence[tuple[str, str, str, float, str]] = (),
    timeline: Sequence[tuple[str, str, str]] = (),
) -> str:
    """A story file: people are (id, name, aliases, direct quotes), figures (id, label, text,
    value, unit), events (date, label, text); every text must be in a paragraph."""

    def q(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["format: 1", f"id: {story_id}", f"title: {q(title)}"]
    if published:
        lines.append(f"published: {published}")
    lines += ["sources:", "  - id: outlet", f"    name: {q(outlet)}", "sections:"]
    lines += ["  - id: body", "    title: Body", "    paragraphs:"]
    lines += [f"      - {q(p)}" for p in paragraphs]
    lines.append("people:" if people else "people: []")
    for pid, name, aliases, quotes in people:
        lines += [f"  - id: {pid}", f"    name: {q(name)}", f"    aliases: {q(list(aliases))}"]
        lines += ["    role: Unknown", "    quotes:" if quotes else "    quotes: []"]
        lines += [f"      - text: {q(text)}\n        kind: direct" for text in quotes]
    lines.append("figures:" if figures else "figures: []")
    for fid, label, text, value, unit in figures:
        lines += [f"  - id: {fid}", f"    label: {q(label)}", f"    text: {q(text)}"]
        lines += [f"    value: {value}", f"    unit: {q(unit)}"]
    lines.append("timeline:" if timeline else "timeline: []")
    for date, label, text in timeline:
        lines += [f"  - date: {q(date)}", f"    label: {q(label)}", f"    text: {q(text)}"]
    return "\n".join(lines) + "\n"


REHAB_1 = story_yaml(
    "reid-rehab-afp",
    "Tara Reid checks into Promises rehab clinic in Malibu",
    "2008-03-05",
    "AFP",
    [
        "Actress Tara Reid checked into the Promises rehab clinic in Malibu on Tuesday, "
        "her publicist Jack Ketsoyan said.",
        '"She is doing well and asks for privacy," Ketsoyan said. The Promises clinic '
        "charges $48,000 a month, according to its website.",
        'Reid said: "I am ready to get better."',
    ],
    people=[
        ("reid", "Tara Reid", ["Reid"], ["I am ready to get better."]),
        ("ketsoyan", "Jack Ketsoyan", ["Ketsoyan"], ["She is doing well and asks for privacy,"]),
    ],
    figures=[("cost", "Monthly cost of the clinic", "$48,000", 48000, "USD")],
    timeline=[
        ("2008-03-04", "Tara Reid checks into Promises", "checked into the Promises rehab clinic")
    ],
)
REHAB_2 = story_yaml(
    "reid-rehab-reuters",
    "American Pie actress Reid enters Promises rehab",
    "2008-03-07",
    "Reuters",
    [
        "American Pie actress Reid entered the Promises rehab clinic in Malibu this week, "
        "publicist Jack Ketsoyan confirmed.",
        "The Malibu clinic now charges $50,000 a month for a stay in rehab.",
        '"Tara wants to thank her fans," Ketsoyan said of the actress.',
    ],
    people=[
        ("reid", "Reid", [], []),
        ("ketsoyan", "Jack Ketsoyan", ["Ketsoyan"], ["Tara wants to thank her fans,"]),
    ],
    figures=[("cost", "Monthly cost of the clinic", "$50,000", 50000, "USD")],
    timeline=[("2008-03-04", "Reid checks into Promises", "entered the Promises rehab clinic")],
)
REHAB_3 = story_yaml(
    "reid-rehab-wire",
    "Friends rally around Tara Reid at Malibu rehab",
    None,
    "The Wire",
    [
        "Friends of actress Tara Reid visited the Promises rehab clinic in Malibu, where the "
        "American Pie actress is staying.",
        'Her publicist Jack Ketsoyan said the actress was "doing great" at the clinic.',
    ],
    people=[("reid", "Tara Reid", ["Reid"], []), ("ketsoyan", "Jack Ketsoyan", [], [])],
)
SENATE_1 = story_yaml(
    "reid-senate-vote",
    "Senator Harry Reid schedules budget vote in the Senate",
    "2013-10-10",
    "AP",
    [
        "Senate majority leader Harry Reid scheduled a budget vote for Friday as the "
        "government shutdown entered its tenth day in Washington.",
        '"We will vote on Friday," Reid told senators on the Senate floor.',
        "Republicans in the House of Representatives rejected the Senate budget plan.",
    ],
    people=[("reid", "Harry Reid", ["Reid"], ["We will vote on Friday,"])],
    timeline=[("2013-10-11", "Senate budget vote", "a budget vote for Friday")],
)
SENATE_2 = story_yaml(
    "reid-senate-deal",
    "Harry Reid and Senate Republicans near budget deal to end shutdown",
    "2013-10-14",
    "Politico",
    [
        "Senate majority leader Harry Reid said senators were close to a budget deal that "
        "would end the government shutdown in Washington.",
        '"We are very close," Reid said after meeting Republicans of the Senate.',
        "The House of Representatives must still vote on the budget plan.",
    ],
    people=[("reid", "Harry Reid", ["Reid"], ["We are very close,"])],
)

STORIES = {
    "rehab-afp.yaml": REHAB_1,
    "rehab-reuters.yaml": REHAB_2,
    "rehab-wire.yaml": REHAB_3,
    "senate-vote.yaml": SENATE_1,
    "senate-deal.yaml": SENATE_2,
}


def write_library(folder: Path) -> Path:
    """Write the stories into `folder` (made if needed) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
