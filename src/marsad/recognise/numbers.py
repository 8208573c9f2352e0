"""Counts in Arabic news text: digits, number words, duals and vague quantities.

The recogniser reports *counts* (of people, of strikes, ...). It leaves out, on purpose:
years and dates ("عام 2015", "11 من شهر أيار", "23/5/2020"), clock times, percentages, and
measures ("22 عاماً" as an age, "74 كم", "3 أيام"), since none of them counts anything an
event record needs. Ordinals (الخامس، الثالثة) are never counts; they are not in the lexicon.

Values follow ACLED's conservative coding (taxonomy.md): the figure as written for "about",
"at least", "more than" and "up to" (no +1 for "more than 20": ACLED codes the stated floor),
the lowest end of a range ("10 إلى 15" -> 10, qualifier ``at_least``), and for unquantified
amounts dozens (عشرات) = 12, hundreds (مئات) = 100, thousands (آلاف) = 1000, a number of /
several / some (عدد من، عدة، بعض، بضعة، العديد من) = 3. A dual noun (قتيلان، جنديين) is 2.

Language data lives in ``kb/data/lexicon/numbers.yaml``; month names come from ``dates.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from pathlib import Path
from typing import Any

import yaml

from marsad.text.normalise import NormalisedText, fold

_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[\u0621-\u064a]+|%|-")
# Numeric dates, clock times and percentages written with symbols: never counts.
# (`\d{1,4}...|\d{1,2}:\d{2}|\d+...%` with the first digit taken out of the alternatives, so
# that the search skips to digits instead of trying every alternative at every character.)
_NOT_COUNT = re.compile(
    r"\d(?:\d{0,3}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{1,4}|\d?:\d{2}|\d*(?:[.,]\d+)?\s*%)"
)
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_RANK = {"unit": 1, "ten": 2, "hundred": 3}
MEMO_SIZE = 100_000  # token spellings remembered by `NumberRecogniser._can_start`


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A count in the text; `start`/`end` are offsets into the original text."""

    start: int
    end: int
    text: str
    value: int | None
    qualifier: str | None  # "at_least", "about", "more_than", "up_to", "vague" or None
    vague: bool


def original_span(nt: NormalisedText, fstart: int, fend: int) -> tuple[int, int]:
    """Map a folded span to the original, taking in trailing marks and tatweel (واحداً، هـ)."""
    start, end = nt.to_original(fstart, fend)
    while end < len(nt.original) and (
        nt.original[end] == "\u0640" or unicodedata.category(nt.original[end]) == "Mn"
    ):
        end += 1
    return start, end


def package_lexicon_path(name: str) -> Path:
    """Path of a lexicon file shipped in ``marsad/kb/data/lexicon``."""
    ref = resources.files("marsad").joinpath("kb", "data", "lexicon", name)
    return Path(str(ref))


def merge_documents(docs: Iterable[Mapping[Any, Any]]) -> dict[Any, Any]:
    """Merge YAML documents: lists concatenate, mappings merge, scalars are replaced."""
    merged: dict[Any, Any] = {}
    for doc in docs:
        _merge_into(merged, doc)
    return merged


def _merge_into(target: dict[Any, Any], doc: Mapping[Any, Any]) -> None:
    for key, value in doc.items():
        old = target.get(key)
        if isinstance(old, dict) and isinstance(value, Mapping):
            _merge_into(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            target[key] = old + value
        elif isinstance(value, Mapping):
            target[key] = {}
            _merge_into(target[key], value)
        else:
            target[key] = list(value) if isinstance(value, list) else value


def load_yaml_documents(paths: Sequence[Path]) -> dict[str, Any]:
    """Read and merge lexicon files; a file that is not a mapping is an error naming it."""
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            doc = yaml.safe_load(handle)
        if not isinstance(doc, Mapping):
            raise ValueError(f"{path}: a lexicon file must hold a YAML mapping")
        docs.append(doc)
    return merge_documents(docs)


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Folded phrases as token tuples, longest first."""
    out = {tuple(_TOKEN.findall(fold(str(item)))) for item in items}
    return tuple(sorted((p for p in out if p), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """Folded number vocabulary; build with `from_document`."""

    version: str
    words: Mapping[str, tuple[int, str]]  # word -> (value, kind)
    compounds: Mapping[tuple[str, ...], int]
    no_definite: frozenset[str]
    vague: tuple[tuple[tuple[str, ...], int, bool], ...]
    dual_both: frozenset[str]
    dual_an: frozenset[str]
    qual_before: tuple[tuple[tuple[str, ...], str], ...]
    qual_after: tuple[tuple[tuple[str, ...], str], ...]
    range_joiners: frozenset[str]
    measures: tuple[tuple[str, ...], ...]
    labels: frozenset[str]
    year_context: frozenset[str]
    month_words: frozenset[str]

    @classmethod
    def from_document(
        cls, doc: Mapping[str, Any], month_words: Iterable[str] = ()
    ) -> NumberLexicon:
        words: dict[str, tuple[int, str]] = {}
        for section, kind in (("units", "unit"), ("tens", "ten"), ("hundreds", "hundred")):
            for value, forms in doc.get(section, {}).items():
                for form in forms:
                    words[fold(form)] = (int(value), kind)
        for value, forms in doc.get("scales", {}).items():
            for kind in ("singular", "dual", "plural"):
                for form in forms.get(kind, []):
                    words[fold(form)] = (int(value), "scale_" + kind)
        compounds = {
            tuple(fold(form).split()): int(value)
            for value, forms in doc.get("compounds", {}).items()
            for form in forms
        }
        vague = tuple(
            sorted(
                (
                    (tuple(fold(w) for w in item["words"]), int(item["value"]),
                     bool(item.get("scale", False)))
                    for item in doc.get("vague", [])
                ),
                key=lambda v: len(v[0]),
                reverse=True,
            )
        )
        quals_b = [(p, q) for q, items in doc.get("qualifiers_before", {}).items()
                   for p in _phrases(items)]
        quals_a = [(p, q) for q, items in doc.get("qualifiers_after", {}).items()
                   for p in _phrases(items)]
        duals = doc.get("dual_stems", {})
        return cls(
            version=str(doc.get("version", "")),
            words=words,
            compounds=compounds,
            no_definite=frozenset(fold(w) for w in doc.get("no_definite", [])),
            vague=vague,
            dual_both=frozenset(fold(w) for w in duals.get("both", [])),
            dual_an=frozenset(fold(w) for w in duals.get("an_only", [])),
            qual_before=tuple(sorted(quals_b, key=lambda x: len(x[0]), reverse=True)),
            qual_after=tuple(sorted(quals_a, key=lambda x: len(x[0]), reverse=True)),
            range_joiners=frozenset(fold(w) for w in doc.get("range_joiners", [])),
            measures=_phrases(doc.get("measure_units", [])),
            labels=frozenset(fold(w) for w in doc.get("label_words", [])),
            year_context=frozenset(fold(w) for w in doc.get("year_context", [])),
            month_words=frozenset(fold(w).split()[0] for w in month_words),
        )

    def lookup(self, word: str, allow_clitics: bool = True) -> tuple[int, int, str] | None:
        """(clitic length, value, kind) for a token, stripping و/ف, ب/ل/ك and ال."""
        for prefix in _prefixes(word) if allow_clitics else ("",):
            core = word[len(prefix):]
            if prefix.endswith("ل") and core.startswith("ل"):  # لل = ل + ال
                core = "ا" + core
            hit = self.words.get(core)
            if hit is None and core.startswith("ال") and core[2:] not in self.no_definite:
                hit = self.words.get(core[2:])
                hit = hit if hit and hit[1] in _RANK else None
            if hit is not None:
                return len(prefix), hit[0], hit[1]
        return None


@lru_cache(maxsize=65536)
def _prefixes(word: str) -> tuple[str, ...]:
    out = [""]
    for conj in ("", *_CONJ):
        for prep in ("", *_PREP):
            prefix = conj + prep
            if prefix and word.startswith(prefix) and len(word) > len(prefix) + 1:
                out.append(prefix)
    return tuple(out)


@dataclass(slots=True)
class _Hit:
    i: int  # first token
    j: int  # one past the last token
    skip: int  # clitic characters at the start of token i left out of the span
    value: int
    vague: bool


class NumberRecogniser:
    """Finds counts in normalised text; see the module docstring for what is left out."""

    def __init__(self, lexicon: NumberLexicon) -> None:
        self.lexicon = lexicon
        # Vague quantities by their first word, in lexicon order, so a token looks up only
        # the patterns that can start with it.
        self._vague_by_first: dict[str, list[tuple[int, tuple[str, ...], int, bool]]] = {}
        for order, (words, value, scalable) in enumerate(lexicon.vague):
            self._vague_by_first.setdefault(words[0], []).append(
                (order, words, value, scalable))
        self._compound_firsts = frozenset(words[0] for words in lexicon.compounds if words)
        self._starts: dict[str, bool] = {}  # token spelling -> may a count start there
        self._labels_months = lexicon.labels | lexicon.month_words
        self._measures: dict[str, list[tuple[str, ...]]] = {}  # measure phrases by first word
        for measure in lexicon.measures:
            self._measures.setdefault(measure[0], []).append(measure)
        # Qualifiers before a number by their last word, in lexicon order.
        self._qual_before_by_last: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        for order, (phrase, qualifier) in enumerate(lexicon.qual_before):
            self._qual_before_by_last.setdefault(phrase[-1], []).append(
                (order, phrase, qualifier))

    @classmethod
    def from_package_data(cls, extra_files: Sequence[Path] = ()) -> NumberRecogniser:
        """Shipped numbers.yaml (and dates.yaml's month names), extended by `extra_files`."""
        doc = load_yaml_documents([package_lexicon_path("numbers.yaml"), *extra_files])
        dates = load_yaml_documents([package_lexicon_path("dates.yaml")])
        months = [m for forms in dates.get("months", {}).values() for m in forms]
        months += [m for forms in dates.get("hijri_months", {}).values() for m in forms]
        return cls(NumberLexicon.from_document(doc, months))

    @property
    def version(self) -> str:
        return self.lexicon.version

    def find(self, normalised: NormalisedText) -> list[NumberMention]:
        text = normalised.text
        matches = list(_TOKEN.finditer(text))
        blocked = {offset for m in _NOT_COUNT.finditer(text) for offset in range(*m.span())}
        if blocked:
            matches = [m for m in matches if m.start() not in blocked]
        toks = list(map(re.Match.group, matches))  # the tokens' words
        spans = list(map(re.Match.span, matches))  # and their [start, end) in `text`
        can_start = list(map(self._starts.get, toks))  # None: not memoised yet
        if None in can_start:
            for i, known in enumerate(can_start):
                if known is None:
                    can_start[i] = self._can_start(toks[i])
        out: list[NumberMention] = []
        free = 0  # the first token no count has taken
        # Most words can start no count: skipped in C.
        for i in compress(range(len(toks)), can_start):
            if i < free:
                continue
            hit = self._match_at(toks, i)
            if hit is None:
                continue
            mention = self._finish(normalised, toks, spans, hit)
            if mention is not None:
                out.append(mention)
            free = hit.j
        return out

    # -- matching -------------------------------------------------------------------------
    def _can_start(self, word: str) -> bool:
        """False when no count can start at a token spelled `word`, whatever follows it (what
        `_match_at` would try, looking at the first token only); memoised by spelling."""
        probe = [word]
        cores = [word[len(prefix) :] for prefix in _prefixes(word)]
        possible = (
            any(core in self._vague_by_first for core in cores)
            or word[:1].isdigit()
            or any(core in self._compound_firsts for core in cores)
            or self.lexicon.lookup(word) is not None
            or self._dual_at(probe, 0) is not None
        )
        if len(self._starts) >= MEMO_SIZE:
            self._starts.clear()
        self._starts[word] = possible
        return possible

    def _match_at(self, toks: list[str], i: int) -> _Hit | None:
        return self._vague_at(toks, i) or self._number_at(toks, i) or self._dual_at(toks, i)

    def _vague_at(self, toks: list[str], i: int) -> _Hit | None:
        lex = self.lexicon
        text = toks[i]
        options = []
        for prefix in _prefixes(text):
            options += self._vague_by_first.get(text[len(prefix):], [])
        for _order, words, value, scalable in sorted(options):
            if i + len(words) > len(toks):
                continue
            skip = _clitic_match(toks[i], words[0])
            if skip is None or any(toks[i + k] != w for k, w in enumerate(words[1:], 1)):
                continue
            j = i + len(words)
            if scalable and j < len(toks):
                word = toks[j]
                nxt = lex.words.get(word[2:] if word.startswith("ال") else word)
                if nxt and nxt[1] == "scale_plural":
                    value, j = value * nxt[0], j + 1
            return _Hit(i, j, skip, value, True)
        return None

    def _number_at(self, toks: list[str], i: int) -> _Hit | None:
        tok = toks[i]
        if tok[0].isdigit():
            value = _digits_value(tok)
            if value is None:
                return None
            j = i + 1
            if j < len(toks):
                nxt = self.lexicon.lookup(toks[j], allow_clitics=False)
                if nxt and nxt[2].startswith("scale_") and nxt[2] != "scale_dual":
                    return _Hit(i, j + 1, 0, int(value * nxt[1]), False)
            if value != int(value):
                return None
            return _Hit(i, j, 0, int(value), False)
        return self._words_at(toks, i)

    def _words_at(self, toks: list[str], i: int) -> _Hit | None:
        lex = self.lexicon
        first = lex.lookup(toks[i])
        skip = 0
        if i + 1 < len(toks):
            for prefix in _prefixes(toks[i]):
                pair = (toks[i][len(prefix):], toks[i + 1])
                if pair in lex.compounds:
                    return self._continue(toks, i, i + 2, len(prefix), lex.compounds[pair], 1)
        if first is None or first[2] == "scale_plural":
            return None
        skip, value, kind = first
        if kind.startswith("scale_"):
            value = value * 2 if kind == "scale_dual" else value
            return _Hit(i, i + 1, skip, value, False)
        return self._continue(toks, i, i + 1, skip, value, _RANK[kind])

    def _continue(
        self, toks: list[str], i: int, j: int, skip: int, group: int, last: int
    ) -> _Hit:
        """Extend a number-word phrase: teens, 'three hundred', 'and twenty', scales."""
        lex, total, has_ten = self.lexicon, 0, last == 2
        while j < len(toks):
            word = toks[j]
            plain = lex.words.get(word)
            if plain and plain[1] == "unit" and plain[0] == 10 and last == 1 and group < 10:
                group, j = group + 10, j + 1  # خمسة عشر
                continue
            if plain and plain[0] == 100 and last == 1 and 3 <= group <= 9:
                group, last, j = group * 100, 3, j + 1  # ثلاث مئة
                continue
            if plain and plain[1] in ("scale_singular", "scale_plural"):
                total, group, last, j = total + max(group, 1) * plain[0], 0, 4, j + 1
                continue
            nxt = lex.words.get(word[1:]) if word.startswith("و") else None
            if nxt is None or nxt[1] not in _RANK:
                break
            rank = _RANK[nxt[1]]
            if not (rank < last or (last == 1 and rank == 2 and not has_ten)):
                break
            has_ten = has_ten or rank == 2
            group, last, j = group + nxt[0], rank, j + 1
        return _Hit(i, j, skip, total + group, False)

    def _dual_at(self, toks: list[str], i: int) -> _Hit | None:
        lex = self.lexicon
        for prefix in _prefixes(toks[i]):
            core = toks[i][len(prefix):]
            core = core[2:] if core.startswith("ال") else core
            stem, ending = core[:-2], core[-2:]
            if ending == "ين" and stem in lex.dual_both:
                return _Hit(i, i + 1, len(prefix), 2, False)
            if ending == "ان" and (stem in lex.dual_both or stem in lex.dual_an):
                return _Hit(i, i + 1, len(prefix), 2, False)
        return None

    # -- context --------------------------------------------------------------------------
    def _finish(self, nt: NormalisedText, toks: list[str], spans: list[tuple[int, int]],
                hit: _Hit) -> NumberMention | None:
        if self._excluded(toks, spans, hit):
            return None
        qualifier: str | None = "vague" if hit.vague else None
        value = hit.value
        if not hit.vague:
            value, qualifier = self._range(toks, hit, value)
        first = hit.i
        if not hit.vague:
            found = self._qualifier_before(toks, hit.i)
            if found is not None:
                first, qualifier = found
            elif qualifier is None:
                qualifier = self._qualifier_after(toks, hit.j)
        fstart = spans[first][0] + (hit.skip if first == hit.i else 0)
        if first != hit.i:
            fstart = spans[first][0] + self._clitic_len(toks[first])
        start, end = original_span(nt, fstart, spans[hit.j - 1][1])
        return NumberMention(start, end, nt.original[start:end], value, qualifier, hit.vague)

    def _clitic_len(self, word: str) -> int:
        return 1 if word[:1] in _CONJ and len(word) > 3 else 0

    def _excluded(self, toks: list[str], spans: list[tuple[int, int]], hit: _Hit) -> bool:
        lex = self.lexicon
        prev = toks[hit.i - 1] if hit.i > 0 else ""
        cores = {prev[len(p):] for p in _prefixes(prev)}  # "للعام" -> "لعام", "العام"
        cores |= {"ا" + c for c in cores if c.startswith("ل")}
        if cores & self._labels_months:
            return True
        prev_core = prev[1:] if prev[:1] in _CONJ and len(prev) > 3 else prev
        if prev == "-" and hit.i > 1 and spans[hit.i - 2][1] == spans[hit.i - 1][0]:
            return True  # a label such as "إم-23"
        if hit.value and 1900 <= hit.value <= 2100 and toks[hit.i].isdigit():
            before = toks[hit.i - 2] if prev == "و" and hit.i > 1 else prev
            if prev_core in lex.year_context or (before.isdigit() and 1900 <= int(before) <= 2100):
                return True  # "في 2015", "عامي 1998 و1999"
            if hit.j < len(toks) and toks[hit.j] in ("م", "ه"):
                return True
        rest = toks[hit.j:hit.j + 3]
        if rest[:1] and rest[0] in lex.month_words:
            return True
        if rest[:1] == ["من"] and len(rest) > 1 and (
            rest[1] in ("شهر", "الشهر") or rest[1] in lex.month_words
        ) and not hit.vague:
            return True
        if rest and any(tuple(rest[: len(m)]) == m for m in self._measures.get(rest[0], ())):
            return True
        return hit.vague and toks[hit.i] == "عده" and bool(prev) and any(
            (prev,) == m for m in lex.measures
        )

    def _range(self, toks: list[str], hit: _Hit, value: int) -> tuple[int, str | None]:
        """'10 إلى 15', '10-15', 'بين 10 و15': keep the lower end, extend the hit."""
        j = hit.j
        if j + 1 >= len(toks):
            return value, None
        joiner, nxt = toks[j], toks[j + 1]
        between = hit.i > 0 and toks[hit.i - 1] == "بين"
        if joiner == "و" or (joiner.startswith("و") and joiner[1:].isdigit()):
            if not between:
                return value, None
            if joiner != "و":
                nxt, j = joiner[1:], j - 1
        elif joiner not in self.lexicon.range_joiners or joiner == "و":
            return value, None
        if toks[hit.i][0].isdigit() and nxt.isdigit() and int(nxt) > value:
            hit.j = j + 2
            return value, "at_least"
        return value, None

    def _qualifier_before(self, toks: list[str], i: int) -> tuple[int, str] | None:
        if i == 0:
            return None
        # Only a phrase ending in the word before, bare or with its clitics, may fit.
        prev = toks[i - 1]
        options: list[tuple[int, tuple[str, ...], str]] = []
        for prefix in _prefixes(prev):
            options += self._qual_before_by_last.get(prev[len(prefix):], ())
        if len(options) > 1:
            options.sort()
        for _order, phrase, qualifier in options:
            k = i - len(phrase)
            if k < 0 or (len(phrase) > 1 and toks[i - 1] != phrase[-1]):
                continue
            words = toks[k:i]
            if words[0] != phrase[0] and _clitic_match(words[0], phrase[0]) is None:
                continue
            if tuple(words[1:]) == phrase[1:]:
                return k, qualifier
        return None

    def _qualifier_after(self, toks: list[str], j: int) -> str | None:
        for offset in (0, 1):  # directly after, or after the counted noun
            for phrase, qualifier in self.lexicon.qual_after:
                words = tuple(toks[j + offset:j + offset + len(phrase)])
                if words == phrase:
                    return qualifier
        return None


def _clitic_match(word: str, target: str) -> int | None:
    """Length of the و/ف/ب/ل clitics before `target` in `word`, or None."""
    if word == target:
        return 0
    for prefix in _prefixes(word)[1:]:
        if word[len(prefix):] == target:
            return len(prefix)
    return None


def _digits_value(tok: str) -> float | None:
    if _THOUSANDS.fullmatch(tok):
        return float(re.sub(r"[.,]", "", tok))
    if tok.count(".") + tok.count(",") > 1:
        return None
    try:
        return float(tok.replace(",", "."))
    except ValueError:
        return None
