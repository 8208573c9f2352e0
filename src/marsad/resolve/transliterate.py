"""Finding places the gazetteer has no Arabic name for (consonant skeleton), or spells
otherwise (fuzzy match).

News writes foreign towns in Arabic letters ("بلدة ديكوا", "مديرية إمام صاحب"); GeoNames often
has them only in Latin letters (Dikwa, Imam Sahib). Both spellings are reduced to a skeleton of
consonant classes (vowels, weak letters and h dropped; sounds that the two scripts render
differently merged), and a name introduced as a settlement ("بلدة X") is looked up by its
skeleton among the places of the article's countries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from marsad.kb.model import Place
from marsad.text.normalise import fold

_ARABIC = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ج": "g", "چ": "s", "ح": "", "خ": "k", "د": "d",
    "ذ": "z", "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "g", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m",
    "ن": "n", "ه": "", "ة": "", "و": "", "ي": "", "ى": "", "ا": "", "أ": "", "إ": "", "آ": "",
    "ء": "", "ؤ": "", "ئ": "",
}
_LATIN_DIGRAPHS = (("tch", "s"), ("ch", "s"), ("sh", "s"), ("kh", "k"), ("gh", "g"), ("th", "t"),
                   ("dh", "d"), ("ph", "f"), ("ck", "k"), ("qu", "k"), ("dj", "g"), ("ts", "s"))
_LATIN = str.maketrans({"q": "k", "c": "k", "j": "g", "p": "b", "v": "f", "x": "ks",
                        "a": None, "e": None, "i": None, "o": None, "u": None, "y": None,
                        "w": None, "h": None, "'": None, "`": None, "-": None, " ": None})
MIN_SKELETON = 3
MIN_FUZZY = 5
FUZZY_CUTOFF = 88.0
FUZZY_MAX_POPULATION = 500_000  # places this large are not guessed from a near spelling
FUZZY_MEMO = 20_000  # fuzzy look-ups remembered


def arabic_skeleton(word: str) -> str:
    letters = "".join(_ARABIC.get(ch, "") for ch in word.replace("تش", "چ"))
    return _collapse(letters)


_ARTICLE = re.compile(r"^(al|el|ad|ar|as|an|at|az)[- ]")
_LINE_ARTICLE = re.compile(_ARTICLE.pattern, re.MULTILINE)
_REPEATED = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def latin_skeleton(name: str) -> str:
    return _skeleton(name, _ARTICLE)


def latin_skeletons(names: Sequence[str]) -> list[str]:
    """`[latin_skeleton(name) for name in names]`, made over all of them at once (a
    country's thousands): joined by line breaks, which no step reads across."""
    if not names or any("\n" in name for name in names):
        return [latin_skeleton(name) for name in names]
    return _skeleton("\n".join(names), _LINE_ARTICLE).split("\n")


def _skeleton(name: str, article: re.Pattern[str]) -> str:
    if name.isascii():  # (NFKD and dropping what is not ASCII change nothing)
        ascii_name = name.lower()
    else:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = article.sub("", ascii_name)
    for digraph, sound in _LATIN_DIGRAPHS:
        ascii_name = ascii_name.replace(digraph, sound)
    return _collapse(ascii_name.translate(_LATIN))


def _collapse(letters: str) -> str:
    return _REPEATED.sub(_first_group, letters)  # (a function: a template is parsed per call)


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


class SkeletonIndex:
    """Places by country and consonant skeleton of their Latin names, built per country on
    first use (most articles need one or two countries)."""

    KINDS = ("city", "town", "district", "neighbourhood", "admin2")

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: dict[str, list[Place]] = {}
        for place in places:
            if place.kind in self.KINDS:
                self._places.setdefault(place.country_code, []).append(place)
        self._index: dict[str, dict[str, list[Place]]] = {}
        self._arabic_names: dict[str, dict[str, list[Place]]] = {}
        self._fuzzy: dict[tuple[str, str], Place | None] = {}  # (query, country) -> fuzzy()

    def _country(self, code: str) -> dict[str, list[Place]]:
        index = self._index.get(code)
        if index is None:
            index = {}
            named = [(place, name) for place in self._places.get(code, ())
                     for name in (place.name, *place.aliases_en)]
            skeletons = latin_skeletons([name for _, name in named])
            for (place, _), skeleton in zip(named, skeletons, strict=True):
                if len(skeleton) >= MIN_SKELETON:
                    index.setdefault(skeleton, []).append(place)
            self._index[code] = index
        return index

    def fuzzy(self, word: str, countries: Iterable[str]) -> Place | None:
        """A place of `countries` whose Arabic name is a near spelling of the word (rapidfuzz
        ratio of at least FUZZY_CUTOFF over folded names): "البوكمال" for "البو كمال"."""
        from rapidfuzz import fuzz, process

        query = fold(word).replace(" ", "")
        if len(query) < MIN_FUZZY:
            return None
        for code in countries:
            if (query, code) in self._fuzzy:  # the same unknown names come back often
                place = self._fuzzy[query, code]
            else:
                names = self._arabic(code)
                found = process.extractOne(query, names.keys(), scorer=fuzz.ratio,
                                           score_cutoff=FUZZY_CUTOFF)
                place = None if found is None else max(names[found[0]], key=_population)
                if len(self._fuzzy) >= FUZZY_MEMO:
                    self._fuzzy.clear()
                self._fuzzy[query, code] = place
            if place is not None:
                return place
        return None

    def _arabic(self, code: str) -> dict[str, list[Place]]:
        names = self._arabic_names.get(code)
        if names is None:
            names = {}
            for place in self._places.get(code, ()):
                if place.population >= FUZZY_MAX_POPULATION:
                    continue  # a capital is written right: "عرمان" is no misspelt "عمان"
                for name in (place.name_ar, *place.aliases_ar):
                    if name:
                        names.setdefault(fold(name).replace(" ", ""), []).append(place)
            self._arabic_names[code] = names
        return names

    def lookup(self, word: str, countries: Iterable[str]) -> Place | None:
        """The most populous place of the first of `countries` whose skeleton is the word's."""
        skeleton = arabic_skeleton(word)
        if len(skeleton) < MIN_SKELETON:
            return None
        for code in countries:
            found = self._country(code).get(skeleton)
            if found:
                return max(found, key=lambda p: p.population)
        return None


def _population(place: Place) -> int:
    return place.population


# Arabic letters in a plain Latin spelling, for a place the gazetteer lacks ("جاموندي" ->
# "Jamundi"): long vowels are written; an "a" only opens a word that starts with two consonants.
_ROMAN_CONSONANTS = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "th", "ج": "j", "چ": "ch", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ڤ": "v", "ق": "q", "ك": "k", "گ": "g", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ء": "'", "ؤ": "'", "ئ": "'",
}
_DOUBLED_VOWEL = re.compile(r"([aiu])\1")
_ROMAN_VOWELS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a"}


def romanise(name: str) -> str:
    """A readable Latin spelling of an Arabic name, word by word: "فينوتي سلام" -> "Finuti
    Salam", "المطيبيجة" -> "Al-Mtibija"."""
    words = "".join(ch for ch in name if not unicodedata.combining(ch) and ch != "ـ").split()
    return " ".join(_romanise_word(word) for word in words)


def _romanise_word(word: str) -> str:
    article = ""
    if word.startswith("ال") and len(word) > 4:
        article, word = "Al-", word[2:]
    out: list[str] = []
    for index, ch in enumerate(word):
        following = word[index + 1] if index + 1 < len(word) else ""
        if ch in ("و", "ي"):
            # a consonant (w, y) at the start or before a vowel letter, else a long vowel
            consonant = index == 0 or following in _ROMAN_VOWELS or following in ("و", "ي")
            sound = ("w" if ch == "و" else "y") if consonant else ("u" if ch == "و" else "i")
        else:
            consonant = ch in _ROMAN_CONSONANTS
            sound = _ROMAN_CONSONANTS.get(ch) or _ROMAN_VOWELS.get(ch, ch)
        if index == 1 and consonant and out and out[0] not in "aiu":
            out.append("a")  # "سلام" is Salam, "عرمان" Arman
        out.append(sound)
    latin = _DOUBLED_VOWEL.sub(_first_group, "".join(out).strip("'"))  # "إيرينجيتي": Irinjiti
    return article + latin[:1].upper() + latin[1:]
