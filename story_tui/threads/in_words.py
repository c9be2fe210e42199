"""Names in the words of a thread's stories, beside the people their files list. No UI.

The last two or three capitalised words of each run of them (initials between them too) in a
story's title and paragraphs are a name the words give (`runs`): "Dirk A. Kempthorne" in
"Interior Secretary Dirk A. Kempthorne". `add_runs` keeps those that are a spelling of a listed
person, or a person no story file lists (see `people.py`'s docstring for the rules).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from story_tui.story.model import Person
from story_tui.threads.merge import ThreadStory
from story_tui.threads.names import fold, is_organisation, name_words, near, same_person

_WORD = r"[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Za-z][a-z]+)?|['’][A-Z][a-z]+)"
"""A capitalised word of a name: Smith, McDermott, Ka'Loni, O'Neal, Jean-Pierre."""
_RUN = re.compile(rf"(?<![\w'’]){_WORD}(?:[ ]+(?:[A-Z]\.[ ]+)*{_WORD})+(?![\w'’])")
INITIALS = re.compile(r"(?<![\w'’])([A-Z][a-z]{1,2})([A-Z][a-z]{1,2})(?![\w'’])")
"""A nickname of two initial syllables: LiLo, JLo."""


@dataclass
class Name:
    """One way the thread names someone, by its folded words."""

    words: tuple[str, ...]
    listed: bool = False
    owners: list[tuple[ThreadStory, Person]] = field(default_factory=list)
    spelled: dict[str, set[int]] = field(default_factory=dict)
    """Each spelling, with the stories (by index) that use it."""
    seen: set[int] = field(default_factory=set)
    """Stories whose words name it in full."""
    shown: bool = True
    """False for a name found in the words with a word before a listed name ("Seahawk Julius
    Jones"): it joins the person but is not one of their names."""


class BySurname:
    """Full names by their last word, so that comparing names looks only at those that may
    match (a thread of hundreds of stories has thousands of names)."""

    def __init__(self, names: Sequence[tuple[str, ...]] = ()) -> None:
        self.bucket: dict[str, list[tuple[str, ...]]] = {}
        self.by_letter: dict[str, set[str]] = {}
        for words in names:
            self.add(words)

    def add(self, words: tuple[str, ...]) -> None:
        self.bucket.setdefault(words[-1], []).append(words)
        self.by_letter.setdefault(words[-1][:1], set()).add(words[-1])

    def same(self, surname: str) -> list[tuple[str, ...]]:
        """The names with this last word."""
        return self.bucket.get(surname, [])

    def near(self, surname: str) -> list[tuple[str, ...]]:
        """The names whose last word is spelt nearly like this one (`names.near`)."""
        found = [s for s in self.by_letter.get(surname[:1], ()) if near(s, surname)]
        return [words for s in sorted(found) for words in self.bucket[s]]


def runs(text: str) -> set[tuple[str, tuple[str, ...]]]:
    """The last two or three capitalised words (initials between them too) of each run of
    them in the text, as written and folded: "Secretary Dirk A. Kempthorne" gives "Dirk A.
    Kempthorne" and "A. Kempthorne" none. A run naming a place gives none ("San Diego Chargers")."""
    from story_tui.draft.names import NOT_NAMES, ROLE_NOUNS
    from story_tui.draft.places import PLACES

    found = set()
    for run in _RUN.findall(text):
        tokens = run.split()
        words = [t for t in tokens if not t.endswith(".")]
        folded = {fold(w) for w in words}
        if folded & PLACE_WORDS or any(
            " ".join(words[i:j]) in PLACES
            for i in range(len(words))
            for j in range(i + 1, min(len(words), i + 3) + 1)
        ):
            continue
        for start in range(max(0, len(tokens) - 4), len(tokens) - 1):
            first = tokens[start]
            if first.endswith(".") or first in NOT_NAMES or fold(first) in ROLE_NOUNS:
                continue
            if name_words(first) != (fold(first),):
                continue  # a title ("Secretary") that name_words drops
            spelling = " ".join(tokens[start:])
            if 1 < len(name_words(spelling)) <= 3:
                found.add((spelling, name_words(spelling)))
    return found


PLACE_WORDS = frozenset(
    """county center centre avenue street road stadium arena bay beach mount mt fort lake river
    ocean sea valley island islands park village city state airport bridge highway patrol
    survey district province region church hospital school college house""".split()
)
"""Words of a place's or a building's name: a run of words with one is not a person's name."""


def add_runs(
    names: dict[tuple[str, ...], Name], texts: list[str], lower: set[str], alone: dict[str, int]
) -> None:
    """Add the names the stories' words give (see the module's docstring)."""
    from story_tui.draft.names import given_name_gender

    found: dict[tuple[str, ...], dict[str, set[int]]] = {}
    for n, text in enumerate(texts):
        for spelling, words in runs(text):
            if len(words) > 1 and not is_organisation(spelling):
                found.setdefault(words, {}).setdefault(spelling, set()).add(n)
    for words in [w for w in found if w in names]:  # a listed name, in the words
        _take(names[words], found.pop(words))
    listed = BySurname([w for w in names if len(w) > 1])
    for _round in range(2):  # a spelling of a spelling: "Ka'loni Flynn" of "Ka'Loni Marie Flynn"
        for words in list(found):
            if any(same_person(words, known) for known in listed.near(words[-1])):
                _take(names.setdefault(words, Name(words)), found.pop(words))
                listed.add(words)
            elif any(_before(words, known, lower) for known in listed.same(words[-1])):
                name = names.setdefault(words, Name(words, shown=False))
                _take(name, found.pop(words))
                listed.add(words)
    for words, spellings in found.items():
        where = set().union(*spellings.values())
        if len(where) < 2 or words[-1] in lower:
            continue
        inside = (k for w in words[:-1] for k in listed.same(w))
        if any(_contains(words, known) for known in inside):
            continue
        if words[-1] in PLACE_WORDS:
            continue  # "White House"
        first = next(iter(spellings)).split()[0]
        plain = not any(w in lower for w in words)
        if given_name_gender(first) is not None or (plain and alone.get(words[-1], 0) >= 2):
            _take(names.setdefault(words, Name(words)), spellings)


def _take(name: Name, spellings: dict[str, set[int]]) -> None:
    for spelling, where in spellings.items():
        name.spelled.setdefault(spelling, set()).update(where)
        name.seen.update(where)


def _before(words: tuple[str, ...], known: tuple[str, ...], lower: set[str]) -> bool:
    """`words` (from the text) is `known` (a full name) with words before it, never one the
    stories use in lower case: a given name ("Ka'Loni Marie Flynn") or a qualifier."""
    extra = len(words) - len(known)
    return extra > 0 and words[extra:] == known and not any(w in lower for w in words[:extra])


def _contains(words: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """`known` is in `words` with more words after it: "Lindsay Lohan Checks"."""
    size = len(known)
    return any(words[i : i + size] == known for i in range(len(words) - size))


def alone_words(text: str) -> set[str]:
    """Capitalised words with no capitalised word just before or after them (folded)."""
    tokens = re.findall(r"[A-Za-z]+|[^\sA-Za-z]", text)
    found = set()
    for n, token in enumerate(tokens):
        if not token[0].isupper():
            continue
        before = tokens[n - 1] if n else ""
        after = tokens[n + 1] if n + 1 < len(tokens) else ""
        if not before[:1].isupper() and not after[:1].isupper():
            found.add(token.casefold())
    return found
