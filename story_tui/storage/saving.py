"""Saving what the app remembers as the reader goes, never on the key path. No UI imports.

`Saver.request()` returns at once: one thread does the writing (`state.save_state`, a
read-merge-write under the file lock) and any extra work queued with it (keeping an edition's
copy). Requests made while it writes are folded into one more write. `flush()` writes what is
still pending in the caller's thread and ends the thread, so nothing is left behind when the app
exits, whether after `q` or on a signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from story_tui.storage.state import State, save_state


class Saver:
    """Writes a `State` off the caller's thread; the newest state is what gets written."""

    def __init__(
        self,
        state: State,
        on_problem: Callable[[str], None] | None = None,
        directory: Path | None = None,
    ) -> None:
        self.state = state
        self.directory = directory
        self.on_problem = on_problem
        """Told (from the saving thread) when a write fails."""
        self._wake = threading.Condition()
        self._pending = False
        self._jobs: list[Callable[[], None]] = []
        self._thread: threading.Thread | None = None
        self._closed = False
        self._writing = threading.Lock()
        self.writes = 0
        """Writes done (tests and benchmarks count them)."""

    def request(self, job: Callable[[], None] | None = None) -> None:
        """Write the state soon (and run `job` first, if given); returns at once."""
        with self._wake:
            if self._closed:
                return
            self._pending = True
            if job is not None:
                self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="story-tui-saver", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._pending and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
            problem = self._write()
            if problem and self.on_problem is not None:
                self.on_problem(problem)

    def _write(self) -> str | None:
        """Run the queued jobs, then write the state if a write is pending (one at a time)."""
        with self._writing:
            with self._wake:
                jobs, self._jobs = self._jobs, []
                pending, self._pending = self._pending, False
            for job in jobs:
                job()
            if not pending:
                return None
            self.writes += 1
            return save_state(self.state, self.directory)

    def flush(self) -> str | None:
        """Write what is pending now, in this thread, and end the saving thread."""
        with self._wake:
            self._closed = True
            self._wake.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        with self._wake:
            self._pending = self._pending or bool(self._jobs)
        return self._write()
