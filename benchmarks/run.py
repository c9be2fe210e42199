"""Run every benchmark and write docs/performance.md.

    .venv/bin/python benchmarks/run.py                  # about 10 minutes on a 2-core machine
    .venv/bin/python benchmarks/run.py --library-only   # the library of 1,000 stories only

Every figure is a ratio against a reference measured in the same run, interleaved, or a latency
measured inside the app; medians over at least 9 rounds. Needs tmux for time to first paint
(`../shared/tools/ttfp.py`, or --ttfp PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PY = sys.executable
STORY_TUI = str(Path(PY).parent / "story-tui")


def sh(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command, text mode, raising on failure."""
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def ttfp(ttfp_tool: Path, pairs: list[tuple[str, str, str]], rounds: int) -> dict[str, Any]:
    """Time to first paint of pairs (label, command, marker); the first is compared to the rest."""
    (_label, cmd, marker), *rest = pairs
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    args = [
        PY,
        str(ttfp_tool),
        "--runs",
        str(rounds),
        "--warmup",
        "2",
        "--size",
        "120x36",
        "--timeout",
        "60",
        "--json",
        str(out),
        "--names",
        ",".join(p[0] for p in pairs),
        cmd,
        marker,
    ]
    for _label, other, other_marker in rest:
        args += ["--vs", other, other_marker]
    result = sh(args, cwd=ROOT)
    data: dict[str, Any] = json.loads(out.read_text())
    data["stdout"] = result.stdout
    return data


def timed_pair(a: list[str], b: list[str], rounds: int) -> tuple[float, float, float]:
    """Interleaved wall times of two commands: median a, median b, median of a/b per round."""
    times_a, times_b, ratios = [], [], []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(a, check=False, capture_output=True)
        ta = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(b, check=True, capture_output=True)
        tb = time.perf_counter() - start
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


FROGMOUTH_VENV = ROOT / "benchmarks" / ".frogmouth"


def frogmouth(setup: bool) -> tuple[str | None, str]:
    """The frogmouth command (in its own virtual environment: it pins an older Textual).

    Returns (path, "") or (None, why not).
    """
    exe = FROGMOUTH_VENV / "bin" / "frogmouth"
    if not exe.exists() and setup:
        try:
            sh([sys.executable, "-m", "venv", str(FROGMOUTH_VENV)])
            sh([str(FROGMOUTH_VENV / "bin" / "pip"), "install", "-q", "frogmouth"])
        except subprocess.CalledProcessError as error:
            return None, f"could not install frogmouth: {error.stderr.strip()[-200:]}"
    if not exe.exists():
        return None, "frogmouth is not installed (run without --no-frogmouth to install it)"
    return str(exe), ""


def peak_rss(story: Path) -> float:
    """Peak RSS in MB of loading a story and mounting the app on it (headless), as the CLI does."""
    code = (
        "import asyncio, resource, sys\n"
        "from story_tui.tui.startup import pause_collector\n"
        "pause_collector()\n"
        "from story_tui.story.loader import load_story\n"
        "from story_tui.tui.app import StoryApp\n"
        f"story = load_story({str(story)!r}, max_bytes=64*1024*1024)\n"
        "async def main():\n"
        "    app = StoryApp(story, remember=False)\n"
        "    async with app.run_test(size=(120, 36)) as pilot:\n"
        "        await pilot.pause(0.5)\n"
        "        await pilot.press('G', 'tab', 'j', 'slash', 'v')\n"
        "asyncio.run(main())\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    env = {**os.environ, "STORY_TUI_STATE_DIR": tempfile.mkdtemp()}
    return float(sh([PY, "-c", code], env=env).stdout.strip().splitlines()[-1])


KEY_ROUNDS = 20
"""Key presses per key: with 9, the "p95" would be the slowest of 9; with 20 it is the 19th."""


def keys(story: Path, rounds: int) -> dict[str, Any]:
    """Key latency table from benchmarks/keys.py."""
    out = OUT / f"keys-{story.stem}.json"
    env = {**os.environ, "STORY_TUI_STATE_DIR": tempfile.mkdtemp()}
    sh(
        [
            PY,
            str(ROOT / "benchmarks" / "keys.py"),
            str(story),
            "--rounds",
            str(rounds),
            "--json",
            str(out),
        ],
        env=env,
        cwd=ROOT,
    )
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def overall(table: dict[str, Any], prefix: str = "") -> tuple[float, float]:
    """Median of the medians and the worst p95 of a key table (`done_` for the done times)."""
    rows = [row for label, row in table.items() if not label.startswith("_")]
    medians = [row[f"{prefix}median"] for row in rows if row[f"{prefix}median"]]
    p95s = [row[f"{prefix}p95"] for row in rows if row[f"{prefix}p95"] is not None]
    return statistics.median(medians), max(p95s)


def library_bench(args: argparse.Namespace) -> list[str]:
    """The library benchmarks' report lines (benchmarks/library_bench.py)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.library_bench import run

    return run(PY, STORY_TUI, Path(args.ttfp), args.rounds, OUT)


def main() -> None:
    """Run everything and write the report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--ttfp", default=str(ROOT.parent / "shared" / "tools" / "ttfp.py"))
    parser.add_argument("--report", default=str(ROOT / "docs" / "performance-results.md"))
    parser.add_argument(
        "--no-frogmouth", action="store_true", help="do not install frogmouth to compare with"
    )
    parser.add_argument(
        "--library-only",
        action="store_true",
        help="run only the library benchmarks (benchmarks/library_bench.py)",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("STORY_TUI_STATE_DIR", tempfile.mkdtemp())
    os.environ.setdefault("STORY_TUI_CACHE_DIR", tempfile.mkdtemp())
    if args.library_only:
        library = library_bench(args)
        report = Path(args.report).with_name("performance-library-results.md")
        text = "\n".join([f"# Library benchmark results ({time.strftime('%Y-%m-%d %H:%M')})", ""])
        report.write_text(text + "\n" + "\n".join(library), encoding="utf-8")
        print("\n".join(library))
        return
    scale = OUT / "scale.yaml"
    sh([PY, str(ROOT / "benchmarks" / "generate.py"), "-o", str(scale)])
    size_mb = scale.stat().st_size / 1e6
    bare = f"{PY} {ROOT / 'benchmarks' / 'bare_app.py'}"
    lines = [f"# Benchmark results ({time.strftime('%Y-%m-%d %H:%M')}, {args.rounds} rounds)", ""]

    tool = Path(args.ttfp)
    if tool.exists():
        marker = "As Chile’s presidential"
        small_pairs = [
            ("story-tui", STORY_TUI, marker),
            ("bare", bare, "Bare Textual app ready"),
            ("no-cache", f"{STORY_TUI} --no-cache", marker),
        ]
        fm, why_not = frogmouth(setup=not args.no_frogmouth)
        if fm is not None:
            # The same article as Markdown (the story's own export).
            article = OUT / "article.md"
            sh([STORY_TUI, "export", "--format", "markdown", "-o", str(article)])
            small_pairs.append(("frogmouth", f"{fm} {article}", marker))
        else:
            lines += [f"Frogmouth: not measured ({why_not}).", ""]
        small = ttfp(tool, small_pairs, args.rounds)
        big_cmd = f"{STORY_TUI} --max-bytes 67108864 {scale}"
        big = ttfp(
            tool,
            [
                ("6mb-cold", f"{big_cmd} --no-cache", "Section 1"),
                ("bare", bare, "Bare Textual app ready"),
                ("6mb-warm", big_cmd, "Section 1"),
            ],
            args.rounds,
        )
        lines += [
            "## Time to first paint",
            "",
            "```",
            small["stdout"].strip(),
            "```",
            "",
            "```",
            big["stdout"].strip(),
            "```",
            "",
        ]
    else:
        lines += [f"Time to first paint: not measured ({tool} not found).", ""]

    key_rounds = max(args.rounds, KEY_ROUNDS)
    small_keys = keys(ROOT / "assets" / "chile-peru-border.yaml", key_rounds)
    big_keys = keys(scale, key_rounds)
    for title, table in (("bundled story", small_keys), (f"{size_mb:.1f} MB story", big_keys)):
        median, worst = overall(table)
        done_median, done_worst = overall(table, "done_")
        collector = table.get("_collector", {})
        lines += [
            f"## Key latency, {title} ({key_rounds} presses of each key)",
            "",
            f"To the first frame: median of medians {median:.1f} ms, worst p95 {worst:.1f} ms.  ",
            f"Until done: median of medians {done_median:.1f} ms, worst p95 {done_worst:.1f} ms.  ",
            f"Full collections of the garbage collector during the run: {collector.get('count')}, "
            f"median {collector.get('median_ms')} ms, longest {collector.get('max_ms')} ms.",
            "",
            "| key | first frame: median ms | p95 ms | max ms | done: median ms | p95 ms |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {k} | {v['median']} | {v['p95']} | {v['max']} | {v['done_median']} | "
            f"{v['done_p95']} |"
            for k, v in table.items()
            if not k.startswith("_")
        ]
        lines.append("")

    rss = peak_rss(scale)
    lines += [f"## Peak memory, {size_mb:.1f} MB story: {rss:.0f} MB RSS", ""]

    validate = [STORY_TUI, "validate", "-q", "--max-bytes", "67108864", str(scale)]
    bare_parse = [
        PY,
        "-c",
        "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8')"
        ".read(), Loader=yaml.CSafeLoader)",
        str(scale),
    ]
    va, vb, ratio = timed_pair(validate, bare_parse, args.rounds)
    lines += [
        f"## Validate, {size_mb:.1f} MB story",
        "",
        f"story-tui validate {va:.2f} s, bare CSafeLoader load {vb:.2f} s: "
        f"ratio {ratio:.2f} (median of per-round ratios)",
        "",
    ]
    lines += library_bench(args)
    Path(args.report).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
