"""The real `story-tui` command in a real pseudo-terminal: it draws, quits on `q`, restores."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest


def _read_until(fd: int, needle: bytes, seconds: float) -> bytes:
    data = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and needle not in data:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


@pytest.mark.slow
def test_story_tui_draws_the_title_and_quits_on_q(tmp_path: Path) -> None:
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "STORY_TUI_STATE_DIR": str(tmp_path),
        "COLUMNS": "120",
        "LINES": "36",
    }
    env.pop("TEXTUAL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "story_tui"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(secondary)
    try:
        screen = _read_until(primary, "Chile–Peru border".encode(), 20)
        assert "Chile–Peru border".encode() in screen
        os.write(primary, b"q")
        rest = _read_until(primary, b"\x1b[?1049l", 10)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    output = screen + rest
    assert b"\x1b[?1049h" in output  # entered the alternate screen
    assert b"\x1b[?1049l" in rest  # and left it: the terminal is restored
    assert b"Traceback" not in output
