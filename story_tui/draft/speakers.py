"""Who said a quotation: the attribution after it, before it, or the quotation before it.

After the closing mark: `…,” said NAME`, `…,” NAME said`, `…,” JGC spokesman NAME told AFP`,
`…,” said the vaccine's architect Prof NAME`, `…,” he said`, `…,” the ministry said`. Before the
opening mark: `NAME said: “…`, `Mr NAME told reporters, “…`, `according to NAME, “…`. Otherwise a
quotation in the same paragraph as an attributed one is the same speaker's, and a paragraph that
opens with an unattributed quotation continues the speaker of the paragraph before (marked for
checking). A pronoun goes to the most recent person of that gender (by given name) named before;
a bare description (`the senator`) to the most recent person with that role. Plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from story_tui.draft.names import (
    GENERIC_NOUNS as _GENERIC,
)
from story_tui.draft.names import (
    NAME,
    NAME_RE,
    NOT_NAMES,
    ORGANISATION_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    common_noun,
)
from story_tui.draft.people import People, clean_name

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|explained|explains|noted|notes|warned|warns|"
    "insisted|insists|argued|argues|stated|states|recalled|recalls|replied|replies|responded|"
    "continued|continues|offered|urged|urges|complained|wrote|writes|tweeted|posted|declared|"
    "announced|acknowledged|admitted|admits|claimed|claims|conceded|contended|countered|"
    "cautioned|observed|remarked|suggested|suggests|predicted|promised|pledged|vowed|boasted|"
    "joked|quipped|shouted|yelled|exclaimed|whispered|lamented|laments|mused|concluded|"
    "emphasized|emphasised|stressed|reiterated|recounted|agreed|maintained|alleged|charged|"
    "blasted|slammed|demanded|told reporters|went on|chimed in|put it|snapped|fumed|sighed|"
    "thundered|testified|confirmed|denied|disclosed|revealed|reported|reports|commented|"
    "explained|told AFP|wrote in|said in|barked|wondered|mocked|retorted|answered|shot back|"
    "pointed out|scoffed|deadpanned|teased|groused|griped|grumbled|bragged|gushed|marveled|"
    "reasoned|echoed|chided|scolded|taunted|ranted|screamed|proclaimed|"
    "asserted|reflected|opined|texted|emailed|rejoined|wrote on|posted on|cracked|interjected"
)
_ADVERBS = (
    r"(?:also|later|then|again|once|simply|recently|previously|earlier|previously|further|"
    r"repeatedly|bluntly|flatly|quickly|quietly|reportedly|has|had|have|would|will|could|"
    r"once|famously|later|last\s+\w+)"
)
_VERB = rf"(?:(?:{_ADVERBS})\s+){{0,2}}(?:{SPEECH_VERBS})\b"
_TITLED = (
    r"\b(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Lt|Gen|Col|Sgt|St|Jr|Sr|Prof|Rev|Atty|Ft|Mt|Capt|Cpl|Maj|"
    r"Adm|Supt|Insp|Det|Cmdr|\p{Lu})"
)
_DOT_OK = rf"(?<={_TITLED})\."
_NP1 = rf"(?:[^.!?;:“”\"(]|{_DOT_OK})"
_NP2 = rf"(?:[^.!?;:“”\"]|{_DOT_OK})"
_NP3 = rf"(?:[^.!?;“”\"]|{_DOT_OK})"
_AFTER_VERB_FIRST = regex.compile(
    rf"^[\s,—–-]*(?:{_VERB})\s+(?P<np>{_NP1}{{1,120}}?)(?=\s*(?:(?<!{_TITLED})\.|[!?;:“”\"(]|,\s|"
    rf"\s+(?:in|on|at|during|after|before|when|while|who|to|told|about)\s|$))"
)
_AFTER_NP_FIRST = regex.compile(rf"^[\s,—–-]*(?P<np>{_NP2}{{1,120}}?)\s+(?:{_VERB})(?![\p{{L}}])")
_AFTER_APPOSITION = regex.compile(
    rf"^[\s,—–-]*(?P<np>[^,.!?;:“”\"()]{{2,60}}?),\s+(?P<app>{_NP3}{{2,140}}?),\s+"
    rf"(?:{_VERB})(?![\p{{L}}])",
)
_AFTER_ANY_VERB = regex.compile(
    r"^[\s,—–-]*(?P<np>[Hh]e|[Ss]he|(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]+)"
    r"\s+(?:\p{Ll}+ly\s+)?\p{Ll}{3,}ed(?=[\s,.;:!?]|$)"
)
_APPOSED_NAME = regex.compile(rf",\s+(?P<name>{NAME})(?=\s*(?:[.,;]|$))")
_SENTENCE_END = regex.compile(
    r"^[^.!?;:“”\"]{0,140}?,\s+(?P<np>[^,.!?;:“”\"]{1,40}?)\s+(?:said|says|added|wrote)\.(?:\s|$)"
)
_BEFORE = regex.compile(
    rf"(?P<np>{_NP3}{{1,120}}?)\s+(?:{_VERB})(?:\s+(?:that|reporters|him|her|them|us|me|"
    rf"[^.!?;“”\"]{{0,60}}?))?[\s,:—–-]*$"
)
_ACCORDING = regex.compile(rf"(?i:according\s+to)\s+(?P<np>{_NP2}{{1,100}}?)[\s,:]*$")
_COLON = regex.compile(r"(?P<np>[^.!?;“”\"]{1,160}):\s*$")
_LOWER_WORDS = regex.compile(r"(?<![\p{L}])\p{Ll}[\p{L}’'-]*")


@dataclass
class Speaker:
    """A speaker phrase read from an attribution."""

    kind: str
    """name | pronoun | role | organisation | unnamed | common (`the agency`: no name)"""
    text: str
    at: int
    """Offset of the phrase in its paragraph."""
    role: str | None = None
    title: str | None = None
    picked: bool = False
    """Picked out of a longer phrase (`Clinton, during a town hall in Columbus, Ohio,`)."""


def read_phrase(phrase: str, at: int) -> Speaker | None:
    """What a speaker phrase names: `JGC spokesman Ryouske Hoshijima`, `he`, `the ministry`."""
    phrase = phrase.strip(" ,—–-")
    if not phrase or len(phrase.split()) > 12:
        return None
    lower = phrase.lower()
    if regex.match(r"(?:a|an|one|another|some)\s", lower):
        return Speaker("unnamed", phrase, at)
    if lower in PRONOUNS or lower in ("they", "we", "i", "it"):
        return Speaker("pronoun", lower, at)
    if common_noun(phrase):
        return Speaker("common", phrase, at)
    names = [m for m in NAME_RE.finditer(phrase) if m.group() not in NOT_NAMES]
    if names and regex.match(r"[’']s?\s+\p{Ll}", phrase[names[-1].end() :]):
        # `Trump’s potential VP`: the owner is not the speaker; the one owned is, unnamed
        return Speaker("unnamed", phrase, at) if _head(phrase) in ROLE_NOUNS else None
    if names:
        last = names[-1]
        title, name = clean_name(last.group())
        if name and name not in NOT_NAMES:
            offset = at + last.start() + last.group().find(name)
            lead = phrase[: last.start() + last.group().find(name)].strip(" ,")
            role = lead or None
            words = name.split()
            if (
                " " not in name
                and title is None
                and len(names) == 1
                and _head(phrase) in ORGANISATION_NOUNS
            ):
                return Speaker("organisation", phrase.removeprefix("the ").strip(), at)
            if any(w.lower() in ORGANISATION_NOUNS for w in words[-1:]):
                return Speaker("organisation", _org_name(phrase), at)
            after = phrase[last.end() :].strip(" ,")
            if after and _head(after) in ORGANISATION_NOUNS:
                return Speaker("organisation", _org_name(phrase), at)
            return Speaker("name", name, offset, role, title)
    head = _head(phrase)
    words = _LOWER_WORDS.findall(lower)
    if head in _GENERIC or (words and words[0] in ("a", "an", "one", "some", "two", "several")):
        return Speaker("unnamed", phrase, at)
    if head in ROLE_NOUNS:
        return Speaker("role", head, at)
    if head in ORGANISATION_NOUNS or phrase[:1].isupper():
        return Speaker("organisation", _org_name(phrase), at)
    return None


def _head(phrase: str) -> str:
    words = phrase.lower().replace("’s", "").replace("'s", "").split()
    return words[-1].strip(",.") if words else ""


def _org_name(phrase: str) -> str:
    for article in ("the ", "The "):
        phrase = phrase.removeprefix(article)
    return phrase.strip()


def after_quote(
    rest: str, rest_at: int, closed: bool = True, clause: bool = False
) -> Speaker | None:
    """The speaker named right after a closing mark.

    `closed`: the quotation ends a clause (`…,”`, `…?”`) or a comma or dash follows it; when not
    (`“not ready” to support …`), only a short subject right before a verb counts. `clause`: it
    ends with a comma, `?` or `!`, so a name or `he`/`she` and any verb in the past tense after it
    is its attribution (`…,” Oliver barked.`)."""
    closed = closed or rest.lstrip()[:1] in (",", "—", "–", "-")
    for pattern in (_AFTER_VERB_FIRST, _AFTER_NP_FIRST):
        match = pattern.match(rest)
        if (
            match
            and pattern is _AFTER_NP_FIRST
            and ("," in match["np"] or len(match["np"].split()) > (8 if closed else 3))
        ):
            continue
        if match:
            speaker = read_phrase(match["np"], rest_at + match.start("np"))
            named = _APPOSED_NAME.match(rest, match.end("np"))
            if (
                pattern is _AFTER_VERB_FIRST
                and named
                and (speaker is None or speaker.kind != "name")
            ):
                # `…,” said Clarke's assistant, Rohan de Silva.`: the name in apposition
                speaker = read_phrase(named["name"], rest_at + named.start("name"))
            if speaker is not None:
                return speaker
    match = _SENTENCE_END.match(rest)
    if match:
        # `“There's a sense of stability now,” and donations began to pick up, Gilbert said.`
        speaker = read_phrase(match["np"], rest_at + match.start("np"))
        if speaker is not None and speaker.kind in ("name", "pronoun"):
            return speaker
    match = _AFTER_ANY_VERB.match(rest)
    if clause and match:
        speaker = read_phrase(match["np"], rest_at + match.start("np"))
        if speaker is not None and speaker.kind in ("name", "pronoun"):
            return speaker
    match = _AFTER_APPOSITION.match(rest)
    if closed and match and match["np"][:1].isupper():
        # `…,” NAME, a political scientist at Texas Tech, told The Hill`: a name and its apposition
        speaker = read_phrase(match["np"], rest_at + match.start("np"))
        if speaker is not None and speaker.kind == "name":
            return speaker
    return None


_REPORTED = regex.compile(rf"(?<![\p{{L}}])(?:{SPEECH_VERBS})\s+that\b")
_VERB_ONLY = regex.compile(rf"(?<![\p{{L}}])(?:{SPEECH_VERBS})\b")
_VERB_TAIL = regex.compile(
    r"(?:\s+(?:that|reporters|him|her|them|us|me|[^.!?;“”\"]{0,60}?))?[\s,:—–-]*$"
)
_NP_START = regex.compile(
    r"[!?;“”\"]|(?<!\b(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Lt|Gen|Col|St|Jr|Sr|Prof|\p{Lu}))\."
)


def before_quote(lead: str, lead_at: int) -> Speaker | None:
    """The speaker named in the lead-in before an opening mark."""
    match = _ACCORDING.search(lead)
    if match:
        speaker = read_phrase(match["np"], lead_at + match.start("np"))
        if speaker is not None:
            return speaker
    verbs = list(_VERB_ONLY.finditer(lead))
    for verb in reversed(verbs[-3:]):
        if not _VERB_TAIL.match(lead, verb.end()):
            continue
        begin = max(0, verb.start() - 120)
        stops = list(_NP_START.finditer(lead, begin, verb.start()))
        if stops:
            begin = stops[-1].end()
        np = lead[begin : verb.start()]
        np = regex.sub(rf"(?:\s+(?:{_ADVERBS}))+\s*$", "", np).rstrip()
        if not np.strip() or _REPORTED.search(np):
            continue  # `Trump said that Romney begged him and “…`: the verb of a reported clause
        stripped = len(np) - len(np.lstrip())
        subject, skip = _subject(np.strip())
        speaker = read_phrase(subject, lead_at + begin + stripped + skip)
        if speaker is not None:
            speaker.picked = skip > 0
            return speaker
    return None


_APPOSITIVE_START = regex.compile(r"(?:a|an|the|who|whose|which|\d)\b")
_CLAUSE_JOIN = regex.compile(r",?\s+(?:and|but|as|while|when|after|before|because)\s+|,\s+")


def _subject(np: str) -> tuple[str, int]:
    """The subject at the end of a lead-in: `Yesterday, NAME` -> `NAME`, `NAME, a baker,` -> `NAME`.

    Returns the subject and its offset in `np`.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for join in _CLAUSE_JOIN.finditer(np):
        pieces.append((start, join.start()))
        start = join.end()
    pieces.append((start, len(np)))
    index = len(pieces) - 1
    while index > 0 and (
        _APPOSITIVE_START.match(np, pieces[index][0])
        or (
            np[pieces[index][0] : pieces[index][0] + 1].islower()
            and not regex.match(
                r"(?:he|she|they|we|i|the|his|her|their|its)\b", np[pieces[index][0] :]
            )
        )
    ):
        index -= 1
    begin, end = pieces[index]
    return np[begin:end], begin


_SUBJECT = regex.compile(
    rf"^(?:(?:But|And|Yet|Still|Then|Now|Later|Meanwhile|So),?\s+)?(?P<np>(?:{_NP3}){{1,60}}?)"
    r"\s+(?:\p{Ll}+ly\s+)?(?:has\s+|had\s+|have\s+|was\s+|is\s+|also\s+)?\p{Ll}+(?:ed|s)\b"
)


def sentence_subject(lead: str, lead_at: int) -> Speaker | None:
    """`Trump blasted the instructor, calling her a “…`: the name the sentence starts with."""
    match = _SUBJECT.match(lead)
    if (
        match is None
        or len(_LOWER_WORDS.findall(match["np"])) > 2
        or _VERB_ONLY.search(match["np"])
    ):
        return None  # `NAME said Obama has …`: a reported clause, not the subject
    speaker = read_phrase(match["np"], lead_at + match.start("np"))
    if speaker is None or speaker.kind not in ("name", "pronoun"):
        return None
    return speaker


def colon_lead(lead: str, lead_at: int) -> Speaker | None:
    """`Peruvian Foreign Minister NAME was unequivocal: “…`: the subject of the clause before the
    colon (a name after an opening phrase and a role), or the name right before the colon."""
    match = _COLON.search(lead)
    if match is None:
        return None
    np, at = match["np"], match.start("np")
    names = [m for m in NAME_RE.finditer(np) if m.group() not in NOT_NAMES]
    if not names:
        return None
    last = names[-1]
    if np[last.end() :].strip():
        opener = regex.match(r"[^,“”\"]{1,120},\s+", np)
        skip = opener.end() if opener else 0
        names = [m for m in names if m.start() >= skip]
        if not names or regex.match(r"[’']s?\b", np[names[0].end() :]):
            return None  # `Trump’s state director …:` — an owner, not the speaker
        if _LOWER_WORDS.search(np[skip : names[0].start()]):
            return None  # `… doesn’t surprise pollster Daron Shaw:` is not its subject
        last = names[0]
    title, name = clean_name(last.group())
    if not name:
        return None
    offset = last.start() + last.group().find(name)
    return Speaker("name", name, lead_at + at + offset, None, title)


_CALLED = regex.compile(
    r"(?:\s+(?:also|later|then|has|had|once))?\s+(?:called|calls|calling|dubbed|labeled|labelled|"
    r"branded|described)\s+(?:it|him|her|them|this|that|(?:the|his|her|their|its)\s+\p{Ll}[\p{L}-]*)"
    r"\s+(?:as\s+)?(?:(?:a|an|the)\s+)?$"
)


def called_lead(lead: str, lead_at: int) -> Speaker | None:
    """`Former Rep. NAME called it “the least bad option”`: the name right before `called`."""
    match = _CALLED.search(lead)
    if match is None:
        return None
    before = lead[: match.start()]
    names = [m for m in NAME_RE.finditer(before) if m.group() not in NOT_NAMES]
    if not names or names[-1].end() != len(before):
        return None
    title, name = clean_name(names[-1].group())
    if not name or name in NOT_NAMES:
        return None
    offset = names[-1].start() + names[-1].group().find(name)
    return Speaker("name", name, lead_at + offset, None, title)


_CONNECTORS = frozenset("of the for and & on in at de".split())


def plausible(speaker: Speaker, people: People, strict: bool) -> bool:
    """Whether a phrase read as a speaker can be one.

    A name never starts with a word that begins no name (`When`, `With`, `His`); a lone word
    with no title picked out of a longer phrase, or read by a rule that guesses (`strict`), is a
    name only when the article names a person so (`Ohio` is not); an organisation is a run of
    capitalised words (`Interior Ministry`) or ends with an organisation's noun (`the
    campaign`), never a clause (`They search for something`)."""
    words = speaker.text.split()
    if not words:
        return False
    if speaker.kind == "name":
        if words[0] in NOT_NAMES:
            return False
        if len(words) == 1 and speaker.title is None and (strict or speaker.picked):
            known = people.lookup(speaker.text)
            return known is not None and known.kind == "person"
        return True
    if speaker.kind == "organisation":
        if words[0] in NOT_NAMES or len(words) > 6:
            return False
        if _head(speaker.text) in ORGANISATION_NOUNS:
            return True
        return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)
    return True
