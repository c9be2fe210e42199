"""A small library the tests write: three stories and one invalid file.

Ana Pérez is in two stories under the same full name (one without the accent); the mayor is
"Tom Lee" in one and "Thomas Lee" in another, the same person by a shared `same_as` URI; the
economist Ming Lee shares only the surname, and stays apart.
"""

from __future__ import annotations

from pathlib import Path

BORDER = """\
format: 1
id: border-town
title: Waiting at the border town
published: 2025-11-20
updated: "2025-11-21T08:00:00Z"
sources:
  - id: wire
    name: The Wire Service
sections:
  - id: arrival
    title: Arrival
    paragraphs:
      - "Ana Pérez, a 30-year-old baker, said “the bread runs out by noon” at the crossing."
      - "Families slept near the bus station while officials counted the new arrivals."
  - id: night
    title: Night
    paragraphs:
      - "Mayor Tom Lee said the town would open the school gym. Lee spoke at night."
people:
  - id: perez
    name: Ana Pérez
    aliases: [Pérez]
    role: Baker
    quotes:
      - text: "the bread runs out by noon"
        kind: direct
        source: wire
  - id: lee
    name: Tom Lee
    aliases: [Lee]
    same_as: ["https://www.wikidata.org/entity/Q4115189"]
    role: Mayor
    quotes:
      - text: "the town would open the school gym"
        kind: paraphrase
figures: []
"""

BAKERY = """\
format: 1
id: bakery-prices
title: Bread prices climb again
published: 2024-05-01
sources:
  - id: daily
    name: The Daily
sections:
  - id: prices
    title: Prices
    paragraphs:
      - "Ana Perez said “bread is up 20 percent” on Monday, and the crossing is quiet."
      - "Officials said the price of flour rose in March."
people:
  - id: ana
    name: Ana Perez
    role: Baker
    quotes:
      - text: "bread is up 20 percent"
        kind: direct
  - id: lee
    name: Ming Lee
    aliases: [Lee]
    role: Economist
    quotes: []
figures:
  - id: bread
    label: Rise in the price of bread
    text: "20 percent"
    value: 20
    unit: percent
"""

UNDATED = """\
format: 1
id: river-notes
title: Notes from the river
sections:
  - id: notes
    title: Notes
    paragraphs:
      - "The river was low and the ferry did not run."
      - "Thomas Lee, the mayor, said the ferry would run again by June."
people:
  - id: mayor
    name: Thomas Lee
    same_as: ["https://www.wikidata.org/entity/Q4115189"]
    role: Mayor
    quotes:
      - text: "the ferry would run again by June"
        kind: paraphrase
"""

INVALID = """\
format: 1
id: broken-story
title: A broken story
sections:
  - id: only
    title: Only
    paragraphs:
      - "Nothing here."
people:
  - id: ghost
    name: Ghost Writer
    role: Nobody
    quotes:
      - text: "words that are not in the article"
        kind: direct
"""


def write_library(root: Path) -> Path:
    """Write the fixture library under `root/library` and return that folder."""
    folder = root / "library"
    (folder / "2025").mkdir(parents=True, exist_ok=True)
    (folder / "2024").mkdir(exist_ok=True)
    (folder / "2025" / "border.yaml").write_text(BORDER, encoding="utf-8")
    (folder / "2024" / "bakery.yaml").write_text(BAKERY, encoding="utf-8")
    (folder / "river.yaml").write_text(UNDATED, encoding="utf-8")
    (folder / "broken.yaml").write_text(INVALID, encoding="utf-8")
    (folder / "notes.txt").write_text("not a story, and not *.yaml", encoding="utf-8")
    return folder
