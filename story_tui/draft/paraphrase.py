"""Reported speech without quotation marks, drafted as `paraphrase` quotes marked for checking.

Three classes of sentence: `NAME said (that) CLAUSE.`, `According to NAME, CLAUSE.` and
`CLAUSE, NAME said.`; plus promises, `NAME has pledged to …` (also vowed, promised). The
paraphrase is the reported clause, the speaker the name (or pronoun, resolved as for quotes).
Plain Python; no UI imports.
"""

from __future__ import annotations

import regex

from story_tui.draft.speakers import _NP2, Speaker, read_phrase

_REPORT = (
    r"said|says|told\s+(?:reporters|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}|him|her|them|us)|"
    r"added|argued|argues|claimed|claims|warned|warns|insisted|insists|noted|stated|explained|"
    r"believes|believed|thinks|announced|acknowledged|admitted|suggested|suggests|predicted|"
    r"contended|maintained|alleged|reported|reports|wrote|writes|tweeted|asserted|declared|"
    r"conceded|estimated|estimates|confirmed|denied|revealed|hinted|stressed|emphasized"
)
_SUBJECT = (
    r"(?:(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*\.?\s+){0,4}\p{Lu}[\p{L}’'-]*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|"
    r"(?:the|The)\s+(?:\p{Lu}[\p{L}-]*\s+)?(?:campaign|ministry|department|government|company|"
    r"police|agency|White\s+House))"
)
_STRONG = (
    r"said|says|told\s+(?:reporters|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}|him|her|them|us)|"
    r"added|argued|argues|claimed|claims|warned|warns|insisted|insists|believes|believed|thinks"
)
_LEADING = regex.compile(
    rf"(?<![\p{{L}}’'.-])(?P<np>{_SUBJECT})\s+(?:(?:has|had|have|also|later|then|previously|"
    r"repeatedly|often|recently)\s+){0,2}"
    rf"(?:(?:{_STRONG})(?:,)?\s+(?:that\s+)?|(?:{_REPORT})\s+that\s+)"
    rf"(?P<content>\p{{L}}[^“”\"]{{12,}}?)[.!?]?$"
)
_PROMISE = regex.compile(
    rf"^(?P<np>{_NP2}{{1,80}}?)\s+(?P<content>(?:has\s+|had\s+|have\s+)?"
    r"(?:pledged|vowed|promised|threatened|proposed)\s+to\s+[^“”\"]{8,}?)(?:,|[.!?]?$)"
)
_ACCORDING = regex.compile(
    rf"^(?i:according\s+to)\s+(?P<np>{_NP2}{{1,80}}?),\s+(?P<content>\p{{L}}[^“”\"]{{12,}}?)[.!?]?$"
)
_TRAILING = regex.compile(
    rf"^(?P<content>\p{{Lu}}[^“”\"]{{12,}}?),\s+(?P<np>{_NP2}{{1,60}}?)\s+"
    rf"(?:{_REPORT})(?:\s+[^“”\"]{{0,60}})?[.!?]?$"
)


def find_paraphrases(sentence: str) -> list[tuple[Speaker, int, int]]:
    """(speaker phrase, start, end of the reported clause) in one sentence with no quote marks."""
    if any(mark in sentence for mark in '“”"«»'):
        return []
    found: list[tuple[Speaker, int, int]] = []
    for pattern in (_ACCORDING, _PROMISE, _LEADING, _TRAILING):
        match = pattern.search(sentence) if pattern is _LEADING else pattern.match(sentence)
        if match is None:
            continue
        np = match["np"]
        if regex.match(r"(?i:reporting|reports?|reported|data|figures)\b", np):
            continue  # the outlet reported from (a source), not a speaker
        if pattern is not _ACCORDING and ("," in np or np in ("It", "it")):
            continue  # a subordinate clause, not a speaker
        speaker = read_phrase(np, match.start("np"))
        if speaker is None or speaker.kind == "role":
            continue
        start, end = match.span("content")
        while end > start and sentence[end - 1] in " ,;:":
            end -= 1
        found.append((speaker, start, end))
        break
    return found
