"""Roles and ages around a name: `Peruvian Foreign Minister NAME`, `said Clarke's assistant,
NAME`, `NAME, who witnessed the crash,`, `NAME from the BBC`, `He was 90 years old`, `the
66-year-old`. Plain Python; no UI imports.
"""

from __future__ import annotations

import regex

from story_tui.draft.names import (
    HONORIFICS,
    NOT_NAMES,
    ROLE_ABBREVIATIONS,
    ROLE_NOUNS,
    is_title,
)

_ROLE_LEAD_STOP = frozenset(
    "said says told and or but with by for from to of in on at as was is who that which "
    "when while after before has have had also".split()
)
_ROLE_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'.&-]*")
_ROLE_MODIFIERS = frozenset(
    """former incumbent acting interim senior junior chief deputy vice assistant associate
    executive general retired late then first lead top veteran longtime long-time current
    outgoing incoming new managing principal special foreign defense defence state prime
    attorney district federal national regional local county city state's army navy
    military police fire health finance trade labor labour justice interior education
    energy security intelligence press communications campaign party union team club
    company group world olympic grand public private independent conservative liberal
    democratic republican socialist""".split()
)
"""Lower-case words a role before a name may hold (`former Vice President`, `senior
military analyst`); another lower-case word ends it (`beat incumbent Gov.`: a verb)."""
_ADJECTIVE = regex.compile(r"\p{Ll}+(?:al|ic|ary|ive|ian|ese|ish|ous|ant|ent|ist)$|.+-\p{Ll}+$")
_INITIALISM = regex.compile(r"(?:\p{Lu}\.){2,}")


def _role_word(text: str) -> bool:
    """A word that may stand inside a role phrase before a name."""
    bare = text.lower().rstrip(".")
    if text[:1].isupper():
        return text not in NOT_NAMES and text.rstrip(".") not in NOT_NAMES
    return bare in ROLE_NOUNS or bare in _ROLE_MODIFIERS or _ADJECTIVE.match(bare) is not None


_COMPANY = frozenset({"inc.", "corp.", "co.", "ltd.", "plc.", "llc.", "jr.", "st."})
_JOINS = frozenset({"of", "for", "at"})
_SPEECH_BEFORE = regex.compile(
    r"(?:\b(?:said|says|told|added|wrote|explained|according\s+to)|^|[.!?:][”\"’']?)\s*$"
)


def _organisation_after_role(
    lead: str, words: list[regex.Match[str]]
) -> tuple[list[regex.Match[str]], int] | None:
    """`… officer of Apple Inc.`, `President of the United States`: the capitalised words of an
    organisation after `of`/`for`/`at` and a role noun. (The words picked, nearest first, and
    the index of the role noun.)"""
    index = len(words) - 1
    picked: list[regex.Match[str]] = []
    while index >= 0 and len(picked) < 5:
        text = words[index].group()
        if not (text[:1].isupper() or text.lower() in _COMPANY) or text in NOT_NAMES:
            break
        if text.endswith(("’s", "'s")):
            return None  # `governor of Chile’s Arica border area`: a place's, not a role
        gap = lead[words[index].end() : picked[-1].start() if picked else len(lead)]
        if gap.strip():
            return None
        picked.append(words[index])
        index -= 1
    if not picked or index < 1:
        return None
    if words[index].group() == "the" and index >= 2:
        picked.append(words[index])
        index -= 1
    if words[index].group() not in _JOINS or words[index - 1].group().lower() not in ROLE_NOUNS:
        return None
    picked.append(words[index])
    return picked, index


def role_before(paragraph: str, start: int) -> str | None:
    """The role phrase just before a name: `Peruvian Foreign Minister`, `JGC spokesman`,
    `U.S. Attorney`, `The co-founder and former chief executive officer of Apple Inc.`,
    `science fiction author, futurist, and visionary`, and after a speech verb `said Clarke's
    assistant, NAME`. Its head, next to the name, is a role noun or a title; it never reaches
    over a sentence's end, and a lower-case word that is no part of a role (a verb, a
    preposition) ends it. A courtesy title at its end (`author Dr.`) is no part of it."""
    lead = paragraph[max(0, start - 160) : start]
    words = list(_ROLE_WORD.finditer(lead))
    if not words:
        return None
    tail = lead[words[-1].end() :]
    comma = tail.strip() == ","
    if tail.strip() and not comma:
        return None
    picked: list[regex.Match[str]] = []
    edge = len(lead)
    index = len(words)
    compounds: set[int] = set()
    org = _organisation_after_role(lead, words)
    if org is not None and not comma:
        picked, index = org
    while index > 0:
        index -= 1
        word = words[index]
        text = word.group()
        bare = text.lower().rstrip(".")
        abbreviation = (
            is_title(text) or _INITIALISM.fullmatch(text) is not None or text.lower() in _COMPANY
        )
        if text.endswith(".") and not abbreviation:
            break  # a sentence's end
        gap = lead[word.end() : picked[-1].start() if picked else edge]
        if not picked:
            if bare in HONORIFICS and edge == len(lead) and not comma:
                edge = word.start()
                continue  # `Dr.` before the name: the role is before it
            if bare not in ROLE_NOUNS and bare not in ROLE_ABBREVIATIONS:
                return None
            picked.append(word)
            continue
        listed = gap.strip() in (",", ", and", "and", ",and") and bare in ROLE_NOUNS
        if gap.strip() and gap.strip() not in ("’s", "'s") and not listed:
            break
        if bare in _JOINS:
            before = words[index - 1].group().lower() if index > 0 else ""
            if not (picked[-1].group()[:1].isupper() and before.rstrip(".") in ROLE_NOUNS):
                break
        elif bare == "and" and picked[-1].group().lower() in _ROLE_MODIFIERS | ROLE_NOUNS:
            before = words[index - 1].group().lower() if index > 0 else ""
            if before not in ROLE_NOUNS:
                break
        elif bare in _ROLE_LEAD_STOP or bare in ("a", "an"):
            break
        elif not _role_word(text):
            # a noun before a noun (`science fiction author`), never a verb (`beat`, `adding`)
            right = picked[-1].group()
            noun_right = right[:1].islower() and (
                right.lower() in ROLE_NOUNS or id(picked[-1]) in compounds
            )
            if not noun_right or not text[:1].islower() or bare.endswith(("ing", "ed", "ly")):
                break
            compounds.add(id(word))
        elif bare == "the":
            if index == 0 or _SPEECH_BEFORE.search(lead[: word.start()]):
                picked.append(word)  # `The co-founder … of Apple Inc. NAME` opens a sentence
            break
        picked.append(word)
        if len(picked) >= 14:
            break
    if not picked:
        return None
    if picked[-1].group().lower() in ("and", "of", "for", "at"):
        picked.pop()
    if comma and not _SPEECH_BEFORE.search(lead[: picked[-1].start()]):
        return None  # `X, spokesman, NAME`: only after a speech verb (`said his aide, NAME`)
    head = picked[0].group()
    if len(picked) == 1 and head.rstrip(".").lower() in ROLE_ABBREVIATIONS:
        return ROLE_ABBREVIATIONS[head.rstrip(".").lower()]
    if len(picked) == 1 and head.lower() not in ROLE_NOUNS and not comma:
        return None
    role = lead[picked[-1].start() : picked[0].end()]
    return role[0].upper() + role[1:]


_WHO = regex.compile(
    r"^,\s+who\s+(?:(?:is|was|has\s+been|had\s+been)\s+(?:(?:a|an|the)\s+)?(?P<role>[^,.;:“”\"()]{3,80}?)"
    r"|(?P<clause>(?!said\b|says\b|told\b)[^,.;:“”\"()]{3,60}?))(?=,|\.(?:\s|$))"
)
_FROM = regex.compile(
    r"^\s+(?P<role>(?:from|of)\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'&-]*)(?:\s+\p{Lu}[\p{L}’'&-]*){0,4})"
    r"(?=\s*[,.;]|\s+(?:said|says|told|added)\b)"
)


def role_after(paragraph: str, end: int) -> str | None:
    """A role right after a name: `NAME, who is a nurse,` (`nurse`), `NAME, who witnessed the
    crash,` (the clause), `NAME from the BBC` (`from the BBC`)."""
    rest = paragraph[end : end + 120]
    match = _WHO.match(rest)
    if match:
        if match["role"]:
            role = match["role"].strip()
            return role[0].upper() + role[1:]
        return "who " + match["clause"].strip()
    match = _FROM.match(rest)
    return match["role"] if match else None


def role_says(role: str | None, noun: str) -> bool:
    """Whether a role is that of `the senator`, `the governor`: the noun is in the role, its
    abbreviations read in full (`Vermont Sen.` is a senator's role)."""
    if not role:
        return False
    words = [w.rstrip(".").lower() for w in role.split()]
    full = " ".join(ROLE_ABBREVIATIONS.get(w, w).lower() for w in words)
    return noun.lower() in full or noun.lower() in role.lower()
