"""Grouping stories into threads: all at once (average link) or one story at a time. No UI imports.

Two stories are compared by the cosine of their feature weights (`features.py`), each feature
weighted by how rare it is in the library (inverse document frequency, squared as in a TF-IDF
dot product), times a factor for time when both stories have a date: close in time changes
nothing, months apart lowers the similarity (`time_factor`); a missing date is neutral; and times
a factor for the people each story is mainly about (`features.central_factor`): two stories
whose titles and leads name different people are less alike than their words say.

That similarity is then read against each story's own neighbourhood (`scaled`): divided by the
geometric mean of the two stories' "typical near similarity", their `NEIGHBOURS`-th highest
similarity to any story (never below `SCALE_FLOOR`). A story of a busy thread, whose stories share
many rare words, needs more to join another group than a brief or a story alone, whose nearest
stories are all only a little like it; so two similar events, each reported many times, stay two
threads, while a short report still finds its thread. A story with no close neighbours is judged
as it would be without the scaling (`SCALE_FLOOR` times `THRESHOLD` is the old raw threshold).

`Grouper.group_all` is average-link clustering (`link.py`) in two passes: groups merge while their
mean scaled similarity reaches `THRESHOLD`; then a group of at most `SMALL` stories joins its
nearest thread of more than `SMALL` when the mean reaches `ATTACH` (two small groups never merge
below `THRESHOLD`). The number of threads is never given. `Grouper.join` adds one story without
regrouping the rest: it joins the thread whose stories it is most similar to on average (scaled),
when that mean reaches `ATTACH` for a thread of more than `SMALL` stories (a new story is a group
of one, as in the second pass) or `THRESHOLD` for a smaller one, or starts a thread of its own.
The reader's corrections are constraints on both: stories the reader put together stay together,
and a story the reader moved or split off never shares a thread with the story it was moved away
from.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from story_tui.threads.features import StoryFeatures, central_factor
from story_tui.threads.link import Pass, average_link, keep_ids

THRESHOLD = 0.5
"""The mean scaled similarity at which two groups of stories are one thread."""
SMALL = 3
"""A group of at most this many stories joins its nearest thread of more than this at `ATTACH`."""
ATTACH = 0.35
NEIGHBOURS = 3
"""Similarities are scaled by each story's similarity to its this-many-th nearest story (0: not
scaled)."""
REGROUP_SHARE = 0.2
"""When the stories joined one at a time since the last full grouping are more than this share of
the library (of at least `REGROUP_MIN` stories), `join` groups the whole library again."""
REGROUP_MIN = 10
SCALE_FLOOR = 0.28
"""The least a story's typical near similarity counts as: a story with no close neighbours is not
made easier to join than it would be unscaled."""
MAX_DF = 0.2
"""Features in more than this share of the stories (and at least `MAX_DF_MIN`) are not compared."""
MAX_DF_MIN = 30
DAYS_NEUTRAL = 30
"""Stories at most this many days apart are compared as if they had the same date."""
DAYS_HALF = 365
"""Beyond `DAYS_NEUTRAL`, the similarity halves every this many days (down to `TIME_FLOOR`)."""
TIME_FLOOR = 0.4


def time_factor(a: StoryFeatures, b: StoryFeatures) -> float:
    """How time changes the similarity of two stories: 1 when either has no date."""
    if a.published is None or b.published is None:
        return 1.0
    days = abs((a.published - b.published).days) - DAYS_NEUTRAL
    if days <= 0:
        return 1.0
    return max(TIME_FLOOR, math.pow(0.5, days / DAYS_HALF))


def pair_factor(a: StoryFeatures, b: StoryFeatures) -> float:
    """What multiplies the similarity of two stories' features: time (`time_factor`) and the
    people each is mainly about (`features.central_factor`)."""
    return time_factor(a, b) * central_factor(a, b)


@dataclass
class Constraints:
    """The reader's corrections, as pairs of story keys."""

    together: list[tuple[str, str]] = field(default_factory=list)
    """Each pair is in one thread."""
    apart: list[tuple[str, str]] = field(default_factory=list)
    """Each pair is never in one thread."""

    def partners(self) -> dict[str, set[str]]:
        """Story key -> the stories it must never share a thread with."""
        found: dict[str, set[str]] = {}
        for a, b in self.apart:
            found.setdefault(a, set()).add(b)
            found.setdefault(b, set()).add(a)
        return found


CHANNELS: dict[str, float] = {"w": 0.5, "p": 0.3, "c": 0.15, "n": 0.05}
"""How much each kind of feature counts (words, people, capitalised names, numbers); each kind is
compared on its own (a cosine of its own), so that the many words do not drown the few names."""
FLOOR = 0.02
"""Similarities below this count as none when grouping all at once (a sparser, faster graph)."""
TOP_FEATURES = 80
"""Only a story's most telling features (by weight times rarity) are compared: speed and focus."""


class Grouper:
    """The stories of a library, indexed for grouping, and the thread each belongs to."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        max_df: float = MAX_DF,
        channels: dict[str, float] | None = None,
        top: int = TOP_FEATURES,
        floor: float = FLOOR,
        *,
        neighbours: int = NEIGHBOURS,
        small: int = SMALL,
        attach: float = ATTACH,
    ) -> None:
        self.threshold = threshold
        self.neighbours = neighbours
        self.small = small
        self.attach = attach
        self.floor = floor
        self.max_df = max_df
        self.channels = dict(CHANNELS if channels is None else channels)
        self.top = top
        self.stories: dict[str, StoryFeatures] = {}
        self.df: Counter[str] = Counter()
        self.vectors: dict[str, dict[str, float]] = {}
        """Story key -> its compared features, weighted and normalised per kind."""
        self.postings: dict[str, dict[str, float]] = {}
        self.thread_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.joined = 0
        """Stories joined one at a time since the last full grouping."""
        self.nearest: dict[str, list[float]] = {}
        """Story key -> its highest similarities to other stories (at most `neighbours`, highest
        last): known after `group_all`, else worked out when first needed."""

    # The index ---------------------------------------------------------------------------------

    def idf(self, feature: str) -> float:
        """How rare a feature is in the library."""
        return math.log((1 + len(self.stories)) / (1 + self.df[feature])) + 1.0

    def _vector(self, story: StoryFeatures) -> dict[str, float]:
        limit = self._limit()
        scored = {
            f: w * self.idf(f)
            for f, w in story.weights.items()
            if f[0] in self.channels and self.df[f] <= limit
        }
        kept = sorted(scored.items(), key=lambda fw: (-fw[1], fw[0]))[: self.top]
        norms: dict[str, float] = {}
        for feature, weight in kept:
            norms[feature[0]] = norms.get(feature[0], 0.0) + weight * weight
        return {f: w * math.sqrt(self.channels[f[0]]) / math.sqrt(norms[f[0]]) for f, w in kept}

    def _post(self, key: str) -> None:
        vector = self._vector(self.stories[key])
        self.vectors[key] = vector
        for feature, weight in vector.items():
            self.postings.setdefault(feature, {})[key] = weight

    def index(self, stories: Iterable[StoryFeatures]) -> None:
        """Add stories to the index (without grouping them)."""
        added = []
        for story in stories:
            if story.key in self.stories:
                self.remove(story.key)
            self.stories[story.key] = story
            self.df.update(story.weights.keys())
            added.append(story.key)
        if len(added) > len(self.stories) // 4:
            # Many new stories: every story's weights are computed again with the new rarities.
            self.postings.clear()
            for key in self.stories:
                self._post(key)
        else:
            for key in added:
                self._post(key)

    def remove(self, key: str) -> None:
        """Forget a story (a file deleted from the library)."""
        story = self.stories.pop(key, None)
        if story is None:
            return
        self.df.subtract(story.weights.keys())
        self.nearest.pop(key, None)
        for feature in self.vectors.pop(key, {}):
            posting = self.postings.get(feature, {})
            posting.pop(key, None)
            if not posting:
                self.postings.pop(feature, None)
        thread = self.thread_of.pop(key, None)
        if thread is not None:
            self.members[thread].remove(key)
            if not self.members[thread]:
                del self.members[thread]

    def _limit(self) -> int:
        return max(MAX_DF_MIN, int(self.max_df * len(self.stories)))

    def similarities(self, key: str) -> dict[str, float]:
        """The similarity of one indexed story to every other story it shares a feature with."""
        story = self.stories[key]
        scores: dict[str, float] = {}
        get = scores.get
        for feature, weight in self.vectors[key].items():
            for other, other_weight in self.postings[feature].items():
                scores[other] = get(other, 0.0) + weight * other_weight
        scores.pop(key, None)
        return {
            other: score * pair_factor(story, self.stories[other])
            for other, score in scores.items()
        }

    def all_similarities(self) -> dict[tuple[str, str], float]:
        """The similarity of every two stories that share a feature (each pair once)."""
        keys = list(self.stories)
        number = {key: n for n, key in enumerate(keys)}
        size = len(keys)
        dots: dict[int, float] = {}
        get = dots.get
        for posting in self.postings.values():
            if len(posting) < 2:
                continue
            items = sorted((number[key], weight) for key, weight in posting.items())
            for n, (i, wi) in enumerate(items):
                base = i * size
                for j, wj in items[n + 1 :]:
                    dots[base + j] = get(base + j, 0.0) + wi * wj
        found: dict[tuple[str, str], float] = {}
        for pair, dot in dots.items():
            a, b = keys[pair // size], keys[pair % size]
            score = dot * pair_factor(self.stories[a], self.stories[b])
            if score >= self.floor:
                found[(a, b)] = score
        return found

    # Grouping ----------------------------------------------------------------------------------

    def scale(self, key: str) -> float:
        """A story's typical near similarity: its `neighbours`-th highest, at least the floor."""
        if self.neighbours <= 0:
            return 1.0
        nearest = self.nearest.get(key)
        if nearest is None:
            nearest = self.nearest[key] = _highest(self.similarities(key).values(), self.neighbours)
        return max(SCALE_FLOOR, nearest[0] if len(nearest) == self.neighbours else 0.0)

    def _note_nearest(self, pairs: dict[tuple[str, str], float]) -> None:
        found: dict[str, list[float]] = {key: [] for key in self.stories}
        for (a, b), score in pairs.items():
            for key in (a, b):
                _keep_highest(found[key], score, self.neighbours)
        self.nearest = found

    def group_all(self, constraints: Constraints | None = None) -> dict[str, list[str]]:
        """Group every indexed story from scratch (average link); returns thread id -> keys."""
        constraints = constraints or Constraints()
        keys = sorted(self.stories, key=lambda k: _founding_order(self.stories[k]))
        pairs = self.all_similarities()
        if self.neighbours > 0:
            self._note_nearest(pairs)
            scale = {key: self.scale(key) for key in keys}
            pairs = {(a, b): s / math.sqrt(scale[a] * scale[b]) for (a, b), s in pairs.items()}
        passes = [Pass(self.threshold)]
        if self.small > 0:
            passes.append(Pass(self.attach, self.small))
        clusters = average_link(
            _must_links(keys, constraints), pairs, passes, constraints.partners()
        )
        previous = dict(self.members)
        self.thread_of.clear()
        self.members.clear()
        self.joined = 0
        for members in clusters.values():
            self._name_thread(members)
        self.members = keep_ids(previous, self.members)
        self.thread_of = {key: thread for thread, keys in self.members.items() for key in keys}
        return self.members

    def join(self, story: StoryFeatures, constraints: Constraints | None = None) -> str:
        """Index one story and add it to the best thread, or start one; returns its thread id."""
        constraints = constraints or Constraints()
        self.index([story])
        key = story.key
        for a, b in constraints.together:
            other = b if a == key else a if b == key else None
            if other is not None and other in self.thread_of:
                return self._add_to(self.thread_of[other], key)
        forbidden = {
            self.thread_of[other]
            for other in constraints.partners().get(key, set())
            if other in self.thread_of
        }
        similar = self.similarities(key)
        if self.neighbours > 0:
            self.nearest[key] = _highest(similar.values(), self.neighbours)
            for other, score in similar.items():
                if other in self.nearest:
                    _keep_highest(self.nearest[other], score, self.neighbours)
        mine = self.scale(key)
        totals: dict[str, float] = {}
        for other, score in similar.items():
            thread = self.thread_of.get(other)
            if thread is not None and thread not in forbidden:
                totals[thread] = totals.get(thread, 0.0) + score
        best, best_mean = None, 0.0
        for thread, total in sorted(totals.items()):
            members = self.members[thread]
            needed = self.attach if 0 < self.small < len(members) else self.threshold
            # Scaling divides by at least the floor: a thread that cannot reach `needed` even so
            # is not scaled (which would work out its stories' neighbourhoods).
            if total / len(members) / math.sqrt(mine * SCALE_FLOOR) < max(needed, best_mean):
                continue
            mean = sum(
                similar.get(other, 0.0) / math.sqrt(mine * self.scale(other)) for other in members
            ) / len(members)
            if mean >= needed and mean > best_mean:
                best, best_mean = thread, mean
        if best is None:
            self._name_thread([key])
        else:
            self._add_to(best, key)
        self.joined += 1
        if len(self.stories) >= REGROUP_MIN and self.joined > REGROUP_SHARE * len(self.stories):
            self.group_all(constraints)
        return self.thread_of[key]

    def _add_to(self, thread: str, key: str) -> str:
        self.members[thread].append(key)
        self.thread_of[key] = thread
        return thread

    def _name_thread(self, members: Sequence[str]) -> None:
        ordered = sorted(members, key=lambda k: _founding_order(self.stories[k]))
        self.start_thread(ordered, self.stories[ordered[0]].id)

    def start_thread(self, ordered: list[str], founder: str) -> str:
        """A new thread of these stories (in founding order), named after its first story's id
        (`founder`), made unique; returns its id."""
        base = founder or "thread"
        thread, n = base, 2
        while thread in self.members:
            thread, n = f"{base}-{n}", n + 1
        self.members[thread] = ordered
        for key in ordered:
            self.thread_of[key] = thread
        return thread


def _founding_order(story: StoryFeatures) -> tuple[bool, str, str, str]:
    date = story.published.isoformat() if story.published else ""
    return (story.published is None, date, story.id, story.key)


def _must_links(keys: Sequence[str], constraints: Constraints) -> dict[int, list[str]]:
    """Clusters to start from: the stories the reader put together, everyone else alone."""
    parent = {key: key for key in keys}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in constraints.together:
        if a in parent and b in parent:
            parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(find(key), []).append(key)
    return dict(enumerate(groups.values()))


def _highest(scores: Iterable[float], count: int) -> list[float]:
    """The `count` highest scores, lowest first."""
    return sorted(heapq.nlargest(count, scores))


def _keep_highest(highest: list[float], score: float, count: int) -> None:
    """Add `score` to a list of the `count` highest scores (lowest first)."""
    if len(highest) < count:
        bisect.insort(highest, score)
    elif score > highest[0]:
        highest.pop(0)
        bisect.insort(highest, score)
