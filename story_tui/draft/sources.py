"""Outlets an article reports from: `told AFP`, `in an interview with AFP`, `according to
reporting by The Economic Times and AFP`. Plain Python; no UI imports."""

from __future__ import annotations

import regex

from story_tui.draft.model import slug

_OUTLET_WORD = r"(?:\p{Lu}{2,}|\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*)"
OUTLET = rf"(?:The\s+)?{_OUTLET_WORD}(?:\s+{_OUTLET_WORD}){{0,3}}"
_KNOWN_KIND = (
    r"AFP|AP|Reuters|Agence France-Presse|Associated Press|BBC|CNN|Bloomberg|Xinhua|EFE|"
    r"ANSA|DPA|Kyodo|Yonhap|NPR|Fox News|MSNBC|CBS|NBC|ABC|Politico|Axios"
)
_NEAR = regex.compile(
    rf"(?:\btold|\bto|interview with|according to|reporting by|reported by)\s+(?P<outlets>{OUTLET}"
    rf"(?:\s*(?:,|and)\s*{OUTLET})*)"
)
_REPORTED = regex.compile(
    rf"(?:according to|reporting by|reported by)\s+(?P<outlets>{OUTLET}"
    rf"(?:\s*(?:,|\band\b)\s*{OUTLET})*)"
)
_OUTLET_NOUN = regex.compile(
    r"(?i:times|post|news|journal|herald|guardian|telegraph|tribune|gazette|agency|press|"
    r"radio|television|tv|network|magazine|wire)$"
)


def is_outlet(name: str) -> bool:
    """A name that reads as a news outlet: an acronym, a known agency, `The Economic Times`."""
    bare = name.removeprefix("The ")
    return bool(
        regex.fullmatch(_KNOWN_KIND, bare)
        or regex.fullmatch(r"\p{Lu}{2,5}", bare)
        or _OUTLET_NOUN.search(bare)
    )


class Sources:
    """The story's sources, by id."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def add(self, outlet: str) -> str:
        source_id = slug(outlet.removeprefix("The "))
        self.names.setdefault(source_id, outlet)
        return source_id

    def near(self, text: str) -> str | None:
        """The outlet a quotation was given to, in its attribution."""
        match = _NEAR.search(text)
        if match is None:
            return None
        outlet = regex.split(r"\s*(?:,|\band\b)\s*", match["outlets"])[0]
        if not is_outlet(outlet):
            return None
        return self.add(outlet)

    def reported(self, sentence: str) -> list[str]:
        """Outlets a sentence reports from (`according to reporting by X and Y`)."""
        match = _REPORTED.search(sentence)
        if match is None:
            return []
        outlets = [o for o in regex.split(r"\s*(?:,|\band\b)\s*", match["outlets"]) if o]
        return [self.add(o) for o in outlets if is_outlet(o)]
