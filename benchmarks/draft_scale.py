"""Drafting time grows linearly: a 2 MB article within 2.2x of a 1 MB one, in one paragraph or many.

    .venv/bin/python benchmarks/draft_scale.py            # about 2 minutes; exit 1 over the ratio
    .venv/bin/python benchmarks/draft_scale.py --sizes 0.25 0.5   # a quicker look

Each article is generated (deterministic for a seed) from news-like sentences: named people
with roles, quotations of fresh words, figures and dates, so no quotation repeats the way a
copied-and-pasted article would. Each `story-tui draft` runs in a fresh interpreter; the time is
its wall time, the memory its peak resident set.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import FIRST, LAST, MONTHS, WORDS, sentence

RATIO = 2.2
"""The most a doubled article may take, as a multiple of the time of the smaller one."""

ROLES = ("a spokesman for the ministry", "the city's mayor", "a nurse", "an economist at the bank")


def article(size: int, one_paragraph: bool, seed: int = 7) -> str:
    """About `size` characters of article: a headline, then one paragraph or many."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        kind = rng.randrange(4)
        if kind == 0:
            text = f"“{words.capitalize()},” said {name}, {rng.choice(ROLES)}."
        elif kind == 1:
            cents = rng.randint(10, 99)
            text = f"Prices rose {rng.randint(2, 95)}% to ${rng.randint(2, 900)}.{cents}."
        elif kind == 2:
            day = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2030)}"
            text = f"On {day}, {sentence(rng, rng.randint(5, 12)).lower()}"
        else:
            text = sentence(rng, rng.randint(8, 20))
        parts.append(text)
        length += len(text) + 1
    if one_paragraph:
        body = " ".join(parts)
    else:
        body = "\n\n".join(" ".join(parts[i : i + 6]) for i in range(0, len(parts), 6))
    return "Officials meet as prices climb\n\n" + body + "\n"


def draft_seconds(path: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds and peak kB of `story-tui draft PATH` in a fresh interpreter.

    The ratio is taken on CPU time (user + system), which other work on a shared machine
    disturbs far less than wall time.
    """
    command = [sys.executable, "-m", "story_tui", "draft", str(path), "-o", f"{path}.yaml"]
    start = time.perf_counter()
    child = subprocess.Popen([*command, "--max-bytes", str(64 * 2**20)], stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"draft failed on {path}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes",
        nargs=2,
        type=float,
        default=[1.0, 2.0],
        metavar="MB",
        help="the smaller and the larger size in MB (default 1 2)",
    )
    args = parser.parse_args()
    small, large = (int(mb * 1024 * 1024) for mb in args.sizes)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for one in (True, False):
            shape = "one paragraph" if one else "many paragraphs"
            times = []
            for size in (small, large):
                path = Path(folder) / f"article-{size}-{int(one)}.txt"
                path.write_text(article(size, one), encoding="utf-8")
                wall, cpu, peak = draft_seconds(path)
                times.append(cpu)
                print(
                    f"{size / 2**20:5.2f} MB, {shape:15}: {cpu:6.2f} s CPU ({wall:6.2f} s wall), "
                    f"peak {peak / 1024:6.1f} MB"
                )
            ratio = times[1] / times[0]
            print(f"      {shape}: {args.sizes[1]:g} MB / {args.sizes[0]:g} MB = {ratio:.2f}x CPU")
            if ratio > RATIO * (large / small) / 2:
                print(f"over the {RATIO}x limit: {shape}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
