"""Tokenisation over folded text with offsets into the original, and proclitic handling.

Arabic writes the conjunctions و/ف, the prepositions ب/ل/ك and the article ال onto the
word. A token keeps its surface offsets; `clitic_split` gives the most likely split and
`lookup_keys` every reading of it that a dictionary might hold.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, sub
from typing import NamedTuple

from marsad.text.normalise import DROPPED_MARKS, NormalisedText, fold

# A word is a run of letters/digits; Arabic letters include the folded range.
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# A run of the diacritics that folding drops
_MARK_RUN = re.compile("[" + "".join(sorted(DROPPED_MARKS)) + "]+")
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ARTICLE = "ال"
MIN_STEM = 3


class Token(NamedTuple):
    """One word: surface offsets into the original text and its folded form."""

    start: int
    end: int
    norm: str
    prefix: str
    stem: str

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit()


def strip_article(word: str) -> str:
    """Drop a leading ال from a folded word long enough to carry it (the scorer's rule)."""
    if word.startswith(_ARTICLE) and len(word) >= 5:
        return word[2:]
    return word


@lru_cache(maxsize=131072)
def clitic_split(word: str) -> tuple[str, str]:
    """Most likely (proclitics, stem) split of a folded word, conservatively."""
    prefix = ""
    rest = word
    # و before a word starting with ا is usually part of it (واشنطن), but not before ال + stem.
    conj_ok = not rest.startswith("وا") or (rest.startswith("وال") and len(rest) >= 3 + MIN_STEM)
    if rest[:1] in _CONJ and len(rest) - 1 >= MIN_STEM + 1 and conj_ok:
        prefix, rest = rest[:1], rest[1:]
    if rest.startswith("لل") and len(rest) >= 5:
        return prefix + "لل", rest[2:]
    if rest[:1] in _PREP and rest[1:3] == _ARTICLE and len(rest) >= 5:
        return prefix + rest[:3], rest[3:]
    if rest.startswith(_ARTICLE) and len(rest) >= 5:
        return prefix + _ARTICLE, rest[2:]
    return prefix, rest


@lru_cache(maxsize=131072)
def lookup_keys(word: str) -> tuple[str, ...]:
    """Every clitic reading of a folded word, each in dictionary key form (no article)."""
    readings = [word]
    if word[:1] in _CONJ and len(word) > MIN_STEM:
        readings.append(word[1:])
    for reading in list(readings):
        if reading.startswith("لل") and len(reading) > 3:
            readings.append("ال" + reading[2:])
            readings.append(reading[2:])
        elif reading[:1] in _PREP and len(reading) > MIN_STEM and (
                reading[0] != "ك" or reading[1:3] == _ARTICLE):
            # ك is written on a name only with the article ("كالقاهرة"): "كريم" is no "ريم"
            readings.append(reading[1:])
    for reading in list(readings):
        # Accusative tanween is written with a final alef: متظاهراً، مسلحاً.
        if reading.endswith("ا") and not reading.endswith("وا") and len(reading) > 4:
            readings.append(reading[:-1])
    keys: list[str] = []
    for reading in readings:
        key = strip_article(reading)
        if key not in keys:
            keys.append(key)
    return tuple(keys)


SPLIT_MEMO_SIZE = 131_072  # word spellings whose split `tokenise` remembers
_SPLITS: dict[str, tuple[str, str]] = {}


def _split(word: str) -> tuple[str, str]:
    """`clitic_split`, remembered for `tokenise` by spelling."""
    if len(_SPLITS) >= SPLIT_MEMO_SIZE:
        _SPLITS.clear()
    split = _SPLITS[word] = clitic_split(word)
    return split


def name_key(name: str) -> tuple[str, ...]:
    """Dictionary key of a multi-word name: folded words, each without the article."""
    return tuple(strip_article(word) for word in _words(fold(name)))


def _words(folded: str) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(folded)]


def tokenise(normalised: NormalisedText) -> list[Token]:
    """Tokens of a normalised text, with offsets into its original text."""
    # the text cut into [gap, word, gap, word, ..., gap]: where each part ends, summed in C
    parts = _WORD_SPLIT.split(normalised.text)
    if len(parts) == 1:
        return []
    words = parts[1::2]
    part_ends = list(accumulate(map(len, parts)))
    starts, ends = part_ends[0:-1:2], part_ends[1::2]
    splits = list(map(_SPLITS.get, words))  # each word's memoised split, looked up in C
    if None in splits:
        for at, split in enumerate(splits):
            if split is None:
                splits[at] = _split(words[at])
    prefixes, stems = zip(*splits, strict=True)
    if not normalised.aligned:
        # `normalised.to_original(start, end)` for every word, in C: a word's original end is
        # after its last letter and the diacritics written on it (a run of dropped marks)
        origin = normalised.origin
        starts = list(map(origin.__getitem__, starts))
        ends = list(map(add, map(origin.__getitem__, map(sub, ends, repeat(1))), repeat(1)))
        mark_runs = {m.start(): m.end() for m in _MARK_RUN.finditer(normalised.original)}
        if mark_runs:
            ends = list(map(mark_runs.get, ends, ends))
    # tuples made in C: a Token per word costs no Python call
    return list(map(tuple.__new__, repeat(Token), zip(starts, ends, words, prefixes, stems,
                                                      strict=True)))
