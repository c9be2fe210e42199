"""Messages in our words: a tab in YAML, and validate --watch stopped with ctrl+c."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from story_tui.cli.main import main
from story_tui.story import yamltree
from tests.conftest import MINI, errors_of, mini_text

TAB_INDENTED = "format: 1\nid: x\ntitle: y\nsections:\n  - id: a\n\t  title: b\n"


@pytest.mark.parametrize("pure_python", [False, True])
def test_a_tab_that_indents_is_named(monkeypatch: pytest.MonkeyPatch, *, pure_python: bool) -> None:
    if pure_python:  # libyaml and PyYAML word the error differently
        monkeypatch.setattr(yamltree, "_EventLoader", yaml.SafeLoader)
    assert errors_of(TAB_INDENTED) == [
        "s.yaml:6:1: error: YAML syntax error: a tab cannot indent YAML: use spaces"
    ]
    top_level = mini_text().replace("\ntitle:", "\n\ttitle:", 1)
    assert errors_of(top_level)[0].endswith("a tab cannot indent YAML: use spaces")


def test_validate_watch_stopped_with_ctrl_c_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import watchfiles

    story = tmp_path / "story.yaml"
    story.write_bytes(MINI.read_bytes())
    seen: dict[str, object] = {}

    def interrupted(*folders: str, **options: object) -> Iterator[set[tuple[object, str]]]:
        seen.update(options)
        raise KeyboardInterrupt
        yield set()  # a generator, as watchfiles.watch is

    monkeypatch.setattr(watchfiles, "watch", interrupted)
    assert main(["validate", "--watch", str(story)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "-- stopped watching (ctrl+c)"
    assert err == ""
    # watchfiles must hand the ctrl+c over, not log "KeyboardInterrupt caught" itself.
    assert seen["raise_interrupt"] is True
