"""Key latency: time from a key event to the frames the app renders after it.

The app runs headless (Textual's test driver, at a fixed size), started as the command line
starts it (collector paused until the first frame). Each key is sent straight to the driver, as a
terminal would deliver it, and the harness timestamps the frames the app writes (wrapping
`App._display`, the one place a frame leaves the app). Pilot's own `press()` sleeps between keys,
so it cannot measure this.

Two times per key: `first`, to the first frame after the key (the app answered), and `done`, to
the last frame before 50 ms without one (everything the key changed is on screen: the find count
after the typed letter, the section list following a scroll). The text cursor's blink is turned
off so that it does not count as an effect.

    python benchmarks/keys.py [STORY] --rounds 9 --json out.json
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.driver import Driver
from textual.widgets import Input

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from story_tui.story.bundled import bundled_story
from story_tui.story.loader import load_story
from story_tui.tui.app import StoryApp
from story_tui.tui.startup import pause_collector

QUIET = 0.05
"""A key's effect is done when no frame follows for this long."""

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


def record_frames(app: App[Any]) -> list[float]:
    """The times of the frames the app writes from now on; the list fills as the app runs.

    It wraps `App._display`, the one place a frame leaves the app.
    """
    frames: list[float] = []
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        frames.append(time.perf_counter())
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return frames


async def send_key(
    driver: Driver, frames: list[float], key: str, timeout: float = 2.0
) -> tuple[float, int]:
    """Send `key` as a terminal would, and wait up to `timeout` seconds for a frame after it.

    Returns:
        When the key was sent, and the index in `frames` the first frame after it has (the
        list is that long still if none came).
    """
    before = len(frames)
    start = time.perf_counter()
    driver.send_message(_event(key))
    while len(frames) == before and time.perf_counter() - start < timeout:
        await asyncio.sleep(0.0005)
    return start, before


async def measure(story_path: Path, rounds: int, size: tuple[int, int]) -> dict[str, Any]:
    """Median and p95 latency per scenario, in milliseconds: to the first frame and when done."""
    pause_collector()  # as `story-tui` starts; the app resumes it after its first frame
    story = load_story(story_path, max_bytes=64 * 1024 * 1024)
    app = StoryApp(story, remember=False)
    results: dict[str, list[float]] = {label: [] for label, *_ in SCENARIOS}
    done: dict[str, list[float]] = {label: [] for label, *_ in SCENARIOS}
    async with app.run_test(size=size) as pilot:
        frames = record_frames(app)
        driver = app._driver
        assert driver is not None

        async def send(key: str, wait: bool) -> tuple[float, float] | None:
            if not wait:
                driver.send_message(_event(key))
                await pilot.pause(0.05)
                return None
            start, before = await send_key(driver, frames, key)
            if len(frames) == before:
                return None
            deadline = start + 2.0
            # Done: the last frame before QUIET seconds without one.
            while time.perf_counter() - frames[-1] < QUIET and time.perf_counter() < deadline:
                await asyncio.sleep(0.001)
            return frames[before] - start, frames[-1] - start

        def no_blink() -> None:
            for widget in app.screen.query(Input):
                widget.cursor_blink = False

        await pilot.pause(0.2)
        for _ in range(rounds):
            for label, setup, key, undo in SCENARIOS:
                for k in setup:
                    await send(k, wait=False)
                no_blink()
                await pilot.pause(0.05)
                latency = await send(key, wait=True)
                if latency is not None:
                    results[label].append(latency[0] * 1000)
                    done[label].append(latency[1] * 1000)
                for k in undo:
                    await send(k, wait=False)
    summary: dict[str, Any] = {}
    for label, values in results.items():
        summary[label] = {**_stats(values), **_stats(done[label], "done_")}
    return summary


class CollectorLog:
    """Durations of the cyclic collector's full (generation 2) collections while measuring."""

    def __init__(self) -> None:
        self.durations: list[float] = []
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.durations.append((time.perf_counter() - self._start) * 1000)

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.durations)
        return {
            "count": len(ordered),
            "median_ms": round(statistics.median(ordered), 1) if ordered else None,
            "max_ms": round(ordered[-1], 1) if ordered else None,
        }


def _stats(values: list[float], prefix: str = "") -> dict[str, Any]:
    if not values:
        return {f"{prefix}median": None, f"{prefix}p95": None, f"{prefix}n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        f"{prefix}median": round(statistics.median(ordered), 2),
        f"{prefix}p95": round(p95, 2),
        f"{prefix}max": round(ordered[-1], 2),
        f"{prefix}n": len(ordered),
    }


def main() -> None:
    """Print (and optionally save) the latency table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("story", nargs="?", default=str(bundled_story()))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--size", default="120x36")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    collector = CollectorLog()
    gc.callbacks.append(collector)
    summary = asyncio.run(measure(Path(args.story), args.rounds, (width, height)))
    gc.callbacks.remove(collector)
    summary["_collector"] = collector.summary()
    for label, row in summary.items():
        if label.startswith("_"):
            print(f"{label}: {row}")
            continue
        print(
            f"{label:24} first: median {row['median']!s:>7} p95 {row['p95']!s:>7} "
            f"max {row['max']!s:>7}   "
            f"done: median {row['done_median']!s:>7} p95 {row['done_p95']!s:>7} ms   n={row['n']}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
