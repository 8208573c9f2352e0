"""Arabic normalisation for matching, keeping a map back to the original offsets.

The folded text is only ever used to *find* things; every span reported to a user is an
offset into the original (cleaned) text, recovered through `NormalisedText.to_original`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Characters dropped entirely: harakat, Quranic marks, superscript alef, tatweel, bidi and
# zero-width controls, the byte-order mark.
_DROPPED = (
    set(range(0x0610, 0x061B))
    | set(range(0x064B, 0x0660))
    | {0x0670, 0x0640}
    | set(range(0x06D6, 0x06EE))
    | {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF}
    | set(range(0x202A, 0x202F))
    | set(range(0x2066, 0x206A))
)

_LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ؤ": "و",
    "ک": "ك", "ڪ": "ك", "ـ": "",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
}
# Arabic-Indic (U+0660..) and extended/Persian (U+06F0..) digits to ASCII.
for _i in range(10):
    _LETTER_FOLDS[chr(0x0660 + _i)] = str(_i)
    _LETTER_FOLDS[chr(0x06F0 + _i)] = str(_i)


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty, possibly several characters)."""
    code = ord(ch)
    if code in _DROPPED:
        return ""
    if ch in _LETTER_FOLDS:
        return _LETTER_FOLDS[ch]
    if code < 0x80:
        return ch.lower()
    # Presentation forms (FB50-FDFF, FE70-FEFF) and other compatibility characters.
    decomposed = unicodedata.normalize("NFKC", ch)
    if decomposed != ch:
        return "".join(fold_char(c) for c in decomposed)
    return ch.lower()


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Folded text plus, for each folded character, the index of its original character."""

    original: str
    text: str
    origin: tuple[int, ...]
    # every character folded to exactly one: offsets in `text` are offsets in `original`
    aligned: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the folded text back to the original text."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        stop = self.origin[end - 1] + 1
        # The last letter's diacritics (dropped by folding) belong to the span.
        while stop < len(self.original) and _is_dropped_mark(self.original[stop]):
            stop += 1
        return self.origin[start], stop


def _is_dropped_mark(ch: str) -> bool:
    """A combining mark that folding drops (harakat, Quranic marks, superscript alef)."""
    return ch in DROPPED_MARKS


DROPPED_MARKS = frozenset(chr(c) for c in _DROPPED if unicodedata.category(chr(c)) == "Mn")


class _FoldTable(dict[int, str]):
    """`str.translate` table of `fold_char`, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLDS = _FoldTable()


class _CharFolds(dict[str, str]):
    """`fold_char` of each character met, by character."""

    def __missing__(self, ch: str) -> str:
        folded = self[ch] = fold_char(ch)
        return folded


_CHAR_FOLDS = _CharFolds()
# The commonest blocks in Arabic news; a character outside them is looked up as it comes.
_USUAL_BLOCKS = ((0x0000, 0x07FF), (0x2000, 0x206F))


def _class_but(keep: Callable[[str], bool]) -> str:
    """A regex class of every character but those of `_USUAL_BLOCKS` for which `keep`."""
    ranges: list[tuple[int, int]] = []
    for first, last in _USUAL_BLOCKS:
        for code in range(first, last + 1):
            if not keep(chr(code)):
                continue
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


# A character that may fold to other than exactly one character (harakat, tatweel,
# ligatures), and one that may fold to another than itself (أ, ة, digits, ...): the folded
# text is the text with the latter replaced, the rest of it copied in C.
_UNUSUAL = re.compile(_class_but(lambda ch: len(fold_char(ch)) == 1))
_CHANGING = re.compile("(" + _class_but(lambda ch: fold_char(ch) == ch) + ")")


def _fold_text(text: str) -> str:
    """`fold(text)`, faster for a long text."""
    parts = _CHANGING.split(text)  # the text between changing characters, and each of them
    parts[1::2] = map(_CHAR_FOLDS.__getitem__, parts[1::2])
    return "".join(parts)


def normalise(text: str) -> NormalisedText:
    """Fold `text` for matching and remember where every folded character came from."""
    unusual = [m.start() for m in _UNUSUAL.finditer(text)]
    lengths = [len(_CHAR_FOLDS[text[at]]) for at in unusual]
    if all(length == 1 for length in lengths):  # every character folds to one: the usual case
        return NormalisedText(text, _fold_text(text), tuple(range(len(text))), aligned=True)
    if max(lengths) <= 1:  # some are dropped (harakat, tatweel), none expands
        kept: list[int] = []
        after = 0  # where the run of kept characters after the last dropped one starts
        for at, length in zip(unusual, lengths, strict=True):
            if length == 0:
                kept.extend(range(after, at))
                after = at + 1
        kept.extend(range(after, len(text)))
        return NormalisedText(text, _fold_text(text), tuple(kept))
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = fold_char(ch)
        if not folded:
            continue
        out.append(folded)
        origin.extend([index] * len(folded))
    return NormalisedText(text, "".join(out), tuple(origin))


def fold(text: str) -> str:
    """Folded form of a string, for dictionary keys and comparisons (a short one remembered:
    `str.translate` looks every character up in a Python mapping, a memo looks a word up once)."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = text.translate(_FOLDS)
        if len(text) <= FOLD_MEMO_LENGTH:
            if len(_FOLDED) >= FOLD_MEMO_SIZE:
                _FOLDED.clear()
            _FOLDED[text] = folded
    return folded


FOLD_MEMO_LENGTH = 40  # characters of the longest string `fold` remembers
FOLD_MEMO_SIZE = 200_000  # strings it remembers (then it starts again)
_FOLDED: dict[str, str] = {}
