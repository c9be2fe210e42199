"""Start-up without pauses from Python's cyclic garbage collector.

Start-up allocates hundreds of thousands of long-lived objects (the story, Textual's widgets and
styles) and almost no cyclic garbage, yet the collector walks them all several times: about 40 ms
of the bundled story's first paint (see docs/performance.md). The command line pauses the collector
while it starts and resumes it once the first frame is on screen (or the command is done),
freezing what start-up built so that later collections skip it.
"""

from __future__ import annotations

import gc


class _Collector:
    paused = False


def pause_collector() -> None:
    """Pause the cyclic collector (reference counting still frees almost everything)."""
    if gc.isenabled():
        gc.disable()
        _Collector.paused = True


def resume_collector() -> None:
    """Resume the collector if `pause_collector` paused it; start-up's objects are frozen."""
    if _Collector.paused:
        _Collector.paused = False
        gc.freeze()
        gc.enable()
