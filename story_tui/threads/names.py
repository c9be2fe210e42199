"""Which names are one person: "Lindsay Lohan", "Lohan" and "Ms. Lohan". No UI imports.

A name is compared by its words, folded (no accents, no case, an apostrophe inside a word
dropped: "Ka'Loni" is "kaloni"), without courtesy titles and roles ("Dr.", "President"),
suffixes ("Jr.") and a nickname in quotes or brackets. Within one thread two names are one
person when one's words are all words of the other's (a surname alone joins the full name it
ends), or when they differ by one letter in a long word (Rait / Raite); a surname shared by two
full names ("Tara Reid", "Harry Reid") stays apart from both.

Two full names are the same person (`same_person`) when the surnames agree, the given names
agree (spelt nearly alike, one an initial of the other, or one a common English short form of
the other: `HYPOCORISMS`, "Bill" / "William"), and the middle names agree or one of the two
leaves them out ("Dirk A. Kempthorne" / "Dirk Kempthorne"; "George W." and "George H. W." do
not). The merge (`people.py`) applies it only when no other person in the thread also matches.

A name with a word like "News", "Department" or "Ministry" (`ORGANISATION_WORDS`) names an
organisation, not a person (`is_organisation`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

_TITLES = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady rev fr st sen rep gov lt gen col capt sgt hon
    pres president senator governor mayor judge justice officer detective sheriff chief coach
    minister king queen prince princess pope rabbi father sister brother uncle aunt""".split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
_NICKNAME = re.compile(r"[\"“”'‘’(\[][^\"“”'‘’()\[\]]{1,30}[\"“”'‘’)\]]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, letters and digits only, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"['’]s\b", " ", plain)  # a possessive: "Lohan's"
    plain = re.sub(r"(?<=\w)['’](?=\w)", "", plain)  # one word: "Ka'Loni", "O'Neal"
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words that name a person, folded, without titles, suffixes and nicknames."""
    words = fold(_NICKNAME.sub(" ", name)).split()
    while words and words[0] in _TITLES:
        words = words[1:]
    while words and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[-1] == "s":  # a possessive split off by fold: "Lohan's"
        words = words[:-1]
    return tuple(words)


def name_key(name: str) -> str:
    """A full name compared loosely: `Dr. Sanjay Gupta` -> `sanjay gupta`."""
    return " ".join(name_words(name))


def surname_key(name: str) -> str:
    """The last word of a name, folded: `Lindsay Lohan` -> `lohan`."""
    words = name_words(name)
    return words[-1] if words else ""


def near(a: str, b: str) -> bool:
    """Two words spelt nearly alike: one letter apart (Rait, Raite; Jon, John) or two swapped."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        if len(a) < 4:
            return False
        differ = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(differ) == 2 and differ[1] == differ[0] + 1:  # Klistchko: two letters swapped
            i = differ[0]
            return a[i] == b[i + 1] and a[i + 1] == b[i]
        return len(differ) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def covers(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Every word of `part` is (nearly) a word of `full`, and its last word is `full`'s last."""
    if not part or not full:
        return False
    if not near(part[-1], full[-1]):
        return False
    return all(any(near(word, other) for other in full) for word in part)


HYPOCORISMS: dict[str, tuple[str, ...]] = {
    short: tuple(full.split())
    for short, full in {
        "al": "albert alfred alan allan alexander",
        "alex": "alexander alexandra alexis",
        "andy": "andrew",
        "drew": "andrew",
        "abby": "abigail",
        "barb": "barbara",
        "becky": "rebecca",
        "ben": "benjamin",
        "bert": "albert herbert robert",
        "beth": "elizabeth",
        "betty": "elizabeth",
        "bill": "william",
        "billy": "william",
        "bob": "robert",
        "bobby": "robert",
        "cathy": "catherine cathleen",
        "charlie": "charles",
        "chuck": "charles",
        "chris": "christopher christian christine christina",
        "dan": "daniel",
        "danny": "daniel",
        "dave": "david",
        "debbie": "deborah debra",
        "dick": "richard",
        "don": "donald",
        "doug": "douglas",
        "ed": "edward edwin edmund",
        "eddie": "edward",
        "fred": "frederick alfred",
        "gene": "eugene",
        "greg": "gregory",
        "hank": "henry",
        "harry": "henry harold",
        "jack": "john",
        "jake": "jacob",
        "jeff": "jeffrey geoffrey",
        "jen": "jennifer",
        "jenny": "jennifer",
        "jerry": "gerald jerome jeremiah",
        "jim": "james",
        "jimmy": "james",
        "joe": "joseph",
        "joey": "joseph",
        "jon": "jonathan",
        "josh": "joshua",
        "kate": "katherine catherine kathleen",
        "katie": "katherine catherine kathleen",
        "kathy": "katherine kathleen",
        "ken": "kenneth",
        "kenny": "kenneth",
        "larry": "lawrence laurence",
        "len": "leonard",
        "liz": "elizabeth",
        "maggie": "margaret",
        "mandy": "amanda",
        "matt": "matthew",
        "meg": "margaret megan",
        "mike": "michael",
        "mick": "michael",
        "mo": "maurice morris mohammed",
        "nate": "nathan nathaniel",
        "ned": "edward",
        "nick": "nicholas",
        "pat": "patrick patricia",
        "peggy": "margaret",
        "pete": "peter",
        "phil": "philip phillip",
        "ray": "raymond",
        "rich": "richard",
        "rick": "richard",
        "ricky": "richard",
        "rob": "robert",
        "ron": "ronald",
        "sam": "samuel samantha",
        "sandy": "sandra alexander",
        "steve": "stephen steven",
        "sue": "susan suzanne",
        "ted": "edward theodore",
        "terry": "terence terrance",
        "tim": "timothy",
        "tom": "thomas",
        "tommy": "thomas",
        "tony": "anthony",
        "vicky": "victoria",
        "will": "william",
        "zach": "zachary",
    }.items()
}
"""Common English short forms of given names, each with the names it shortens. A general table,
not one fitted to any corpus; a name not in it is compared by its spelling only."""


def same_given(a: str, b: str) -> bool:
    """Two folded given names of one person: spelt nearly alike, one the other's initial, or
    one a short form of the other ("bill" / "william", "mo" / "maurice")."""
    if near(a, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return b in HYPOCORISMS.get(a, ()) or a in HYPOCORISMS.get(b, ())


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (two words or more, from `name_words`) that can name one person: the
    surnames agree, the given names agree (`same_given`), and the middle names agree word for
    word or one of the two names has none."""
    if len(a) < 2 or len(b) < 2 or not near(a[-1], b[-1]) or not same_given(a[0], b[0]):
        return False
    middle_a, middle_b = a[1:-1], b[1:-1]
    if middle_a and middle_b:
        if len(middle_a) != len(middle_b):
            return False
        return all(same_given(x, y) for x, y in zip(middle_a, middle_b, strict=True))
    return True


ORGANISATION_WORDS = frozenset(
    """news times daily press agency agencies department ministry bureau council committee
    commission association society university institute foundation coalition corporation corp
    inc ltd llc network administration authority police service services office""".split()
)
"""Words that make a name an organisation's: "Anchorage Daily News", "Interior Department"."""


def is_organisation(name: str) -> bool:
    """A name that names an organisation or publication, not a person: one of
    `ORGANISATION_WORDS` ends it ("Anchorage Daily News") or comes before "of" ("Department of
    Justice"); as a qualifier before a name it does not count ("News anchor Brian Williams")."""
    words = fold(name).split()
    if words and words[-1] in ORGANISATION_WORDS:
        return True
    return any(w in ORGANISATION_WORDS and n == "of" for w, n in itertools.pairwise(words))
