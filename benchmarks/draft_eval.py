"""Score the drafter on a labelled corpus: PolNeAR (brat attributions) or the Wikinews set (JSON).

    python benchmarks/draft_eval.py ../shared/polnear/dev
    python benchmarks/draft_eval.py ../shared/polnear/train --rows
    python benchmarks/draft_eval.py ../shared/articles

The corpus is read where it is, at run time (never copied). One row per article with --rows, then
one summary line: quotes R/P, speakers, paraphrases R/P, people R/P, figures R, dates R, valid,
crashes, time. Matching follows the corpora's READMEs: a drafted quote matches a labelled one when
their normalised texts share a common run of at least 80% of the shorter (one to one, best
first); a speaker is right when the last names match; people by last name or alias; figures and
dates when one span contains the other.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import time
import traceback
from difflib import SequenceMatcher

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from story_tui.draft.core import make_draft
from story_tui.draft.input import NoArticle, read_text
from story_tui.draft.write import validated
from story_tui.story.diagnostics import StoryInvalid
from story_tui.story.loader import parse_story

_MARKS = "\"“”«»„‘’'"
_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "sir", "president", "jr", "sr"}
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "him", "her", "them", "us"}


def norm(text: str) -> str:
    return " ".join(text.split()).strip(_MARKS + " ").lower()


def overlap(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size / min(len(a), len(b))


def match_quotes(drafted: list[str], labelled: list[str]) -> list[tuple[int, int]]:
    """One-to-one pairs (drafted index, labelled index), best overlap first."""
    dn = [norm(d) for d in drafted]
    ln = [norm(x) for x in labelled]
    scored = []
    for i, d in enumerate(dn):
        for j, x in enumerate(ln):
            if abs(len(d) - len(x)) > 4 * min(len(d), len(x)) + 20 and not (d in x or x in d):
                continue
            score = overlap(d, x)
            if score >= 0.8:
                scored.append((score, i, j))
    scored.sort(reverse=True)
    used_d, used_l, pairs = set(), set(), []
    for _score, i, j in scored:
        if i not in used_d and j not in used_l:
            used_d.add(i)
            used_l.add(j)
            pairs.append((i, j))
    return pairs


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def last_name(name: str) -> str:
    """The last name in a speaker or Source span: `Sen. Ted Cruz` -> `cruz`.

    A Source with an apposition names its person in the part that ends with a capitalised word
    (`Her campaign manager, Robby Mook,` -> `mook`, `Josh Bivens, Economic Policy Institute` ->
    `bivens`); `of`/`from` ends the name unless only titles come before it (`Secretary of State
    John Kerry` -> `kerry`) or two words or more follow it (`Former Security of State Hillary
    Clinton` -> `clinton`, but `Sen. Bernie Sanders of Vermont` -> `sanders`); `Jr.` and `III` are
    not last names."""
    pieces = [p for p in re.split(r",|\s\(|\s+who\s", name) if p.strip()]
    named = [p for p in pieces if _words(p) and _words(p)[-1][:1].isupper()]
    name = (named or pieces or [""])[0]
    head, *tail = re.split(r"\s+(?:of|from)\s+", name, maxsplit=1)
    if tail and (
        not [w for w in _words(head) if w.lower() not in _TITLES | _ROLES]
        or len(tail[0].split()) > 1
    ):
        head = tail[0]
    words = [w for w in _words(head) if w.lower() not in _TITLES | _SUFFIXES]
    return words[-1].lower() if words else ""


_ROLE_STOP = {"a", "an", "the", "of", "for", "at", "and", "in", "from", "who", "with", "to"}


def role_words(role: str) -> set[str]:
    words = re.findall(r"[\w’'-]+", role.lower().replace("’s", "").replace("'s", ""))
    return {w for w in words if w not in _ROLE_STOP}


def role_right(drafted: str, labelled: str) -> bool:
    """A drafted role is right when its words are all in the labelled role (a shorter true
    role: `Author` for `science fiction author`), or it holds the labelled role's words with at
    most two more."""
    mine, truth = role_words(drafted), role_words(labelled)
    if not mine or not truth:
        return False
    return mine <= truth or (truth <= mine and len(mine) <= len(truth) + 2)


def _words(text: str) -> list[str]:
    words = [w.strip(".,’'s") for w in re.sub(r"[’']s\b", "", text).split()]
    return [w for w in words if w and not w.startswith("(")]


_ROLES = {"secretary", "former", "attorney", "general", "state", "minister", "director", "head"}


def is_named(source: str) -> bool:
    """A Source span that names someone: `Trump`, `Sen. Ted Cruz` (not `he`, `the campaign`)."""
    words = source.replace("’s", "").split()
    if not words or source.lower() in _PRONOUNS:
        return False
    return words[-1][:1].isupper() and words[0][:1].isupper() and len(words) <= 6


# Corpora -----------------------------------------------------------------------------------------


def polnear(split_dir: str) -> list[dict[str, object]]:
    articles = []
    for path in sorted(glob.glob(os.path.join(split_dir, "text", "*.txt"))):
        name = os.path.basename(path)[:-4]
        text = open(path, encoding="utf-8").read()
        quotes: dict[tuple[int, int], str | None] = {}
        paraphrases: dict[tuple[int, int], str] = {}
        for ann in sorted(glob.glob(os.path.join(split_dir, "attributions", name + "_*.ann"))):
            spans: dict[str, tuple[str, int, int]] = {}
            relations = []
            for line in open(ann, encoding="utf-8"):
                parts = line.rstrip("\n").split("\t")
                if parts[0].startswith("T") and len(parts) >= 2:
                    kind, *offsets = parts[1].split()
                    try:
                        start, end = int(offsets[0]), int(offsets[-1])
                    except (ValueError, IndexError):
                        continue
                    spans[parts[0]] = (kind, start, end)
                elif parts[0].startswith("E") and len(parts) >= 2:
                    relations.append(
                        dict(p.split(":", 1) for p in parts[1].split()[1:] if ":" in p)
                    )
            for relation in relations:
                content = spans.get(relation.get("Content", ""))
                source = spans.get(relation.get("Source", ""))
                if content is None:
                    continue
                who = text[source[1] : source[2]] if source else None
                body = text[content[1] : content[2]]
                runs = list(re.finditer(r"[“\"]([^“”\"]{2,})[”\"]?", body))
                if runs:
                    for run in runs:
                        key = (content[1] + run.start(1), content[1] + run.end(1))
                        if len(run[1].split()) >= 1:
                            quotes.setdefault(key, who)
                elif len(body.split()) >= 3:
                    paraphrases.setdefault((content[1], content[2]), body)
        articles.append(
            {
                "id": name,
                "text": text,
                "quotes": [(text[a:b], who) for (a, b), who in sorted(quotes.items())],
                "paraphrases": [p for _k, p in sorted(paraphrases.items())],
            }
        )
    return articles


def wikinews(folder: str) -> list[dict[str, object]]:
    articles = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        labels = json.load(open(path, encoding="utf-8"))
        text = open(path[:-5] + ".txt", encoding="utf-8").read()
        articles.append(
            {
                "id": labels["id"],
                "text": text,
                "published": labels.get("date"),
                "quotes": [(q["text"], q["speaker"]) for q in labels["quotes"]],
                "people": labels["people"],
                "figures": labels["figures"],
                "dates": labels["dates"],
            }
        )
    return articles


# Scoring -----------------------------------------------------------------------------------------


def contains_match(drafted: list[str], labelled: list[str]) -> int:
    used: set[int] = set()
    hits = 0
    for label in labelled:
        x = " ".join(label.split()).lower()
        for i, d in enumerate(drafted):
            dn = " ".join(d.split()).lower()
            if i not in used and (x in dn or dn in x):
                used.add(i)
                hits += 1
                break
    return hits


def score(article: dict[str, object]) -> dict[str, object]:
    row: dict[str, object] = {"id": article["id"]}
    started = time.perf_counter()
    try:
        parsed = read_text(str(article["text"]), str(article["id"]))
        if article.get("published"):
            parsed.published = str(article["published"])
        draft = make_draft(parsed)
        written = validated(draft, "x")
    except NoArticle:
        row.update(valid=True, crash=False, time=time.perf_counter() - started, empty=True)
        return row
    except Exception:
        row.update(valid=False, crash=True, time=time.perf_counter() - started)
        row["traceback"] = traceback.format_exc(limit=3)
        return row
    row["time"] = time.perf_counter() - started
    try:
        parse_story(written.text, "draft.yaml")
        row["valid"] = True
    except StoryInvalid as error:
        row["valid"] = False
        row["error"] = str(error.diagnostics[0]) if error.diagnostics else "invalid"
    row["crash"] = False
    names = {p.id: p.name for p in draft.people}
    direct = [q for q in draft.quotes if q.speaker and q.kind == "direct"]
    labelled = list(article["quotes"])  # type: ignore[call-overload]
    pairs = match_quotes([q.text for q in direct], [t for t, _w in labelled])
    row["q_found"], row["q_drafted"], row["q_labelled"] = len(pairs), len(direct), len(labelled)
    named = right = 0
    for i, j in pairs:
        who = labelled[j][1]
        if who and is_named(who):
            named += 1
            if last_name(names.get(direct[i].speaker or "", "")) == last_name(who):
                right += 1
    row["s_named"], row["s_right"] = named, right
    if "paraphrases" in article:
        mine = [q.text for q in draft.quotes if q.speaker and q.kind == "paraphrase"]
        truth = list(article["paraphrases"])  # type: ignore[call-overload]
        ppairs = match_quotes(mine, truth)
        row["p_found"], row["p_drafted"], row["p_labelled"] = len(ppairs), len(mine), len(truth)
    if "people" in article:
        truth_people = article["people"]  # type: ignore[assignment]
        found_people = [p for p in draft.people if p.kind == "person" and not p.unnamed]
        keys = [{last_name(t["name"]), *(last_name(a) for a in t["aliases"])} for t in truth_people]
        hit_truth = sum(1 for k in keys if any(last_name(p.name) in k for p in found_people))
        hit_found = sum(1 for p in found_people if any(last_name(p.name) in k for k in keys))
        row["pe_truth"], row["pe_hit_truth"] = len(keys), hit_truth
        # Roles: of the labelled people found, those with a labelled role (recall: the drafted
        # role is right), and of the found people the draft gives a role (precision).
        r_truth = r_drafted = r_right = 0
        for truth, key in zip(truth_people, keys, strict=True):
            mine = next((p for p in found_people if last_name(p.name) in key), None)
            if mine is None:
                continue
            right = bool(mine.role and truth["role"] and role_right(mine.role, truth["role"]))
            r_truth += 1 if truth["role"] else 0
            r_drafted += 1 if mine.role else 0
            r_right += 1 if right else 0
        row["r_truth"], row["r_drafted"], row["r_right"] = r_truth, r_drafted, r_right
        row["pe_found"], row["pe_hit_found"] = len(found_people), hit_found
        figures = [f.text for f in draft.figures if not str(f.id).startswith("date-")]
        row["f_truth"] = len(article["figures"])  # type: ignore[arg-type]
        row["f_hit"] = contains_match(figures, list(article["figures"]))  # type: ignore[call-overload]
        dates = [e.text for e in draft.events] + [
            f.text for f in draft.figures if f.id.startswith("date-")
        ]
        row["d_truth"] = len(article["dates"])  # type: ignore[arg-type]
        row["d_hit"] = contains_match(dates, list(article["dates"]))  # type: ignore[call-overload]
    return row


def ratio(a: int, b: int, digits: int = 2) -> str:
    return f"{a / b:.{digits}f}" if b else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", help="a PolNeAR split folder (…/polnear/dev) or the Wikinews folder"
    )
    parser.add_argument("--rows", action="store_true", help="print one row per article")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--speed", metavar="ARTICLE", help="also time ARTICLE repeated 40 times (after a warm-up)"
    )
    args = parser.parse_args()
    if args.speed:
        seed = open(args.speed, encoding="utf-8").read().strip()
        validated(make_draft(read_text(seed, "seed")), "x")  # imports and caches warm
        long = "\n".join([seed] * 40)
        started = time.perf_counter()
        validated(make_draft(read_text(long, "long")), "x")
        print(f"40x the article ({len(long):,} characters): {time.perf_counter() - started:.2f} s")
    if os.path.isdir(os.path.join(args.corpus, "attributions")):
        articles = polnear(args.corpus)
    elif os.path.isdir(os.path.join(args.corpus, "train")):
        articles = polnear(os.path.join(args.corpus, "train")) + polnear(
            os.path.join(args.corpus, "dev")
        )
    else:
        articles = wikinews(args.corpus)
    if args.limit:
        articles = articles[: args.limit]
    rows = [score(a) for a in articles]
    total: dict[str, float] = {}
    for row in rows:
        for key, value in row.items():
            if isinstance(value, bool | int | float) and key != "id":
                total[key] = total.get(key, 0) + float(value)
        if args.rows:
            print(
                f"{row['id'][:48]:48} quotes {row.get('q_found', 0)}/{row.get('q_labelled', 0)}"
                f" drafted {row.get('q_drafted', 0)} speakers {row.get('s_right', 0)}/"
                f"{row.get('s_named', 0)} valid {row.get('valid')}"
                f" {row.get('time', 0) * 1000:.0f} ms"
                + (f" CRASH {row['traceback']}" if row.get("crash") else "")
                + (f" INVALID {row['error']}" if row.get("error") else "")
            )
    t = {k: int(v) for k, v in total.items() if k != "time"}
    slowest = max((float(r.get("time", 0)) for r in rows), default=0.0)
    print(
        f"{len(rows)} articles: quotes R {ratio(t.get('q_found', 0), t.get('q_labelled', 0))}"
        f" P {ratio(t.get('q_found', 0), t.get('q_drafted', 0))}"
        f" ({t.get('q_found', 0)} of {t.get('q_labelled', 0)} labelled, {t.get('q_drafted', 0)}"
        " drafted)"
        f" | speakers {ratio(t.get('s_right', 0), t.get('s_named', 0), 3)}"
        f" ({t.get('s_right', 0)} of {t.get('s_named', 0)} named)"
        f" | paraphrases R {ratio(t.get('p_found', 0), t.get('p_labelled', 0))}"
        f" P {ratio(t.get('p_found', 0), t.get('p_drafted', 0))}"
        f" | people R {ratio(t.get('pe_hit_truth', 0), t.get('pe_truth', 0))}"
        f" P {ratio(t.get('pe_hit_found', 0), t.get('pe_found', 0))}"
        f" | roles R {ratio(t.get('r_right', 0), t.get('r_truth', 0))}"
        f" P {ratio(t.get('r_right', 0), t.get('r_drafted', 0))}"
        f" | figures R {ratio(t.get('f_hit', 0), t.get('f_truth', 0))}"
        f" | dates R {ratio(t.get('d_hit', 0), t.get('d_truth', 0))}"
        f" | valid {t.get('valid', 0)}/{len(rows)} | crashes {t.get('crash', 0)}"
        f" | time {total.get('time', 0):.1f} s (slowest {slowest * 1000:.0f} ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
