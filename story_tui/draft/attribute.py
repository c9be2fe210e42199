"""Giving each quotation its speaker, from the attribution around it. Plain Python."""

from __future__ import annotations

import bisect

import regex

from story_tui.draft.model import DraftPerson, DraftQuote
from story_tui.draft.names import ORGANISATION_NOUNS, PRONOUNS, ROLE_NOUNS, named_before, surname_of
from story_tui.draft.paraphrase import find_paraphrases
from story_tui.draft.people import People
from story_tui.draft.quotes import Span, ends_sentence, not_spoken, title_like
from story_tui.draft.roles import role_says
from story_tui.draft.sources import Sources
from story_tui.draft.speakers import (
    SPEECH_VERBS,
    Speaker,
    after_quote,
    before_quote,
    called_lead,
    colon_lead,
    plausible,
    sentence_subject,
)
from story_tui.draft.subjects import Sentences, subject_of, sure_gender
from story_tui.draft.text import Text, sentence_start, sentences

_COLON_CHECK = "speaker guessed: the person named before the colon"
_SUBJECT_CHECK = "speaker guessed: the subject of the sentence"
_JOINED = regex.compile(
    r"[\s,;]*(?:(?:and|or|but|as\s+well\s+as)\s+(?:(?:a|an|the|also|even|then)\s+)*)?[\s,]*"
)
"""What may stand between two quotations of one sentence: `“…” and a “…”`."""
_INTRODUCED = regex.compile(
    rf"(?:(?<![\p{{L}}])(?:{SPEECH_VERBS})(?:\s+(?:on|in|at)\s+\p{{Lu}}[\p{{L}}.]*)?\s+that|:)\s*$"
)
"""A lead-in that introduces its quotation: `NAME claimed on Tuesday that “…”`, `NAME said: “…`."""
_NEXT_QUOTE = regex.compile(r"[^.!?“”\"]{0,80}?[,:]\s*[“\"]")
_TOLD = ("speaker from “", "speaker guessed: the speaker of the quotation before")
"""Attributions a later `he`/`she` may follow (not the other guesses)."""
_SCARE_WORDS = 4
"""A quotation of fewer words, with no attribution, is a title or a scare quote: not speech."""


class Mentions:
    """Where each person is named (outside quotations), to resolve `he`, `she`, `the senator`."""

    def __init__(self, text: Text, people: People, spans: list[Span]) -> None:
        self.positions: list[int] = []
        self.ends: list[int] = []
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
            self.ends.append(match.end())
            self.who.append(names[match.group()])

    def add(self, at: int, end: int, person: DraftPerson) -> None:
        k = bisect.bisect_right(self.positions, at)
        self.positions.insert(k, at)
        self.ends.insert(k, end)
        self.who.insert(k, person)

    def others_between(self, start: int, end: int, person: DraftPerson) -> bool:
        """Whether someone other than `person` is named between the two offsets."""
        k = bisect.bisect_left(self.positions, start)
        while k < len(self.positions) and self.positions[k] < end:
            if self.who[k] is not person:
                return True
            k += 1
        return False


class Context:
    """What resolving a speaker phrase needs: the people, where they are named, the sentences."""

    def __init__(self, text: Text, people: People, spans: list[Span]) -> None:
        self.text = text
        self.people = people
        self.mentions = Mentions(text, people, spans)
        self.sentences = Sentences(text)
        self.spoken: tuple[list[int], list[int], list[DraftPerson]] = ([], [], [])

    def spoke(self, opens: int, closes: int, person: DraftPerson) -> None:
        """An attributed quotation opens and closes at these offsets (they come in order)."""
        self.spoken[0].append(opens)
        self.spoken[1].append(closes)
        self.spoken[2].append(person)

    def lead_subject(self, start: int, at: int, gender: str) -> DraftPerson | None:
        """The subject of the sentence from `start` up to the pronoun at `at`, when the pronoun
        comes after the quotation (`Trump asserted it: “France is no longer France,” he said.`)."""
        m = self.mentions
        quote = regex.search(r"[“\"]", self.text.article[start:at])
        if quote is None:
            return None
        subject = subject_of(
            self.text.article,
            (start, start + quote.start()),
            (m.positions, m.ends, m.who),
            self.spoken,
            gender,
        )
        return subject if isinstance(subject, DraftPerson) else None

    def previous_subject(self, at: int, pronoun: str, gender: str) -> DraftPerson | None:
        """The subject of the sentence before the one holding offset `at`; when that sentence
        starts with the same pronoun, the subject of the one before it (up to three back)."""
        m = self.mentions
        for _step in range(3):
            sentence = self.sentences.before(at)
            if sentence is None:
                return None
            subject = subject_of(
                self.text.article, sentence, (m.positions, m.ends, m.who), self.spoken, gender
            )
            if not isinstance(subject, str):
                return subject
            if subject != pronoun:
                return None
            at = sentence[0]
        return None


def attribute(
    text: Text, spans: list[Span], people: People, sources: Sources
) -> tuple[list[DraftQuote], list[DraftQuote]]:
    """(quotes with a speaker, quotations with none) for every span."""
    context = Context(text, people, spans)
    found: list[tuple[Span, DraftPerson | None, str | None, str | None]] = []
    by_paragraph: dict[int, list[Span]] = {}
    place: dict[int, int] = {}  # a span's place among its siblings (list.index was quadratic)
    for span in spans:
        siblings = by_paragraph.setdefault(span.paragraph, [])
        place[id(span)] = len(siblings)
        siblings.append(span)
    last: tuple[Span, DraftPerson] | None = None
    not_speech: set[int] = set()
    chain_anchor = 0
    for span in spans:
        paragraph = text.paragraphs[span.paragraph]
        base = text.bases[span.paragraph]
        siblings = by_paragraph[span.paragraph]
        k = place[id(span)]
        next_open = siblings[k + 1].open_at if k + 1 < len(siblings) else len(paragraph)
        prev_close = siblings[k - 1].close_at if k > 0 else None
        rest_at = (span.close_at + 1) if span.close_at is not None else len(paragraph)
        rest = paragraph[rest_at : min(next_open, rest_at + 160)]
        opens_at = sentence_start(paragraph, span.open_at)
        lead_from = max(
            opens_at if prev_close is None else max(prev_close + 1, opens_at),
            span.open_at - 200,
        )
        lead = paragraph[lead_from : span.open_at]
        if not_spoken(span, paragraph, lead, rest):
            not_speech.add(id(span))
            found.append((span, None, None, None))
            continue
        anchor = base + opens_at
        if span.continued and found and found[-1][0].close_at is None:
            anchor = chain_anchor  # a quotation over paragraphs: the sentence its first part opens
        chain_anchor = anchor
        speaker, check, named = _speaker(
            span, context, rest=rest, rest_at=rest_at, lead=lead, lead_from=lead_from, anchor=anchor
        )
        scare = span.single and len(span.text.split()) < _SCARE_WORDS
        if speaker is None and not named and last is not None and not scare:
            speaker, check = _continued(span, paragraph, base, last, context)
        if speaker is None and not named and span.open_at == 0 and span.paragraph > 0:
            previous = text.paragraphs[span.paragraph - 1]
            if previous.rstrip().endswith(":"):
                lead_phrase = before_quote(previous, 0) or colon_lead(previous, 0)
                if lead_phrase is not None:
                    speaker, check = _resolve(
                        lead_phrase, text.bases[span.paragraph - 1], context, None, anchor
                    )
                    check = check or "speaker guessed from the paragraph before"
        source = sources.near(rest[:120]) or sources.near(lead[-120:])
        found.append((span, speaker, check, source))
        if speaker is not None:
            last = (span, speaker)
            close = span.close_at if span.close_at is not None else span.end - 1
            if check is None or check.startswith(_TOLD):
                context.spoke(base + span.open_at, base + close, speaker)
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
        elif words >= _SCARE_WORDS and not span.single and id(span) not in not_speech:
            orphans.append(quote)
    quotes += _paraphrases(text, context)
    return quotes, orphans


def _speaker(
    span: Span,
    context: Context,
    *,
    rest: str,
    rest_at: int,
    lead: str,
    lead_from: int,
    anchor: int,
) -> tuple[DraftPerson | None, str | None, bool]:
    """(speaker, check, whether the text names a speaker) from the attribution around a span.

    After the closing mark first when the quotation ends a clause (`…,” NAME said`); the lead-in
    first when it is part of a sentence (`NAME said the plan was “too costly” for …`). A
    quotation that ends its sentence (`…”.` or `….”`) has no attribution after it: what follows
    is the next sentence."""
    tail = span.text[-1:]
    after: Speaker | None = None
    clause = tail in ",!?—–-" or rest.lstrip()[:1] in (",", "—", "–", "-")
    if span.close_at is not None and not ends_sentence(span.text, rest):
        after = after_quote(rest, rest_at, tail in ",.!?…—-", clause)
    before = before_quote(lead, lead_from)
    paragraph = context.text.paragraphs[span.paragraph]
    if after is not None and tail not in ",—–-" and _NEXT_QUOTE.match(paragraph, after.at):
        after = None  # `“Why now?” Mills then writes back, “…”`: that introduces the next one
    tries: list[tuple[Speaker | None, str | None, bool]] = (
        [(after, None, False), (before, None, False)]
        if clause and not _INTRODUCED.search(lead)
        else [(before, None, False), (after, None, False)]
    )
    scare = span.single and len(span.text.split()) < _SCARE_WORDS
    if not title_like(span.text) and not scare:
        tries.append((colon_lead(lead, lead_from), _COLON_CHECK, True))
        tries.append((called_lead(lead, lead_from), _SUBJECT_CHECK, True))
        if span.open_at == 0 or (lead_from < span.open_at and "”" not in lead):
            tries.append((sentence_subject(lead, lead_from), _SUBJECT_CHECK, True))
    base = context.text.bases[span.paragraph]
    named = False
    check: str | None = None
    for candidate, note, strict in tries:
        if candidate is None or not plausible(candidate, context.people, strict):
            continue
        who, why = _resolve(candidate, base, context, note, anchor)
        named = True
        if who is not None or candidate.kind == "unnamed":
            return who, why, True
        check = why
    return None, check, named


def _continued(
    span: Span, paragraph: str, base: int, last: tuple[Span, DraftPerson], context: Context
) -> tuple[DraftPerson | None, str | None]:
    """The speaker of the quotation before, when this one goes on from it.

    In the same paragraph: this quotation opens a sentence, or follows the one before after only
    `and`/`or`/a comma; in the next paragraph: the paragraph opens with it. In both, nobody else is
    named in the sentences between."""
    before, speaker = last
    if before.paragraph == span.paragraph:
        between = paragraph[(before.close_at or before.end) + 1 : span.open_at]
        opens = sentence_start(paragraph, span.open_at) == span.open_at
        if not opens and not _JOINED.fullmatch(between):
            return None, None
        note = "speaker guessed: the speaker of the quotation before"
    elif before.paragraph == span.paragraph - 1 and span.open_at == 0:
        note = "speaker guessed: the speaker of the paragraph before"
    else:
        return None, None
    close = before.close_at if before.close_at is not None else before.end
    start = context.sentences.end_of(context.text.bases[before.paragraph] + close)
    if context.mentions.others_between(start, base + span.open_at, speaker):
        return None, None
    return speaker, note


def _paraphrases(text: Text, context: Context) -> list[DraftQuote]:
    found: list[DraftQuote] = []
    for index, paragraph in enumerate(text.paragraphs):
        for start, end in sentences(paragraph):
            sentence = paragraph[start:end]
            for phrase, a, b in find_paraphrases(sentence):
                phrase.at += start
                if phrase.kind == "name" and context.people.lookup(phrase.text) is None:
                    continue  # only people the article has already named
                if phrase.kind == "organisation" and phrase.text.split()[-1].lower() not in (
                    ORGANISATION_NOUNS
                ):
                    continue
                base = text.bases[index]
                who, _why = _resolve(phrase, base, context, None, base + start)
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


def _resolve(
    phrase: Speaker, base: int, context: Context, check: str | None, anchor: int
) -> tuple[DraftPerson | None, str | None]:
    """The person a speaker phrase names; `anchor`: where the sentence of the quotation starts."""
    people, mentions = context.people, context.mentions
    if phrase.kind == "name":
        known = people.lookup(phrase.text)
        person = known or people.add(phrase.text, base + phrase.at)
        if known is None:
            mentions.add(base + phrase.at, base + phrase.at + len(phrase.text), person)
        if phrase.role and person.role is None:
            head = phrase.role.lower().replace("’s", "").split()
            if head and head[-1] in ROLE_NOUNS:
                person.role = phrase.role[0].upper() + phrase.role[1:]
        return person, check
    if phrase.kind == "pronoun":
        gender = PRONOUNS.get(phrase.text)
        if gender is None:
            return None, None
        subject = context.lead_subject(anchor, base + phrase.at, gender)
        if subject is None:
            subject = context.previous_subject(anchor, phrase.text, gender)
        if subject is None or sure_gender(subject.name) not in (gender, None):
            return None, f"speaker not named: “{phrase.text}”"
        return subject, f"speaker from “{phrase.text}”: the subject of the sentence before"
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
    if phrase.kind == "common":  # `the agency` is no name: the organisation named so before
        named = named_before(context.text.article, base + phrase.at, phrase.text)
        if named is None:
            return None, f"speaker not named: “{phrase.text}”"
        why = f"speaker from “{phrase.text}”: the {named} named before"
        return people.add(named, base + phrase.at, "organisation"), why
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
