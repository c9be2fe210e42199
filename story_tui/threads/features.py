"""What grouping reads from a story: weighted words, names, places and a date. No UI imports.

A story becomes a bag of features with weights, before any library-wide weighting:

- `w:` the words of the whole article (lower case, without stop words), each once per paragraph
  so a word repeated in one paragraph counts little; the words of the title and the lead (the
  standfirst and the first paragraph) count `LEAD_WEIGHT` times more, as a reader skimming the
  front page would see them first;
- `p:` the people the story names, by surname and by full name (organisations count too);
- `c:` capitalised words that are no sentence start and no person: places, organisations;
- `n:` numbers with a unit or a decimal point, and years, which tell two similar events apart.

The date is the story's `published` date, when it has one.

Apart from the bag, a story has its **central people** (`central_people`): the surnames of the
people its title and first paragraph name, what the story is mainly about, where the people a
story merely mentions are background. A person is a name the drafter listed as a person, or a
known given name followed by a capitalised word ("Tony Thompson"). Two reports of one event name
the same people up front; two similar events (two fights of one boxer, two players of one team
put on injured reserve) differ there even when their words and background people are the same,
so `central_factor` lowers the similarity of two stories whose central people differ.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from story_tui.draft.names import NOT_NAMES, given_name_gender
from story_tui.story.model import Story
from story_tui.threads.names import fold, name_key, name_words, surname_key

LEAD_WEIGHT = 2.0
PERSON_WEIGHT = 1.5
CAPITAL_WEIGHT = 1.0
NUMBER_WEIGHT = 1.0
CENTRAL_FLOOR = 0.8
"""The similarity factor of two stories whose central people are all different (see
`central_factor`); stories that share some of them get a factor between this and 1."""

_CAPITAL = regex.compile(r"(?<![.!?\"“]\s)(?<!^)\b\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+)*")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according one two three four five six seven eight nine ten new also
    would could first last year years week weeks day days time monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow mr mrs ms dr it's don't didn't
    he's she's that's there's they're we're i'm can't won't isn't wasn't aren't weren't people
    percent per cent may might must shall many much get got go going went make made like well
    back still even way another around since while however though although just told take took
    us via""".split()
)


@dataclass(frozen=True)
class StoryFeatures:
    """What the grouping knows of one story."""

    key: str
    """Names the story in its library: its path."""
    id: str
    title: str
    published: _dt.date | None
    weights: dict[str, float]
    """Feature -> weight before the library's inverse document frequency."""
    central: frozenset[str] = frozenset()
    """The surnames (folded) of the people the story is mainly about (`central_people`)."""


def central_factor(a: StoryFeatures, b: StoryFeatures) -> float:
    """How the central people change the similarity of two stories: 1 when either names none
    up front; otherwise from `CENTRAL_FLOOR` (none shared) to 1 (the same people), by the share
    of their central people the two have in common."""
    if not a.central or not b.central:
        return 1.0
    shared = len(a.central & b.central) / len(a.central | b.central)
    return CENTRAL_FLOOR + (1.0 - CENTRAL_FLOOR) * shared


_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d+(?:[.,]\d+)*")


def _words(text: str) -> set[str]:
    """The word features of a text, each once."""
    cache = _FEATURE
    words = set(_PLAIN_WORD.findall(text.casefold()))
    for word in [w for w in words if w not in cache]:
        if len(cache) > 500_000:
            cache.clear()
        cache[word] = _feature(word)
    found = {cache[word] for word in words}
    found.discard("")
    return found


_FEATURE: dict[str, str] = {}
"""Word -> its feature ("" for none): the same words come back in every story."""


def _feature(word: str) -> str:
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 3 or word in STOP_WORDS:
        return ""
    if word[0].isdigit():
        return f"n:{word}"
    if len(word) > 40:
        return ""
    return f"w:{_stem(word)}"


def _stem(word: str) -> str:
    """A light stem: plural and -ed/-ing endings off, so `arrests` and `arrested` meet."""
    for ending, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            if ending == "s" and word.endswith("ss"):
                return word
            return word[: len(word) - len(ending)] + keep
    return word


def _capitals(text: str, people: set[str]) -> Iterable[str]:
    for match in _CAPITAL.finditer(text):
        phrase = match.group()
        key = " ".join(phrase.casefold().split())
        if key in people or len(key) < 3 or key in STOP_WORDS:
            continue
        yield f"c:{key}"


_CAPITALISED = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}]*\p{Lu}?[\p{Ll}\p{M}]+(?![\p{L}\p{N}])"
)


_CAPITAL_BEFORE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*\.?[^\S\n]+$")
_CAPITAL_AFTER = regex.compile(r"[^\S\n]+\p{Lu}")
_GIVEN_BEFORE = regex.compile(
    r"(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{Ll}\p{M}]+)[^\S\n]+(?:\p{Lu}\.[^\S\n]+)?$"
)
"""A capitalised word (a given name?) and maybe an initial, just before a surname."""


def _sentence_case(text: str) -> bool:
    """Most words of more than three letters begin in lower case."""
    long = [word for word in text.split() if len(word) > 3 and word[0].isalpha()]
    return sum(word[0].islower() for word in long) * 2 >= len(long)


def _written(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text) is not None


def _alone(word: str, text: str) -> bool:
    """`word` is written somewhere without a capitalised word just before it."""
    start = 0
    while (at := text.find(word, start)) >= 0:
        start = at + len(word)
        if start < len(text) and text[start].isalnum():
            continue
        if at and (text[at - 1].isalnum() or _CAPITAL_BEFORE.search(text, max(0, at - 40), at)):
            continue
        if not _CAPITAL_AFTER.match(text, start):
            return True
    return False


def _key(word: str) -> str:
    return word.casefold() if word.isascii() else fold(word)


def central_people(story: Story, paragraphs: list[str]) -> frozenset[str]:
    """The surnames (folded) of the people the title or the first paragraph names: people the
    drafter listed with a name of two or more words, and a known given name followed by a
    capitalised word ("Tony Thompson", "Dirk A. Kempthorne") anywhere in the article, whose
    last word the article never writes in lower case (not "Mat Maid dairy", "Palmer Fire")."""
    title = story.title
    if title.isupper():  # a headline in capitals: `KLITSCHKO RETAINS BELTS`
        title = title.title()
    candidates = {
        _key(word): word for word in _CAPITALISED.findall(" ".join([title, *paragraphs[:1]]))
    }
    if not candidates:
        return frozenset()
    found = set()
    for person in story.people:
        words = name_words(person.name)
        if person.kind == "person" and len(words) >= 2 and words[-1] in candidates:
            found.add(words[-1])
    text = "\n".join([title, *paragraphs])
    body = "\n".join(paragraphs)
    trusted = _sentence_case(title)
    for word in candidates.values():
        if word in NOT_NAMES:
            continue
        if given_name_gender(word) and not _alone(word, body):
            # A given name after a given name ("Pierre Thomas") is a surname only where the
            # article also writes it alone, as news does with a surname ("Thomas said").
            continue
        # A headline in title case ("Lohan Checks Into Betty Ford") has no word boundaries a
        # name run can trust: a word the body never writes is no surname there.
        start = 0 if trusted or _written(word, body) else len(title) + 1
        while (at := text.find(word, start)) >= 0:
            start = at + len(word)
            if start < len(text) and text[start].isalnum():
                continue
            before = _GIVEN_BEFORE.search(text, max(0, at - 40), at)
            if before and given_name_gender(before.group(1)):
                found.add(_key(word))
                break
    return frozenset(surname for surname in found if not _written(surname, text))


def paragraphs_of(story: Story) -> list[str]:
    """The article's paragraphs, in order."""
    return [p for section in story.sections for p in section.paragraphs]


def features_of(story: Story, key: str) -> StoryFeatures:
    """The features of one story (see the module's docstring)."""
    weights: dict[str, float] = {}
    paragraphs = paragraphs_of(story)
    lead = " ".join(filter(None, [story.title, story.standfirst, *paragraphs[:1]]))
    for feature in _words(lead):
        weights[feature] = weights.get(feature, 0.0) + LEAD_WEIGHT
    for paragraph in paragraphs:
        for feature in _words(paragraph):
            weights[feature] = weights.get(feature, 0.0) + 1.0
    names: set[str] = set()
    for person in story.people:
        full = name_key(person.name)
        if not full:
            continue
        names.add(full)
        names.update(name_key(alias) for alias in person.aliases)
        mentions = 1 + len(person.mentions) + len(person.quotes)
        weight = PERSON_WEIGHT * (1.0 + math.log(mentions))
        weights[f"p:{full}"] = weights.get(f"p:{full}", 0.0) + weight
        surname = surname_key(person.name)
        if surname and surname != full:
            weights[f"p:{surname}"] = weights.get(f"p:{surname}", 0.0) + weight
            names.add(surname)
    for paragraph in [story.title, *paragraphs]:
        for feature in set(_capitals(paragraph, names)):
            weights[feature] = weights.get(feature, 0.0) + CAPITAL_WEIGHT
    return StoryFeatures(
        key=key,
        id=story.id,
        title=story.title,
        published=story.published,
        weights={f: 1.0 + math.log(w) if w > 1 else w for f, w in weights.items()},
        central=central_people(story, paragraphs),
    )
