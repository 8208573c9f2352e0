"""Names from the knowledge base found in the text: places, actors, forces, titles, leaders."""

from __future__ import annotations

from marsad.document import Document, Mention
from marsad.kb.matcher import TokenTrie

# When one name holds entries of several kinds, the mention takes the first kind here.
KIND_PRIORITY = ("actor", "leader", "role", "force", "place", "nationality")


def find_names(document: Document, names: TokenTrie) -> list[Mention]:
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
                },
            )
        )
    return mentions
