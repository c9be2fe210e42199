"""People (and speaking organisations) in an article: who they are and where they are named.

A capitalised run of words is a person when something says so: a courtesy or role title before
it (`Sen. Ted Cruz`, `Prof Sarah Gilbert`, `JGC spokesman Ryouske Hoshijima`), a known given
name (`Hillary Clinton`), an apposition (`NAME, a 56-year-old nurse from Venezuela,`, `NAME,
37,`), or a speech verb (`…,” said NAME`: see speakers.py). A surname or given name the article
later uses alone is an alias. Plain Python; no UI imports.
"""

from __future__ import annotations

from collections import Counter

import regex

from story_tui.draft.model import DraftPerson, slug
from story_tui.draft.names import (
    HONORIFICS,
    NAME,
    NAME_RE,
    NOT_NAMES,
    ORGANISATION_NOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_NOUNS,
    given_name_gender,
    is_title,
    name_words,
    surname_of,
)
from story_tui.draft.places import PLACES
from story_tui.draft.roles import role_after, role_before
from story_tui.draft.text import credit_line

_APPOSITION = regex.compile(
    rf"(?P<name>{NAME}),\s+(?:(?P<age0>\d{{1,3}}),\s+)?(?:(?:a|an|the)\s+)"
    rf"(?:(?P<age>\d{{1,3}})-year-old\s+)?"
    r"(?P<role>[\p{Ll}\p{Lu}][^,.;:“”\"()]*?)"
    r"(?:\s+from\s+(?P<origin>\p{Lu}[\p{L}\p{M}]+(?:\s+\p{Lu}[\p{L}\p{M}]+)*))?(?=[,.;:)])"
)
_AGE_AFTER = regex.compile(rf"(?P<name>{NAME})(?:,\s+|\s+\()(?P<age>\d{{1,3}})(?:[,)]|\.(?!\d))")
_AGED = regex.compile(rf"(?P<name>{NAME})[^.;]{{0,40}}?\baged\s+(?P<age>\d{{1,3}})\b")
_AGE_NEAR = regex.compile(
    r"\b(?:He|She)\s+(?:was|is)\s+(?P<age>\d{1,3})(?:\s+years\s+old)?(?=[\s,.;])"
    r"|\bat\s+the\s+age\s+of\s+(?P<age2>\d{1,3})\b"
    r"|\b[Tt]he\s+(?P<age3>\d{1,3})-year-old\b"
)
"""An age said of the person named last: `He was 90 years old.`, `at the age of 56`, `the
66-year-old`."""
_TITLE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?P<title>(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Lt|Gen|Col|Rev)\.?)\s+$"
)


class People:
    """The registry: people by name, with their surnames and given names for later mentions."""

    def __init__(self) -> None:
        self.people: list[DraftPerson] = []
        self.gender: dict[str, str] = {}
        self._ids: set[str] = set()

    def lookup(self, name: str) -> DraftPerson | None:
        """A known person by full name, surname or alias."""
        for person in self.people:
            if name == person.name or name in person.aliases:
                return person
        matches = [p for p in self.people if p.kind == "person" and surname_of(p.name) == name]
        if len(matches) == 1:
            return matches[0]
        if matches:
            return max(matches, key=lambda p: p.first)
        if " " in name:
            # a surname of two words (`López Obrador`) stays the person's (`Andrés Manuel …`)
            ends = [p for p in self.people if p.kind == "person" and p.name.endswith(" " + name)]
            if len(ends) == 1:
                return ends[0]
        if " " not in name:
            firsts = [p for p in self.people if p.kind == "person" and p.name.split()[0] == name]
            if len(firsts) == 1 and len(firsts[0].name.split()) > 1:
                return firsts[0]
        return None

    def add(self, name: str, at: int, kind: str = "person") -> DraftPerson:
        """The person with this name (or whose surname this is), added if new."""
        found = self.lookup(name)
        if found is not None:
            return found
        if kind == "person" and " " in name:
            surname = surname_of(name)
            for person in self.people:
                if person.kind == "person" and person.name == surname:
                    person.aliases.append(person.name)
                    person.name = name
                    return person
        base = slug(surname_of(name) if kind == "person" and name[:1].isupper() else name)
        if base in self._ids:
            base = slug(name)
        person_id = base
        number = 1
        while person_id in self._ids:
            number += 1
            person_id = f"{base}-{number}"
        self._ids.add(person_id)
        person = DraftPerson(name=name, id=person_id, kind=kind, first=at)
        if name[:1].islower():
            person.unnamed = True
        self.people.append(person)
        first = name.split(maxsplit=1)[0]
        gender = given_name_gender(first) if kind == "person" and " " in name else None
        if gender:
            self.gender[person_id] = gender
        return person


def clean_name(raw: str, title: str | None = None) -> tuple[str | None, str]:
    """(title, name) from a matched run: leading non-name words and titles split off.

    `title` is the title just before the run (`Gov.` before `Jan Brewer`), if any."""
    words = raw.split()
    while words and ((words[0] in NOT_NAMES and title is None) or is_title(words[0])):
        if is_title(words[0]) and len(words) > 1:
            title = words[0]
        words.pop(0)
    while words and words[-1] in NOT_NAMES and words[-1] not in ("An", "Le", "La", "May"):
        words.pop()
    for index in range(len(words) - 1, -1, -1):
        bare = words[index].lower().rstrip(".")
        if bare in ROLE_NOUNS or is_title(words[index]):
            if is_title(words[index]) and index + 1 < len(words):
                title = words[index]
            words = words[index + 1 :]
            break
    for index in range(1, len(words)):
        if words[index] in _CONNECTORS:  # `Alicia Keys And Protestors`
            words = words[:index]
            break
    for size in (2, 1):
        # `Britain Liu Xiaming`, `New Delhi Mayor …`: a place before the name is not the name
        if len(words) >= size + 2 and " ".join(words[:size]) in PLACES:
            words = words[size:]
            break
    return title, " ".join(words)


_CONNECTORS = frozenset("And Or Of The For With To In On At By From Is Are Was Were".split())


def find_people(
    paragraphs: list[str], bases: list[int], people: People, authors: list[str] | None = None
) -> None:
    """Add everyone the article clearly names as a person, with roles and ages. Credit lines,
    bylines and other page furniture (text.credit_line) name no one in the story."""
    last: DraftPerson | None = None
    for index, paragraph in enumerate(paragraphs):
        base = bases[index]
        if credit_line(paragraph, authors or ()):
            continue
        for match in _APPOSITION.finditer(paragraph):
            title, name = clean_name(match["name"])
            role = match["role"].strip()
            if len(role.split()) > 12 or not name or not_a_person(name, title):
                continue
            aged = match["age"] or match["age0"]
            role_words = {w.lower() for w in role.split()}
            personal = aged or (
                " " in name and role[:1].islower() and not role_words & ORGANISATION_NOUNS
            )
            if not personal and not _plausible(name, title, paragraph, match.start()):
                continue
            person = people.add(name, base + match.start())
            person.role = person.role or role[0].upper() + role[1:]
            age = match["age"] or match["age0"]
            if age:
                person.age = int(age)
            if match["origin"]:
                person.origin = match["origin"]
        mentions: list[tuple[int, DraftPerson]] = []
        for match in NAME_RE.finditer(paragraph):
            before = _TITLE_BEFORE.search(paragraph, max(0, match.start() - 8), match.start())
            title, name = clean_name(match.group(), before["title"] if before else None)
            if not name or not_a_person(name, title):
                continue
            at = match.start() + match.group().find(name)
            known = people.lookup(name)
            role = role_before(paragraph, at) if known is None or known.role is None else None
            if known is None and not (title or role or _given(name)):
                continue
            if known is None and " " not in name and not (title or role):
                continue
            if known is None and not (title or role) and _place_or_body(name, paragraph, at):
                continue
            person = known or people.add(name, base + at)
            mentions.append((at, person))
            if person.role is None:
                role = role or role_after(paragraph, at + len(name))
            if role and person.role is None:
                person.role = role
            elif title and person.role is None and title.rstrip(".").lower() in ROLE_ABBREVIATIONS:
                person.role = ROLE_ABBREVIATIONS[title.rstrip(".").lower()]
        for match in _AGE_NEAR.finditer(paragraph):
            named = [person for at, person in mentions if at < match.start()]
            aged = named[-1] if named else last
            age = int(match["age"] or match["age2"] or match["age3"])
            if aged is not None and aged.age is None and 0 < age < 120:
                aged.age = age
        if mentions:
            last = mentions[-1][1]
        for match in _AGE_AFTER.finditer(paragraph):
            aged = people.lookup(clean_name(match["name"])[1])
            if aged and aged.age is None and 0 < int(match["age"]) < 120:
                aged.age = int(match["age"])
        for match in _AGED.finditer(paragraph):
            aged = people.lookup(clean_name(match["name"])[1])
            if aged and aged.age is None and 0 < int(match["age"]) < 120:
                aged.age = int(match["age"])


_PLACE_LEAD = frozenset(
    "New San Santa Los Las Fort Port Lake Mount Mt. St. Saint North South East West Upper "
    "Lower Greater Central".split()
)
_BODY_LAST = frozenset(
    """Court Council Committee Assembly Nations Services Service Institute Infirmary Survey
    Exchange Academy Stadium Arena Laboratory Laboratories Society Productions Studios
    Entertainment Equities Publishing Series Cup Finals Championship Championships Award Awards
    League Bank Area Summit Reports Review Journal Times Post News Network Agency Ministry
    Department Office Commission Authority Administration Board Foundation Fund Trust Group
    Company Corporation Corp Inc Ltd LLC Party Union Association Federation University
    College School Hospital Center Centre Museum Library Church Airport Station Park Street
    Avenue Road Bridge River Lake County City Island Islands Valley Bay Beach Heights Hills
    Springs Falls Square Plaza Tower Building Hall House Palace Parliament Congress Senate
    Police Army Navy Force Forces Guard Amendment Act Bill Law Rights Program Programme Project
    Plan Initiative Index Report Study Prize Games Olympics Festival Conference Forum Day Week
    Year Season Tour Show Awards Era Age War Crisis Coast Sea Ocean Gulf Mountains Desert
    Province State States Republic Kingdom Empire Region District Territory Capital Realm
    Insider Psychiatry Medicine Science Sciences Health Affairs""".split()
)


_OPENERS = frozenset(
    """he she it they we you i his her its their our my your him them us this that these those
    there here on in at for from to of by with and but or so yet if when while after before as
    since because although though then now meanwhile however instead also still even just only
    not no""".split()
)
_PRONOUN = regex.compile(r"(?i)\b(?:he|she|they|we|his|her|their|its|him|them|our)\b")
_CLAUSE_VERB = regex.compile(
    r"(?i)\b(?:released|pleaded|published|said|says|told|announced|reported|found|showed|"
    r"claimed|wrote|added|is|are|was|were|has|have|had|will|would)\b"
)


def not_a_speaker(name: str) -> bool:
    """A speaker's name that is a piece of a sentence, not a name or a description: a sentence
    opener or a pronoun phrase (`He instead`, `On Monday`, `For starters`, `His repeated claims
    …`, `Paganini and his team`), or a clause (`NASA’s Office … released two highly critical`)."""
    words = name.split()
    if not words:
        return True
    first = words[0].lower().strip("“”\"'’")
    return (
        first in _OPENERS
        or _PRONOUN.search(name) is not None
        or len(words) > 8
        or _CLAUSE_VERB.search(" ".join(words[1:])) is not None
    )


def not_a_person(name: str, title: str | None = None) -> bool:
    """A capitalised run that names no person, whatever is around it: a place (`Hong Kong`,
    `New Delhi`, `South Dakota`; a one-word place only without a courtesy title), a body or a
    thing by its last word (`Supreme Court`, `General Assembly`, `Davis Cup Finals`)."""
    words = name.split()
    if not words:
        return True
    if name in PLACES and (
        len(words) > 1 or title is None or title.rstrip(".").lower() not in HONORIFICS
    ):
        return True
    if words[-1] in _BODY_LAST or (words[-1].lower() in ORGANISATION_NOUNS and len(words) > 1):
        return True
    if len(words) == 1 and words[0].lower() in ORGANISATION_NOUNS:
        return True
    return len(words) > 1 and words[0] in _PLACE_LEAD and title is None


_LOCATIVE = regex.compile(
    r"(?:\b(?:in|at|near|from|across|outside|inside|around|to)\s+(?:the\s+)?)$"
)
_BODY_WORDS = frozenset(
    "center centre hospital survey company board school college university institute museum "
    "church airport station park street avenue road bridge river lake county city island "
    "foundation fund corporation group party committee council agency office house hall "
    "stadium arena club association society".split()
)


def _place_or_body(name: str, paragraph: str, at: int) -> bool:
    """`in San Francisco`, `Kennedy Space Center`, `The Walt Disney Company`: not a person."""
    last = name.rsplit(maxsplit=1)[-1].lower()
    if last in _BODY_WORDS or last in ORGANISATION_NOUNS:
        return True
    lead = paragraph[max(0, at - 12) : at]
    return _LOCATIVE.search(lead) is not None or paragraph[max(0, at - 4) : at] == "The "


def _given(name: str) -> bool:
    words = name_words(name)
    return len(words) >= 2 and given_name_gender(words[0]) is not None


def _plausible(name: str, title: str | None, paragraph: str, at: int) -> bool:
    if not name:
        return False
    if title or _given(name):
        return True
    return " " in name and role_before(paragraph, at) is not None


def add_aliases(people: People, article: str) -> None:
    """Surnames (and given names) the article uses alone become aliases."""
    surnames = {surname_of(p.name) for p in people.people}
    firsts = Counter(p.name.split()[0] for p in people.people)
    for person in people.people:
        if person.kind != "person" or " " not in person.name:
            continue
        candidates = [surname_of(person.name)]
        first = person.name.split()[0]
        if firsts[first] == 1:
            candidates.append(first)
        for alias in candidates:
            if alias in person.aliases or alias == person.name or len(alias) < 2:
                continue
            if alias != candidates[0] and alias in surnames:
                continue
            alone = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}]){regex.escape(alias)}(?![\p{{L}}\p{{N}}])"
            )
            full = regex.compile(rf"(?<![\p{{L}}]){regex.escape(person.name)}(?![\p{{L}}])")
            if len(alone.findall(article)) > len(full.findall(article)):
                person.aliases.append(alias)
