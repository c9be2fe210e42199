"""People across a thread: one entry per person, from the story files and their words. No UI.

Names come from two places: the people each story file lists (organisations apart: they are
never merged with people, see `merge_organisations`), and runs of capitalised words in the
stories' titles and paragraphs (`in_words.py`: names the drafter did not list, or spelt another
way: "Dirk A. Kempthorne"). Names are joined, in this order:

1. spellings of one name (Rait / Raite);
2. a name that is another full name with words before it ("Interior Dirk Kempthorne");
3. two full names of one person (`names.same_person`: a middle initial left out, "Mo" and
   "Maurice"), only when every name that matches is that one person too;
4. a shorter name joins the one longer name that covers it ("Lohan" -> "Lindsay Lohan"), or,
   a bare surname, the thread's main figure of that name; else it stays alone;
5. a bare surname still alone, in a story that names in full only one of the people with that
   surname, is that person there ("Peterson" in a story naming only "Scott Peterson").

A name found only in the words counts when it is a spelling of a listed person (one more word
before it or in the middle, never a word the stories also use in lower case), or when two
stories name it in full and it looks like a person's: a known given name first, or a surname that
also stands alone and no word used in lower case ("Joique Bell"); a surname a listed person has
needs a known given name ("Germany Klitschko" is not one). A name containing a listed full name
and more words ("Lindsay Lohan Checks", a title in title case) is not a new person.

A story also counts for a person when its words name them: in full, by a surname no one else in
the thread has, by a known given name standing alone that no one else has and the stories never
use in lower case ("Matt, who has..."), or by a nickname of the first letters of given name and
surname ("LiLo" for Lindsay Lohan, then an alias).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from story_tui.story.model import Person
from story_tui.threads.in_words import INITIALS, BySurname, Name, add_runs, alone_words
from story_tui.threads.merge import Said, ThreadPerson, ThreadStory
from story_tui.threads.names import (
    covers,
    fold,
    is_organisation,
    name_key,
    name_words,
    same_given,
    same_person,
)

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def text_of(story: ThreadStory) -> str:
    """The title and paragraphs of a story, one text."""
    paragraphs = (p for s in story.story.sections for p in s.paragraphs)
    return "\n".join([story.story.title, *paragraphs])


def merge_people(stories: Sequence[ThreadStory]) -> list[ThreadPerson]:
    """One entry per person across the stories (see the module's docstring)."""
    names: dict[tuple[str, ...], Name] = {}
    for n, story in enumerate(stories):
        for person in story.story.people:
            words = name_words(person.name)
            if not words or not person.name[:1].isupper() or _not_a_person(person):
                continue  # "a source close to the team": not a name
            name = names.setdefault(words, Name(words))
            name.listed = True
            name.owners.append((story, person))
            name.spelled.setdefault(person.name, set()).add(n)
    texts = [text_of(story) for story in stories]
    lower = {w for text in texts for w in re.findall(r"\b[a-z]+\b", text)}
    standing = [alone_words(text) for text in texts]
    alone: dict[str, int] = {}
    for seen in standing:
        for word in seen:
            alone[word] = alone.get(word, 0) + 1
    add_runs(names, texts, lower, alone)
    order = sorted(names, key=lambda w: (-len(w), w))
    groups = _join(order, names)
    people = [_person([names[w] for w in members], stories) for members in groups]
    for entry in people:
        surname = entry.name.split()[-1]
        if not entry.appearances and alone.get(fold(surname), 0) and surname not in entry.aliases:
            entry.aliases.append(surname)  # named in the words only: "Bell ran for 90 yards"
    capitalised = [
        {w for found in _CAPITALISED.findall(text) for w in fold(found).split()} for text in texts
    ]
    _bare_by_story(people, stories, [f" {fold(text)} " for text in texts])
    people = [p for p in people if p.appearances or p.named_in or len(name_words(p.name)) > 1]
    _named_in(people, stories, texts, lower, capitalised, standing=standing)
    rank = {id(s): n for n, s in enumerate(stories)}
    for entry in people:
        entry.order = rank
    people.sort(key=lambda p: (-len(p.quotes), -len(p.story_ids), p.name.casefold()))
    return people


def _not_a_person(person: Person) -> bool:
    return person.kind != "person" or is_organisation(person.name)


def merge_organisations(stories: Sequence[ThreadStory]) -> list[ThreadPerson]:
    """The organisations the stories quote or name as people ("Anchorage Daily News"), one
    entry per name (folded), never merged with a person; those quoted most first."""
    found: dict[str, ThreadPerson] = {}
    for story in stories:
        for person in story.story.people:
            if not _not_a_person(person) or not name_key(person.name):
                continue
            entry = found.setdefault(name_key(person.name), ThreadPerson(person.name, [], []))
            entry.appearances.append((story, person))
            entry.quotes += [Said(story, q) for q in person.quotes]
    rank = {id(s): n for n, s in enumerate(stories)}
    for entry in found.values():
        entry.order = rank
    return sorted(found.values(), key=lambda p: (-len(p.quotes), p.name.casefold()))


def _join(
    order: list[tuple[str, ...]], names: dict[tuple[str, ...], Name]
) -> list[list[tuple[str, ...]]]:
    """Which names are one person (the steps of the module's docstring)."""
    parent = {w: w for w in order}

    def find(w: tuple[str, ...]) -> tuple[str, ...]:
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    def union(a: tuple[str, ...], b: tuple[str, ...]) -> None:
        parent[find(a)] = find(b)

    full = [w for w in order if len(w) > 1]
    # 1. Spellings of one name: the same length, each covering the other.
    for n, a in enumerate(order):
        for b in order[n + 1 :]:
            if len(b) != len(a):
                break
            if covers(a, b) and covers(b, a):
                union(b, a)
    by_surname = BySurname(full)
    # 2. A full name with words before it: "Interior Dirk Kempthorne" is Dirk Kempthorne.
    for a in full:
        for b in by_surname.same(a[-1]):
            if len(b) < len(a) and a[len(a) - len(b) :] == b:
                union(a, b)
                break
    # 3. Two full names of one person, when every full name that matches either is that person
    # too: "George Bush" matches "George W. Bush" and "George H. W. Bush", so none join.
    matching = {
        a: {b for b in by_surname.near(a[-1]) if b != a and same_person(a, b)} for a in full
    }
    for a in full:
        for b in matching[a]:
            names_of = sorted({a, b} | matching[a] | matching[b])
            if all(same_person(x, y) for i, x in enumerate(names_of) for y in names_of[i + 1 :]):
                union(b, a)
    # 4. Longest names first: each shorter name joins the one longer name that covers it, or
    # stays alone when several different longer names do ("Reid": "Tara Reid" or "Harry Reid"?)
    weight = {w: sum(1 + len(p.quotes) for _s, p in names[w].owners) for w in order}
    for a in order:
        covering = {find(b) for b in order if _covering(b, a)} - {find(a)}
        if len(covering) == 1:
            union(a, covering.pop())
        elif len(covering) > 1 and len(a) == 1:
            # ... unless one of them is by far the thread's main figure of that name: a bare
            # "Peterson" in the Scott Peterson trial is Scott, not Laci.
            size: dict[tuple[str, ...], int] = {}
            for b in order:
                if find(b) in covering:
                    size[find(b)] = size.get(find(b), 0) + weight[b]
            ranked = sorted(size.values(), reverse=True)
            if ranked[0] >= 2 * ranked[1]:
                union(a, max(size, key=lambda g: size[g]))
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for w in order:
        groups.setdefault(find(w), []).append(w)
    return list(groups.values())


def _covering(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`full` is a longer name that `part` may be short for: a surname alone, or a full name
    that agrees with it (`same_person`) or ends it ("George W. Bush" is not short for "George H.
    W. Bush")."""
    if len(full) <= len(part) or not covers(full, part):
        return False
    return len(part) == 1 or same_person(full, part) or full[-len(part) :] == part


def _person(members: list[Name], stories: Sequence[ThreadStory]) -> ThreadPerson:
    appearances = [owner for name in members for owner in name.owners]
    spelled: dict[str, set[int]] = {}
    for member in members:
        for spelling, where in member.spelled.items():
            if member.shown:
                spelled.setdefault(spelling, set()).update(where)
    for _story, person in appearances:
        for alias in person.aliases:
            spelled.setdefault(alias, set())
    fuller = [s for s in spelled if len(name_words(s)) > 1] or list(spelled)
    name = max(fuller, key=lambda s: (len(spelled[s]), len(name_words(s)), len(s), s))
    aliases = sorted(s for s in spelled if s != name)
    quotes = [Said(story, q) for story, person in appearances for q in person.quotes]
    entry = ThreadPerson(name, aliases, appearances, quotes)
    listed = {id(s) for s, _p in appearances}
    seen = sorted({n for member in members for n in member.seen})
    entry.named_in = [stories[n] for n in seen if id(stories[n]) not in listed]
    return entry


def _bare_by_story(
    people: list[ThreadPerson], stories: Sequence[ThreadStory], folded: list[str]
) -> None:
    """A bare surname a story lists ("Peterson"), that two people of the thread have, is the one
    of them the same story names in full, when it names exactly one ("Scott Peterson")."""
    index = {id(s): n for n, s in enumerate(stories)}
    full: dict[str, list[ThreadPerson]] = {}
    for entry in people:
        words = name_words(entry.name)
        if len(words) > 1:
            full.setdefault(words[-1], []).append(entry)
    for bare in [p for p in people if len(name_words(p.name)) == 1]:
        candidates = full.get(name_words(bare.name)[0], [])
        if len(candidates) < 2:
            continue
        kept = []
        for story, person in bare.appearances:
            text = folded[index[id(story)]]
            named = [
                c
                for c in candidates
                if any(
                    len(words) > 1 and f" {' '.join(words)} " in text
                    for words in map(name_words, [c.name, *c.aliases])
                )
            ]
            if len(named) != 1:
                kept.append((story, person))
                continue
            named[0].appearances.append((story, person))
            named[0].quotes += [Said(story, q) for q in person.quotes]
            named[0].aliases = sorted({*named[0].aliases, person.name} - {named[0].name})
            bare.quotes = [q for q in bare.quotes if q.story is not story]
        bare.appearances = kept


def _nickname_of(pair: tuple[str, str], words: tuple[str, ...]) -> bool:
    """("Li", "Lo") is a nickname of ("lindsay", "lohan")."""
    first, last = pair
    return (
        len(words) > 1
        and words[0].startswith(first.casefold())
        and words[-1].startswith(last.casefold())
    )


def _named_in(
    people: list[ThreadPerson],
    stories: Sequence[ThreadStory],
    texts: list[str],
    lower: set[str],
    capitalised: list[set[str]],
    *,
    standing: list[set[str]],
) -> None:
    """Add the stories whose words name a person (see the module's docstring); `standing`:
    each text's `alone_words`."""
    from story_tui.draft.names import given_name_gender

    surnames: dict[str, int] = {}
    givens: dict[str, int] = {}
    for person in people:
        words = name_words(person.name)
        if len(words) > 1:
            surnames[words[-1]] = surnames.get(words[-1], 0) + 1
            givens[words[0]] = givens.get(words[0], 0) + 1
    nicknames = [set(INITIALS.findall(text)) for text in texts]
    owners: dict[tuple[str, str], int] = {}  # how many people a nickname fits: one, or none
    for pair in set().union(*nicknames):
        owners[pair] = sum(1 for p in people if _nickname_of(pair, name_words(p.name)))
    for person in people:
        words = name_words(person.name)
        if not words or (len(words) == 1 and words[0] in surnames):
            continue  # a bare surname two people have: which one a story means is unknown
        listed = {id(s) for s, _p in person.appearances} | {id(s) for s in person.named_in}
        unique = len(words) > 1 and surnames.get(words[-1], 0) == 1
        given = (
            len(words) > 1
            and givens.get(words[0], 0) == 1
            and words[0] not in lower
            and not any(same_given(words[0], g) for g in givens if g != words[0])
            and given_name_gender(words[0]) is not None
        )
        for story, seen, text_alone, nicks in zip(
            stories, capitalised, standing, nicknames, strict=True
        ):
            nick = [a + b for a, b in nicks if owners[a, b] == 1 and _nickname_of((a, b), words)]
            if nick:
                person.aliases = sorted({*person.aliases, *nick})
            if id(story) in listed:
                continue
            if (
                all(w in seen for w in words)
                or (unique and words[-1] in seen)
                or (given and words[0] in text_alone)
                or nick
            ):
                person.named_in.append(story)
