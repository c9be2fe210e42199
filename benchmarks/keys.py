"""Key latency: time from a key event to the first frame the app renders after it.

The app runs headless (Textual's test driver, at a fixed size). Each key is sent straight to the
driver, as a terminal would deliver it, and the harness timestamps the frames the app writes
(wrapping `App._display`, the one place a frame leaves the app). Pilot's own `press()` sleeps
between keys, so it cannot measure this.

    python benchmarks/keys.py [STORY] --rounds 9 --json out.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

from textual import events

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from story_tui.app import StoryApp
from story_tui.loader import load_story
from story_tui.resources import bundled_story

# (label, keys to set up, the key measured, keys to undo). Each starts from the main screen with the
# article focused.
SCENARIOS: list[tuple[str, list[str], str, list[str]]] = [
    ("tab (next pane)", [], "tab", ["2"]),
    ("3 (People pane)", [], "3", ["2"]),
    ("4 (Key figures)", [], "4", ["2"]),
    ("j (scroll line)", [], "j", ["g"]),
    ("space (page down)", [], "space", ["g"]),
    ("G (end)", [], "G", ["g"]),
    ("] (next section)", [], "right_square_bracket", ["g"]),
    ("} (next paragraph)", [], "right_curly_bracket", ["g"]),
    ("j in People", ["3"], "j", ["k", "2"]),
    ("enter on person (card)", ["3"], "enter", ["escape", "2"]),
    ("enter on quote (jump)", ["3", "enter"], "enter", ["escape", "g"]),
    ("enter on figure (jump)", ["4"], "enter", ["escape", "g"]),
    ("/ (open find)", [], "slash", ["escape"]),
    ("type in find", ["slash"], "v", ["escape"]),
    ("n (next match)", ["slash", "v", "enter"], "n", ["escape", "g"]),
    ("ctrl+p (palette)", [], "ctrl+p", ["escape"]),
    ("? (help)", [], "question_mark", ["escape"]),
]


def _event(key: str) -> events.Key:
    char: str | None
    if len(key) == 1:
        char = key
    else:
        try:
            char = unicodedata.lookup(key.upper().replace("_", " "))
        except KeyError:
            char = None
    return events.Key(key, char)


async def measure(story_path: Path, rounds: int, size: tuple[int, int]) -> dict[str, Any]:
    """Median and p95 latency per scenario, in milliseconds."""
    story = load_story(story_path, max_bytes=64 * 1024 * 1024)
    app = StoryApp(story, remember=False)
    frames: list[float] = []
    results: dict[str, list[float]] = {label: [] for label, *_ in SCENARIOS}
    async with app.run_test(size=size) as pilot:
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            frames.append(time.perf_counter())
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        driver = app._driver
        assert driver is not None

        async def send(key: str, wait: bool) -> float | None:
            before = len(frames)
            start = time.perf_counter()
            driver.send_message(_event(key))
            if not wait:
                await pilot.pause(0.05)
                return None
            deadline = start + 2.0
            while len(frames) == before and time.perf_counter() < deadline:
                await asyncio.sleep(0.0005)
            latency = frames[before] - start if len(frames) > before else None
            await pilot.pause(0.05)  # let the frame settle before the next key
            return latency

        await pilot.pause(0.2)
        for _ in range(rounds):
            for label, setup, key, undo in SCENARIOS:
                for k in setup:
                    await send(k, wait=False)
                latency = await send(key, wait=True)
                if latency is not None:
                    results[label].append(latency * 1000)
                for k in undo:
                    await send(k, wait=False)
    summary: dict[str, Any] = {}
    for label, values in results.items():
        if not values:
            summary[label] = {"median": None, "p95": None, "n": 0}
            continue
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        summary[label] = {
            "median": round(statistics.median(ordered), 2),
            "p95": round(p95, 2),
            "n": len(ordered),
        }
    return summary


def main() -> None:
    """Print (and optionally save) the latency table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("story", nargs="?", default=str(bundled_story()))
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--size", default="120x36")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    summary = asyncio.run(measure(Path(args.story), args.rounds, (width, height)))
    for label, row in summary.items():
        print(
            f"{label:28} median {row['median']!s:>8} ms   p95 {row['p95']!s:>8} ms   n={row['n']}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
