"""Names from the knowledge base found in the text: places, actors, forces, titles, leaders."""

from __future__ import annotations

from marsad.document import Document, Mention
from marsad.kb.matcher import TokenTrie
from marsad.text.normalise import fold

# When one name holds entries of several kinds, the mention takes the first kind here.
KIND_PRIORITY = ("actor", "leader", "role", "force", "nationality", "place")


def find_names(
    document: Document, names: TokenTrie, locatives: frozenset[str] = frozenset()
) -> list[Mention]:
    mentions: list[Mention] = []
    for match in names.find(document.tokens, document.text):
        kinds = {entry.kind for entry in match.entries}
        kind = next(k for k in KIND_PRIORITY if k in kinds)
        entries = [e for e in match.entries if e.kind == kind]
        mentions.append(
            Mention(
                kind,
                match.start,
                match.end,
                document.text[match.start : match.end],
                entries[0].key,
                {
                    "keys": [e.key for e in entries],
                    "places": [e.key for e in match.entries if e.kind == "place"],
                    "token_first": match.first,
                    "token_last": match.last,
                    "locative": _locative(document, match.first, match.start, locatives),
                    "words": match.last - match.first + 1,
                },
            )
        )
    return mentions


def _locative(document: Document, first: int, start: int, locatives: frozenset[str]) -> bool:
    """Is the name introduced as a place: "بالبصرة", "في مدينة البصرة", "قرب البصرة"?"""
    token = document.tokens[first]
    proclitics = fold(document.text[token.start : start])
    if "ب" in proclitics:
        return True
    return first > 0 and document.tokens[first - 1].norm in locatives
