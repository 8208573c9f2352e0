"""Cleaning text input: boilerplate lines dropped, white space tidied, language checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.ingest.errors import IngestError
from marsad.text.normalise import fold

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# Letters that Persian, Urdu, Pashto and Kurdish write and Arabic does not (پ چ ژ گ ک ی ے ...,
# U+0679–U+06D3) and Persian digits: a text with none is Arabic, and the slow language
# identifier is asked only about a text with some.
_OTHER_ARABIC_SCRIPT_LETTER = re.compile(r"[\u0679-\u06d3\u06f0-\u06f9]")
_NON_ARABIC_SCRIPT_LANGS = ("fa", "ur", "ps", "ku")
MIN_ARABIC_SHARE = 0.5
MIN_ARABIC_LETTERS = 20


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Lines to drop: exact (folded) lines and (folded) prefixes."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]

    @classmethod
    def from_lexicon(cls, data: dict) -> Boilerplate:
        return cls(
            frozenset(fold(x).strip() for x in data.get("lines", [])),
            tuple(fold(x).strip() for x in data.get("prefixes", [])),
        )

    def is_boilerplate(self, line: str) -> bool:
        folded = fold(line).strip()
        return folded in self.lines or folded.startswith(self.prefixes)


def clean_text(text: str, boilerplate: Boilerplate) -> str:
    """Drop boilerplate lines and trailing spaces; keep paragraphs and inner spacing."""
    kept = [line.rstrip() for line in text.split("\n") if not boilerplate.is_boilerplate(line)]
    cleaned = "\n".join(kept).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", cleaned)


def check_arabic(text: str, source: str) -> None:
    """Raise IngestError when the text is not Arabic (too little Arabic, or Persian/Urdu)."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic < MIN_ARABIC_LETTERS or arabic < MIN_ARABIC_SHARE * (arabic + latin):
        raise IngestError(source, "not Arabic text")
    sample = text[:3000]
    if not _OTHER_ARABIC_SCRIPT_LETTER.search(sample):
        return
    language = _identify(sample)
    if language in _NON_ARABIC_SCRIPT_LANGS:
        raise IngestError(source, f"not Arabic text (looks like '{language}')")


def _identify(text: str) -> str:
    language, _score = _identifier().classify(text)
    return str(language)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """langid restricted to the languages an Arabic-script or news page may be in."""
    from langid.langid import LanguageIdentifier, model  # type: ignore[import-untyped]  # (deferred: loads its model)

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=False)
    identifier.set_languages(["ar", "fa", "ur", "ps", "ku", "en", "fr"])
    return identifier
