"""Arabic normalisation for matching, keeping a map back to the original offsets.

The folded text is only ever used to *find* things; every span reported to a user is an
offset into the original (cleaned) text, recovered through `NormalisedText.to_original`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

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


class _LengthTable(dict[int, str]):
    """`str.translate` table of the folded length of each character, as a code point."""

    def __missing__(self, code: int) -> str:
        length = self[code] = chr(len(fold_char(chr(code))))
        return length


_FOLDS = _FoldTable()
_LENGTHS = _LengthTable()


def normalise(text: str) -> NormalisedText:
    """Fold `text` for matching and remember where every folded character came from."""
    lengths = text.translate(_LENGTHS)
    if not lengths.strip("\x01"):  # every character folds to one: the usual case
        return NormalisedText(text, text.translate(_FOLDS), tuple(range(len(text))))
    if max(lengths) == "\x01":  # some are dropped (harakat, tatweel), none expands
        kept = compress(range(len(text)), lengths.encode("latin-1"))
        return NormalisedText(text, text.translate(_FOLDS), tuple(kept))
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
    """Folded form of a string, for dictionary keys and comparisons."""
    return text.translate(_FOLDS)
