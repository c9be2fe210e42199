"""Draft a story file from a plain article, by transparent rules. Plain Python; no UI imports.

Every span in the draft is copied from the article, so every anchor is verbatim by construction.
What the rules guess (a speaker from "he said", a figure's unit, a placeholder heading) is marked
with a `# check:` comment for the editor. No model, no network.

The rules, in order:

1. Paragraphs: separated by blank lines, or one per line when there are no blank lines. Markdown
   headings (`# Title`) start sections and become their titles.
2. People: names in appositions (`NAME, a 56-year-old nurse from Venezuela,` gives age, role and
   origin), names after a role title (`Foreign Minister NAME`), and names attached to quotes
   (`…,” explained NAME`, `…,” NAME lamented`, `NAME told AFP`). A surname the article also uses
   on its own becomes an alias.
3. Direct quotations: text inside “curly” or "straight" quotation marks. The speaker is the name
   in the attribution after the quote; a pronoun (`he said`, `he offered …:`) or no attribution
   resolves to the person named most recently before the quote, marked for checking. The outlet in
   `told AFP`, `to AFP` or `in an interview with AFP` becomes the quote's source.
4. Figures: counts (`roughly 330,000`, `100 people`), with the year that follows (`in 2018`,
   `by 2024`) as `as_of`, and full dates (`December 14, 2025`, `April 2023`).
5. Timeline: each dated clause (`In April 2023, Peru enacted …`), with the date as the event date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from story_tui.story.formatting import shorten

_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
_UPPER = r"[A-ZÀ-ÖØ-Þ]"
_LOWER = r"[a-zß-öø-ÿ’'\-]"
_WORD = rf"{_UPPER}{_LOWER}+"
_PARTICLE = r"(?:de|da|del|della|di|van|von|der|la|le|dos|das)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{1,3}}"
"""Two to four capitalised words, with particles: `Milbayajaira Rivas`, `Hugo de Zela`."""
SURNAME = rf"(?:{_PARTICLE}\s+)?{_WORD}"
OUTLET = rf"(?:The\s+)?(?:[A-Z]{{2,}}|{_WORD})(?:\s+(?:[A-Z]{{2,}}|{_WORD}))*"
SPEECH_VERBS = (
    r"said|says|explained|told|lamented|added|asked|noted|warned|insisted|argued|stated|"
    r"recalled|replied|continued|offered|urged|complained|wrote"
)
ROLE_TITLES = (
    r"(?:(?:Far-right|far-right|Far-left|left-wing|right-wing|Peruvian|Chilean|former|Former|"
    r"regional|Regional|presidential|Presidential)\s+)*"
    r"(?:presidential candidate|candidate|Foreign Minister|Interior Minister|Minister|President|"
    r"president|Governor|governor|Mayor|mayor|Senator|senator|spokesperson|spokesman)"
)
_QUOTE = re.compile(r"“([^”]+)”|\"([^\"\n]+)\"")
_APPOSITION = re.compile(
    rf"(?P<name>{NAME}),\s+(?:a|an|the)\s+(?:(?P<age>\d{{1,3}})-year-old\s+)?"
    rf"(?P<role>[a-z][^,.;:“”]*?)(?:\s+from\s+(?P<origin>{_WORD}(?:\s+{_WORD})*))?(?=[,.;])"
)
_TITLED = re.compile(rf"(?P<title>{ROLE_TITLES})\s+(?P<name>{NAME})")
_AFTER_VERB_NAME = re.compile(rf"^,?\s*(?:{SPEECH_VERBS})\s+(?P<name>{NAME}|{SURNAME})")
_AFTER_NAME_VERB = re.compile(rf"^,?\s*(?P<name>{NAME}|{SURNAME})\s+(?:{SPEECH_VERBS})\b")
_AFTER_PRONOUN = re.compile(rf"^,?\s*(?:he|she|they)\s+(?:{SPEECH_VERBS})\b")
_BEFORE_COLON = re.compile(r"([^.“”]*):\s*$")
_NAME_TOLD = re.compile(rf"(?P<name>{NAME}|{SURNAME})\s+(?:told|said to)\s+(?P<outlet>{OUTLET})")
_SOURCE_NEAR = re.compile(
    rf"(?:told|to|interview with|according to|reporting by|reported by)\s+(?P<outlets>{OUTLET}"
    rf"(?:\s*(?:,|and)\s*{OUTLET})*)"
)
_NUMBER = re.compile(
    r"(?<![\w,.-])(?P<qual>(?:an estimated|roughly|about|around|nearly|almost|more than|over|"
    r"some|at least)\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|,\d)"
    r"(?:\s+(?P<unit>people|migrants|children|families|months|years|days|percent|votes))?"
)
_AS_OF = re.compile(r"^\s+(?:in|by|as of)\s+(?P<year>(?:19|20)\d\d)\b")
_DATE = re.compile(
    rf"(?P<month>{'|'.join(_MONTHS)})\s+(?:(?P<day>\d{{1,2}}),\s+)?(?P<year>(?:19|20)\d\d)"
)
_CLAUSE_END = re.compile(r"[,.;:!?](?=\s|$)")
_COUNTABLE_AFTER = re.compile(r"^\s+(?:people|migrants|children|families|months|years|days)")


@dataclass
class DraftPerson:
    """A person found in the article."""

    name: str
    id: str
    role: str | None = None
    age: int | None = None
    origin: str | None = None
    aliases: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    first: int = 0


@dataclass
class DraftQuote:
    """A direct quotation and who said it."""

    text: str
    speaker: str | None
    section: str
    source: str | None = None
    check: str | None = None


@dataclass
class DraftFigure:
    """A number or date found in the article."""

    id: str
    text: str
    label: str
    value: int | str | None = None
    unit: str | None = None
    as_of: str | None = None
    sources: list[str] = field(default_factory=list)
    check: str | None = None


@dataclass
class DraftEvent:
    """A dated clause."""

    date: str
    text: str


@dataclass
class Draft:
    """Everything found, ready to be written as YAML."""

    title: str
    sections: list[tuple[str, str, list[str], bool]]
    """(id, title, paragraphs, title is a placeholder)."""
    people: list[DraftPerson]
    quotes: list[DraftQuote]
    figures: list[DraftFigure]
    events: list[DraftEvent]
    sources: dict[str, str]
    """id -> name."""
    unsure: list[str]


def slug(text: str) -> str:
    """A format slug from any text: `Hugo de Zela` -> `hugo-de-zela`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value or "item"


def split_paragraphs(text: str) -> tuple[str | None, list[tuple[str | None, str]]]:
    """Paragraphs of a plain or Markdown article, each with the heading it falls under.

    Returns the first `# ` heading as the title (if any) and (heading, paragraph) pairs.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\ufeff")
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    title: str | None = None
    heading: str | None = None
    paragraphs: list[tuple[str | None, str]] = []
    for raw in blocks:
        block = raw.strip()
        if not block:
            continue
        if block.startswith("#"):
            words = block.lstrip("#").strip()
            if block.startswith("# ") and title is None and not paragraphs:
                title = words
            else:
                heading = words
            continue
        # Inside a blank-line paragraph, single newlines are soft wraps in the source.
        paragraphs.append((heading, re.sub(r"\s*\n\s*", " ", block)))
    return title, paragraphs


class _Drafter:
    def __init__(self, paragraphs: list[tuple[str | None, str]], per_section: int) -> None:
        self.paragraphs = [p for _h, p in paragraphs]
        self.sections: list[tuple[str, str, list[str], bool]] = []
        self.section_of: list[str] = []
        current: list[str] = []
        heading_of = [h for h, _p in paragraphs]
        for index, paragraph in enumerate(self.paragraphs):
            new_heading = heading_of[index] is not None and (
                index == 0 or heading_of[index] != heading_of[index - 1]
            )
            if current and (
                new_heading or (heading_of[index] is None and len(current) >= per_section)
            ):
                self._close(current, heading_of[index - 1])
                current = []
            current.append(paragraph)
        if current:
            self._close(current, heading_of[-1] if heading_of else None)
        self.section_of = [sid for sid, _t, paras, _p in self.sections for _ in paras]
        self.article = "\n".join(self.paragraphs)
        self.people: dict[str, DraftPerson] = {}
        self.sources: dict[str, str] = {}
        self.unsure: list[str] = []

    def _close(self, paragraphs: list[str], heading: str | None) -> None:
        number = len(self.sections) + 1
        if heading:
            section_id = slug(heading)
            if any(existing[0] == section_id for existing in self.sections):
                section_id = f"{section_id}-{number}"
            self.sections.append((section_id, heading, paragraphs, False))
        else:
            self.sections.append((f"section-{number}", f"Section {number}", paragraphs, True))

    # People ------------------------------------------------------------------------------------

    def person(self, name: str, at: int) -> DraftPerson:
        """The person with this name (or whose surname this is), added if new."""
        found = self.lookup(name)
        if found is not None:
            return found
        surname = name.rsplit(maxsplit=1)[-1]
        person = DraftPerson(name=name, id=slug(surname))
        if any(p.id == person.id for p in self.people.values()):
            person.id = slug(name)
        person.first = at
        self.people[name] = person
        return person

    def lookup(self, name: str) -> DraftPerson | None:
        """A known person by full name or surname."""
        if name in self.people:
            return self.people[name]
        for person in self.people.values():
            surname = _surname(person.name)
            if name in (surname, person.name.split()[-1]):
                return person
        return None

    def find_people(self) -> None:
        for paragraph_index, paragraph in enumerate(self.paragraphs):
            offset = self._offset(paragraph_index)
            for match in _APPOSITION.finditer(paragraph):
                person = self.person(match["name"], offset + match.start())
                role = match["role"].strip()
                person.role = person.role or role[0].upper() + role[1:]
                if match["age"]:
                    person.age = int(match["age"])
                if match["origin"]:
                    person.origin = match["origin"]
            for match in _TITLED.finditer(paragraph):
                name = _trim_name(match["name"])
                person = self.person(name, offset + match.start("name"))
                title = match["title"]
                person.role = person.role or title[0].upper() + title[1:]
            for match in _NAME_TOLD.finditer(paragraph):
                if " " in match["name"].strip() or self.lookup(match["name"]):
                    self.person(_trim_name(match["name"]), offset + match.start())

    def add_aliases(self) -> None:
        for person in self.people.values():
            surname = _surname(person.name)
            if surname == person.name:
                continue
            alone = re.compile(rf"\b{re.escape(surname)}\b")
            full = re.compile(rf"\b{re.escape(person.name)}\b")
            uses = len(alone.findall(self.article)) - len(full.findall(self.article))
            if uses > 0:
                person.aliases.append(surname)

    # Quotes ------------------------------------------------------------------------------------

    def _offset(self, paragraph_index: int) -> int:
        return sum(len(p) + 1 for p in self.paragraphs[:paragraph_index])

    def last_named_before(self, position: int) -> DraftPerson | None:
        best: tuple[int, DraftPerson] | None = None
        for person in self.people.values():
            for name in {person.name, _surname(person.name), *person.aliases}:
                for match in re.finditer(rf"\b{re.escape(name)}\b", self.article[:position]):
                    if best is None or match.start() > best[0]:
                        best = (match.start(), person)
        return best[1] if best else None

    def source_near(self, text: str) -> str | None:
        match = _SOURCE_NEAR.search(text)
        if match is None:
            return None
        outlet = re.split(r"\s*(?:,|and)\s*", match["outlets"])[0]
        return self.add_source(outlet)

    def add_source(self, outlet: str) -> str:
        source_id = slug(outlet.removeprefix("The "))
        self.sources.setdefault(source_id, outlet)
        return source_id

    def find_quotes(self) -> list[DraftQuote]:
        quotes: list[DraftQuote] = []
        for paragraph_index, paragraph in enumerate(self.paragraphs):
            base = self._offset(paragraph_index)
            section = self.section_of[paragraph_index]
            for match in _QUOTE.finditer(paragraph):
                text = match[1] or match[2]
                after = paragraph[match.end() : match.end() + 120]
                before = paragraph[max(0, match.start() - 200) : match.start()]
                sentence_end = re.search(r"[.!?](?:\s|$)", after)
                attribution = after[: sentence_end.end()] if sentence_end else after
                speaker: DraftPerson | None = None
                check: str | None = None
                for pattern in (_AFTER_VERB_NAME, _AFTER_NAME_VERB):
                    found = pattern.match(after)
                    if found:
                        name = _trim_name(found["name"])
                        speaker = self.lookup(name) or self.person(name, base + match.end())
                        break
                if speaker is None:
                    if _AFTER_PRONOUN.match(after):
                        check = f"speaker guessed from {after.strip(' ,')[:20]!r}"
                    elif _BEFORE_COLON.search(before):
                        check = "speaker guessed: the person named before the colon"
                    else:
                        check = "speaker guessed: the person named most recently"
                    speaker = self.last_named_before(base + match.start())
                    if speaker is None:
                        check = "no speaker found"
                source = self.source_near(attribution)
                if source is None:
                    source = self.source_near(before)
                    if source is not None:
                        note = "source taken from the sentence before"
                        check = f"{check}; {note}" if check else note
                quotes.append(
                    DraftQuote(text, speaker.id if speaker else None, section, source, check)
                )
                if check:
                    self.unsure.append(f"quote “{shorten(text, 50)}”: {check}")
        return quotes

    # Figures and timeline ----------------------------------------------------------------------

    def find_figures(self) -> tuple[list[DraftFigure], list[DraftEvent]]:
        figures: list[DraftFigure] = []
        events: list[DraftEvent] = []
        seen: set[str] = set()
        for paragraph in self.paragraphs:
            for sentence in re.finditer(r"[^.!?]+(?:[.!?]|$)", paragraph):
                sentence_text = sentence.group()
                if not (_DATE.search(sentence_text) or _NUMBER.search(sentence_text)):
                    continue
                sources = self._sources_in(sentence_text)
                for match in _DATE.finditer(sentence_text):
                    text = match.group()
                    iso = f"{match['year']}-{_MONTHS[match['month']]:02d}"
                    if match["day"]:
                        iso += f"-{int(match['day']):02d}"
                    if text not in seen:
                        seen.add(text)
                        figures.append(
                            DraftFigure(
                                f"date-{slug(iso)}",
                                text,
                                f"Date: {text}",
                                iso,
                                None,
                                iso,
                                sources,
                                "write a label saying what happened on this date",
                            )
                        )
                    events.append(DraftEvent(iso, _clause_around(sentence_text, match)))
                for match in _NUMBER.finditer(sentence_text):
                    number = match["num"]
                    value = int(number.replace(",", ""))
                    rest = sentence_text[match.end() :]
                    year_like = len(number) == 4 and 1900 <= value <= 2099 and "," not in number
                    if year_like or rest.startswith("-year") or _in_date(sentence_text, match):
                        continue
                    if "," not in number and not match["unit"] and not match["qual"]:
                        continue  # a bare small number: rarely a key figure
                    text = match.group().strip()
                    unit = match["unit"]
                    check = None
                    if unit is None:
                        unit_guess = _COUNTABLE_AFTER.match(rest)
                        unit = "people" if unit_guess is None else None
                        check = "unit guessed" if unit else None
                    as_of_match = _AS_OF.match(rest)
                    as_of = as_of_match["year"] if as_of_match else None
                    figure_id = f"count-{slug(number)}" + (f"-{as_of}" if as_of else "")
                    if text in seen:
                        continue
                    seen.add(text)
                    figures.append(
                        DraftFigure(
                            figure_id,
                            text,
                            f"Count: {text}",
                            value,
                            unit,
                            as_of,
                            sources,
                            check or "write a label saying what is counted",
                        )
                    )
        return figures, events

    def _sources_in(self, sentence: str) -> list[str]:
        match = re.search(
            rf"(?:according to|reporting by|reported by)\s+(?P<outlets>{OUTLET}"
            rf"(?:\s*(?:,|and)\s*{OUTLET})*)",
            sentence,
        )
        if match is None:
            return []
        return [self.add_source(o) for o in re.split(r"\s*(?:,|\band\b)\s*", match["outlets"]) if o]


def _surname(name: str) -> str:
    match = re.search(rf"{SURNAME}$", name)
    return match.group() if match else name


def _trim_name(name: str) -> str:
    """Drop a trailing non-name word caught by the pattern (`Rivas Lamented` never happens, but
    `Gonzalez Told` could after a line break)."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in SPEECH_VERBS.split("|"):
        words.pop()
    return " ".join(words)


def _in_date(sentence: str, match: re.Match[str]) -> bool:
    return any(d.start() <= match.start("num") < d.end() for d in _DATE.finditer(sentence))


def _clause_around(sentence: str, match: re.Match[str]) -> str:
    """The clause holding a date: from the sentence start (or the date) to the clause's end."""
    start = 0
    lead = sentence[: match.start()]
    split = max(lead.rfind(". "), lead.rfind("? "), lead.rfind("! "))
    if split >= 0:
        start = split + 2
    while start < len(sentence) and sentence[start] == " ":
        start += 1
    end_search = _CLAUSE_END.search(sentence, match.end())
    if end_search and end_search.start() == match.end() and match.start() - start < 15:
        # "But on November 28, 2025, the government declared …": the date alone says nothing.
        end_search = _CLAUSE_END.search(sentence, end_search.end())
    end = end_search.start() if end_search else len(sentence.rstrip(".!? "))
    if end - start > 140 or match.start() - start > 60:
        start = match.start()
        if sentence[max(0, start - 3) : start].strip().lower() in ("in", "on"):
            start -= 3
    text = sentence[start:end].strip()
    return text.rstrip(",;: ")


def make_draft(article: str, per_section: int = 3) -> Draft:
    """Find sections, people, quotes, figures and events in an article."""
    title, paragraphs = split_paragraphs(article)
    drafter = _Drafter(paragraphs, per_section)
    drafter.find_people()
    drafter.add_aliases()
    quotes = drafter.find_quotes()
    figures, events = drafter.find_figures()
    for person in drafter.people.values():
        if person.role is None:
            person.checks.append("role not found in the article: write one")
            drafter.unsure.append(f"person {person.name}: no role found")
    if title is None:
        drafter.unsure.append("title: placeholder")
    people = sorted(drafter.people.values(), key=lambda p: p.first)
    return Draft(
        title or "Untitled story",
        drafter.sections,
        people,
        quotes,
        figures,
        _unique_events(events),
        drafter.sources,
        drafter.unsure,
    )


def _unique_events(events: list[DraftEvent]) -> list[DraftEvent]:
    seen: set[str] = set()
    result = []
    for event in events:
        if event.text and event.text not in seen:
            seen.add(event.text)
            result.append(event)
    return result


# Writing -----------------------------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML, and escape everything needed)."""
    return json.dumps(text, ensure_ascii=False)


def to_yaml(draft: Draft, story_id: str) -> str:
    """The draft as a story file, with `# check:` comments on every guess."""
    out = [
        "# Drafted by `story-tui draft`. Every span below is copied from the article.",
        "# Look at each `# check:` comment, then run `story-tui validate` on this file.",
        "format: 1",
        f"id: {story_id}",
        f"title: {_q(draft.title)}"
        + ("  # check: write the headline" if draft.title == "Untitled story" else ""),
        '# standfirst: "…"  # check: add a one- or two-sentence summary here',
        "sources:" + ("" if draft.sources else " []"),
    ]
    for source_id, name in draft.sources.items():
        out += [f"  - id: {source_id}", f"    name: {_q(name)}"]
    out.append("sections:")
    for section_id, title, paragraphs, placeholder in draft.sections:
        comment = "  # check: write a short, factual heading" if placeholder else ""
        out += [f"  - id: {section_id}", f"    title: {_q(title)}{comment}", "    paragraphs:"]
        out += [f"      - {_q(p)}" for p in paragraphs]
    quotes_of: dict[str | None, list[DraftQuote]] = {}
    for quote in draft.quotes:
        quotes_of.setdefault(quote.speaker, []).append(quote)
    out.append("people:" + ("" if draft.people else " []"))
    for person in draft.people:
        out += [f"  - id: {person.id}", f"    name: {_q(person.name)}"]
        if person.aliases:
            out.append(f"    aliases: [{', '.join(_q(a) for a in person.aliases)}]")
        role = person.role or "Unknown"
        role_comment = "  # check: role not in the article" if person.role is None else ""
        out.append(f"    role: {_q(role)}{role_comment}")
        if person.age is not None:
            out.append(f"    age: {person.age}")
        if person.origin:
            out.append(f"    origin: {_q(person.origin)}")
        mine = quotes_of.get(person.id, [])
        out.append("    quotes:" + ("" if mine else " []"))
        for quote in mine:
            comment = f"  # check: {quote.check}" if quote.check else ""
            out += [f"      - text: {_q(quote.text)}{comment}", "        kind: direct"]
            if quote.source:
                out.append(f"        source: {quote.source}")
            out.append(f"        section: {quote.section}")
    orphans = quotes_of.get(None, [])
    if orphans:
        out.append("# check: quotations with no speaker found (give each to a person):")
        out += [f"#   “{q.text}”" for q in orphans]
    out.append("figures:" + ("" if draft.figures else " []"))
    used: set[str] = set()
    for figure in draft.figures:
        figure_id = figure.id
        while figure_id in used:
            figure_id += "-x"
        used.add(figure_id)
        out += [
            f"  - id: {figure_id}",
            f"    label: {_q(figure.label)}  # check: {figure.check or 'label'}",
            f"    text: {_q(figure.text)}",
        ]
        if figure.value is not None:
            out.append(
                f"    value: {figure.value if isinstance(figure.value, int) else _q(figure.value)}"
            )
        if figure.unit:
            out.append(f"    unit: {figure.unit}")
        if figure.as_of:
            out.append(f"    as_of: {_q(figure.as_of)}")
        if figure.sources:
            out.append(f"    sources: [{', '.join(dict.fromkeys(figure.sources))}]")
    out.append("timeline:" + ("" if draft.events else " []"))
    for event in draft.events:
        out += [
            f"  - date: {_q(event.date)}",
            f"    label: {_q(event.text)}  # check: rewrite as a short label",
            f"    text: {_q(event.text)}",
        ]
    return "\n".join(out) + "\n"


def summary(draft: Draft) -> str:
    """What was found and what is unsure, for the terminal."""
    lines = [
        f"found {len(draft.sections)} sections, {sum(len(s[2]) for s in draft.sections)} "
        f"paragraphs, {len(draft.people)} people, {len(draft.quotes)} direct quotes, "
        f"{len(draft.figures)} figures, {len(draft.events)} timeline events, "
        f"{len(draft.sources)} sources",
    ]
    for person in draft.people:
        details = ", ".join(
            str(x) for x in (person.role, person.age, person.origin) if x is not None
        )
        lines.append(f"  person {person.name} ({details or 'no details'})")
    if draft.unsure:
        lines.append(f"unsure ({len(draft.unsure)}), marked `# check:` in the file:")
        lines += [f"  - {item}" for item in draft.unsure]
    return "\n".join(lines)
