"""Giving each quotation its speaker, from the attribution around it. Plain Python."""

from __future__ import annotations

import bisect

import regex

from story_tui.draft.model import DraftPerson, DraftQuote
from story_tui.draft.names import ORGANISATION_NOUNS, PRONOUNS, surname_of
from story_tui.draft.people import People
from story_tui.draft.quotes import Span
from story_tui.draft.roles import role_says
from story_tui.draft.sources import Sources
from story_tui.draft.speakers import (
    Speaker,
    after_quote,
    before_quote,
    called_lead,
    colon_lead,
    sentence_subject,
)
from story_tui.draft.text import Text, sentence_start

_COLON_CHECK = "speaker guessed: the person named before the colon"
_SUBJECT_CHECK = "speaker guessed: the subject of the sentence"
_SCARE_WORDS = 4
"""A quotation of fewer words, with no attribution, is a title or a scare quote: not speech."""


class Mentions:
    """Where each person is named (outside quotations), to resolve `he`, `she`, `the senator`."""

    def __init__(self, text: Text, people: People, spans: list[Span]) -> None:
        self.positions: list[int] = []
        self.who: list[DraftPerson] = []
        inside = [
            (text.bases[s.paragraph] + s.start, text.bases[s.paragraph] + s.end) for s in spans
        ]
        names: dict[str, DraftPerson] = {}
        for person in people.people:
            if person.kind != "person":
                continue
            for form in (person.name, surname_of(person.name), *person.aliases):
                names.setdefault(form, person)
        if not names:
            return
        pattern = regex.compile(
            r"(?<![\p{L}\p{N}])(?:"
            + "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
            + r")(?![\p{L}\p{N}])"
        )
        starts = [a for a, _b in inside]
        for match in pattern.finditer(text.article):
            at = match.start()
            k = bisect.bisect_right(starts, at) - 1
            if k >= 0 and inside[k][0] <= at < inside[k][1]:
                continue
            self.positions.append(at)
            self.who.append(names[match.group()])

    def add(self, at: int, person: DraftPerson) -> None:
        k = bisect.bisect_right(self.positions, at)
        self.positions.insert(k, at)
        self.who.insert(k, person)

    def last_before(
        self, at: int, gender: str | None, gender_of: dict[str, str]
    ) -> DraftPerson | None:
        k = bisect.bisect_left(self.positions, at) - 1
        steps = 0
        while k >= 0 and steps < 200:
            person = self.who[k]
            known = gender_of.get(person.id)
            if gender is None or known is None or known in (gender, "unknown"):
                return person
            k -= 1
            steps += 1
        return None


def attribute(
    text: Text, spans: list[Span], people: People, sources: Sources
) -> tuple[list[DraftQuote], list[DraftQuote]]:
    """(quotes with a speaker, quotations with none) for every span."""
    mentions = Mentions(text, people, spans)
    found: list[tuple[Span, DraftPerson | None, str | None, str | None]] = []
    by_paragraph: dict[int, list[Span]] = {}
    place: dict[int, int] = {}  # a span's place among its siblings (list.index was quadratic)
    for span in spans:
        siblings = by_paragraph.setdefault(span.paragraph, [])
        place[id(span)] = len(siblings)
        siblings.append(span)
    last_speaker: DraftPerson | None = None
    last_paragraph = -1
    for span in spans:
        paragraph = text.paragraphs[span.paragraph]
        base = text.bases[span.paragraph]
        siblings = by_paragraph[span.paragraph]
        k = place[id(span)]
        next_open = siblings[k + 1].open_at if k + 1 < len(siblings) else len(paragraph)
        prev_close = siblings[k - 1].close_at if k > 0 else None
        rest_at = (span.close_at + 1) if span.close_at is not None else len(paragraph)
        rest = paragraph[rest_at : min(next_open, rest_at + 160)]
        lead_from = max(
            sentence_start(paragraph, span.open_at) if prev_close is None else prev_close + 1,
            span.open_at - 200,
        )
        lead = paragraph[lead_from : span.open_at]
        phrase: Speaker | None = None
        check: str | None = None
        speaker: DraftPerson | None = None
        tries: list[tuple[Speaker | None, str | None, bool]] = []
        if span.close_at is not None:
            closed = span.text[-1:] in ",.!?…—-"
            tries.append((after_quote(rest, rest_at, closed), None, False))
        tries.append((before_quote(lead, lead_from), None, False))
        guessed = _looks_like_title(span.text)
        if not guessed:
            tries.append((colon_lead(lead, lead_from), _COLON_CHECK, True))
            tries.append((called_lead(lead, lead_from), _SUBJECT_CHECK, True))
            if prev_close is None:
                tries.append((sentence_subject(lead, lead_from), _SUBJECT_CHECK, True))
        for candidate, note, strict in tries:
            if candidate is None:
                continue
            lone = " " not in candidate.text and candidate.title is None
            if strict and candidate.kind == "name" and lone and not people.lookup(candidate.text):
                continue  # a lone capitalised word the article never gave as a name
            who, why = _resolve(candidate, base, people, mentions, note)
            phrase = candidate
            if who is not None or candidate.kind == "unnamed":
                speaker, check = who, why
                break
            check = why
        if speaker is None and phrase is not None and phrase.kind != "unnamed":
            phrase = None
        if phrase is None and k > 0 and found and found[-1][0].paragraph == span.paragraph:
            speaker = found[-1][1]
            check = "speaker guessed: the speaker of the quotation before" if speaker else None
        if (
            phrase is None
            and speaker is None
            and k == 0
            and span.open_at == 0
            and last_speaker is not None
            and last_paragraph == span.paragraph - 1
        ):
            speaker = last_speaker
            check = "speaker guessed: the speaker of the paragraph before"
        if phrase is None and speaker is None and span.open_at == 0 and span.paragraph > 0:
            previous = text.paragraphs[span.paragraph - 1]
            if previous.rstrip().endswith(":"):
                lead_phrase = before_quote(previous, 0) or colon_lead(previous, 0)
                if lead_phrase is not None:
                    speaker, check = _resolve(
                        lead_phrase, text.bases[span.paragraph - 1], people, mentions, None
                    )
                    check = check or "speaker guessed from the paragraph before"
        source = sources.near(rest[:120]) or sources.near(lead[-120:])
        found.append((span, speaker, check, source))
        if speaker is not None:
            last_speaker, last_paragraph = speaker, span.paragraph
    _fill_chains(found)
    quotes: list[DraftQuote] = []
    orphans: list[DraftQuote] = []
    for span, speaker, check, source in found:
        section = text.section_of[span.paragraph]
        words = len(span.text.split())
        quote = DraftQuote(span.text, speaker.id if speaker else None, section, source, check)
        quote.paragraph, quote.start = span.paragraph, span.start
        if speaker is not None:
            quotes.append(quote)
        elif words >= _SCARE_WORDS and not span.single:
            orphans.append(quote)
    quotes += _paraphrases(text, people, mentions)
    return quotes, orphans


def _paraphrases(text: Text, people: People, mentions: Mentions) -> list[DraftQuote]:
    from story_tui.draft.paraphrase import find_paraphrases
    from story_tui.draft.text import sentences

    found: list[DraftQuote] = []
    for index, paragraph in enumerate(text.paragraphs):
        for start, end in sentences(paragraph):
            sentence = paragraph[start:end]
            for phrase, a, b in find_paraphrases(sentence):
                phrase.at += start
                if phrase.kind == "name" and people.lookup(phrase.text) is None:
                    continue  # only people the article has already named
                if phrase.kind == "organisation" and phrase.text.split()[-1].lower() not in (
                    ORGANISATION_NOUNS
                ):
                    continue
                who, _why = _resolve(phrase, text.bases[index], people, mentions, None)
                if who is None or a >= b:
                    continue
                quote = DraftQuote(
                    paragraph[start + a : start + b],
                    who.id,
                    text.section_of[index],
                    None,
                    "reported speech, not a quotation: check the words and the speaker",
                    "paraphrase",
                    index,
                    start + a,
                )
                found.append(quote)
    return found


def _looks_like_title(text: str) -> bool:
    """`How the Grinch Stole Christmas,`: a short run of capitalised words names a work."""
    words = [w for w in text.strip(" ,.!?").split() if w.lower() not in ("the", "of", "a", "and")]
    return 0 < len(words) <= 7 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _resolve(
    phrase: Speaker, base: int, people: People, mentions: Mentions, check: str | None
) -> tuple[DraftPerson | None, str | None]:
    if phrase.kind == "name":
        known = people.lookup(phrase.text)
        person = known or people.add(phrase.text, base + phrase.at)
        if known is None:
            mentions.add(base + phrase.at, person)
        if phrase.role and person.role is None:
            from story_tui.draft.names import ROLE_NOUNS

            head = phrase.role.lower().replace("’s", "").split()
            if head and head[-1] in ROLE_NOUNS:
                person.role = phrase.role[0].upper() + phrase.role[1:]
        return person, check
    if phrase.kind == "pronoun":
        gender = PRONOUNS.get(phrase.text)
        if phrase.text not in PRONOUNS:
            return None, None
        before = mentions.last_before(base + phrase.at, gender, people.gender)
        return before, f"speaker guessed from “{phrase.text}”: the person named before"
    if phrase.kind == "role":
        k = bisect.bisect_left(mentions.positions, base + phrase.at) - 1
        while k >= 0:
            person = mentions.who[k]
            if role_says(person.role, phrase.text):
                return person, f"speaker guessed from “the {phrase.text}”"
            k -= 1
        return None, f"speaker not named: “the {phrase.text}”"
    if phrase.kind == "organisation":
        return people.add(phrase.text, base + phrase.at, "organisation"), check
    if phrase.kind == "unnamed" and 2 <= len(phrase.text) <= 80:
        person = people.add(phrase.text, base + phrase.at, "person")
        person.unnamed = True
        return person, check
    return None, f"speaker not named: “{phrase.text}”"


def _fill_chains(found: list[tuple[Span, DraftPerson | None, str | None, str | None]]) -> None:
    """A quotation over several paragraphs: every part gets the speaker any part found."""
    start = 0
    while start < len(found):
        end = start
        while (
            end + 1 < len(found) and found[end][0].close_at is None and found[end + 1][0].continued
        ):
            end += 1
        if end > start:
            speaker = next((f[1] for f in found[start : end + 1] if f[1] is not None), None)
            if speaker is not None:
                for i in range(start, end + 1):
                    span, who, _check, source = found[i]
                    if who is None:
                        found[i] = (span, speaker, "speaker of the whole quotation", source)
        start = end + 1
