"""Generate a large, valid story for the scale benchmarks.

Defaults: 2,000 sections x 10 paragraphs, 500 people with 20 quotes each, 1,000 figures and 200
timeline events: about 6 MB. Deterministic for a given seed.

    python benchmarks/generate.py -o /tmp/big.yaml
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WORDS = (
    "the of and to in a is that for on with as by at from border migrants government election "
    "region country people families workers policy crisis report officials said city water heat "
    "night children schools health services support public debate security economy minister "
    "president campaign candidate police desert route north south state emergency decision week "
    "month year numbers change future work hope fear question answer voters law order crime"
).split()
FIRST = (
    "Ana Luis Marta Jorge Sofia Diego Elena Pablo Lucia Carlos Rosa Andres Paula Miguel Clara "
    "Javier Irene Tomas Julia Mateo Nora Hugo Alba Ramon Eva"
).split()
LAST = (
    "Garcia Rojas Silva Perez Castro Vargas Morales Herrera Medina Flores Rios Navarro Campos "
    "Vega Reyes Ortiz Fuentes Paredes Salinas Cortes"
).split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def sentence(rng: random.Random, words: int) -> str:
    """Some words, capitalised, with a full stop."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def generate(
    sections: int = 2000,
    paragraphs: int = 10,
    people: int = 500,
    quotes: int = 20,
    figures: int = 1000,
    events: int = 200,
    seed: int = 7,
) -> str:
    """The YAML text of a generated story."""
    rng = random.Random(seed)
    total = sections * paragraphs
    names = []
    for index in range(people):
        first, last = FIRST[index % len(FIRST)], LAST[(index // len(FIRST)) % len(LAST)]
        names.append((f"{first} {last} {index}", f"{last} {index}"))
    # Each paragraph: filler sentences; some carry a quote, a figure or an event.
    text: list[str] = [
        " ".join(sentence(rng, rng.randint(6, 11)) for _ in range(3)) for _ in range(total)
    ]
    slots = list(range(total))
    rng.shuffle(slots)
    cursor = 0
    quote_spans: list[list[tuple[str, int]]] = [[] for _ in range(people)]
    for person in range(people):
        for number in range(quotes):
            slot = slots[cursor % total]
            cursor += 1
            words = f"quote {person}-{number}: {sentence(rng, 9)[:-1]}"
            name = names[person][0] if number == 0 else names[person][1]
            text[slot] += f" “{words},” said {name}."
            quote_spans[person].append((words + ",", slot))
    figure_spans: list[tuple[str, int, int]] = []
    for number in range(figures):
        slot = slots[cursor % total]
        cursor += 1
        value = rng.randint(100, 999_999)
        words = f"{value:,} people (figure {number})"
        text[slot] += f" Officials counted {words} in {2000 + number % 25}."
        figure_spans.append((words, value, 2000 + number % 25))
    event_spans: list[tuple[str, str]] = []
    for number in range(events):
        slot = slots[cursor % total]
        cursor += 1
        year, month = 1990 + number % 35, number % 12
        words = f"In {MONTHS[month]} {year}, event {number} happened"
        text[slot] += f" {words} at the border."
        event_spans.append((words, f"{year}-{month + 1:02d}"))

    out = [
        "format: 1",
        "id: generated-scale-story",
        'title: "A generated story for the scale benchmarks"',
        'standfirst: "Generated text: many sections, people, quotes, figures and events."',
        "sources:",
        "  - id: wire",
        "    name: The Wire",
        "sections:",
    ]
    for s in range(sections):
        out += [f"  - id: s{s}", f"    title: Section {s + 1}", "    paragraphs:"]
        out += [f"      - {q(text[s * paragraphs + p])}" for p in range(paragraphs)]
    out.append("people:")
    for person in range(people):
        full, alias = names[person]
        out += [
            f"  - id: p{person}",
            f"    name: {q(full)}",
            f"    aliases: [{q(alias)}]",
            "    role: Resident",
            f"    age: {20 + person % 60}",
            "    quotes:",
        ]
        for words, slot in quote_spans[person]:
            out += [
                f"      - text: {q(words)}",
                "        kind: direct",
                "        source: wire",
                f"        section: s{slot // paragraphs}",
            ]
    out.append("figures:")
    for number, (words, value, year) in enumerate(figure_spans):
        out += [
            f"  - id: f{number}",
            f"    label: Figure {number}",
            f"    text: {q(words)}",
            f"    value: {value}",
            "    unit: people",
            f'    as_of: "{year}"',
            "    sources: [wire]",
        ]
    out.append("timeline:")
    for words, date in event_spans:
        out += [f"  - date: {date}", f"    label: {q(words)}", f"    text: {q(words)}"]
    return "\n".join(out) + "\n"


def main() -> None:
    """Write the generated story."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default="benchmarks/out/scale.yaml")
    parser.add_argument("--sections", type=int, default=2000)
    parser.add_argument("--paragraphs", type=int, default=10)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--quotes", type=int, default=20)
    parser.add_argument("--figures", type=int, default=1000)
    parser.add_argument("--events", type=int, default=200)
    args = parser.parse_args()
    text = generate(
        args.sections, args.paragraphs, args.people, args.quotes, args.figures, args.events
    )
    path = Path(args.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {len(text.encode()):,} bytes")


if __name__ == "__main__":
    main()
