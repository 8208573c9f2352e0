"""A clitic-aware token trie: finds dictionary names in a tokenised text, longest match first.

Names are stored as `name_key` tuples (folded words without the article). A text token offers
every clitic reading of itself (`lookup_keys`), so "وبالبصرة" finds "البصرة" and "للقوات
الأمنية" finds "القوات الأمنية", while the surface span keeps the proclitics out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.text.tokenise import Token, lookup_keys, name_key, strip_article

MEMO_SIZE = 100_000  # token spellings whose trie readings a trie remembers


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
Row = tuple[str, str, str]  # an entry's kind, key and name: what the trie stores and caches


class TokenTrie:
    """Multi-word dictionary over folded, article-free words: a flat index of whole keys and
    the set of their proper prefixes (so a match knows when to read one more word)."""

    def __init__(self) -> None:
        self._rows: dict[Key, list[Row]] = {}
        self._prefixes: set[Key] = set()
        self.size = 0
        self._entries: dict[Key, tuple[Entry, ...]] = {}  # entries made from rows, by key
        self._starts: dict[str, tuple[str, ...]] = {}  # token spelling -> readings in the trie

    def add(self, name: str, entry: Entry) -> None:
        self.add_key(name_key(name), entry)

    def add_key(self, key: Key, entry: Entry) -> None:
        if not key:
            return
        row = (entry.kind, entry.key, entry.name)
        rows = self._rows.get(key)
        if rows is None:
            self._rows[key] = [row]
            for length in range(1, len(key)):
                self._prefixes.add(key[:length])
        elif row not in rows:
            rows.append(row)
        else:
            return
        self.size += 1
        self._entries.pop(key, None)
        self._starts.clear()

    def add_all(self, names: Iterable[tuple[str, Entry]]) -> None:
        for name, entry in names:
            self.add(name, entry)

    def entries(self, key: Key) -> tuple[Entry, ...]:
        """The entries of a whole key, in the order they were added."""
        made = self._entries.get(key)
        if made is None:
            made = self._entries[key] = tuple(Entry(*row) for row in self._rows.get(key, ()))
        return made

    def state(self) -> tuple[dict[Key, list[Row]], set[Key], int]:
        """Plain data to pickle (Entry objects unpickle slowly); see `from_state`."""
        return self._rows, self._prefixes, self.size

    @classmethod
    def from_state(cls, state: tuple[dict[Key, list[Row]], set[Key], int]) -> TokenTrie:
        trie = cls()
        trie._rows, trie._prefixes, trie.size = state
        return trie

    def find(self, tokens: list[Token], text: str) -> list[Match]:
        """All longest, non-overlapping matches, left to right."""
        matches: list[Match] = []
        get = self._starts.get
        free = 0  # the first token no match has taken
        # Most words start no name: their memoised readings are (), skipped in one pass.
        for index in [i for i, token in enumerate(tokens) if get(token.norm) != ()]:
            if index < free:
                continue
            readings = get(tokens[index].norm)
            if readings is None:
                readings = self._readings(tokens[index].norm)
            if not readings:
                continue
            match = self._longest_at(tokens, index, text, readings)
            if match is not None:
                matches.append(match)
                free = match.last + 1
        return matches

    def _readings(self, word: str) -> tuple[str, ...]:
        """The readings of a first token that start a key or are one (memoised by spelling):
        the others match nothing whatever follows them."""
        readings = self._starts.get(word)
        if readings is None:
            readings = tuple(
                key for key in lookup_keys(word) if (key,) in self._rows or (key,) in self._prefixes
            )
            if len(self._starts) >= MEMO_SIZE:
                self._starts.clear()
            self._starts[word] = readings
        return readings

    def _longest_at(self, tokens: list[Token], first: int, text: str,
                    readings: tuple[str, ...]) -> Match | None:
        """The longest name starting at `tokens[first]` read as one of `readings` (the first
        reading on a tie)."""
        rows, prefixes = self._rows, self._prefixes
        best: tuple[str, Key] | None = None  # the reading and the whole key of the best
        best_last = -1
        for key in readings:
            path: Key = (key,)
            last = first
            while True:
                if last > best_last and rows.get(path):
                    best, best_last = (key, path), last
                if path not in prefixes or last + 1 >= len(tokens):
                    break
                if not adjacent(tokens[last], tokens[last + 1], text):
                    break
                # A non-initial word of a name: only the article may vary.
                path = (*path, strip_article(tokens[last + 1].norm))
                last += 1
        if best is None:
            return None
        key, path = best
        start = surface_start(tokens[first], key, text)
        return Match(first, best_last, start, tokens[best_last].end, self.entries(path))


def adjacent(left: Token, right: Token, text: str) -> bool:
    """Two tokens belong to one name when only spaces, quotes or a hyphen separate them."""
    gap = text[left.end : right.start]
    return gap == " " or (len(gap) <= 3 and all(ch in " \u00a0\"'«»-–ـ" for ch in gap))


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
