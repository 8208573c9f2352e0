"""Code-point offsets (what the store keeps) to UTF-16 code units (what JavaScript indexes).

A character outside the Basic Multilingual Plane (an emoji, a mathematical digit) is one code
point in Python and two UTF-16 units in a browser; every later offset shifts by one.
"""

from __future__ import annotations

from bisect import bisect_left


class Utf16Offsets:
    """Converts code-point offsets of one text to UTF-16 offsets in O(log n)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # code-point indices of the characters that take two UTF-16 units
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        offset = max(0, min(offset, self.length))
        return offset + bisect_left(self._astral, offset)

    @property
    def utf16_length(self) -> int:
        return self(self.length)


def utf16_offset(text: str, offset: int) -> int:
    """The UTF-16 offset of code point `offset` in `text`."""
    return Utf16Offsets(text)(offset)
