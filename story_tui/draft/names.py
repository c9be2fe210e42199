"""What a name looks like, and the words around names. Plain Python; no UI imports.

Names are matched with the `regex` module's Unicode classes (`Antić`, `Łukasz`, `Nguyễn`,
`Şahin`, `McGovern`, `O'Brien`); honorifics come from nameparser's list of titles; given names
(and their usual gender, to resolve `he` and `she`) from gender-guesser's list of first names.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex
from nameparser.config import CONSTANTS

_CAP_WORD = (
    r"(?:\p{Lu}\p{Ll}{0,2}\p{Lu}[\p{Ll}\p{M}]+"  # McGovern, DeSantis, LaGuardia
    r"|[OD][’']\p{Lu}[\p{Ll}\p{M}]+"  # O'Brien, D’Angelo
    r"|\p{Lu}[\p{Ll}\p{M}]+)"  # Rivas, Antić, Łukasz, Nguyễn
    r"(?:-\p{Lu}[\p{Ll}\p{M}]+)*"  # Jean-Luc, Ocasio-Cortez
    r"(?:(?<=(?<![\p{L}])\p{Lu}\p{Ll}{1,3})-(?!(?:era|led|run|based|backed|style|like|born|made|"
    r"owned|type|ish|linked|funded|free|related|aligned|allied|era)(?![\p{L}]))\p{Ll}{2,5}"
    r"(?![\p{L}-]))?"  # Kim Jong-un, Tsai Ing-wen, Moon Jae-in
)
CAP_WORD = _CAP_WORD
PARTICLE = r"(?:de|da|del|della|di|van|von|der|den|la|le|dos|das|du|bin|al|el|ben|ter|ten)"
INITIAL = r"\p{Lu}\."
NAME = (
    rf"{_CAP_WORD}(?:\s+(?:{INITIAL}\s+|{PARTICLE}\s+(?:{PARTICLE}\s+)?)?(?!(?:Jr|Sr)\.)"
    rf"{_CAP_WORD}){{0,5}}"
    r"(?:,?\s+(?:Jr\.|Sr\.|II|III|IV)(?![\p{L}]))?"
)
"""One to four capitalised words with initials and particles: `Hugo de Zela`, `Arthur C. Clarke`."""
NAME_RE = regex.compile(rf"(?<![\p{{L}}\p{{N}}’'-]){NAME}(?![\p{{L}}\p{{N}}])")

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr"}
)
"""Courtesy titles: not a role, never part of the name."""

ROLE_ABBREVIATIONS = {
    "sen": "Senator",
    "rep": "Representative",
    "gov": "Governor",
    "lt": "Lieutenant",
    "gen": "General",
    "col": "Colonel",
    "capt": "Captain",
    "sgt": "Sergeant",
    "hon": "The Honourable",
    "pres": "President",
    "supt": "Superintendent",
    "insp": "Inspector",
    "atty": "Attorney",
    "amb": "Ambassador",
    "maj": "Major",
    "adm": "Admiral",
    "cmdr": "Commander",
    "brig": "Brigadier",
    "cpl": "Corporal",
    "pvt": "Private",
    "det": "Detective",
    "sec": "Secretary",
}
TITLE_RE = regex.compile(
    r"(?<![\p{L}])(?P<title>(?i:"
    + "|".join(sorted({*HONORIFICS, *ROLE_ABBREVIATIONS}, key=len, reverse=True))
    + r"))\.?\s+(?=\p{Lu})"
)
"""`Sen. `, `Dr `, `Mr `, `Prof ` before a capitalised word."""

ROLE_NOUNS = frozenset(
    """minister president governor mayor senator spokesman spokeswoman spokesperson
    candidate nominee manager chairman chairwoman chair director secretary leader chief officer
    adviser advisor aide official analyst economist professor architect coach captain executive
    ceo founder co-founder lawyer attorney judge representative congressman congresswoman
    strategist pollster commissioner ambassador general host author writer editor reporter
    correspondent actor actress singer player striker goalkeeper champion researcher scientist
    doctor nurse surgeon head deputy councillor councilman councilwoman premier chancellor
    prosecutor sheriff commander colonel sergeant lieutenant inspector superintendent
    superintendant president-elect vice-president spokesperson activist campaigner organiser
    organizer expert historian investor owner partner principal dean student teacher pastor
    priest bishop rabbi imam cardinal pope king queen prince princess speaker whip treasurer
    administrator counsel adviser consultant operative surrogate donor economist physician
    diplomat envoy negotiator mp lawmaker legislator politician commentator columnist anchor
    presenter producer filmmaker director-general secretary-general governor-elect
    mayor-elect senator-elect cofounder chairperson justice quarterback
    pitcher defender midfielder linebacker pilot soldier emperor sheikh ayatollah admiral
    marshal detective agent trooper constable corporal mufti reverend archbishop assistant
    futurist visionary novelist poet artist musician composer entrepreneur pioneer inventor
    engineer designer photographer journalist broadcaster comedian rapper drummer guitarist
    athlete cyclist swimmer boxer wrestler footballer cricketer golfer skater chef farmer
    witness survivor resident mother father son daughter wife husband widow brother sister
    curator programmer developer psychologist psychiatrist epidemiologist virologist
    astronomer physicist chemist biologist mathematician philosopher sociologist
    anthropologist archaeologist economist demographer statistician planner architect
    fellow lecturer instructor trainer manager owner""".split()
)
"""Head nouns of a role (`JGC spokesman`, `the vaccine's architect`)."""

ORGANISATION_NOUNS = frozenset(
    """ministry department agency government campaign committee company firm bank brokerage
    police army military office council commission party administration board court union
    association group organisation organization institute foundation center centre
    university school hospital network newspaper magazine website channel station service
    authority authorities embassy team club league federation corporation inc ltd plc
    spokesperson's statement officials sources source aides staff staffers house senate
    white-house pentagon kremlin fbi cia""".split()
)

GENERIC_NOUNS = frozenset(
    "source sources official officials aide aides person people someone one voter voters "
    "supporter supporters critic critics observer observers insider insiders resident "
    "residents member members witness witnesses expert experts analyst analysts".split()
)
"""Speakers described, not named (`officials`, `a source`)."""

_LOWER = regex.compile(r"\p{Ll}[\p{Ll}-]*")
_NOBODY = GENERIC_NOUNS | {"statement", "staff", "staffers", "aides", "spokesperson's"}


def common_noun(phrase: str) -> bool:
    """A phrase that only says what kind of speaker it is, with no name: `the agency`, `the
    foreign ministry`, `officials`, `Police` (opening its sentence). Never a named speaker; `the
    Pentagon`, `the FBI` are names."""
    words = phrase.split()
    nouns = ORGANISATION_NOUNS | GENERIC_NOUNS
    if words and words[0] in ("the", "The"):
        words = words[1:]
    elif words and words[0][:1].isupper() and words[0][1:].islower():
        words = [words[0].lower(), *words[1:]]  # `Police said …`: its sentence's first word
    return (
        0 < len(words) <= 3 and words[-1] in nouns and all(_LOWER.fullmatch(word) for word in words)
    )


def named_before(article: str, at: int, phrase: str) -> str | None:
    """The organisation a common noun stands for, when the article named exactly one with it
    before `at` (`the European Space Agency … the agency`): `European Space Agency`, else None
    (none, or two: `the Trump campaign … the Clinton campaign … the campaign`)."""
    head = phrase.rsplit(maxsplit=1)[-1].lower()
    if head not in ORGANISATION_NOUNS or head in _NOBODY:
        return None  # `officials`, `sources`, `a statement`: nobody in particular
    # a capitalised word (`U.S`, `Charlotte-Mecklenburg`; never `X.` ending a sentence, never
    # `Braun-owned`), words apart by one space (never across a line)
    word = r"\p{Lu}(?:[\p{L}’'&]|\.(?=\p{L})|-(?=\p{Lu}))*"
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}’'.-])(?:(?:{word} (?:(?:of|for) (?:the )?)?){{1,4}}"
        rf"(?i:{regex.escape(head)})"  # `European Space Agency`, `Clinton campaign`
        rf"|{regex.escape(head.capitalize())} (?:of|on|for) (?:the )?{word}"
        rf"(?: {word}){{0,3}})(?![\p{{L}}\p{{N}}])"  # `Commission on Presidential Debates`
    )
    names = set()
    for match in pattern.finditer(article, 0, at):
        name = match.group().removeprefix("The ").strip()
        if name[:1].isupper() and name.lower() != head:
            names.add(name)
    return names.pop() if len(names) == 1 else None


PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female"}

NOT_NAMES = frozenset(
    """The A An And But Or If In On At By For From To Of With As When While After Before This
    That These Those There Here It Its He She They We You I His Her Their Our My Your Mr Mrs Ms
    Dr Prof Sir Yet So Still Also Then Now Meanwhile However Although Though Because Since Until
    Why What Who How Where Which Some Many Most All Any Each Every No Not One Two Three Four
    Last Next Despite During Under Over Among Between Against Without Within Like Unlike
    According Earlier Later Instead Even Just Only Asked Says Said Thursday Friday Saturday
    Sunday Monday Tuesday Wednesday January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Democrats Republicans Democrat Republican Americans American God Christmas Easter
    Can Will Did Does Do Is Was Should Could Would Yesterday Today Tonight Tomorrow Part Sources
    Surveying Immediately Marking Speaking Asked Writing Responding Following Addressing
    Congress Senate House Twitter Facebook Instagram YouTube Google Breitbart Reuters Inc Co
    """.split()
)
"""Capitalised words that begin no person's name."""


@cache
def _detector() -> object:
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def given_name_gender(word: str) -> str | None:
    """`male`/`female`/`unknown` when `word` is a known given name, else None."""
    if word in NOT_NAMES or len(word) < 2:
        return None
    detector = _detector()
    result: str = detector.get_gender(word)  # type: ignore[attr-defined]
    if result == "unknown":
        return None
    if result in ("mostly_male", "male"):
        return "male"
    if result in ("mostly_female", "female"):
        return "female"
    return "unknown"  # "andy": a given name of either gender


def is_title(word: str) -> bool:
    """A courtesy or role title (with or without its dot): `Sen.`, `Dr`, `Prof`, `Mr`."""
    bare = word.rstrip(".").lower()
    return bare in HONORIFICS or bare in ROLE_ABBREVIATIONS or bare in CONSTANTS.titles


def name_words(name: str) -> list[str]:
    """The name's words without particles and suffixes."""
    return [
        w
        for w in name.replace(",", " ").split()
        if not regex.fullmatch(PARTICLE, w) and w not in ("Jr.", "Sr.", "II", "III", "IV")
    ]


@lru_cache(maxsize=4096)
def surname_of(name: str) -> str:
    """`Hugo de Zela` -> `de Zela`; `Arthur C. Clarke` -> `Clarke`; `M. L. King Jr.` -> `King`."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1] in ("Jr.", "Sr.", "II", "III", "IV"):
        words.pop()
    if not words:
        return name
    last = [words[-1]]
    index = len(words) - 2
    while index > 0 and regex.fullmatch(PARTICLE, words[index]):
        last.insert(0, words[index])
        index -= 1
    return " ".join(last)
