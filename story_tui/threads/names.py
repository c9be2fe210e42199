"""Which names are one person: "Lindsay Lohan", "Lohan" and "Ms. Lohan". No UI imports.

A name is compared by its words, folded (no accents, no case), without courtesy titles and roles
("Dr.", "President"), suffixes ("Jr.") and a nickname in quotes or brackets. Within one thread
two names are one person when one's words are all words of the other's (a surname alone joins
the full name it ends), or when they differ by one letter in a long word (Rait / Raite); a
surname shared by two full names ("Tara Reid", "Harry Reid") stays apart from both.
"""

from __future__ import annotations

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
    plain = plain.replace("'s ", " ").replace("’s ", " ")
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
