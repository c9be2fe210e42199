"""The suite itself: no fixed waits, no wall-clock limits (they fail on a busy machine)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = sorted(Path(__file__).parent.glob("*.py"))
WAITS = {"sleep", "pause", "wait_for_timeout"}
CLOCKS = {"perf_counter", "process_time", "ru_maxrss"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def fixed_waits(tree: ast.AST) -> list[int]:
    """Lines that wait a fixed time outside a `while` loop (a poll's step is allowed)."""
    found: list[int] = []

    def visit(node: ast.AST, in_while: bool) -> None:
        if (
            isinstance(node, ast.Call)
            and _name(node.func) in WAITS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, int | float)
            and node.args[0].value > 0
            and not in_while
        ):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_while or isinstance(node, ast.While))

    visit(tree, False)
    return found


def clock_reads(tree: ast.AST) -> list[int]:
    """Lines that read a benchmark clock in the test process (outside a subprocess's code)."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute | ast.Name) and _name(node) in CLOCKS
    ]


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.name)
def test_no_fixed_waits(path: Path) -> None:
    """Wait for a condition (conftest.wait_for, conftest.poll), never for a fixed time."""
    assert fixed_waits(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.name)
def test_no_wall_clock_limits(path: Path) -> None:
    """Time and memory limits live in benchmarks/; a peak is measured in a fresh interpreter."""
    assert clock_reads(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_checks_find_what_they_forbid() -> None:
    bad = ast.parse(
        "async def t(pilot):\n"
        "    await pilot.pause(0.3)\n"
        "    time.sleep(1)\n"
        "    start = time.perf_counter()\n"
        "    while not done():\n"
        "        time.sleep(0.05)\n"
    )
    assert fixed_waits(bad) == [2, 3]
    assert clock_reads(bad) == [4]
