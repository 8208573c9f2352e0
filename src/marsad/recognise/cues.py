"""Word-list cues (event triggers, modifiers, negation, stance words) found in folded text.

A cue list is compiled into one regular expression over the folded text: each form may carry
the proclitics و ف ب ل ك and the article, a trailing * lets inflections follow, and the match
never starts or ends inside a word. Spans are mapped back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from marsad.document import Mention
from marsad.text.normalise import NormalisedText, fold

_LETTER = r"[^\W\d_]"
_PROCLITICS = r"(?:[وف])?(?:[بلك]|لل)?(?:ال)?"


def _form_pattern(form: str) -> str:
    folded = fold(form).strip()
    open_end = folded.endswith("*")
    words = folded.rstrip("*").split()
    body = r"\s+(?:ال)?".join(re.escape(w) for w in words)
    return body + (f"{_LETTER}*" if open_end else "")


@dataclass(slots=True)
class CueSet:
    """Compiled cue lists: one named group per cue key, longest forms tried first."""

    kind: str
    pattern: re.Pattern[str]
    keys: dict[str, str]  # regex group name -> cue key

    @classmethod
    def compile(cls, kind: str, groups: Mapping[str, Iterable[str]]) -> CueSet:
        forms_by_pattern: dict[str, str] = {}
        for key, forms in groups.items():
            for form in forms:
                if form.strip():
                    forms_by_pattern.setdefault(_form_pattern(form), key)
        # One group per form, longest first, so the longest cue wins whatever its key.
        keys: dict[str, str] = {}
        alternatives: list[str] = []
        ordered = sorted(forms_by_pattern, key=lambda p: (-len(p.replace("\\", "")), p))
        for index, pattern in enumerate(ordered):
            keys[f"g{index}"] = forms_by_pattern[pattern]
            alternatives.append(f"(?P<g{index}>{pattern})")
        joined = "|".join(alternatives) or r"(?!x)x"
        regex = rf"(?<!{_LETTER}){_PROCLITICS}(?:{joined})(?!{_LETTER})"
        return cls(kind, re.compile(regex), keys)

    def find(self, normalised: NormalisedText) -> list[Mention]:
        found: list[Mention] = []
        for match in self.pattern.finditer(normalised.text):
            group = match.lastgroup
            if group is None:
                continue
            start, end = normalised.to_original(match.start(group), match.end())
            text = normalised.original[start:end]
            found.append(Mention(self.kind, start, end, text, self.keys[group]))
        return found
