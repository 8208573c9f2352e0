"""Sentence segmentation for Arabic news: Arabic and Latin punctuation, quotes, newlines."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? ؟ … or a newline; a closing quote or bracket right after the
# full stop stays with the sentence. A full stop between digits (3.5) is not an end.
_BOUNDARY = re.compile(r"(?:(?<![0-9])\.(?![0-9])|[!?؟…]|\n)+[\"'»”)\]]*")
_OPEN_QUOTES = {"«": "»", "“": "”"}
MAX_QUOTE_SPAN = 400


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def segment(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets are into `text`, trimmed of white space."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        # Checked at the match's end: a stop followed by the closing quote («...») ends it.
        if "\n" not in match.group(0) and _inside_quote(text, start, match.end()):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """True when a short «…» quotation opened in this sentence is still open at `pos`."""
    for opener, closer in _OPEN_QUOTES.items():
        opened = text.rfind(opener, start, pos)
        if opened != -1 and text.find(closer, opened, pos) == -1:
            close_at = text.find(closer, pos)
            short = close_at != -1 and close_at - opened <= MAX_QUOTE_SPAN
            if short and "\n" not in text[pos:close_at]:
                return True
    return False


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))
