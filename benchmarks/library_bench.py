"""The library benchmarks: a generated library of 1,000 stories (benchmarks/library.py).

    .venv/bin/python benchmarks/run.py --library-only      # only these, a few minutes

- first paint of `story-tui LIBRARY` against a bare Textual app, once indexed and on a first run
  (an empty index: the screen paints while the index fills in, so the time until every story is
  listed is measured too);
- `story-tui search` as a whole process, warm;
- opening a story from the library (enter to the story on screen, in the same tmux terminal)
  against `story-tui FILE` for the same story (launch to the story on screen);
- peak memory of the app on the library, through the people view, a quote, search and a hit.
"""

from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LISTED = "Library · 1000 stories"
INDEXING = "Library · indexing"
STORY_MARKER = "1 Sections"


def _sh(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def ttfp(
    py: str, tool: Path, pairs: list[tuple[str, str, str]], rounds: int, env: dict[str, str]
) -> str:
    """The ttfp tool's report for (label, command, marker) pairs, quitting with ctrl+q."""
    (_label, cmd, marker), *rest = pairs
    args = [py, str(tool), "--runs", str(rounds), "--warmup", "1", "--size", "120x36"]
    args += ["--timeout", "90", "--quit-keys", "C-q", "--names", ",".join(p[0] for p in pairs)]
    for key, value in env.items():
        args += ["--env", f"{key}={value}"]
    args += [cmd, marker]
    for _label, other, other_marker in rest:
        args += ["--vs", other, other_marker]
    return _sh(args, cwd=ROOT).stdout.strip()


def search_times(
    story_tui: str, library: Path, query: str, rounds: int, env: dict[str, str]
) -> list[float]:
    """Wall times of `story-tui search QUERY LIBRARY` (the index is warm)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(
            [story_tui, "search", query, str(library)], capture_output=True, check=False, env=env
        )
        times.append(time.perf_counter() - start)
    return times


class Tmux:
    """A private tmux server for the open-from-library measurement."""

    def __init__(self, number: int) -> None:
        self.sock = f"libbench-{os.getpid()}-{number}"

    def run(self, *args: str) -> str:
        return _sh(["tmux", "-L", self.sock, *args]).stdout

    def wait_for(self, marker: str, timeout: float = 60) -> float:
        """Seconds until `marker` is on screen (polled every 5 ms)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if marker in self.run("capture-pane", "-p", "-t", "b"):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(marker)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True, check=False)


def open_from_library(
    story_tui: str, library: Path, env: dict[str, str], rounds: int
) -> list[float]:
    """Seconds from `enter` on the first story to that story on screen, per round."""
    times = []
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    for number in range(rounds):
        tmux = Tmux(number)
        try:
            tmux.run(
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "b",
                "-x",
                "120",
                "-y",
                "36",
                f"env {exports} {story_tui} {library}",
            )
            tmux.wait_for(LISTED)
            time.sleep(0.3)  # let the first frames settle: measure the open, not the start
            start = time.perf_counter()
            tmux.run("send-keys", "-t", "b", "Enter")
            tmux.wait_for(STORY_MARKER)
            times.append(time.perf_counter() - start)
        finally:
            tmux.kill()
    return times


def peak_rss(py: str, library: Path, env: dict[str, str]) -> float:
    """Peak RSS in MB of the library app, through people, a quote, search and a hit."""
    code = (
        "import asyncio, resource\n"
        "from story_tui.tui.startup import pause_collector\n"
        "pause_collector()\n"
        "from story_tui.storage.library import open_library\n"
        "from story_tui.tui.app import StoryApp\n"
        f"library = open_library([{str(library)!r}])\n"
        "async def main():\n"
        "    app = StoryApp(library, remember=False)\n"
        "    async with app.run_test(size=(120, 36)) as pilot:\n"
        "        await pilot.pause(0.3)\n"
        "        await pilot.press('tab', 'enter')\n"
        "        await pilot.pause(0.3)\n"
        "        await pilot.press('enter')\n"
        "        await pilot.pause(0.3)\n"
        "        await pilot.press('backspace', 'escape', 'escape', 'slash', *'emergency')\n"
        "        await pilot.pause(0.5)\n"
        "        await pilot.press('enter')\n"
        "        await pilot.pause(0.3)\n"
        "asyncio.run(main())\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = _sh([py, "-c", code], env={**os.environ, **env}).stdout
    return float(out.strip().splitlines()[-1])


def run(py: str, story_tui: str, tool: Path, rounds: int, out: Path) -> list[str]:
    """Run the library benchmarks; return the report's lines."""
    from benchmarks.library import write_library

    library = write_library(out / "library")
    cache = Path(tempfile.mkdtemp(prefix="libbench-cache-"))
    first = Path(tempfile.mkdtemp(prefix="libbench-first-"))
    env = {"STORY_TUI_CACHE_DIR": str(cache), "STORY_TUI_STATE_DIR": tempfile.mkdtemp()}
    full_env = {**os.environ, **env}
    start = time.perf_counter()
    _sh([story_tui, "people", str(library)], env=full_env)  # index it once
    indexing = time.perf_counter() - start
    lines = [
        "## Library of 1,000 stories",
        "",
        f"Generated by benchmarks/library.py ({sum(1 for _ in library.rglob('*.yaml'))} files, "
        f"{sum(p.stat().st_size for p in library.rglob('*.yaml')) / 1e6:.1f} MB). "
        f"Indexing it from scratch (`story-tui people`, one process): {indexing:.1f} s.",
        "",
    ]
    bare = f"{py} {ROOT / 'benchmarks' / 'bare_app.py'}"
    if tool.exists():
        indexed = ttfp(
            py,
            tool,
            [
                ("indexed", f"{story_tui} {library}", LISTED),
                ("bare", bare, "Bare Textual app ready"),
            ],
            rounds,
            env,
        )
        fresh = f"sh -c 'rm -rf {first}; STORY_TUI_CACHE_DIR={first} exec {story_tui} {library}'"
        first_run = ttfp(
            py,
            tool,
            [
                ("first-paint", fresh, INDEXING),
                ("bare", bare, "Bare Textual app ready"),
                ("first-listed", fresh, LISTED),
            ],
            max(3, rounds // 3),
            env,
        )
        lines += [
            "### Time to first paint, indexed",
            "",
            "```",
            indexed,
            "```",
            "",
            "### Time to first paint, first run (empty index)",
            "",
            "`first-paint` is the screen showing the indexing progress; `first-listed` is every",
            "story listed (the index complete).",
            "",
            "```",
            first_run,
            "```",
            "",
        ]
        opened = open_from_library(story_tui, library, env, rounds)
        story = sorted(library.rglob("story-0999.yaml"))[0]
        alone = ttfp(
            py,
            tool,
            [
                ("alone", f"{story_tui} {story}", STORY_MARKER),
                ("bare", bare, "Bare Textual app ready"),
            ],
            rounds,
            env,
        )
        lines += [
            "### Opening a story",
            "",
            f"From the library (`enter` to the story on screen): median "
            f"{statistics.median(opened) * 1000:.0f} ms over {rounds} rounds "
            f"(min {min(opened) * 1000:.0f}, max {max(opened) * 1000:.0f}).",
            "The same story alone (`story-tui FILE`, launch to the story on screen):",
            "",
            "```",
            alone,
            "```",
            "",
        ]
    else:
        lines += [f"Time to first paint: not measured ({tool} not found).", ""]
    query = "emergency decision"
    times = search_times(story_tui, library, query, rounds, full_env)
    hits = _sh([story_tui, "search", query, str(library)], env=full_env).stdout.count("\n")
    lines += [
        "### Search, whole process, warm",
        "",
        f"`story-tui search {json.dumps(query)} LIBRARY` ({hits} hits): median "
        f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over "
        f"{rounds} runs.",
        "",
        f"### Peak memory: {peak_rss(py, library, env):.0f} MB RSS",
        "",
        "(the library app headless, through the people view, a quote, search and a hit)",
        "",
    ]
    return lines
