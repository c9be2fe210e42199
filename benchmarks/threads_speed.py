"""How fast threads are: grouping 1,000 stories, and one story joining a 10,000-story library.

    .venv/bin/python benchmarks/threads_speed.py            # best of 5 rounds each

Generated stories (deterministic), built in memory as a library's stories are once loaded: each
belongs to one of many events (about ten stories an event, spread over two years), with its
event's people, places and words among common ones, 12 paragraphs of about 40 words. Timed:

- `group 1,000`: the features of every story, then average-link grouping (`threads_of` without
  the merge of people and timelines, which a view computes for the thread it shows);
- `join 1 into 10,000`: the features of one new story and `Grouper.join` into an indexed,
  grouped library of 10,000 (indexing and grouping the 10,000 is set-up, not timed).

Targets (issue 23): <= 2 s and <= 0.3 s.
"""

from __future__ import annotations

import datetime as _dt
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from story_tui.story.model import Person, Section, Story
from story_tui.threads.features import features_of
from story_tui.threads.group import Grouper

COMMON = (
    "the of and to in a is that for on with as by at from government officials said city police "
    "report week people families workers policy crisis public security economy minister court "
    "president campaign decision numbers change future question law order crime support"
).split()
SYLLABLES = "ka lo mi ra ne to su va de ri po la an el or in ur is on et".split()


def word(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def name(rng: random.Random) -> str:
    return f"{word(rng, 2).title()} {word(rng, 3).title()}"


def events(rng: random.Random, count: int) -> list[dict[str, object]]:
    start = _dt.date(2024, 1, 1)
    return [
        {
            "words": [word(rng) for _ in range(25)],
            "people": [name(rng) for _ in range(4)],
            "place": word(rng, 3).title(),
            "day": start + _dt.timedelta(days=rng.randrange(730)),
        }
        for _ in range(count)
    ]


def story(rng: random.Random, number: int, event: dict[str, object]) -> Story:
    topical: list[str] = event["words"]  # type: ignore[assignment]
    people: list[str] = event["people"]  # type: ignore[assignment]
    place: str = event["place"]  # type: ignore[assignment]
    day: _dt.date = event["day"]  # type: ignore[assignment]

    def sentence() -> str:
        words = [rng.choice(COMMON if rng.random() < 0.6 else topical) for _ in range(20)]
        words.insert(rng.randrange(20), rng.choice(people))
        words.insert(rng.randrange(20), place)
        return " ".join(words).capitalize() + "."

    paragraphs = tuple(f"{sentence()} {sentence()}" for _ in range(12))
    title = " ".join([place, *rng.sample(topical, 5)]).capitalize()
    return Story(
        id=f"story-{number}",
        title=title,
        sections=(Section("s1", "Body", paragraphs),),
        published=day + _dt.timedelta(days=rng.randrange(10)),
        people=tuple(Person(f"p{i}", n, "") for i, n in enumerate(rng.sample(people, 3))),
    )


def library(count: int, seed: int = 7) -> list[Story]:
    rng = random.Random(seed)
    happening = events(rng, max(1, count // 10))
    return [story(rng, n, rng.choice(happening)) for n in range(count)]


def best(rounds: int, run: object) -> tuple[float, float]:
    """The best wall time and the best CPU time of the rounds (CPU: what an idle machine takes)."""
    walls, cpus = [], []
    for _ in range(rounds):
        started, cpu = time.perf_counter(), time.process_time()
        run()  # type: ignore[operator]
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    thousand = library(1000)

    def group() -> None:
        grouper = Grouper()
        grouper.index(features_of(s, s.id) for s in thousand)
        grouper.group_all()

    wall, cpu = best(rounds, group)
    load = os.getloadavg()[0]
    print(f"group 1,000 stories: {wall:.2f} s wall, {cpu:.2f} s CPU (target <= 2 s)")
    print(f"(load average {load:.1f}: wall time is shared with everything else running)")
    stories = library(10001, seed=11)
    newcomer = stories.pop()
    grouper = Grouper()
    grouper.index(features_of(s, s.id) for s in stories)
    grouper.group_all()
    times, cpus = [], []
    for _ in range(rounds):
        started, cpu = time.perf_counter(), time.process_time()
        grouper.join(features_of(newcomer, newcomer.id))
        times.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        grouper.remove(newcomer.id)
    print(
        f"join 1 story into 10,000: {min(times):.3f} s wall, {min(cpus):.3f} s CPU "
        "(target <= 0.3 s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
