"""People (and speaking organisations) in an article: who they are and where they are named.

A capitalised run of words is a person when something says so: a courtesy or role title before
it (`Sen. Ted Cruz`, `Prof Sarah Gilbert`, `JGC spokesman Ryouske Hoshijima`), a known given
name (`Hillary Clinton`), an apposition (`NAME, a 56-year-old nurse from Venezuela,`, `NAME,
37,`), or a speech verb (`…,” said NAME`: see speakers.py). A surname or given name the article
later uses alone is an alias. Plain Python; no UI imports.
"""

from __future__ import annotations

import regex

from story_tui.draft.model import DraftPerson, slug
from story_tui.draft.names import (
    NAME,
    NAME_RE,
    NOT_NAMES,
    ORGANISATION_NOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_NOUNS,
    TITLE_RE,
    given_name_gender,
    is_title,
    name_words,
    surname_of,
)

_APPOSITION = regex.compile(
    rf"(?P<name>{NAME}),\s+(?:(?P<age0>\d{{1,3}}),\s+)?(?:(?:a|an|the)\s+)"
    rf"(?:(?P<age>\d{{1,3}})-year-old\s+)?"
    r"(?P<role>[\p{Ll}\p{Lu}][^,.;:“”\"()]*?)"
    r"(?:\s+from\s+(?P<origin>\p{Lu}[\p{L}\p{M}]+(?:\s+\p{Lu}[\p{L}\p{M}]+)*))?(?=[,.;:)])"
)
_AGE_AFTER = regex.compile(rf"(?P<name>{NAME})(?:,\s+|\s+\()(?P<age>\d{{1,3}})(?:[,)]|\.(?!\d))")
_AGED = regex.compile(rf"(?P<name>{NAME})[^.;]{{0,40}}?\baged\s+(?P<age>\d{{1,3}})\b")
_THE_AGE = regex.compile(r"\b[Tt]he\s+(?P<age>\d{1,3})-year-old\b")
_TITLE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?P<title>(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Lt|Gen|Col|Rev)\.?)\s+$"
)
_ROLE_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'.&-]*")
_ROLE_LEAD_STOP = frozenset(
    "said says told and or but with by for from to of in on at as was is who that which "
    "when while after before has have had also".split()
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
    return title, " ".join(words)


def role_before(paragraph: str, start: int) -> str | None:
    """The role phrase just before a name: `Peruvian Foreign Minister`, `JGC spokesman`."""
    words = list(_ROLE_WORD.finditer(paragraph[max(0, start - 120) : start]))
    lead = paragraph[max(0, start - 120) : start]
    if not words or lead[words[-1].end() :].strip():
        return None
    picked: list[regex.Match[str]] = []
    for word in reversed(words):
        text = word.group()
        bare = text.lower().rstrip(".")
        if not picked:
            if bare not in ROLE_NOUNS and not is_title(text):
                return None
        elif (
            bare in _ROLE_LEAD_STOP
            or bare in ("a", "an", "the")
            or text in NOT_NAMES
            or (text.endswith(".") and not is_title(text))
        ):
            break
        gap = lead[word.end() : picked[-1].start()] if picked else ""
        if gap.strip(" ") and gap.strip() not in ("’s", "'s"):
            break
        picked.append(word)
        if len(picked) >= 6:
            break
    first_title = picked[0].group()
    if len(picked) == 1 and first_title.rstrip(".").lower() in ROLE_ABBREVIATIONS:
        return ROLE_ABBREVIATIONS[first_title.rstrip(".").lower()]
    if len(picked) == 1 and picked[0].group().lower() not in ROLE_NOUNS:
        return None
    role = lead[picked[-1].start() : picked[0].end()]
    return role[0].upper() + role[1:]


def find_people(paragraphs: list[str], bases: list[int], people: People) -> None:
    """Add everyone the article clearly names as a person, with roles and ages."""
    for index, paragraph in enumerate(paragraphs):
        base = bases[index]
        for match in _APPOSITION.finditer(paragraph):
            title, name = clean_name(match["name"])
            role = match["role"].strip()
            if len(role.split()) > 12 or not name:
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
        for match in NAME_RE.finditer(paragraph):
            before = _TITLE_BEFORE.search(paragraph, max(0, match.start() - 8), match.start())
            title, name = clean_name(match.group(), before["title"] if before else None)
            if not name:
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
            if role and person.role is None:
                person.role = role
            elif title and person.role is None and title.rstrip(".").lower() in ROLE_ABBREVIATIONS:
                person.role = ROLE_ABBREVIATIONS[title.rstrip(".").lower()]
        for match in _AGE_AFTER.finditer(paragraph):
            aged = people.lookup(clean_name(match["name"])[1])
            if aged and aged.age is None and 0 < int(match["age"]) < 120:
                aged.age = int(match["age"])
        for match in _AGED.finditer(paragraph):
            aged = people.lookup(clean_name(match["name"])[1])
            if aged and aged.age is None and 0 < int(match["age"]) < 120:
                aged.age = int(match["age"])


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
    surnames = [surname_of(p.name) for p in people.people]
    for person in people.people:
        if person.kind != "person" or " " not in person.name:
            continue
        candidates = [surname_of(person.name)]
        first = person.name.split()[0]
        if sum(1 for p in people.people if p.name.split()[0] == first) == 1:
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


def the_age(paragraph: str) -> list[tuple[int, int]]:
    """(offset, age) for each `the 47-year-old`."""
    return [(m.start(), int(m["age"])) for m in _THE_AGE.finditer(paragraph)]


TITLE_BEFORE = TITLE_RE
