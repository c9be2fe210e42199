"""Align two editions of an article paragraph by paragraph, and diff two texts word by word.

Used by `rebase` (carry a story over to the edited article) and `diff` (what changed between two
editions). Plain Python; no UI imports.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

SIMILAR = 55.0
"""Least `rapidfuzz.fuzz.ratio` (0-100) for two different paragraphs to count as one, edited."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """Which paragraph of the new edition each paragraph of the old one became (article order)."""

    new_of_old: dict[int, int]
    """Old paragraph index -> new paragraph index, for the paragraphs kept (edited or not)."""
    moved: frozenset[int]
    """Old indices of kept paragraphs that changed place relative to the others (reordered)."""

    @property
    def old_of_new(self) -> dict[int, int]:
        """New paragraph index -> old paragraph index."""
        return {new: old for old, new in self.new_of_old.items()}


def align_paragraphs(old: Sequence[str], new: Sequence[str]) -> Alignment:
    """Pair old paragraphs with new ones: identical first (in order), then the most similar.

    A paragraph that is in neither pair was removed (old) or added (new). Reordered paragraphs are
    the fewest kept paragraphs whose removal leaves the rest in the same order.
    """
    pairs: dict[int, int] = {}
    free_new: dict[str, list[int]] = {}
    for index, text in enumerate(new):
        free_new.setdefault(text, []).append(index)
    for index, text in enumerate(old):
        slots = free_new.get(text)
        if slots:
            pairs[index] = slots.pop(0)
    used = set(pairs.values())
    rest_old = [i for i in range(len(old)) if i not in pairs]
    rest_new = [j for j in range(len(new)) if j not in used]
    if rest_old and rest_new:
        from rapidfuzz import fuzz

        candidates = []
        for i in rest_old:
            for j in rest_new:
                score = float(fuzz.ratio(old[i], new[j], score_cutoff=SIMILAR))
                if score:
                    # Equal scores: the pair nearer its expected place wins.
                    distance = abs(i / max(len(old), 1) - j / max(len(new), 1))
                    candidates.append((-score, distance, i, j))
        candidates.sort()
        taken_new: set[int] = set()
        for _score, _distance, i, j in candidates:
            if i in pairs or j in taken_new:
                continue
            pairs[i] = j
            taken_new.add(j)
    return Alignment(pairs, frozenset(_out_of_order(pairs)))


WEIGHTED_UP_TO = 1000
"""Up to this many kept paragraphs, reordering is worked out exactly (quadratic); past it, by the
faster patience method, which may name a different but equally small set of moved paragraphs."""


def _out_of_order(pairs: dict[int, int]) -> set[int]:
    """Old indices off the longest run of pairs whose new indices increase.

    Among runs of equal length, the one keeping the most paragraphs at their old rank wins, so a
    swap of two paragraphs names those two, not the one between them.
    """
    olds = sorted(pairs)
    news = [pairs[i] for i in olds]
    if len(news) > WEIGHTED_UP_TO:
        return _patience(olds, news)
    new_rank = {value: rank for rank, value in enumerate(sorted(news))}
    weight = [1.0 + (0.001 if new_rank[value] == k else 0.0) for k, value in enumerate(news)]
    best = list(weight)
    back = [-1] * len(news)
    for k in range(len(news)):
        for m in range(k):
            if news[m] < news[k] and best[m] + weight[k] > best[k]:
                best[k], back[k] = best[m] + weight[k], m
    keep: set[int] = set()
    k = max(range(len(news)), key=best.__getitem__, default=-1)
    while k >= 0:
        keep.add(olds[k])
        k = back[k]
    return {i for i in olds if i not in keep}


def _patience(olds: list[int], news: list[int]) -> set[int]:
    from bisect import bisect_left

    tails: list[int] = []
    tail_values: list[int] = []
    back: list[int] = [-1] * len(news)
    for k, value in enumerate(news):
        slot = bisect_left(tail_values, value)
        if slot == len(tail_values):
            tail_values.append(value)
            tails.append(k)
        else:
            tail_values[slot] = value
            tails[slot] = k
        back[k] = tails[slot - 1] if slot > 0 else -1
    keep: set[int] = set()
    k = tails[-1] if tails else -1
    while k >= 0:
        keep.add(olds[k])
        k = back[k]
    return {i for i in olds if i not in keep}


WordOp = Literal["same", "removed", "added"]
_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[WordOp, str]]:
    """The edit from `old` to `new` as runs of words kept, removed and added."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    runs: list[tuple[WordOp, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(b[j1:j2])))
    return runs


def word_diff_summary(old: str, new: str, context: int = 4) -> str:
    """A one-line word diff, `… kept [-removed-] {+added+} kept …`, a few words around edits."""
    runs = word_diff(old, new)
    out: list[str] = []
    for index, (op, text) in enumerate(runs):
        if op == "removed":
            out.append(f" [-{text.strip()}-] ")
        elif op == "added":
            out.append(f" {{+{text.strip()}+}} ")
        else:
            words = text.split()
            head = [] if index == 0 else words[:context]
            tail = [] if index == len(runs) - 1 else words[-context:]
            if len(words) > len(head) + len(tail):
                out.append(" ".join(head) + " … " + " ".join(tail))
            else:
                out.append(text)
    return re.sub(r"\s+", " ", "".join(out)).strip()
