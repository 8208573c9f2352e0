"""A clitic-aware token trie: finds dictionary names in a tokenised text, longest match first.

Names are stored as `name_key` tuples (folded words without the article). A text token offers
every clitic reading of itself (`lookup_keys`), so "وبالبصرة" finds "البصرة" and "للقوات
الأمنية" finds "القوات الأمنية", while the surface span keeps the proclitics out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import Any

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
# The longest name at a token as far as it and the next word tell: the first token's reading,
# the whole key and the index of its last token counted from the first; None: no name.
Outcome = tuple[str, Key, int] | None
# What a token's spelling alone tells: () it starts no name; else whether the next word may
# lengthen a name, and if not the outcome.
Start = tuple[()] | tuple[bool, Outcome]
_WALK = ("", (), -1)  # an outcome that needs the words after the next: walk the tokens
_UNSEEN = ("", (), -2)  # no outcome memoised yet


class TokenTrie:
    """Multi-word dictionary over folded, article-free words: a flat index of whole keys and
    the set of their proper prefixes (so a match knows when to read one more word)."""

    def __init__(self) -> None:
        self._rows: dict[Key, list[Row]] = {}
        self._prefixes: set[Key] = set()
        self.size = 0
        self._entries: dict[Key, tuple[Entry, ...]] = {}  # entries made from rows, by key
        self._readings_of: dict[str, tuple[str, ...]] = {}  # spelling -> readings in the trie
        self._starts: dict[str, Start] = {}  # token spelling -> `_start`
        self._by_next: dict[tuple[str, str | None], Outcome] = {}  # see `_outcome`

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
        self._readings_of.clear()
        self._starts.clear()
        self._by_next.clear()

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

    def find(self, tokens: list[Token], text: str,
             following: list[str | None] | None = None) -> list[Match]:
        """All longest, non-overlapping matches, left to right. `following`: `next_words`."""
        if following is None:
            following = next_words(tokens, text)
        norms, starts = token_starts(tokens, self._starts, self._start)
        matches: list[Match] = []
        by_next = self._by_next
        free = 0  # the first token no match has taken
        # Most words start no name (their `_start` is ()): skipped in C.
        for index in compress(range(len(tokens)), starts):
            if index < free:
                continue
            takes_next, outcome = starts[index]  # type: ignore[misc]
            if takes_next:
                key = (norms[index], following[index])
                outcome = by_next.get(key, _UNSEEN)
                # (sentinels compared by value: compiled, these tuples are unboxed and copied)
                if outcome == _UNSEEN:
                    outcome = self._outcome(*key)
                if outcome == _WALK:
                    outcome = self._longest_at(tokens, index, following,
                                               self._readings(norms[index]))
            if outcome is None:
                continue
            reading, path, words = outcome
            last = index + words
            start = surface_start(tokens[index], reading, text)
            matches.append(Match(index, last, start, tokens[last].end, self.entries(path)))
            free = last + 1
        return matches

    def _readings(self, word: str) -> tuple[str, ...]:
        """The readings of a first token that start a key or are one (memoised by spelling):
        the others match nothing whatever follows them."""
        readings = self._readings_of.get(word)
        if readings is None:
            readings = tuple(
                key for key in lookup_keys(word) if (key,) in self._rows or (key,) in self._prefixes
            )
            if len(self._readings_of) >= MEMO_SIZE:
                self._readings_of.clear()
            self._readings_of[word] = readings
        return readings

    def _start(self, word: str) -> Start:
        """What a token spelled `word` tells of the name starting at it (memoised)."""
        readings = self._readings(word)
        start: Start = ()
        if readings:
            takes_next = any((key,) in self._prefixes for key in readings)
            start = (takes_next, None if takes_next else self._outcome_of(readings, None))
        if len(self._starts) >= MEMO_SIZE:
            self._starts.clear()
        self._starts[word] = start
        return start

    def _outcome(self, word: str, following: str | None) -> Outcome:
        """`_outcome_of` the readings of `word` before the word `following` (memoised)."""
        outcome = self._outcome_of(self._readings(word), following)
        if len(self._by_next) >= MEMO_SIZE:
            self._by_next.clear()
        self._by_next[word, following] = outcome
        return outcome

    def _outcome_of(self, readings: tuple[str, ...], following: str | None) -> Outcome:
        """`_longest_at` for a first token read as one of `readings`, followed closely by a
        word spelled `following` (None: by none); `_WALK` when a longer name may need the
        words after it."""
        rows, prefixes = self._rows, self._prefixes
        best: Outcome = None
        for key in readings:
            path: Key = (key,)
            if best is None and rows.get(path):
                best = (key, path, 0)
            if path not in prefixes or following is None:
                continue
            path = (key, strip_article(following))
            if path in prefixes:
                return _WALK
            if (best is None or best[2] < 1) and rows.get(path):
                best = (key, path, 1)
        return best

    def _longest_at(self, tokens: list[Token], first: int, following: list[str | None],
                    readings: tuple[str, ...]) -> Outcome:
        """The longest name starting at `tokens[first]` read as one of `readings` (the first
        reading on a tie)."""
        rows, prefixes = self._rows, self._prefixes
        best: Outcome = None
        best_last = -1
        for key in readings:
            path: Key = (key,)
            last = first
            while True:
                if last > best_last and rows.get(path):
                    best, best_last = (key, path, last - first), last
                if path not in prefixes or following[last] is None:
                    break
                # A non-initial word of a name: only the article may vary.
                path = (*path, strip_article(tokens[last + 1].norm))
                last += 1
        return best


_NORM, _START, _END = attrgetter("norm"), attrgetter("start"), attrgetter("end")


class _Joins(dict[str, bool]):
    """`adjacent`'s verdict on a gap between two tokens, by the gap's text (short ones kept:
    a longer gap never joins)."""

    def __missing__(self, gap: str) -> bool:
        joins = gap == " " or (len(gap) <= 3 and all(ch in _JOINERS for ch in gap))
        if len(gap) <= 3:
            self[gap] = joins
        return joins


_JOINERS = " \u00a0\"'«»-–ـ#_"  # (a hashtag's "#" and "_": "مقاتلات #التحالف", "#قوات_الأمن")
_JOINS = _Joins()


def token_starts(tokens: list[Token], known: dict[str, Any], work_out: Callable[[str], Any]
                 ) -> tuple[list[str], list[Any]]:
    """The tokens' spellings and what each can start: remembered in `known`, worked out (and
    remembered by `work_out`) for a spelling met for the first time."""
    norms = list(map(_NORM, tokens))
    starts = list(map(known.get, norms))
    if None in starts:
        for index, start in enumerate(starts):
            if start is None:
                starts[index] = work_out(norms[index])
    return norms, starts


def next_words(tokens: list[Token], text: str) -> list[str | None]:
    """For each token, the next token's spelling when the two belong to one name (`adjacent`);
    None when they do not, or no token follows."""
    gaps = map(text.__getitem__, map(slice, map(_END, tokens), map(_START, tokens[1:])))
    following = [word if joins else None
                 for word, joins in zip(map(_NORM, tokens[1:]), map(_JOINS.__getitem__, gaps),
                                        strict=True)]
    following.append(None)
    return following


def adjacent(left: Token, right: Token, text: str) -> bool:
    """Two tokens belong to one name when only spaces, quotes or a hyphen separate them."""
    return _JOINS[text[left.end : right.start]]


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
