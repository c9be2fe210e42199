"""Saving the memory never delays a key: key latency with the memory saved as the reader goes,
against the same keys with nothing remembered, and what each part of a save costs.

Each key (`j`/`k` in the People list: every press changes the place, so every autosave tick
finds something to write) is sent straight to the headless app's driver and timed to its first
frame (as benchmarks/keys.py does). Between keys the harness waits 0.3 s, so the saving thread
writes while later keys arrive. Also timed: the autosave tick on the main thread (looking at
the place), and one read-merge-write of the state file (on the saving thread).

    python benchmarks/memory_save.py --keys 40
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.keys import _event, record_frames, send_key
from story_tui.story.bundled import bundled_story
from story_tui.tui.app import StoryApp
from story_tui.tui.options import AppOptions


async def run(remember: bool, keys: int) -> dict[str, float]:
    """Key latency (ms) with or without remembering; the tick's and the write's cost."""
    from story_tui.storage.opening import open_story_file
    from story_tui.tui.screens.main import MainScreen

    app = StoryApp(open_story_file(bundled_story()), options=AppOptions(remember=remember))
    latencies: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        frames = record_frames(app)
        driver = app._driver
        assert driver is not None
        await pilot.pause(0.3)
        driver.send_message(_event("3"))
        await pilot.pause(0.3)
        for index in range(keys):
            start, before = await send_key(driver, frames, "j" if index % 8 < 4 else "k")
            if len(frames) > before:
                latencies.append((frames[before] - start) * 1000)
            await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        ticks = []
        for _ in range(200):
            start = time.perf_counter()
            screen.reading.autosave()
            ticks.append((time.perf_counter() - start) * 1000)
        writes = app.saver.writes
    latencies.sort()
    return {
        "key_p50_ms": statistics.median(latencies),
        "key_p95_ms": latencies[int(len(latencies) * 0.95) - 1],
        "tick_ms": statistics.median(ticks),
        "writes": writes,
    }


def time_one_write() -> float:
    """One read-merge-write of a state file remembering 100 stories (ms)."""
    from story_tui.storage.state import Place, State, StoryMemory, save_state

    folder = Path(tempfile.mkdtemp())
    state = State()
    for n in range(100):
        state.remember_story(
            f"story-{n}",
            StoryMemory("e" * 40, Place("article", "s", 3, "d" * 16), {"people": "p"},
                        frozenset(f"quote:p#{i}" for i in range(20)), "nord", time.time()),
        )  # fmt: skip
    save_state(state, folder)
    times = []
    for _ in range(20):
        start = time.perf_counter()
        save_state(state, folder)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()
    for name in ("STORY_TUI_STATE_DIR", "STORY_TUI_CACHE_DIR"):
        os.environ.setdefault(name, tempfile.mkdtemp())
    off = asyncio.run(run(False, args.keys))
    on = asyncio.run(run(True, args.keys))
    for label, result in (("nothing remembered", off), ("saved as it goes", on)):
        p50, p95 = result["key_p50_ms"], result["key_p95_ms"]
        print(f"key latency, {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"writes while the {args.keys} keys were pressed: {on['writes']:.0f}")
    print(f"autosave tick on the main thread: {on['tick_ms'] * 1000:.0f} µs (median)")
    print(f"one read-merge-write of 100 stories (saving thread): {time_one_write():.1f} ms")


if __name__ == "__main__":
    main()
