"""What a draft keeps of real saved web pages, and what page furniture it drops.

    python benchmarks/pages_eval.py ../shared/pages
    python benchmarks/pages_eval.py ../shared/pages --rows --limit 40

Each page (`ID.html.gz`) is read as `story-tui draft` reads it and drafted; its article text is
compared with the page's ground truth (`ID.txt`, the article body as a person reads it), read
where it is at run time (never copied):

- kept (word recall): the share of the ground truth's words the draft's paragraphs hold;
- clean (word precision): the share of the draft's words that are ground truth (page furniture,
  such as menus, credit lines, "Related" lists and newsletter boxes, lowers it);
- people outside the article: drafted people whose name is nowhere in the ground truth (a name
  taken from a byline, a caption or a link list);
- escapes: paragraphs holding the extractor's Markdown escapes (`\\[`, `\\_`, `\\*`);
- refused (no article found), crashes and drafts that do not validate.

Words are compared as multisets of lower-cased word tokens (punctuation dropped).
"""

from __future__ import annotations

import argparse
import collections
import glob
import gzip
import os
import re
import sys
import time
import traceback
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from story_tui.draft.core import make_draft
from story_tui.draft.html import read_html
from story_tui.draft.input import NoArticle
from story_tui.draft.write import validated

_WORD = re.compile(r"\w+")
_ESCAPE = re.compile(r"\\[\[\]_*`#]")


def words(text: str) -> collections.Counter[str]:
    return collections.Counter(w.lower() for w in _WORD.findall(text))


def score(path: str) -> dict[str, Any]:
    page_id = os.path.basename(path)[: -len(".html.gz")]
    truth_text = open(path[: -len(".html.gz")] + ".txt", encoding="utf-8").read()
    truth = words(truth_text)
    row: dict[str, Any] = {"id": page_id, "truth": sum(truth.values())}
    started = time.perf_counter()
    try:
        data = gzip.decompress(open(path, "rb").read())
        article = read_html(data, page_id + ".html")
        draft = make_draft(article)
        validated(draft, "page")
    except NoArticle:
        row.update(refused=1, time=time.perf_counter() - started, kept=0, drafted=0, hit=0)
        return row
    except Exception:
        row.update(crash=1, time=time.perf_counter() - started, kept=0, drafted=0, hit=0)
        row["traceback"] = traceback.format_exc(limit=4)
        return row
    row["time"] = time.perf_counter() - started
    paragraphs = [p for s in draft.sections for p in s.paragraphs]
    mine = words("\n".join(paragraphs))
    hit = sum((mine & truth).values())
    row.update(hit=hit, drafted=sum(mine.values()))
    truth_lower = " ".join(truth_text.split()).lower()
    outside = [
        p.name
        for p in draft.people
        if p.kind == "person" and not p.unnamed and p.name.lower() not in truth_lower
    ]
    row["people"] = sum(1 for p in draft.people if p.kind == "person" and not p.unnamed)
    row["outside"] = len(outside)
    row["outside_names"] = outside
    row["escapes"] = sum(1 for p in paragraphs if _ESCAPE.search(p))
    row["untitled"] = sum(1 for s in draft.sections if s.title.startswith("Section "))
    row["sections"] = len(draft.sections)
    row["outlet"] = article.outlet
    return row


def ratio(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="the pages folder (…/shared/pages)")
    parser.add_argument("--rows", action="store_true", help="one row per page")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    paths = sorted(glob.glob(os.path.join(args.folder, "*.html.gz")))
    if args.limit:
        paths = paths[: args.limit]
    rows = [score(path) for path in paths]
    total: dict[str, float] = collections.defaultdict(float)
    for row in rows:
        for key, value in row.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                total[key] += value
        if args.rows:
            print(
                f"{str(row['id'])[:12]} kept {ratio(float(row['hit']), float(row['truth']))}"
                f" clean {ratio(float(row['hit']), float(row['drafted']))}"
                f" people {row.get('people', 0)} outside {row.get('outside_names', [])}"
                f" outlet {row.get('outlet')!r}"
                + (" REFUSED" if row.get("refused") else "")
                + (f" CRASH {row['traceback']}" if row.get("crash") else "")
            )
    # Per-page means (each page counts once) beside the pooled word shares.
    scored = [r for r in rows if not r.get("refused") and not r.get("crash")]
    mean_kept = sum(r["hit"] / r["truth"] for r in scored if r["truth"]) / max(1, len(scored))
    low = sum(1 for r in scored if r["truth"] and r["hit"] / r["truth"] < 0.5)
    print(
        f"{len(rows)} pages: kept {ratio(total['hit'], total['truth'])}"
        f" (mean per page {mean_kept:.3f}, {low} pages under 0.5)"
        f" | clean {ratio(total['hit'], total['drafted'])}"
        f" | people {total['people']:.0f}, outside the article {total['outside']:.0f}"
        f" | pages with escapes {sum(1 for r in rows if r.get('escapes'))}"
        f" | sections titled 'Section N' {total['untitled']:.0f} of {total['sections']:.0f}"
        f" | refused {total['refused']:.0f} | crashes {total['crash']:.0f}"
        f" | time {total['time']:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
