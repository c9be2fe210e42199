"""Generate a library of stories for the library benchmarks: by default 1,000 files of about the
bundled story's size (10 KB), each with its own id, title and date, in 10 folders; 200 people,
each quoted in 25 stories.

    python benchmarks/library.py -o benchmarks/out/library
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
from pathlib import Path

from benchmarks.generate import generate


def story_text(number: int) -> str:
    """One story of the library: the generator's text with its own id, title and date."""
    text = generate(sections=6, paragraphs=4, people=5, quotes=3, figures=4, events=3, seed=number)
    published = dt.date(2020, 1, 1) + dt.timedelta(days=number)
    # 200 people in all, each in 25 stories: the generator names the same five in every story.
    group = number % 40
    text = re.sub(r"Garcia (\d)\b", lambda m: f"Garcia {int(m.group(1)) + 5 * group}", text)
    return text.replace("id: generated-scale-story", f"id: story-{number:04d}", 1).replace(
        'title: "A generated story for the scale benchmarks"',
        f"title: {json.dumps(f'Generated story {number} about the border')}\n"
        f"published: {published.isoformat()}",
        1,
    )


def write_library(folder: Path, count: int = 1000) -> Path:
    """Write `count` stories under `folder` (replacing what was there)."""
    if folder.exists():
        shutil.rmtree(folder)
    for number in range(count):
        path = folder / f"part-{number % 10}" / f"story-{number:04d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(story_text(number), encoding="utf-8")
    return folder


def main() -> None:
    """Write the generated library."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default="benchmarks/out/library")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    folder = write_library(Path(args.output), args.count)
    size = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
    print(f"{folder}: {args.count} stories, {size:,} bytes")


if __name__ == "__main__":
    main()
