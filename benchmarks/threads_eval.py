"""Score story threads on the ECB+ pages: B-cubed against the gold threads, and people merged.

    .venv/bin/python benchmarks/threads_eval.py ../shared/threads
    .venv/bin/python benchmarks/threads_eval.py ../shared/threads --drafts /tmp/threads-drafts

Every page of `pages/` is drafted once (`story-tui draft`'s code, in process) into the drafts
folder (default: /tmp/story-tui-threads-drafts, outside the repository), so reruns only group.
Then the drafted library is grouped three ways and scored as the folder's README says:

- `threads`: story-tui's grouping (story_tui/threads), the threads and people `story-tui threads
  --format json` prints;
- `baseline`: plain TF-IDF of the body words with one average-link threshold (0.16), the
  README's reference, reimplemented here;
- both again on each half of the topics (topics 1, 5, 9, ... and 3, 7, 11, ...), so a rule tuned
  on one half is checked on the other.

`--explain` prints, for each gold thread, how its articles are spread over the predicted threads
and what else those threads hold (`9_ecb 10: 10(+13 9_ecbplus)`: all ten in one thread, with the
thirteen of the other event; `1_ecbplus 21: 12 8 1`: split in three). `--join SEED` groups by
adding the stories one at a time in a random order (`Grouper.join`, as a library that grows
does) instead of all at once.

A page the drafter refuses counts as an article alone (a singleton), as the README says.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import regex

from story_tui.draft.core import make_draft
from story_tui.draft.input import NoArticle, read_article
from story_tui.draft.write import validated
from story_tui.story.diagnostics import StoryError
from story_tui.story.loader import load_story
from story_tui.story.model import Story
from story_tui.threads.features import STOP_WORDS, StoryFeatures, features_of, paragraphs_of
from story_tui.threads.group import Grouper
from story_tui.threads.names import name_words, near
from story_tui.threads.store import build_threads, threads_of

DRAFTS = Path("/tmp/story-tui-threads-drafts")


def draft_all(folder: Path, drafts: Path) -> tuple[dict[str, Path], list[str]]:
    """Draft every page not drafted yet; returns docid -> story file, and the refused pages."""
    drafts.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    refused: list[str] = []
    for page in sorted((folder / "pages").glob("*.html")):
        dest = drafts / f"{page.stem}.yaml"
        marker = drafts / f"{page.stem}.refused"
        if marker.exists():
            refused.append(page.stem)
            continue
        if not dest.exists():
            try:
                draft = make_draft(read_article(page.read_bytes(), str(page)), 3)
                dest.write_text(validated(draft, page.stem, str(dest)).text, encoding="utf-8")
            except (NoArticle, StoryError) as error:
                marker.write_text(f"{type(error).__name__}: {error}\n", encoding="utf-8")
                refused.append(page.stem)
                continue
        found[page.stem] = dest
    return found, refused


# Scoring ----------------------------------------------------------------------------------------


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:] if line]


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of docid -> cluster against docid -> gold class."""
    docs = list(gold)
    pred = {d: predicted.get(d, f"alone:{d}") for d in docs}
    by_pred: dict[str, list[str]] = {}
    by_gold: dict[str, list[str]] = {}
    for d in docs:
        by_pred.setdefault(pred[d], []).append(d)
        by_gold.setdefault(gold[d], []).append(d)
    p = r = 0.0
    for d in docs:
        same_pred = by_pred[pred[d]]
        same_gold = by_gold[gold[d]]
        both = sum(1 for e in same_pred if gold[e] == gold[d])
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(docs), r / len(docs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(predicted: dict[str, str], gold: dict[str, str]) -> float:
    """The adjusted Rand index."""
    docs = list(gold)
    pred = {d: predicted.get(d, f"alone:{d}") for d in docs}

    def c2(n: int) -> float:
        return n * (n - 1) / 2

    table = Counter((pred[d], gold[d]) for d in docs)
    a = Counter(pred[d] for d in docs)
    b = Counter(gold[d] for d in docs)
    index = sum(c2(n) for n in table.values())
    sa, sb = sum(c2(n) for n in a.values()), sum(c2(n) for n in b.values())
    expected = sa * sb / c2(len(docs))
    top = (sa + sb) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def _mention_words(mention: str) -> tuple[str, ...]:
    return name_words(mention)


def people_found(
    threads: list[dict[str, Any]],
    gold_rows: list[dict[str, str]],
    docs: set[str],
    misses: list[str] | None = None,
) -> tuple[int, int, int]:
    """Gold chains spanning 2+ articles of a thread: (found as one entry, split, in all).

    With `misses`, a line for each chain not found or split is added to it."""
    chains: dict[tuple[str, str], dict[str, set[str]]] = {}
    for row in gold_rows:
        if row["docid"] in docs:
            mentions = chains.setdefault((row["chain"], row["thread"]), {})
            mentions.setdefault(row["docid"], set()).add(row["mention"])
    thread_of = {}
    for thread in threads:
        for story in thread["stories"]:
            thread_of[Path(story["path"]).stem] = thread
    found = split = total = 0
    for (chain, gold_thread), mentions in chains.items():
        if len(mentions) < 2:
            continue
        total += 1
        counts = Counter(thread_of[d]["id"] for d in mentions if d in thread_of)
        if not counts:
            continue
        best_id = counts.most_common(1)[0][0]
        thread = next(t for t in threads if t["id"] == best_id)
        inside = {d for d in mentions if d in thread_of and thread_of[d]["id"] == best_id}
        if len(inside) < 2:
            continue
        words = {_mention_words(m) for d in inside for m in mentions[d]}
        words.discard(())
        story_ids = {Path(s["path"]).stem: s["id"] for s in thread["stories"]}
        naming = 0
        ok = False
        named: list[str] = []
        for person in thread["people"]:
            own = [name_words(n) for n in [person["name"], *person["aliases"]]]
            vocab = [w for n in own for w in n]

            def covered(ws: tuple[str, ...], vocab: list[str] = vocab) -> bool:
                return all(any(near(w, v) for v in vocab) for w in ws)

            hits = [ws for ws in words if covered(ws)]
            if hits:
                naming += 1
                named.append(f"{person['name']} {person['aliases']} ({len(person['stories'])})")
            if len(hits) == len(words) and all(story_ids[d] in person["stories"] for d in inside):
                ok = True
        found += ok
        split += naming >= 2
        if misses is not None and (not ok or naming >= 2):
            said = sorted({m for d in inside for m in mentions[d]})
            misses.append(
                f"{'SPLIT' if ok else 'MISS '} {gold_thread} {chain} {said} in {len(inside)}"
                f" -> {named}"
            )
    return found, split, total


# The baseline ----------------------------------------------------------------------------------

_TOKEN = regex.compile(r"\p{L}[\p{L}'’-]*\p{L}|\d+")


def baseline_features(story: Story, key: str) -> StoryFeatures:
    """Plain TF-IDF of the body words (the README's reference)."""
    words = Counter(
        w.casefold()
        for p in paragraphs_of(story)
        for w in _TOKEN.findall(p)
        if w.casefold() not in STOP_WORDS
    )
    weights = {f"w:{w}": 1.0 + math.log(n) for w, n in words.items()}
    return StoryFeatures(key=key, id=story.id, title=story.title, published=None, weights=weights)


def baseline_group(stories: dict[str, Story]) -> dict[str, str]:
    grouper = Grouper(0.16, 1.0, {"w": 1.0}, 10**6, neighbours=0, small=0)
    grouper.index(baseline_features(s, d) for d, s in stories.items())
    return dict(grouper.group_all() and grouper.thread_of)


# The run ---------------------------------------------------------------------------------------


def score(
    name: str,
    predicted: dict[str, str],
    gold: dict[str, str],
    topic: dict[str, str],
    docs: Iterable[str],
) -> str:
    wanted = set(docs)
    g = {d: c for d, c in gold.items() if d in wanted}
    t = {d: c for d, c in topic.items() if d in wanted}
    p, r, f = bcubed(predicted, g)
    _tp, _tr, tf = bcubed(predicted, t)
    clusters = len({predicted.get(d, d) for d in g})
    return (
        f"{name:<22} B3 P {p:.3f} R {r:.3f} F {f:.3f}  ARI {ari(predicted, g):.3f}  "
        f"topic F {tf:.3f}  threads {clusters} (gold {len(set(g.values()))})"
    )


def explain(predicted: dict[str, str], gold: dict[str, str]) -> list[str]:
    """Per gold thread: its articles' counts per predicted thread, and what else each holds."""
    by_pred: dict[str, list[str]] = {}
    by_gold: dict[str, list[str]] = {}
    for d, thread in gold.items():
        by_pred.setdefault(predicted.get(d, f"alone:{d}"), []).append(d)
        by_gold.setdefault(thread, []).append(d)
    lines = []
    for thread in sorted(by_gold, key=lambda t: (int(t.split("_")[0]), t)):
        counts = Counter(predicted.get(d, f"alone:{d}") for d in by_gold[thread])
        parts = []
        for pred, n in counts.most_common():
            others = Counter(gold[d] for d in by_pred[pred] if gold[d] != thread)
            extra = " ".join(f"+{m} {g}" for g, m in sorted(others.items()))
            parts.append(f"{n}({extra})" if extra else str(n))
        lines.append(f"{thread:<12} {len(by_gold[thread]):>3}: {' '.join(parts)}")
    return lines


def joined(stories: dict[str, Story], seed: int) -> dict[str, list[str]]:
    """Thread id -> story keys, adding the stories one at a time in a random order."""
    order = sorted(stories)
    random.Random(seed).shuffle(order)
    grouper = Grouper()
    for key in order:
        grouper.join(features_of(stories[key], key))
    return grouper.members


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the threads folder (../shared/threads)")
    parser.add_argument("--drafts", type=Path, default=DRAFTS, help="where drafts are cached")
    parser.add_argument("--json", type=Path, help="also write the predicted threads here")
    parser.add_argument(
        "--people-on-gold",
        action="store_true",
        help="also score people merged within the GOLD threads (independent of the grouping)",
    )
    parser.add_argument(
        "--misses", action="store_true", help="list the people chains missed or split"
    )
    parser.add_argument("--explain", action="store_true", help="where each gold thread went")
    parser.add_argument(
        "--join", type=int, metavar="SEED", help="add the stories one at a time (random order)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    files, refused = draft_all(args.folder, args.drafts)
    drafted = time.perf_counter() - started
    gold_rows = read_tsv(args.folder / "gold.tsv")
    gold = {row["docid"]: row["thread"] for row in gold_rows}
    topic = {row["docid"]: row["topic"] for row in gold_rows}
    stories: dict[str, Story] = {}
    for docid, path in files.items():
        try:
            stories[docid] = load_story(path)
        except StoryError:
            refused.append(docid)
    started = time.perf_counter()
    by_path = {str(files[d]): s for d, s in stories.items()}
    if args.join is None:
        threads = threads_of(by_path)
    else:
        threads = build_threads(by_path, joined(by_path, args.join))
    grouped = time.perf_counter() - started
    predicted = {Path(s.path).stem: t.id for t in threads for s in t.stories}
    data = [t.to_json() for t in threads]
    on_gold: list[dict[str, Any]] = []
    if args.people_on_gold:
        members: dict[str, list[str]] = {}
        for docid in stories:
            members.setdefault(gold[docid], []).append(str(files[docid]))
        on_gold = [t.to_json() for t in build_threads(by_path, members)]
    base = baseline_group(stories)
    halves = {
        "all": list(gold),
        "half A (1,5,9..)": [d for d in gold if int(topic[d]) % 4 == 1],
        "half B (3,7,11..)": [d for d in gold if int(topic[d]) % 4 == 3],
    }
    print(f"{len(files)} pages drafted ({drafted:.1f} s), {len(refused)} refused by the drafter")
    people = read_tsv(args.folder / "people.tsv")
    for label, docs in halves.items():
        print(f"-- {label}: {len(docs)} articles")
        print(score("threads", predicted, gold, topic, docs))
        print(score("baseline TF-IDF 0.16", base, gold, topic, docs))
        misses: list[str] | None = [] if args.misses else None
        found, split, total = people_found(data, people, set(docs), misses)
        print(f"{'people':<22} merged {found}/{total} = {found / max(total, 1):.3f}, split {split}")
        if args.people_on_gold:
            gold_misses: list[str] | None = [] if args.misses else None
            found, split, total = people_found(on_gold, people, set(docs), gold_misses)
            print(
                f"{'people (gold threads)':<22} merged {found}/{total} = "
                f"{found / max(total, 1):.3f}, split {split}"
            )
            misses = gold_misses
        for line in misses or []:
            print("   ", line)
    if args.explain:
        print("-- where each gold thread went (articles per predicted thread)")
        print("\n".join(explain(predicted, gold)))
    print(f"grouping {len(stories)} stories (features, group, merge): {grouped:.2f} s")
    if args.json:
        args.json.write_text(json.dumps({"threads": data}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
