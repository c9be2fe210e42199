"""The loader against anything: the YAML test suite, bombs, binary, mutations. Never a traceback.

These tests say what the loader answers; benchmarks/hostile.py says how fast.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from story_tui.cli.main import main
from story_tui.story import yamltree
from story_tui.story.diagnostics import StoryInvalid
from story_tui.story.loader import load_story, parse_story
from story_tui.story.model import Story
from story_tui.story.serialize import to_json
from tests.conftest import MINI, examples

# The YAML test suite lives in the project's shared folder, beside the clone (CI has it there).
SUITE = Path(
    os.environ.get(
        "STORY_TUI_YAML_TEST_SUITE",
        Path(__file__).resolve().parents[2] / "shared" / "yaml-test-suite",
    )
)
SUITE_CASES = sorted(SUITE.glob("*/in.yaml")) + sorted(SUITE.glob("*/*/in.yaml"))
# How fast each hostile input is refused is measured by benchmarks/hostile.py (limit: 1 s).


def outcome(text: str) -> Story | StoryInvalid:
    """The loader's answer: a story, or its own error with located diagnostics; nothing else."""
    try:
        return parse_story(text, "t.yaml")
    except StoryInvalid as error:
        assert error.diagnostics, "an invalid story must say why"
        for diagnostic in error.diagnostics:
            assert diagnostic.line >= 1 and diagnostic.col >= 1
            assert str(diagnostic).startswith(f"t.yaml:{diagnostic.line}:{diagnostic.col}: error: ")
        return error


# The YAML test suite ---------------------------------------------------------------------------


@pytest.mark.skipif(
    not SUITE_CASES and not os.environ.get("CI"),
    reason=f"the YAML test suite is not at {SUITE} (set STORY_TUI_YAML_TEST_SUITE); CI has it",
)
def test_the_yaml_test_suite_is_here() -> None:
    assert len(SUITE_CASES) >= 300, f"expected the YAML test suite at {SUITE}"


@pytest.mark.parametrize("case", SUITE_CASES, ids=lambda p: str(p.parent.relative_to(SUITE)))
def test_yaml_test_suite_case(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "-q", str(case)])
    out, err = capsys.readouterr()
    assert code in (0, 1)  # a valid story, or the loader's own errors; never a crash
    assert "Traceback" not in out + err
    for line in out.splitlines():
        assert re.match(rf"{re.escape(str(case))}:\d+:\d+: error: ", line), line


# Bombs and garbage -----------------------------------------------------------------------------

BILLION_LAUGHS = "\n".join(
    ["format: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(9)]
)


def first_error(text: str) -> str:
    result = outcome(text)
    assert isinstance(result, StoryInvalid)
    return str(result.diagnostics[0])


def test_billion_laughs_refused() -> None:
    result = outcome(BILLION_LAUGHS)
    assert isinstance(result, StoryInvalid)
    messages = [str(d) for d in result.diagnostics]
    assert (
        "t.yaml:2:4: error: YAML anchor '&a' is not allowed in a story file (write the value out)"
    ) in messages
    assert any("YAML alias '*a' is not allowed" in m for m in messages)


def test_billion_laughs_refused_small() -> None:
    """Measured in a fresh interpreter: the peak of this one (`ru_maxrss`) depends on test order."""
    code = (
        "import resource, sys\n"
        "from story_tui.story.diagnostics import StoryInvalid\n"
        "from story_tui.story.loader import parse_story\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        "    parse_story(sys.stdin.read(), 't.yaml')\n"
        "except StoryInvalid:\n"
        "    pass\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=BILLION_LAUGHS,
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(result.stdout) < 100  # MB: the aliases are refused, never expanded


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
def test_20000_deep_nesting_refused(pure: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if pure:
        monkeypatch.setattr(yamltree, "_EventLoader", yaml.SafeLoader)
    for text in (
        "[" * 20000,
        "[" * 20000 + "]" * 20000,
        "a:\n" + "".join("  " * i + "- \n" for i in range(3000)),
    ):
        result = outcome(text)
        assert isinstance(result, StoryInvalid)
        message = str(result.diagnostics[0])
        assert "nesting" in message or "depth" in message, message


def test_fifty_megabytes_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(StoryInvalid) as caught:
        load_story(big)
    assert str(caught.value.diagnostics[0]) == (
        f"{big}:1:1: error: file is larger than the limit of 16,777,216 bytes "
        "(raise it with --max-bytes)"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            bytes(range(256)) * 4,
            "2:118: error: the file is not UTF-8 text (byte 0x80 at offset 128)",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "1:1: error: the file is not UTF-8 text (byte 0x89 at offset 0)",
        ),
        (b"title: caf\xe9\n", "1:11: error: the file is not UTF-8 text (byte 0xE9 at offset 10)"),
        (b"", "1:1: error: the file is empty; a story starts with 'format: 1'"),
        (b"---\nformat: 1\n---\nformat: 1\n", "3:1: error: a story file holds one YAML document"),
        (b"\x00\x01\x02", "1:1: error: YAML syntax error: special character U+0000 is not allowed"),
    ],
    ids=["binary", "png", "latin-1", "empty", "two-documents", "nul"],
)
def test_garbage_files(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(data)
    with pytest.raises(StoryInvalid) as caught:
        load_story(path)
    assert str(caught.value.diagnostics[0]).startswith(f"{path}:{expected}")


def test_python_object_apply_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "hacked"
    text = f"format: 1\nid: !!python/object/apply:os.system ['touch {marker}']\n"
    result = outcome(text)
    assert isinstance(result, StoryInvalid)
    assert (
        "t.yaml:2:5: error: YAML tag '!!python/object/apply:os.system' is not allowed (only core "
        "tags: !!str !!int !!float !!bool !!null !!seq !!map)"
    ) in [str(d) for d in result.diagnostics]
    assert not marker.exists()


# Mutations of valid stories (property tests) ---------------------------------------------------

VALID = MINI.read_text(encoding="utf-8")
VALID_LINES = VALID.splitlines(keepends=True)
FAST = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.fuzz
@FAST
@given(st.integers(min_value=0, max_value=len(VALID.encode())))
def test_truncation_at_any_byte(cut: int) -> None:
    data = VALID.encode()[:cut]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="ignore")
    outcome(text)


@pytest.mark.fuzz
@FAST
@given(st.sets(st.integers(min_value=0, max_value=len(VALID_LINES) - 1), max_size=6))
def test_dropped_lines(dropped: set[int]) -> None:
    outcome("".join(line for i, line in enumerate(VALID_LINES) if i not in dropped))


SCALARS = st.one_of(
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _walk(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    paths = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            paths += _walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            paths += _walk(value, (*path, index))
    return paths


BASE_DATA = json.loads(json.dumps(yaml.safe_load(VALID), default=str))
ALL_PATHS = [p for p in _walk(BASE_DATA) if p]


def _replace(data: object, path: tuple[object, ...], value: object) -> object:
    data = json.loads(json.dumps(data))
    target: object = data
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    return data


@pytest.mark.fuzz
@FAST
@given(st.sampled_from(ALL_PATHS), SCALARS)
def test_swapped_types_anywhere(path: tuple[object, ...], value: object) -> None:
    outcome(yaml.safe_dump(_replace(BASE_DATA, path, value), allow_unicode=True))


def _get(data: object, path: tuple[object, ...]) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


STRING_PATHS = [p for p in ALL_PATHS if isinstance(_get(BASE_DATA, p), str)]


@pytest.mark.fuzz
@FAST
@given(st.sampled_from(STRING_PATHS), st.text(max_size=60))
def test_random_unicode_in_every_text_field(path: tuple[object, ...], text: str) -> None:
    document = yaml.safe_dump(_replace(BASE_DATA, path, text), allow_unicode=True)
    result = outcome(document)
    if isinstance(result, Story) and path == ("title",):
        # A story that still loads keeps the text exactly as YAML reads it. (PyYAML's dumper
        # does not always round-trip: it writes U+0085 inside a quoted scalar, where YAML folds
        # it to a space, so the oracle is what PyYAML itself reads back.)
        assert result.title == yaml.safe_load(document)["title"]


# Tricky but valid ------------------------------------------------------------------------------

TRICKY = [
    "[bold red]x[/]",
    "[@click=app.quit]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "<b>bold</b> <script>alert(1)</script>",
    "$(rm -rf /) `whoami` ${HOME}",
    "👩‍👩‍👧‍👦 🇨🇱 ✊🏽",
    "東京 北京 서울",
    "مرحبا بالعالم שלום עולם",
    "e\u0301 a\u0308 n\u0303",
    "x" * 600,
    "[USD] [/] [ [[ ]] \\ \\n %s {0}",
]


@pytest.mark.parametrize("tricky", TRICKY)
def test_tricky_text_stays_valid_and_literal(tricky: str) -> None:
    paragraph = f"Before {tricky} after, said “{tricky}” here."
    data = {
        "format": 1,
        "id": "tricky",
        "title": tricky,
        "sections": [{"id": "s", "title": tricky, "paragraphs": [paragraph]}],
        "people": [
            {
                "id": "p",
                "name": "Some One",
                "role": tricky,
                "quotes": [{"text": tricky, "kind": "direct"}],
            }
        ],
    }
    story = parse_story(yaml.safe_dump(data, allow_unicode=True, width=10**9))
    assert story.title == tricky
    assert story.sections[0].paragraphs[0] == paragraph
    assert story.span(story.quotes[0].location) == tricky
    assert json.loads(to_json(story))["title"] == tricky


def test_hundred_kilobyte_paragraph() -> None:
    paragraph = ("word " * 20_000) + "“the end”"
    text = json.dumps(
        {
            "format": 1,
            "id": "long",
            "title": "Long",
            "sections": [{"id": "s", "title": "S", "paragraphs": [paragraph]}],
            "people": [
                {
                    "id": "p",
                    "name": "P",
                    "role": "R",
                    "quotes": [{"text": "the end", "kind": "direct"}],
                }
            ],
        }
    )
    story = outcome(text)
    assert isinstance(story, Story)
    assert story.quotes[0].location.start == len(paragraph) - 8
