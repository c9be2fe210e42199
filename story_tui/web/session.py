"""The app side of `story-tui serve`: a browser session ends when its server is gone.

The server stops every session it started when it stops normally. If it dies without doing so
(killed, crashed), nothing tells the session's app process, which sits idle for ever (an idle
app writes nothing, so it never meets the closed pipe). So the server puts its pid in each
session's environment and the session quits as soon as its parent is no longer that server.
This needs no private API of textual-serve (which keeps the process it starts to itself).
"""

from __future__ import annotations

import os
import signal
import threading
import time

SERVER_PID_VARIABLE = "STORY_TUI_SERVER_PID"
POLL_SECONDS = 0.5
GRACE_SECONDS = 10.0
"""How long a session may take to quit normally before it is ended outright."""


def quit_with_server() -> None:
    """In a session started by `serve`, quit once the server that started it has gone."""
    value = os.environ.get(SERVER_PID_VARIABLE, "")
    if not value.isdigit():
        return
    server = int(value)
    if os.getppid() != server:
        return  # not started by that server (the variable leaked into another program)

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(POLL_SECONDS)
        # Textual's web driver turns SIGTERM into a normal exit of the app ...
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(GRACE_SECONDS)
        os._exit(1)  # ... and an app too busy to exit is ended all the same

    threading.Thread(target=watch, name="story-tui-serve-watch", daemon=True).start()
