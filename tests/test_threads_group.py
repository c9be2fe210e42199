"""Grouping on small made-up stories: scaled similarity, briefs, join decides as group_all."""

from __future__ import annotations

from story_tui.threads.features import StoryFeatures
from story_tui.threads.group import Constraints, Grouper
from story_tui.threads.link import Pass, average_link, keep_ids

TOPIC = [f"w:quake{n}" for n in range(8)]
"""Words of the kind of event: every earthquake story has them."""


def _story(key: str, words: list[str]) -> StoryFeatures:
    return StoryFeatures(key, key, key, None, {w: 1.0 for w in words})


def _event(name: str, count: int) -> list[StoryFeatures]:
    """`count` reports of one event: the topic's words, most of the event's own, a word alone."""
    own = [f"w:{name}{n}" for n in range(8)]
    return [
        _story(f"{name}-{n}", [*TOPIC, *own[n % 3 : n % 3 + 6], f"p:{name}", f"w:{name}-x{n}"])
        for n in range(count)
    ]


def _others(count: int) -> list[StoryFeatures]:
    """Stories of other matters, so that rarity means something."""
    return [_story(f"other-{n}", [f"w:o{n}-{m}" for m in range(8)]) for n in range(count)]


def _threads(grouper: Grouper) -> list[list[str]]:
    return sorted(sorted(members) for members in grouper.members.values())


def test_two_similar_events_each_reported_often_stay_two_threads() -> None:
    stories = [*_event("chile", 6), *_event("peru", 6), *_others(20)]
    grouper = Grouper()
    grouper.index(stories)
    grouper.group_all()
    threads = _threads(grouper)
    assert sorted(s.key for s in stories if s.key.startswith("chile")) in threads
    assert sorted(s.key for s in stories if s.key.startswith("peru")) in threads
    # Unscaled, with one threshold, the shared words of the kind of event make them one.
    plain = Grouper(0.14, neighbours=0, small=0)
    plain.index(stories)
    plain.group_all()
    assert any(len(members) == 12 for members in plain.members.values())


def test_a_brief_finds_its_thread_and_join_decides_as_group_all() -> None:
    brief = _story("chile-brief", ["w:quake0", *[f"w:chile{n}" for n in range(4)], "w:brief-own"])
    stories = [*_event("chile", 6), *_event("peru", 6), *_others(20)]
    grouper = Grouper()
    grouper.index([*stories, brief])
    grouper.group_all()
    assert grouper.thread_of["chile-brief"] == grouper.thread_of["chile-0"]
    # The brief alone is not like any story of the thread enough for the first pass.
    assert max(grouper.similarities("chile-brief").values()) < 0.5 * grouper.scale("chile-0")
    later = Grouper()
    later.index(stories)
    later.group_all()
    assert later.join(brief) == later.thread_of["chile-0"]
    assert _threads(later) == _threads(grouper)


def test_a_story_like_no_other_starts_its_own_thread() -> None:
    grouper = Grouper()
    grouper.index([*_event("chile", 6), *_others(20)])
    grouper.group_all()
    lone = _story("lone", ["w:quake0", "w:lone1", "w:lone2", "w:lone3", "w:lone4"])
    assert grouper.join(lone) not in {grouper.thread_of["chile-0"]}
    assert grouper.members[grouper.thread_of["lone"]] == ["lone"]


def test_join_keeps_each_story_s_nearest_similarities_up_to_date() -> None:
    grouper = Grouper()
    grouper.index(_event("chile", 4))
    grouper.group_all()
    before = list(grouper.nearest["chile-0"])
    grouper.join(_event("chile", 5)[4])
    after = grouper.nearest["chile-0"]
    assert len(after) == 3 and after == sorted(after) and after >= before
    assert after == sorted(grouper.similarities("chile-0").values())[-3:]


def test_a_correction_holds_in_both_passes() -> None:
    brief = _story("chile-brief", ["w:quake0", *[f"w:chile{n}" for n in range(4)], "w:brief-own"])
    stories = [*_event("chile", 6), *_event("peru", 6), *_others(20), brief]
    grouper = Grouper()
    grouper.index(stories)
    grouper.group_all(Constraints(apart=[("chile-brief", "chile-0")]))
    assert grouper.thread_of["chile-brief"] != grouper.thread_of["chile-0"]
    grouper.group_all(Constraints(together=[("chile-brief", "peru-0")]))
    assert grouper.thread_of["chile-brief"] == grouper.thread_of["peru-0"]


def test_the_small_pass_merges_only_small_groups() -> None:
    clusters = {1: ["a", "b", "c", "d"], 2: ["e", "f", "g", "h"], 3: ["i"]}
    pairs = {(x, y): 0.1 for x in "abcd" for y in "efgh"}
    pairs.update({(x, "i"): 0.35 for x in "abcd"})
    pairs.update({(x, "i"): 0.4 for x in "efgh"})
    found = average_link(clusters, pairs, [Pass(0.5), Pass(0.3, small=1)], {})
    assert sorted(sorted(m) for m in found.values()) == [
        ["a", "b", "c", "d"],
        ["e", "f", "g", "h", "i"],
    ]
    apart = {"i": {"e"}, "e": {"i"}}
    found = average_link(clusters, pairs, [Pass(0.5), Pass(0.3, small=1)], apart)
    assert ["a", "b", "c", "d", "i"] in [sorted(m) for m in found.values()]


def test_two_small_groups_never_merge_in_the_small_pass() -> None:
    """Two similar events reported twice each stay two threads: the lower bar is only for a
    small group joining a bigger thread."""
    clusters = {1: ["a", "b"], 2: ["c", "d"]}
    pairs = {(x, y): 0.4 for x in "ab" for y in "cd"}
    found = average_link(clusters, pairs, [Pass(0.5), Pass(0.3, small=3)], {})
    assert sorted(sorted(m) for m in found.values()) == [["a", "b"], ["c", "d"]]
    grouper = Grouper()
    grouper.index([*_event("chile", 2), *_others(20)])
    grouper.group_all()
    assert grouper.thread_of["chile-0"] == grouper.thread_of["chile-1"]
    brief = _story("chile-brief", ["w:quake0", "w:chile0", "w:chile1", "w:brief-own", "w:brief-2"])
    # Two stories are no established thread: the brief needs the first pass's bar to join them.
    assert grouper.join(brief) == "chile-brief"


def test_regrouping_keeps_the_ids_of_the_threads_it_finds_again() -> None:
    previous = {"a": ["1", "2", "3"], "b": ["4", "5"]}
    found = {"x": ["1", "2", "3", "6"], "a": ["4", "5", "7"], "z": ["8"]}
    assert keep_ids(previous, found) == {
        "a": ["1", "2", "3", "6"],
        "b": ["4", "5", "7"],
        "z": ["8"],
    }


def test_join_groups_everything_again_when_a_fifth_came_one_at_a_time() -> None:
    grouper = Grouper()
    grouper.index([*_event("chile", 6), *_others(14)])
    grouper.group_all()
    chile = grouper.thread_of["chile-0"]
    peru = _event("peru", 6)
    for story in peru[:4]:
        grouper.join(story)
    assert grouper.joined == 4  # 4 of 24 stories: not yet a fifth
    grouper.join(peru[4])  # 5 of 25: a fifth, not more
    grouper.join(peru[5])  # 6 of 26: the whole library is grouped again
    assert grouper.joined == 0
    assert grouper.thread_of["chile-0"] == chile
    assert sorted(grouper.members[grouper.thread_of["peru-0"]]) == [s.key for s in peru]
