"""Start-up without pauses from Python's cyclic garbage collector.

Start-up allocates hundreds of thousands of long-lived objects (the story, Textual's widgets and
styles) and almost no cyclic garbage, yet the collector walks them all several times: about 40 ms
of the bundled story's first paint (see docs/performance.md). The command line pauses the collector
while it starts and resumes it once the first frame is on screen (or the command is done),
freezing what start-up built so that later collections skip it, and makes full collections
rarer. `settle_collector` freezes the second wave (a long article's layout, finished after the
first frame).
"""

from __future__ import annotations

import gc

FULL_COLLECTION_EVERY = 30
"""Middle-generation collections between two full ones (Python's default is 10).

A full collection walks every object made since start-up and frees the cyclic garbage Textual
leaves (a closed overlay's widgets): 30-80 ms each while the reader works. Rarer collections walk
more each: measured with benchmarks/keys.py (20 presses of each key), 10 / 30 / 100 gave a worst
p95 of 77 / 40 / 174 ms on the bundled story and 126 / 110 / 35 ms on the 6 MB one. 30 is the
middle; peak memory is the same for all three (154 MB)."""


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
        young, middle, _full = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
        gc.enable()


def settle_collector() -> None:
    """Start-up's second wave of long-lived objects is built: keep later collections short.

    Collects the young generations (start-up's garbage, if any, is there) and freezes what is
    left, so that full collections while the reader works walk only what was made since.
    """
    if gc.isenabled():
        gc.collect(1)
        gc.freeze()
