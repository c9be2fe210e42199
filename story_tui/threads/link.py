"""Average-link clustering in passes, for `group.py`. No UI imports.

Groups of stories merge, the two with the highest mean similarity between their stories first,
until no two groups reach a pass's threshold. A later pass may have a lower threshold for small
groups only (`small`: a group of at most that many stories joining a bigger one), so that a brief
or a stray story of a thread still finds the thread, while two big groups that were not one thread
stay apart, and so do two small ones (two similar events, each reported twice).
A pair the reader keeps apart (`apart`) never ends in one group.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Pass:
    """One pass of merging: groups whose mean similarity reaches `threshold`."""

    threshold: float
    small: int | None = None
    """Only a group of at most this many stories joining a bigger one (None: any two groups)."""


def average_link(
    clusters: dict[int, list[str]],
    pairs: dict[tuple[str, str], float],
    passes: Sequence[Pass],
    apart: dict[str, set[str]],
) -> dict[int, list[str]]:
    """Merge `clusters` (id -> story keys) by the similarity of story pairs; returns the groups."""
    clusters = {c: list(members) for c, members in clusters.items()}
    cluster_of = {key: c for c, members in clusters.items() for key in members}
    sums: dict[int, dict[int, float]] = {c: {} for c in clusters}
    for (first, second), score in pairs.items():
        mine, theirs = cluster_of[first], cluster_of[second]
        if mine != theirs:
            sums[mine][theirs] = sums[mine].get(theirs, 0.0) + score
            sums[theirs][mine] = sums[theirs].get(mine, 0.0) + score
    next_id = max(clusters, default=0) + 1
    for step in passes:
        next_id = _merge(clusters, sums, step, apart, next_id)
    return clusters


def _merge(
    clusters: dict[int, list[str]],
    sums: dict[int, dict[int, float]],
    step: Pass,
    apart: dict[str, set[str]],
    next_id: int,
) -> int:
    def allowed(a: int, b: int) -> bool:
        if step.small is None:
            return True
        smaller, bigger = sorted((len(clusters[a]), len(clusters[b])))
        return smaller <= step.small < bigger

    heap = [
        (-total / (len(clusters[a]) * len(clusters[b])), a, b)
        for a, row in sums.items()
        for b, total in row.items()
        if a < b and allowed(a, b)
    ]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < step.threshold:
            break
        if a not in clusters or b not in clusters:
            continue
        if _forbidden(clusters[a], clusters[b], apart):
            continue
        merged = clusters.pop(a) + clusters.pop(b)
        row_a, row_b = sums.pop(a), sums.pop(b)
        row: dict[int, float] = {}
        for near, total in [*row_a.items(), *row_b.items()]:
            if near not in (a, b):
                row[near] = row.get(near, 0.0) + total
        clusters[next_id] = merged
        for near, total in row.items():
            sums[near].pop(a, None)
            sums[near].pop(b, None)
            sums[near][next_id] = total
            mean = total / (len(merged) * len(clusters[near]))
            if mean >= step.threshold and allowed(near, next_id):
                heapq.heappush(heap, (-mean, min(near, next_id), max(near, next_id)))
        sums[next_id] = row
        next_id += 1
    return next_id


def keep_ids(previous: dict[str, list[str]], found: dict[str, list[str]]) -> dict[str, list[str]]:
    """The threads `found` (id -> keys), each renamed to the `previous` thread it shares most
    stories with (biggest first, each old id once), so that a regrouping keeps the ids a reader
    knows; a thread that shares none keeps its own id (made unique)."""
    old_of = {key: thread for thread, keys in previous.items() for key in keys}
    renamed: dict[str, list[str]] = {}
    fresh = []
    for thread, keys in sorted(found.items(), key=lambda tk: (-len(tk[1]), tk[0])):
        shared = Counter(old_of[k] for k in keys if k in old_of and old_of[k] not in renamed)
        if not shared:
            fresh.append((thread, keys))
            continue
        renamed[min(shared.items(), key=lambda tn: (-tn[1], tn[0]))[0]] = keys
    for thread, keys in fresh:
        name, n = thread, 2
        while name in renamed:
            name, n = f"{thread}-{n}", n + 1
        renamed[name] = keys
    return renamed


def _forbidden(a: list[str], b: list[str], apart: dict[str, set[str]]) -> bool:
    if not apart:
        return False
    other = set(b)
    return any(apart.get(key, set()) & other for key in a)
