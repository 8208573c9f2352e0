"""Names in articles that the knowledge base does not resolve, counted, so analysts can add them.

Two kinds: places introduced by a settlement noun ("بلدة X") that neither the gazetteer nor the
transliteration fallback finds, and group names introduced by a group noun ("جماعة «X»",
"حركة X") that no actor entry covers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from marsad.document import Document
from marsad.kb.registry import Resources
from marsad.resolve.places import context_countries, resolve_mention

_GROUP = re.compile(
    r"(?:جماعة|حركة|تنظيم|ميليشيا|مليشيا|كتائب|كتيبة|لواء|فصيل|جبهة|قوات|عصابة)\s+"
    r"(?:«([^»]{2,40})»|\"([^\"]{2,40})\"|“([^”]{2,40})”)"
)


@dataclass(slots=True)
class Unresolved:
    places: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)

    def add(self, document: Document, resources: Resources) -> None:
        countries = context_countries(document, resources.gazetteer, resources.settlements)
        for mention in document.of_kind("place"):
            if mention.data.get("unknown") and resolve_mention(
                mention, resources.gazetteer, countries, [], resources.skeletons
            ) is None:
                self.places[mention.text] += 1
        known = [(m.start, m.end) for kind in ("actor", "force") for m in document.of_kind(kind)]
        for match in _GROUP.finditer(document.text):
            name = next(g for g in match.groups() if g)
            start = match.start(1) if match.group(1) else match.start(2) if match.group(2) \
                else match.start(3)
            if not any(s <= start < e for s, e in known):
                self.actors[name.strip()] += 1

    def as_json(self) -> dict[str, dict[str, int]]:
        return {"places": dict(self.places.most_common()),
                "actors": dict(self.actors.most_common())}
