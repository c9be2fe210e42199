"""Reported speech without quotation marks, drafted as `paraphrase` quotes marked for checking.

Three classes of sentence: `NAME said (that) CLAUSE.`, `According to NAME, CLAUSE.` and
`CLAUSE, NAME said.`; plus promises, `NAME has pledged to …` (also vowed, promised). The
paraphrase is the reported clause, the speaker the name (or pronoun, resolved as for quotes).
Plain Python; no UI imports.
"""

from __future__ import annotations

import regex

from story_tui.draft.speakers import _NP2, Speaker, read_phrase

_TOLD = (
    r"told\s+(?:reporters|(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}|him|her|them|us)"
)
_WHEN = (
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"last\s+week|last\s+month|earlier|later|recently|in\s+(?:an?|the|his|her)\s+"
    r"(?:interview|statement|speech|email|letter|post)(?:\s+with\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?))?"
)
"""When or where it was said, between the verb and the clause: `said Tuesday that`."""
_REPORT = (
    rf"said|says|{_TOLD}|told\s+(?:the\s+|his\s+|her\s+)?\p{{Ll}}+|"
    r"added|argued|argues|claimed|claims|warned|warns|insisted|insists|noted|stated|explained|"
    r"believes|believed|thinks|announced|acknowledged|admitted|suggested|suggests|predicted|"
    r"contended|maintained|alleged|reported|reports|wrote|writes|tweeted|asserted|declared|"
    r"conceded|estimated|estimates|confirmed|denied|revealed|hinted|stressed|emphasized"
)
_SUBJECT = (
    r"(?:(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*\.?\s+){0,4}\p{Lu}[\p{L}’'-]*(?:,?\s+(?:Jr|Sr)\.)?|"
    r"[Hh]e|[Ss]he|[Tt]hey|[Ww]e|"
    r"(?:the|The)\s+(?:\p{Lu}[\p{L}-]*\s+)?(?:campaign|ministry|department|government|company|"
    r"police|agency|White\s+House))"
)
_STRONG = (
    rf"said|says|{_TOLD}|"
    r"added|argued|argues|claimed|claims|warned|warns|insisted|insists|believes|believed|thinks"
)
_LEADING = regex.compile(
    rf"(?<![\p{{L}}’'.-])(?P<np>{_SUBJECT})\s+(?:(?:has|had|have|also|later|then|previously|"
    r"repeatedly|often|recently)\s+){0,2}"
    rf"(?:(?:{_STRONG}){_WHEN}(?:,)?\s+(?:that\s+)?|(?:{_REPORT}){_WHEN},?\s+that\s+)"
    rf"(?P<content>\p{{L}}[^“”\"]{{12,}}?)[.!?]?$"
)
_APPOSED = regex.compile(
    rf"^(?:[^,“”\"]{{1,80}},\s+)?(?P<np>(?:\p{{Lu}}[\p{{L}}’'.-]*\s+){{0,3}}\p{{Lu}}[\p{{L}}’'-]+),"
    rf"\s+[^“”\"]{{2,140}}?,\s+(?:also\s+|later\s+)?"
    rf"(?:(?:{_STRONG}){_WHEN},?\s+(?:that\s+)?|(?:{_REPORT}){_WHEN},?\s+that\s+)"
    rf"(?P<content>\p{{L}}[^“”\"]{{12,}}?)[.!?]?$"
)
"""`NAME, a pollster who advises the campaign, said the race is close.`"""
_PROMISE = regex.compile(
    rf"^(?P<np>{_NP2}{{1,80}}?)\s+(?P<content>(?:has\s+|had\s+|have\s+)?"
    r"(?:pledged|vowed|promised|threatened|proposed)\s+to\s+[^“”\"]{8,}?)(?:,|[.!?]?$)"
)
_ACCORDING = regex.compile(
    rf"^(?i:according\s+to)\s+(?P<np>{_NP2}{{1,80}}?),\s+(?P<content>\p{{L}}[^“”\"]{{12,}}?)[.!?]?$"
)
_TRAILING_ACCORDING = regex.compile(
    rf"^(?P<content>\p{{Lu}}[^“”\"]{{12,}}?),\s+(?i:according\s+to)\s+(?P<np>{_NP2}{{1,60}}?)[.!?]?$"
)
"""`The plan will cost more than promised, according to NAME.`"""
_TRAILING = regex.compile(
    rf"^(?P<content>\p{{Lu}}[^“”\"]{{12,}}?),\s+(?P<np>{_NP2}{{1,60}}?)\s+"
    rf"(?:{_REPORT})(?:\s+[^“”\"]{{0,60}})?[.!?]?$"
)


_CLAUSE = regex.compile(
    r"(?<![\p{L}’'])(?:is|are|was|were|will|would|could|should|can|cannot|can’t|can't|has|have|had|"
    r"must|may|might|do|does|did|won’t|won't|isn’t|isn't|wasn’t|wasn't|doesn’t|doesn't|didn’t|"
    r"didn't|\p{Ll}{3,}(?:ed|es|s))(?![\p{L}’'])"
)
"""A reported clause has a verb (a finite one, roughly)."""
_NOT_CLAUSE = regex.compile(
    r"(?i:in|on|at|during|after|before|for|with|to|of|from|by|as|same|this|that|which|when)\b"
)
"""A reported clause does not start as a phrase does: `in the briefing`, `same day, as …`."""


def find_paraphrases(sentence: str) -> list[tuple[Speaker, int, int]]:
    """(speaker phrase, start, end of the reported clause) in one sentence with no quote marks."""
    if any(mark in sentence for mark in '“”"«»'):
        return []
    found: list[tuple[Speaker, int, int]] = []
    for pattern in (_ACCORDING, _PROMISE, _APPOSED, _LEADING, _TRAILING, _TRAILING_ACCORDING):
        match = pattern.search(sentence) if pattern is _LEADING else pattern.match(sentence)
        if match is None:
            continue
        np = match["np"]
        if regex.match(r"(?i:reporting|reports?|reported|data|figures)\b", np):
            continue  # the outlet reported from (a source), not a speaker
        if pattern not in (_ACCORDING, _TRAILING_ACCORDING) and ("," in np or np in ("It", "it")):
            continue  # a subordinate clause, not a speaker
        if not _CLAUSE.search(match["content"]) or _NOT_CLAUSE.match(match["content"]):
            continue  # `said in the White House briefing`: a phrase, not what was said
        speaker = read_phrase(np, match.start("np"))
        if speaker is None or speaker.kind == "role":
            continue
        start, end = match.span("content")
        while end > start and sentence[end - 1] in " ,;:":
            end -= 1
        found.append((speaker, start, end))
        break
    return found
