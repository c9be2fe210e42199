"""No import cycle anywhere in the package: every import counts, lazy and TYPE_CHECKING ones too.

A cycle means two modules cannot be understood (or changed) one without the other. The graph is
grimp's (the library under import-linter), built from the source: an import inside a function or
under `if TYPE_CHECKING:` is an edge like any other, since it couples the modules just the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp
import pytest

# The cycles that exist today, to be removed (issue 19, item 5: the one App and its reading
# session; the main screen's helpers talk to it through a protocol). This list only shrinks: a
# new cycle, or a module joining one of these, fails the test, and so does an entry that is no
# longer a cycle exactly as written (delete or shrink it when you break one).
KNOWN_CYCLES: list[frozenset[str]] = []


def cycles(imports: Mapping[str, Iterable[str]]) -> list[frozenset[str]]:
    """The groups of modules that import each other, directly or not (strongly connected
    components of more than one module, or a module importing itself), by Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(imports):
        if root in index:
            continue
        # Iterative depth-first search: (module, the modules it imports still to visit).
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(sorted(imports.get(root, ()))))]
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports.get(target, ())))))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == module:
                        break
                if len(group) > 1 or module in imports.get(module, ()):
                    found.append(frozenset(group))
    return found


def package_imports(package: str = "story_tui") -> dict[str, set[str]]:
    """Every module of the package and the modules of the package it imports."""
    graph = grimp.build_graph(package, exclude_type_checking_imports=False, cache_dir=None)
    return {
        module: set(graph.find_modules_directly_imported_by(module))
        for module in sorted(graph.modules)
    }


def describe(group: frozenset[str]) -> str:
    return "{" + ", ".join(sorted(group)) + "}"


def test_the_package_has_no_import_cycle_but_the_known_ones() -> None:
    found = cycles(package_imports())
    new = [group for group in found if group not in KNOWN_CYCLES]
    gone = [group for group in KNOWN_CYCLES if group not in found]
    assert not new, "import cycles (break them; never add them to KNOWN_CYCLES): " + "; ".join(
        describe(group) for group in new
    )
    assert not gone, "no longer cycles as listed: update KNOWN_CYCLES to " + "; ".join(
        describe(group) for group in found
    )


def test_the_known_cycles_are_only_in_the_tui() -> None:
    # What is allowed to wait for the one App; everything below tui/ is already free of cycles.
    assert all(m.startswith("story_tui.tui.") for group in KNOWN_CYCLES for m in group)


def test_the_check_finds_cycles_direct_and_indirect() -> None:
    imports = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},
        "d": set(),
        "e": {"e"},
        "f": {"g"},
        "g": {"f"},
        "h": {"a"},
    }
    assert sorted(map(sorted, cycles(imports))) == [["a", "b", "c"], ["e"], ["f", "g"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_graph_sees_lazy_and_type_checking_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "cycle_fixture"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f() -> None:\n    from cycle_fixture import b\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from cycle_fixture import a\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    imports = package_imports("cycle_fixture")
    assert cycles(imports) == [frozenset({"cycle_fixture.a", "cycle_fixture.b"})]
