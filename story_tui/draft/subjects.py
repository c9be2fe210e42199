"""Who a pronoun names: the subject of the sentence before. Plain Python; no UI imports.

`“We will win,” he said.` gives the quotation to the subject of the sentence before the one the
quotation opens in, and to no one else: the speaker of a quotation attributed in that sentence
(`“A,” Trump said. “B,” he added.`), or the person the sentence starts with (`Trump spoke in
Ohio. “We will win,” he said.`, after an opening phrase such as `On Monday,` and a role such as
`Republican nominee`). A person named later in the sentence is its object, not its subject
(`Clinton met Trump. He said …` is Clinton's, and a pronoun whose gender does not fit gives no
speaker); so is an owner (`Trump's campaign manager said …`) and one of two subjects (`Trump and
Pence arrived`). When the sentence before has no person for its subject, there is no speaker.
"""

from __future__ import annotations

import bisect

import regex

from story_tui.draft.model import DraftPerson
from story_tui.draft.names import ORGANISATION_NOUNS, ROLE_NOUNS, _detector
from story_tui.draft.speakers import SPEECH_VERBS
from story_tui.draft.text import Text, sentences

_OPENER = regex.compile(r"(?:[^,“”\"]{1,120},\s*){1,2}|(?:But|And|Yet|Still|Then|Now|So)\s+")
_PRONOUN = regex.compile(r"(?:(?:But|And|Yet|Still|Then|Now|So|Later),?\s+)?(He|She)\s+\p{Ll}")
_BEFORE_SUBJECT = (
    frozenset(
        """the a an former then current outgoing incoming longtime top senior chief vice deputy
    presidential republican democratic gop state federal national campaign party press
    assistant associate acting interim retired u.s. us white house of for""".split()
    )
    | ROLE_NOUNS
)
_WORD = regex.compile(r"[\p{L}\p{N}.’'&-]+")
_VERB_AFTER = regex.compile(
    rf"\s+(?:also\s+|later\s+|then\s+)?(?:{SPEECH_VERBS})\b(?!\s+(?:that|to|of)\b)"
)
_VERB_BEFORE = regex.compile(r"(?:^|,)\s*(?:said|says|added|wrote|(?i:according\s+to))\s+$")


class Sentences:
    """Every sentence of the article as (start, end) offsets into the joined article."""

    def __init__(self, text: Text) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for index, paragraph in enumerate(text.paragraphs):
            base = text.bases[index]
            for start, end in sentences(paragraph):
                self.starts.append(base + start)
                self.ends.append(base + end)

    def end_of(self, at: int) -> int:
        """Where the sentence holding offset `at` ends."""
        k = bisect.bisect_right(self.starts, at) - 1
        return self.ends[k] if k >= 0 else at

    def before(self, at: int) -> tuple[int, int] | None:
        """The sentence that ends before the sentence holding offset `at`."""
        k = bisect.bisect_right(self.starts, at) - 1
        if k <= 0:
            return None
        return self.starts[k - 1], self.ends[k - 1]


def subject_of(
    article: str,
    sentence: tuple[int, int],
    named: tuple[list[int], list[int], list[DraftPerson]],
    spoken: tuple[list[int], list[int], list[DraftPerson]],
    gender: str | None = None,
) -> DraftPerson | str | None:
    """The person who is the subject of `sentence` (offsets into `article`), or None; `he` or
    `she` when the sentence starts with that pronoun (the caller looks one sentence further back).

    `named`: where people are named (starts, ends, who; sorted); `spoken`: where each attributed
    quotation opens and closes and its speaker (sorted). When the sentence names someone else too
    (`Clinton wrote to Sullivan.`), its subject counts only if the first name is always given
    to one of `gender`."""
    start, end = sentence
    opens, closes, speakers = spoken
    k = bisect.bisect_left(opens, end) - 1
    if k >= 0 and closes[k] >= start:
        return speakers[k]  # the sentence quotes someone, or is part of a quotation
    opener = _OPENER.match(article, start, end)
    opener_end = opener.end() if opener else start
    pronoun = _PRONOUN.match(article, start, end) or _PRONOUN.match(article, opener_end, end)
    if pronoun:
        return pronoun[1].lower()
    starts, ends, who = named
    k = bisect.bisect_left(starts, start)
    first = k
    while k < len(starts) and starts[k] < end:
        if _VERB_AFTER.match(article, ends[k]) or _VERB_BEFORE.search(article[start : starts[k]]):
            return who[k]  # `…, Biden said.`, `said Biden`: the one whose words the sentence gives
        k += 1
    while first < len(starts) and starts[first] < end:
        lead = article[start : starts[first]]
        opener = _OPENER.match(lead)
        if opener:
            lead = lead[opener.end() :]
        if "“" in lead or '"' in lead:
            return None
        if any(
            w.lower() not in _BEFORE_SUBJECT and not w[:1].isupper() for w in _WORD.findall(lead)
        ):
            if starts[first] < opener_end:
                first += 1  # `During an interview with Sean Hannity, Trump said`
                continue
            return None  # a verb or a preposition before the name: the name is not the subject
        tail = article[ends[first] : ends[first] + 40]
        noun = regex.match(r"\s+(\p{Ll}[\p{L}-]*)", tail)
        if noun and (noun[1] in ROLE_NOUNS or noun[1] in ORGANISATION_NOUNS):
            first += 1  # `the Clinton campaign manager Robby Mook`: the next name may be it
            continue
        if regex.match(r"[’']s?\b|\s+(?:and|or|&)\s+\p{Lu}", tail):
            return None  # an owner (`Trump's aide`) or one of two subjects (`Trump and Pence`)
        others = any(who[i] is not who[first] for i in range(first, k))
        if others and (gender is None or sure_gender(who[first].name) != gender):
            return None
        return who[first]
    return None


def sure_gender(name: str) -> str | None:
    """`male`/`female` when the first of two or more names is always given to one (`Hillary`,
    `Ted`); None for `Bernie` or `Kelly` (mostly one, sometimes the other) and unknown names."""
    words = name.split()
    if len(words) < 2:
        return None
    found: str = _detector().get_gender(words[0])  # type: ignore[attr-defined]
    return found if found in ("male", "female") else None
