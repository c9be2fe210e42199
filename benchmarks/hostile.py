"""Time limits for hostile input: every refusal within a second (the tests assert only what).

    .venv/bin/python benchmarks/hostile.py        # about a minute; exit 1 when a limit is missed

The unit tests (tests/test_hostile_loader.py) check that the loader refuses each input with its
own located error; how fast it does so depends on the machine, so the limit lives here: the YAML
test suite case by case (`validate`), the billion laughs, 20,000-deep nesting with libyaml and
with the pure-Python parser, a 50 MB file, binary garbage and a 100 kB paragraph; `draft` of
`/dev/zero` (refused at the size limit). A huge one-paragraph article is not refused but drafted:
its limit is linearity, a 1 MB one within 2.2x the time of a 0.5 MB one (benchmarks/draft_scale.py
measures 1 and 2 MB, one paragraph and many).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml

from story_tui.cli.main import main as cli_main
from story_tui.story import yamltree
from story_tui.story.diagnostics import StoryInvalid
from story_tui.story.loader import load_story, parse_story

LIMIT = 1.0
"""Seconds: the most any one hostile input may take to be refused."""

BILLION_LAUGHS = "\n".join(
    ["format: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(9)]
)
DEEP = {
    "open brackets": "[" * 20000,
    "balanced brackets": "[" * 20000 + "]" * 20000,
    "indented list": "a:\n" + "".join("  " * i + "- \n" for i in range(3000)),
}


LONG_PARAGRAPH = json.dumps(
    {
        "format": 1,
        "id": "long",
        "title": "Long",
        "sections": [{"id": "s", "title": "S", "paragraphs": [("word " * 20_000) + "“the end”"]}],
        "people": [
            {"id": "p", "name": "P", "role": "R", "quotes": [{"text": "the end", "kind": "direct"}]}
        ],
    }
)
"""Not hostile, only long: a 100 kB paragraph is anchored within the limit too."""


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(StoryInvalid):
        action()
    return time.perf_counter() - start


def cases(suite: Path, folder: Path) -> dict[str, Callable[[], object]]:
    found: dict[str, Callable[[], object]] = {
        "billion laughs": lambda: parse_story(BILLION_LAUGHS, "t.yaml"),
        "100 kB paragraph": lambda: parse_story(LONG_PARAGRAPH, "t.yaml"),
    }
    for name, text in DEEP.items():
        found[f"nesting: {name}"] = lambda text=text: parse_story(text, "t.yaml")

        def pure(text: str = text) -> None:
            loader = yamltree._EventLoader
            yamltree._EventLoader = yaml.SafeLoader  # the pure-Python parser
            try:
                parse_story(text, "t.yaml")
            finally:
                yamltree._EventLoader = loader

        found[f"nesting: {name} (pure Python)"] = pure
    big = folder / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    found["50 MB file"] = lambda: load_story(big)
    binary = folder / "binary.yaml"
    binary.write_bytes(bytes(range(256)) * 4)
    found["binary file"] = lambda: load_story(binary)

    def validate(case: Path) -> Callable[[], object]:
        def run() -> None:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                cli_main(["validate", "-q", str(case)])

        return run

    def draft(path: Path) -> Callable[[], object]:
        def run() -> None:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                cli_main(["draft", str(path), "-o", os.devnull])

        return run

    found["draft /dev/zero"] = draft(Path("/dev/zero"))
    for case in sorted(suite.glob("*/in.yaml")) + sorted(suite.glob("*/*/in.yaml")):
        found[f"yaml-test-suite {case.parent.relative_to(suite)}"] = validate(case)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--suite",
        default=os.environ.get(
            "STORY_TUI_YAML_TEST_SUITE", str(ROOT.parent / "shared" / "yaml-test-suite")
        ),
        help="the YAML test suite's folder (default: ../shared/yaml-test-suite)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        todo = cases(Path(args.suite), Path(folder))
        timings = {name: seconds(run) for name, run in todo.items()}
    slow = {name: took for name, took in timings.items() if took >= LIMIT}
    suite = [took for name, took in timings.items() if name.startswith("yaml-test-suite")]
    for name, took in timings.items():
        if not name.startswith("yaml-test-suite"):
            print(f"{took * 1000:8.1f} ms  {name}")
    if suite:
        print(f"{max(suite) * 1000:8.1f} ms  slowest of {len(suite)} YAML test suite cases")
    for name, took in slow.items():
        print(f"over the {LIMIT:.0f} s limit: {name} ({took:.2f} s)", file=sys.stderr)
    linear = huge_paragraph_is_linear()
    return 1 if slow or not linear else 0


def huge_paragraph_is_linear() -> bool:
    """A one-paragraph article of 1 MB drafts within 2.2x the time of one of 0.5 MB."""
    from benchmarks.draft_scale import RATIO, article, draft_seconds

    times = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (2**19, 2**20):
            path = Path(folder) / f"one-paragraph-{size}.txt"
            path.write_text(article(size, one_paragraph=True), encoding="utf-8")
            _wall, cpu, _peak = draft_seconds(path)
            times.append(cpu)
            print(
                f"{cpu * 1000:8.1f} ms  draft of a {size / 2**20:g} MB one-paragraph article (CPU)"
            )
    if times[1] > RATIO * times[0]:
        print(f"over the {RATIO}x limit: the 1 MB one-paragraph article", file=sys.stderr)
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
