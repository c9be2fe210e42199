"""How fast the thread views paint, headless (Textual's test driver, no real terminal).

    .venv/bin/python benchmarks/threads_paint.py FOLDER [--rounds 3]

FOLDER is a library (e.g. the drafted ECB+ pages: benchmarks/threads_eval.py leaves them in
/tmp/story-tui-threads-drafts). Measured, best of the rounds, each in a fresh app:

- `bare`: a bare Textual app (benchmarks/bare_app.py) until its first screen is up;
- `library`: story-tui on FOLDER until the library screen lists its stories (the index warm);
- `threads (first)`: from `ctrl+t` until the list of threads is filled, on a first run (no
  remembered grouping: every story is read and grouped);
- `threads (again)`: the same once the grouping is remembered (stories read, none regrouped).

The library's own first paint does no thread work at all: threads are grouped only on `ctrl+t`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))


async def bare() -> float:
    from benchmarks.bare_app import BareApp

    started = time.perf_counter()
    async with BareApp().run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


async def library(folder: Path) -> tuple[float, float]:
    from story_tui.storage.library import open_library
    from story_tui.tui.app import StoryApp
    from story_tui.tui.screens.threads import ThreadsScreen

    started = time.perf_counter()
    app = StoryApp(open_library([folder]), remember=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        painted = time.perf_counter() - started
        started = time.perf_counter()
        await pilot.press("ctrl+t")
        while not (isinstance(app.screen, ThreadsScreen) and app.screen.list.option_count):
            await asyncio.sleep(0.005)
        await pilot.pause()
        return painted, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="threads-paint-"))
    os.environ["STORY_TUI_STATE_DIR"] = str(work / "state")
    os.environ["STORY_TUI_CACHE_DIR"] = str(work / "cache")
    try:
        bares, libraries, firsts, agains = [], [], [], []
        asyncio.run(library(args.folder))  # warm: the index, the imports
        for _ in range(args.rounds):
            bares.append(asyncio.run(bare()))
            shutil.rmtree(work / "cache" / "threads", ignore_errors=True)
            painted, first = asyncio.run(library(args.folder))
            _painted, again = asyncio.run(library(args.folder))
            libraries.append(painted)
            firsts.append(first)
            agains.append(again)
        print(
            f"bare app: {min(bares):.3f} s; library: {min(libraries):.3f} s "
            f"({min(libraries) / min(bares):.1f}x)"
        )
        print(f"threads listed after ctrl+t: first {min(firsts):.2f} s, again {min(agains):.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
