"""A clitic-aware token trie: finds dictionary names in a tokenised text, longest match first.

Names are stored as `name_key` tuples (folded words without the article). A text token offers
every clitic reading of itself (`lookup_keys`), so "وبالبصرة" finds "البصرة" and "للقوات
الأمنية" finds "القوات الأمنية", while the surface span keeps the proclitics out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.text.tokenise import Token, lookup_keys, name_key, strip_article


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name stands for: a kind (place, actor, ...) and a key (an id)."""

    kind: str
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # character offsets into the original text (proclitics excluded)
    end: int
    entries: tuple[Entry, ...]


Key = tuple[str, ...]


class TokenTrie:
    """Multi-word dictionary over folded, article-free words: a flat index of whole keys and
    the set of their proper prefixes (so a match knows when to read one more word)."""

    def __init__(self) -> None:
        self._entries: dict[Key, list[Entry]] = {}
        self._prefixes: set[Key] = set()
        self.size = 0

    def add(self, name: str, entry: Entry) -> None:
        self.add_key(name_key(name), entry)

    def add_key(self, key: Key, entry: Entry) -> None:
        if not key:
            return
        entries = self._entries.get(key)
        if entries is None:
            self._entries[key] = [entry]
            for length in range(1, len(key)):
                self._prefixes.add(key[:length])
        elif entry not in entries:
            entries.append(entry)
        else:
            return
        self.size += 1

    def add_all(self, names: Iterable[tuple[str, Entry]]) -> None:
        for name, entry in names:
            self.add(name, entry)

    def find(self, tokens: list[Token], text: str) -> list[Match]:
        """All longest, non-overlapping matches, left to right."""
        matches: list[Match] = []
        index = 0
        while index < len(tokens):
            match = self._longest_at(tokens, index, text)
            if match is None:
                index += 1
                continue
            matches.append(match)
            index = match.last + 1
        return matches

    def _longest_at(self, tokens: list[Token], first: int, text: str) -> Match | None:
        best: Match | None = None
        for key in lookup_keys(tokens[first].norm):
            path: Key = (key,)
            last = first
            while True:
                entries = self._entries.get(path)
                if entries and (best is None or last > best.last):
                    start = surface_start(tokens[first], key, text)
                    best = Match(first, last, start, tokens[last].end, tuple(entries))
                if path not in self._prefixes or last + 1 >= len(tokens):
                    break
                if not adjacent(tokens[last], tokens[last + 1], text):
                    break
                path = (*path, _inner_keys(tokens[last + 1].norm)[0])
                last += 1
        return best


def _inner_keys(word: str) -> list[str]:
    """Readings of a non-initial word of a name: only the article may vary."""
    return [strip_article(word)]


def adjacent(left: Token, right: Token, text: str) -> bool:
    """Two tokens belong to one name when only spaces, quotes or a hyphen separate them."""
    gap = text[left.end : right.start]
    return len(gap) <= 3 and all(ch in " \u00a0\"'«»-–ـ" for ch in gap)


def surface_start(token: Token, key: str, text: str) -> int:
    """Where the name starts inside a token carrying proclitics (e.g. after "وب")."""
    if key == token.norm or not token.norm.endswith(key):
        return token.start
    stripped = len(token.norm) - len(key)
    # The article is part of a name as written ("البصرة"); keep it in the span.
    if token.norm[:stripped].endswith("ال"):
        stripped -= 2
    elif token.norm[:stripped].endswith("لل"):
        stripped -= 1
    surface = text[token.start : token.end]
    consumed = 0
    for offset, ch in enumerate(surface):
        if consumed >= stripped:
            return token.start + offset
        if ch.strip() and ch != "ـ" and not ("\u064b" <= ch <= "\u065f"):
            consumed += 1
    return token.start
