"""Anchor the loader's pending spans and explain every failure and ambiguity in the author's terms.

Plain Python; no UI imports. The search itself is `anchoring.find_spans`; this module turns its
results into locations, errors (not found, only inside a longer word, prefix/suffix mismatch) and
warnings (several places and nothing to tell them apart).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from story_tui.story.anchoring import (
    Article,
    SpanMatch,
    SpanQuery,
    closest_passage,
    find_spans,
    suggest_context,
)
from story_tui.story.fields import FieldReader
from story_tui.story.partial import Pending

MAX_CLOSEST_HINTS = 25
"""Closest-passage hints are fuzzy searches over the whole article; past this many, skip them."""
MAX_COMPARED = 500
"""Occurrences compared with a mismatched prefix/suffix to find the closest one."""
WIDTH = 80
"""Longest passage quoted in a message."""


def resolve_spans(reader: FieldReader, article: Article, spans: Sequence[Pending]) -> None:
    """Give every pending span its location, or report why it has none."""
    queries = [SpanQuery(p.text, p.hint, p.prefix, p.suffix) for p in spans]
    matches = find_spans(article, queries)
    paragraphs: list[str] | None = None
    hints = 0
    for pending, match in zip(spans, matches, strict=True):
        pending.location = match.location
        if match.location is not None:
            if len(match.places) > 1:
                _warn_ambiguous(reader, article, pending, match)
            continue
        if match.occurrences:
            _report_affixes(reader, article, pending, match)
            continue
        if match.inside_word is not None:
            word = _enclosing_word(article.text, match.inside_word, len(pending.text))
            reader.error(
                pending.node,
                f'text found only inside a longer word or number ("{_clip(word)}"); '
                "a span must start and end at word boundaries",
                pending.path,
            )
            continue
        message = "text not found in the article"
        if hints < MAX_CLOSEST_HINTS:
            hints += 1
            if paragraphs is None:
                paragraphs = article.paragraph_texts()
            closest = closest_passage(pending.text, paragraphs)
            if closest:
                message += f' (closest: "{closest}")'
        reader.error(pending.node, message, pending.path)


def _warn_ambiguous(
    reader: FieldReader, article: Article, pending: Pending, match: SpanMatch
) -> None:
    assert match.location is not None
    where = f"section '{match.location.section}', paragraph {match.location.paragraph}"
    prefix, suffix = suggest_context(article, match.places, len(pending.text))
    if prefix is not None or suffix is not None:
        # A prefix/suffix the file already gives is kept; the suggestion adds to it.
        parts = []
        if prefix is not None:
            parts.append(f"prefix: {_yaml(prefix)}")
        if suffix is not None:
            parts.append(f"suffix: {_yaml(suffix)}")
        advice = "to keep this place and silence the warning, add " + " and ".join(parts)
    else:
        advice = "no prefix or suffix within its paragraph tells the places apart"
    reader.warn(
        pending.node,
        f"text found at {len(match.places)} places in the article; anchored at the first "
        f"({where}); {advice}",
        pending.path,
    )


def _report_affixes(
    reader: FieldReader, article: Article, pending: Pending, match: SpanMatch
) -> None:
    """The text occurs, but never with the given prefix and suffix: show the closest place."""
    from rapidfuzz import fuzz  # only needed when something is wrong

    text, length = article.text, len(pending.text)
    prefix, suffix = pending.prefix or "", pending.suffix or ""

    def before(start: int) -> str:
        para_start, _end = article.bounds(start)
        return text[max(para_start, start - len(prefix)) : start]

    def after(start: int) -> str:
        _start, para_end = article.bounds(start)
        return text[start + length : min(para_end, start + length + len(suffix))]

    def score(start: int) -> float:
        total = fuzz.ratio(prefix, before(start)) if prefix else 100.0
        return total + (fuzz.ratio(suffix, after(start)) if suffix else 100.0)

    best = max(match.occurrences[:MAX_COMPARED], key=score)
    prefix_node, suffix_node = pending.affix_nodes
    field = pending.path.rsplit(".", 1)[0]
    reported = False
    if prefix and before(best) != prefix:
        passage = _clip(_whole_words_before(text, best, len(before(best))) + pending.text)
        reader.error(
            prefix_node or pending.node,
            f'prefix does not match the text before the span (closest: "{passage}")',
            f"{field}.prefix",
        )
        reported = True
    if suffix and after(best) != suffix:
        passage = _clip(pending.text + _whole_words_after(text, best + length, len(after(best))))
        reader.error(
            suffix_node or pending.node,
            f'suffix does not match the text after the span (closest: "{passage}")',
            f"{field}.suffix",
        )
        reported = True
    if not reported:  # pragma: no cover - the best place fits both, so find_spans had found it
        reader.error(pending.node, "text not found with its prefix and suffix", pending.path)


def _whole_words_before(text: str, start: int, size: int) -> str:
    """The `size` characters before `start`, widened back to the start of a word."""
    begin = start - size
    while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] != "\x00":
        begin -= 1
    return text[begin:start]


def _whole_words_after(text: str, end: int, size: int) -> str:
    """The `size` characters from `end`, widened to the end of a word."""
    stop = end + size
    while stop < len(text) and not text[stop].isspace() and text[stop] != "\x00":
        stop += 1
    return text[end:stop]


def _enclosing_word(text: str, start: int, length: int) -> str:
    """The longer word or number a span was found inside."""
    begin, end = start, start + length
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in ".,'’-"):
        begin -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in ".,'’-"):
        end += 1
    return text[begin:end].strip(".,'’-")


def _clip(passage: str) -> str:
    return passage if len(passage) <= WIDTH else passage[: WIDTH - 1] + "…"


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar for `text` (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)
