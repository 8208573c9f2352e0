"""Date expressions in Arabic news, resolved against the publication date.

Every mention carries the inclusive range [earliest, latest] the words allow and ACLED's
time_precision (1 a day, or a night spanning midnight with both days in the range; 2 a range
of up to 7 days; 3 longer, or a month). With no publication date only absolute dates that
give their year resolve; the other mentions are still reported, with no dates.

Choices (the lead's pipeline may narrow them):
- today (اليوم، صباح اليوم، فجر اليوم) is P; yesterday P-1; "أول أمس" P-2. "اليوم الثلاثاء",
  "أمس الاثنين": when the weekday disagrees with the offset, the weekday nearest to it wins.
- A weekday is its most recent occurrence on or before P; with الماضي strictly before P; with
  المقبل strictly after. "ليل الجمعة" is [Fri, Sat] (precision 1); "ليلة الجمعة" may be the
  night before Friday too, so it is [Thu, Sat] (precision 2); "ليل الجمعة/ السبت" [Fri, Sat].
- Day and month with no year: the year putting it on or before P + 7 days. "مايو الماضي" is the
  last May strictly before P's month; "الجاري" P's year; "المقبل" the next one.
- "N days ago": exactly P-N for N <= 3, else +-1 day; "N weeks ago" +-3 days (so "about two
  weeks ago" is [P-17, P-11]); months +-15 days; years +-182 days; "a few days ago" [P-7, P-2]
  (the same pattern, times the unit, for weeks, months, years). "about" widens days by 1.
- Weeks run Monday to Sunday (week_start in dates.yaml). "الأسبوع الماضي" is the previous
  Monday-Sunday; "في وقت سابق من هذا الأسبوع" [Monday, P]; "نهاية الأسبوع" the latest Fri-Sun
  on or before P; early/mid/late of a month are days 1-10, 10-20, 21-end; of a year Jan-Apr,
  May-Aug, Sep-Dec; of a week Mon-Wed, Tue-Thu, Fri-Sun.
- "خلال الأيام الماضية" [P-7, P], "مؤخراً" [P-30, P] (recent_periods in dates.yaml).
- Hijri dates use hijridate's Umm al-Qura calendar; local sighting may differ by a day. A Hijri
  day without a year is the most recent on or before P + 7 days; a feast (عيد الفطر) without a
  year is its occurrence nearest to P, since articles announce feasts ahead.
- "الليلة" (tonight) is the night [P, P+1], precision 1; "الليلة الماضية" [P-1, P].
- "بعد الإفطار" and other times of day without a day give no mention.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import compress
from pathlib import Path
from typing import Any

from hijridate import Gregorian, Hijri

from marsad.recognise.literals import (
    DIGIT,
    Requirement,
    first_literals,
    passes,
    required_literals,
)
from marsad.recognise.numbers import load_yaml_documents, original_span, package_lexicon_path
from marsad.text.normalise import NormalisedText, fold

_GRACE = timedelta(days=7)
_OTHER_EVENT = re.compile(r"\s+من\s+(?!الان|الآن)")
# `match_starts` relies on this prefix: at most two letters, no digit, after a non-word one.
_CLITIC = r"(?<!\w)(?:[وف]?[بل]?)"
_END = r"(?!\w)"
_MARKERS = ("past", "current", "next")
_DIGIT_RUN = re.compile(r"\d+")
_WORD_RUN = re.compile(r"\w+")  # `_CLITIC`'s look-behind: a match starts one of these
WORD_MEMO_SIZE = 100_000  # word spellings whose rules `DateRecogniser` remembers
# Years below this in a numeric date are Hijri ("21 / 10 / 1436هـ" is 6 August 2015).
LAST_HIJRI_YEAR = 1600

Resolved = tuple[str, date | None, date | None, bool] | None  # kind, earliest, latest, anchored


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression; `start`/`end` are offsets into the original text."""

    start: int
    end: int
    text: str
    earliest: date | None
    latest: date | None
    precision: int | None
    kind: str  # absolute relative_day weekday night month hijri period ago year
    anchored: bool  # resolved against the publication date
    since: bool = False  # "منذ مطلع الشهر": where a period starts, not when something happened


def _alt(words: Iterable[str]) -> str:
    forms = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


def _index(mapping: Mapping[Any, Iterable[str]]) -> dict[str, int]:
    return {re.sub(r"\s+", " ", fold(w)): int(k) for k, forms in mapping.items() for w in forms}


_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text)


@dataclass(frozen=True, slots=True)
class _Vocab:
    """Folded vocabulary from dates.yaml (and number words from numbers.yaml)."""

    doc: Mapping[str, Any]
    months: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    rel_days: dict[str, int]
    ordinals: dict[str, int]
    periods: dict[str, str]
    markers: dict[str, str]
    ago_units: dict[str, tuple[int, int | None]]  # word -> (unit days, count or None)
    recent: dict[str, int]
    feasts: dict[str, tuple[int, int, int]]
    feast_ords: dict[str, int]
    numbers: dict[str, int]
    just_now: dict[str, int]

    @classmethod
    def build(cls, doc: Mapping[str, Any], numbers: Mapping[str, int]) -> _Vocab:
        ordinals = _index(doc.get("ordinal_days", {}))
        ordinals.update({k[2:]: v for k, v in list(ordinals.items()) if k.startswith("ال")})
        periods = {fold(w): p for p, ws in doc.get("period_words", {}).items() for w in ws}
        markers = {fold(w): m for m in _MARKERS for w in doc.get(m + "_markers", [])}
        units: dict[str, tuple[int, int | None]] = {}
        for spec in doc.get("ago_units", {}).values():
            for form, count in (("singular", 1), ("dual", 2), ("plural", None)):
                for w in spec.get(form, []):
                    units[fold(w)] = (int(spec["days"]), count)
        feasts = {
            _key(fold(k)): (int(v["month"]), int(v["day"]), int(v["days"]))
            for k, v in doc.get("feasts", {}).items()
        }
        return cls(
            doc, _index(doc.get("months", {})), _index(doc.get("hijri_months", {})),
            _index(doc.get("weekdays", {})),
            {_key(fold(k)): int(v) for k, v in doc.get("relative_days", {}).items()},
            ordinals, periods, markers, units,
            {_key(fold(k)): int(v) for k, v in doc.get("recent_periods", {}).items()},
            feasts, _index(doc.get("feast_day_ordinals", {})), dict(numbers),
            {_key(fold(k)): int(n) for k, n in doc.get("just_now", {}).items()},
        )

    def words(self, key: str) -> list[str]:
        return [str(w) for w in self.doc.get(key, [])]

    def day(self, text: str) -> int:
        return int(text) if text.isdigit() else self.ordinals[_key(text)]


@dataclass(frozen=True, slots=True)
class _Fragments:
    """Regex fragments shared by the rules."""

    wd: str
    mon: str
    hmon: str
    day: str
    mark: str
    per: str
    this: str
    pre: str
    dayw: str
    of: str
    sh: str
    parts: str
    night: str
    eve: str
    months: str
    year: str
    rel: str
    yesterday: str
    earlier: str
    week: str
    mon_w: str
    year_w: str


_Spec = tuple[str, str, Callable[[re.Match[str], "date | None"], "Resolved"]]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None], Resolved]
    requires: tuple[Requirement, ...] = ()  # literals a text must hold for a match
    starts: frozenset[str] | None = None  # what the core of every match starts with

    def finditer(
        self, text: str, starts: list[int] | None, present: dict[str, bool]
    ) -> list[re.Match[str]]:
        """`pattern.finditer(text)`, trying the pattern only at `starts`: the places, in
        order, where a match can start (`DateRecogniser.match_starts`; None: anywhere).
        `present` remembers which required literals the text holds, for the other rules."""
        if self.starts is not None and starts is not None and not starts:
            return []  # no word of the text starts a match
        if not passes(text, self.requires, present):
            return []  # the text lacks a word every match of the rule has
        if self.starts is None or starts is None:
            return list(self.pattern.finditer(text))
        found: list[re.Match[str]] = []
        end = 0
        for start in starts:
            if start < end:
                continue
            m = self.pattern.match(text, start)
            if m is not None:
                if m.end() == start:  # never: a core is not empty; finditer knows the rest
                    return list(self.pattern.finditer(text))
                found.append(m)
                end = m.end()
        return found


class DateRecogniser:
    """Finds and resolves date expressions; see the module docstring for the choices made."""

    def __init__(self, doc: Mapping[str, Any], number_words: Mapping[str, int] = {}) -> None:
        self.version = str(doc.get("version", ""))
        self.v = _Vocab.build(doc, number_words)
        self.week_start = int(doc.get("week_start", 0))
        # "الصيف الماضي": a season's name and its first and last months
        self._seasons = {_key(fold(w)): (int(spec["months"][0]), int(spec["months"][1]))
                         for spec in (doc.get("seasons") or {}).values()
                         for w in spec.get("words", [])}
        self.rules = self._compile()
        same = (_alt(self.v.words("same_day_nouns")), _alt(self.v.words("same_words")))
        self._same_day = re.compile(rf"(?<!\w)(?:[وف]?[بل]?)(?P<core>{same[0]}\s+{same[1]})"
                                    rf"{_END}") if self.v.words("same_words") else None
        self._same_day_requires = required_literals(self._same_day.pattern) \
            if self._same_day else ()
        since = _alt(self.v.words("since_words"))
        self._since = re.compile(rf"(?<!\w)[وف]?{since}\s+$") if self.v.words("since_words") \
            else None
        self._since_first = re.compile(rf"[وف]?{since}\s") if self.v.words("since_words") \
            else None
        # The rules by the literals their cores start with, to tell from a word's spelling
        # which rules may match at it (`_rules_at`).
        self._by_literal: dict[str, tuple[int, ...]] = {}
        for index, rule in enumerate(self.rules):
            for literal in sorted(rule.starts or ()):
                self._by_literal[literal] = (*self._by_literal.get(literal, ()), index)
        self._digit_rules = self._by_literal.pop(DIGIT, ())
        self._lengths = sorted({len(literal) for literal in self._by_literal})
        self._anywhere = tuple(i for i, rule in enumerate(self.rules) if rule.starts is None)
        self._word_rules: dict[str, tuple[int, ...]] = {}  # word -> `_rules_at(word)`
        self._word_sets: dict[tuple[str, bool], frozenset[str]] = {}  # see `_word_set`

    @classmethod
    def from_package_data(cls, extra_files: Sequence[Path] = ()) -> DateRecogniser:
        """The shipped dates.yaml (number words from numbers.yaml), extended by `extra_files`."""
        doc = load_yaml_documents([package_lexicon_path("dates.yaml"), *extra_files])
        nums = load_yaml_documents([package_lexicon_path("numbers.yaml")])
        words = {
            fold(w): int(k)
            for section in ("units", "tens")
            for k, forms in nums.get(section, {}).items()
            for w in forms
        }
        return cls(doc, words)

    # -- patterns -------------------------------------------------------------------------
    def _glue(self, key: str) -> str:
        return _alt(str(w) for w in self.v.doc.get("glue", {}).get(key, []))

    def _fragments(self) -> _Fragments:
        """Regex fragments shared by the rules."""
        v, g = self.v, self._glue
        wd, mon, hmon = _alt(v.weekdays), _alt(v.months), _alt(v.hijri)
        day = r"(?:\d{1,2}|" + _alt(v.ordinals) + ")"
        mark, per, this = _alt(v.markers), _alt(v.periods), _alt(v.words("this_words"))
        pre = r"(?:" + _alt(v.words("day_prefixes")) + r"\s+)?"
        dayw, of, sh = g("day"), g("of"), g("month_noun")
        parts = rf"(?:{pre}{_alt(v.words('day_parts'))}\s+)"
        night, eve = _alt(v.words("night_words")), _alt(v.words("night_eve_words"))
        months = rf"(?P<m>{mon})(?P<pair>\s*[/\-(]\s*{mon}\)?|\s+{mon})?"
        year = (rf"(?:\s*,?\s*(?:{g('year_noun')}\s+)?(?P<y>\d{{4}})(?:\s*{g('ce_suffix')}{_END})?"
                rf"|\s+(?P<rel>{mark}))?")
        rel = _alt(v.rel_days)
        yesterday = _alt(w for w, n in v.rel_days.items() if n == -1)
        earlier = r"(?:(?P<earlier>" + _alt(v.words("earlier_phrases")) + r")\s+)?"
        week, mon_w, year_w = (_alt(v.words(k)) for k in ("week_words", "month_words",
                                                           "year_noun_words"))
        return _Fragments(
            wd, mon, hmon, day, mark, per, this, pre, dayw, of, sh, parts, night, eve, months,
            year, rel, yesterday, earlier, week, mon_w, year_w,
        )

    def _compile(self) -> list[_Rule]:
        f = self._fragments()
        rules = []
        for name, body, fn in self._calendar_specs(f) + self._relative_specs(f):
            pattern = re.compile(_CLITIC + "(?P<core>" + body + ")" + _END)
            requires = required_literals(pattern.pattern)
            rules.append(_Rule(name, pattern, fn, requires, _shortest(first_literals(body))))
        return rules

    def _calendar_specs(self, f: _Fragments) -> list[_Spec]:
        v, g = self.v, self._glue
        return [
            ("numeric", r"(?<!\d)(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*"
             rf"(?P<y>\d{{4}})(?!\d)(?:\s*{g('ah_suffix')})?"
             r"|(?<!\d)(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?!\d)",
             self._numeric),
            ("day_month", rf"(?:(?:{f.parts}|{f.dayw}\s+)?{f.wd}\s*[,(]?\s*)?"
             rf"(?:{f.parts}|{f.dayw}\s+)?(?P<d>{f.day})\s*(?:{f.of}\s+)?(?:{f.sh}\s+)?"
             rf"{f.months}{f.year}", self._day_month),
            ("day_of_month", rf"(?P<d>{f.day})\s+{f.of}\s+(?P<this>{f.this}\s+)?{f.mon_w}"
             rf"(?:\s+(?P<rel>{f.mark}))?", self._day_of_month),
            ("month", rf"(?:(?P<per>{f.per})\s+)?(?:(?P<sh>{f.sh})\s+)?{f.months}{f.year}",
             self._month),
            ("hijri", rf"(?:(?:{f.dayw}\s+)?{f.wd}\s*,?\s*)?(?:(?P<d>{f.day})\s*(?:{f.of}\s+)?)?"
             rf"(?:(?P<sh>{f.sh})\s+)?(?P<hm>{f.hmon})(?:\s+(?P<hy>\d{{4}})\s*(?:{g('ah_suffix')}"
             rf"{_END})?|\s+(?P<rel>{f.mark})|\s+(?P<bl>{g('blessed')}))?", self._hijri),
            ("feast", rf"(?:(?P<ord>{_alt(v.feast_ords)})\s+{g('feast_days')}\s+)?"
             rf"(?P<f>{_alt(v.feasts)})", self._feast),
            ("this_month", rf"{f.earlier}(?:(?P<per>{f.per})\s+)?(?:(?P<this>{f.this})\s+{f.mon_w}|"
             rf"{f.mon_w}(?:\s+(?P<rel>{f.mark}))?)", self._this_month),
            ("week", rf"{f.earlier}(?:(?P<per>{f.per})\s+)?(?:(?P<this>{f.this})\s+{f.week}|"
             rf"{f.week}(?:\s+(?P<rel>{f.mark}))?)", self._week),
            ("this_year", rf"{f.earlier}(?:(?P<per>{f.per})\s+)?(?:(?P<this>{f.this})\s+"
             rf"{f.year_w}|{f.year_w}\s+(?P<rel>{f.mark}))", self._this_year),
            ("year", rf"(?:(?P<per>{f.per})\s+)?(?P<yw>{_alt(v.words('year_words'))}\s+)?"
             rf"(?P<y>\d{{4}})(?:\s*{g('ce_suffix')}{_END})?", self._year),
        ]

    def _relative_specs(self, f: _Fragments) -> list[_Spec]:
        v, g = self.v, self._glue
        return [
            ("rel_weekday", rf"{f.parts}?(?:{f.dayw}\s+)?(?P<r>{f.rel})\s*[,(]?\s*(?:{f.dayw}\s+)?"
             rf"(?P<w>{f.wd})\)?", self._rel_weekday),
            ("night_rel", rf"{f.pre}(?:(?:{f.night}|{f.eve})\s+{f.yesterday}|(?P<tn>"
             rf"{_alt(v.words('tonight_words'))})\s+(?P<rel>{f.mark}))", self._night_rel),
            # (not the running day of a war: "اليوم الـ223 للعدوان")
            ("rel_day", rf"{f.earlier}{f.parts}?(?:{f.dayw}\s+)?(?P<r>{f.rel})(?!\s+"
             rf"{_alt(v.words('today_blockers'))}{_END}|\s+ال\u0640*\s*[0-9٠-٩])",
             self._rel_day),
            ("night_pair", rf"{f.pre}(?P<n>{f.night}|{f.eve})\s+(?:{f.dayw}\s+)?(?P<w>{f.wd})\s*"
             rf"(?:[/\-–]|{g('night_pair_joiners')}|{g('and')})?\s*(?P<w2>{f.wd})",
             self._night_pair),
            ("night", rf"{f.pre}(?P<n>{f.night}|{f.eve})\s+(?:{f.dayw}\s+)?(?P<w>{f.wd})"
             rf"(?:\s+(?P<rel>{f.mark}))?", self._night),
            ("weekday_pair", rf"(?:{g('days')}\s+)?(?P<w>{f.wd})\s+{g('and')}\s*(?P<w2>{f.wd})",
             self._weekday_pair),
            ("weekday", rf"(?:{f.parts}|{f.dayw}\s+)?(?P<w>{f.wd})(?:\s+(?P<rel>{f.mark}))?",
             self._weekday),
            ("ago", self._ago_pattern(), self._ago),
            ("season", rf"(?P<s>{_alt(self._seasons)})\s+(?P<rel>{f.mark})", self._season),
            ("just_now", _alt(v.just_now), self._just_now),
            ("recent", _alt(v.recent), self._recent),
        ]

    def _ago_pattern(self) -> str:
        v = self.v
        units = _alt(v.ago_units)
        plural = _alt(w for w, (_, c) in v.ago_units.items() if c is None)
        num = r"(?:\d{1,3}|" + _alt(v.numbers) + ")" if v.numbers else r"\d{1,3}"
        return (
            rf"(?P<ago>{_alt(v.words('ago_words'))})\s+(?:(?P<approx>{_alt(v.words('ago_approx'))})"
            rf"\s+)?(?:(?P<n>{num})\s+(?P<u>{units})|(?P<few>{_alt(v.words('ago_few'))})\s+"
            rf"(?P<u2>{plural})|(?P<u3>{units})(?P<few2>\s+{self._glue('few_after')})?)"
        )

    # -- finding --------------------------------------------------------------------------
    def find(self, normalised: NormalisedText, published: date | None) -> list[DateMention]:
        """All date mentions, longest first among overlapping ones, in text order."""
        found: list[tuple[int, int, Resolved]] = []
        text = normalised.text
        present: dict[str, bool] = {}
        for rule, starts in zip(self.rules, self.match_starts(text), strict=True):
            for m in rule.finditer(text, starts, present):
                res = rule.resolve(m, published)
                if res is not None:
                    found.append((m.start("core"), m.end("core"), res))
        found.sort(key=lambda f: (f[0] - f[1], f[0]))
        taken: list[tuple[int, int]] = []
        out: list[DateMention] = []
        for fstart, fend, res in found:
            if any(fstart < b and a < fend for a, b in taken) or res is None:
                continue
            taken.append((fstart, fend))
            since = bool(self._since and self._since.search(text, max(0, fstart - 12), fstart))
            if not since and res[0] == "ago" and self._since_first is not None:
                # "منذ أشهر": for months, a period (its precision tells it from "منذ يومين")
                since = bool(self._since_first.match(text, fstart))
            out.append(self._mention(normalised, fstart, fend, res, since))
        out.extend(self._same_days(normalised, out, taken))
        return sorted(out, key=lambda d: d.start)

    def _same_days(self, nt: NormalisedText, found: list[DateMention],
                   taken: list[tuple[int, int]]) -> list[DateMention]:
        """"خلال الليلة نفسها": the day or night of the nearest day-precise date before."""
        if self._same_day is None or not passes(nt.text, self._same_day_requires):
            return []
        out = []
        for m in self._same_day.finditer(nt.text):
            fstart, fend = m.span("core")
            if any(fstart < b and a < fend for a, b in taken):
                continue
            start, end = original_span(nt, fstart, fend)
            before = [d for d in found if d.end <= start and d.precision == 1]
            if not before:
                continue
            last = max(before, key=lambda d: d.start)
            out.append(DateMention(start, end, nt.original[start:end], last.earliest,
                                   last.latest, 1, last.kind, last.anchored))
        return out

    def match_starts(self, text: str) -> list[list[int] | None]:
        """For each rule, the places in `text` where a match of it may start (None: anywhere).

        A match starts where `_CLITIC`'s look-behind allows, on the first character of a run
        of word characters; its core follows at most two clitic letters of the run and starts
        with one of the rule's `starts` (a literal, or a digit beginning a run of digits). The
        literals are word characters, so they lie inside the run: the run's spelling alone
        tells which rules may match at it."""
        found: list[list[int]] = [[] for _ in self.rules]
        # Each run's rules looked up in C; the loop visits only the runs with some.
        runs = list(_WORD_RUN.finditer(text))
        words = list(map(re.Match.group, runs))
        rules_of = list(map(self._word_rules.get, words))
        if None in rules_of:
            for at, rules in enumerate(rules_of):
                if rules is None:
                    rules_of[at] = self._rules_at(words[at])
        for at in compress(range(len(runs)), rules_of):
            start = runs[at].start()
            for index in rules_of[at] or ():
                found[index].append(start)
        return [None if index in self._anywhere else starts
                for index, starts in enumerate(found)]

    def _rules_at(self, word: str) -> tuple[int, ...]:
        """The rules whose core may start after a clitic prefix of `word` (memoised)."""
        rules: set[int] = set()
        for offset in _core_offsets(word):
            if _DIGIT_RUN.match(word, offset):
                rules.update(self._digit_rules)
            for length in self._lengths:
                if offset + length > len(word):
                    break
                rules.update(self._by_literal.get(word[offset : offset + length], ()))
        found = tuple(sorted(rules))
        if len(self._word_rules) >= WORD_MEMO_SIZE:
            self._word_rules.clear()
        self._word_rules[word] = found
        return found

    def _mention(self, nt: NormalisedText, fstart: int, fend: int, res: Resolved,
                 since: bool = False) -> DateMention:
        assert res is not None
        kind, earliest, latest, anchored = res
        start, end = original_span(nt, fstart, fend)
        precision = None
        if earliest is not None and latest is not None:
            n = (latest - earliest).days + 1
            if kind == "month" or n > 7:
                precision = 3
            elif n == 1 or (kind == "night" and n == 2):
                precision = 1
            else:
                precision = 2
        return DateMention(start, end, nt.original[start:end], earliest, latest, precision,
                           kind, anchored, since)

    def _word_set(self, key: str, keyed: bool = False) -> frozenset[str]:
        """The folded words of a dates.yaml list (`keyed`: their spaces made one), memoised."""
        words = self._word_sets.get((key, keyed))
        if words is None:
            words = self._word_sets[key, keyed] = frozenset(
                _key(fold(w)) if keyed else fold(w) for w in self.v.words(key))
        return words

    # -- calendar helpers -----------------------------------------------------------------
    def _last_weekday(self, p: date, wd: int, marker: str | None = None) -> date:
        if marker == "next":
            return p + timedelta(days=(wd - p.weekday()) % 7 or 7)
        delta = (p.weekday() - wd) % 7
        if marker == "past" and delta == 0:
            delta = 7
        return p - timedelta(days=delta)

    def _monday(self, p: date) -> date:
        return p - timedelta(days=(p.weekday() - self.week_start) % 7)

    def _marker(self, m: re.Match[str]) -> str | None:
        rel = m.groupdict().get("rel")
        return self.v.markers.get(rel) if rel else None

    @staticmethod
    def _month_year(p: date, month: int, marker: str | None, day: int = 1) -> int:
        if marker == "current":
            return p.year
        if marker == "past":
            return p.year if month < p.month else p.year - 1
        if marker == "next":
            return p.year if month > p.month else p.year + 1
        last = min(day, calendar.monthrange(p.year, month)[1])
        return p.year if date(p.year, month, last) <= p + _GRACE else p.year - 1

    # -- resolvers ------------------------------------------------------------------------
    def _numeric(self, m: re.Match[str], p: date | None) -> Resolved:
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        try:
            if int(y) < LAST_HIJRI_YEAR:  # "21 / 10 / 1436هـ" (the Saudi agency's dates)
                day = date(*Hijri(int(y), int(mo), int(d)).to_gregorian().datetuple())
                return "hijri", day, day, False
            day = date(int(y), int(mo), int(d))
        except (ValueError, OverflowError):
            return None
        return "absolute", day, day, False

    def _day_month(self, m: re.Match[str], p: date | None) -> Resolved:
        month, day = self.v.months[_key(m["m"])], self.v.day(m["d"])
        if m["y"]:
            year, anchored = int(m["y"]), False
        elif p is None:
            return "absolute", None, None, False
        else:
            year, anchored = self._month_year(p, month, self._marker(m), day), True
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        return "absolute", when, when, anchored

    def _day_of_month(self, m: re.Match[str], p: date | None) -> Resolved:
        marker = self._marker(m)
        if not (marker or m["this"]):
            return None
        if p is None:
            return "absolute", None, None, False
        first = self._shift_month(p.replace(day=1), marker)
        try:
            when = first.replace(day=self.v.day(m["d"]))
        except ValueError:
            return None
        return "absolute", when, when, True

    @staticmethod
    def _shift_month(first: date, marker: str | None) -> date:
        if marker == "past":
            return (first - timedelta(days=1)).replace(day=1)
        if marker == "next":
            return (first + timedelta(days=32)).replace(day=1)
        return first

    def _month(self, m: re.Match[str], p: date | None) -> Resolved:
        month = self.v.months[_key(m["m"])]
        marker = self._marker(m)
        ambiguous = self._word_set("ambiguous_months", keyed=True)
        if _key(m["m"]) in ambiguous and not (m["pair"] or m["sh"] or m["y"] or marker):
            return None
        if m["y"]:
            year, anchored = int(m["y"]), False
        elif p is None:
            return "month", None, None, False
        else:
            year, anchored = self._month_year(p, month, marker), True
        first = date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        earliest, latest = _part(first, last, m["per"] and self.v.periods[m["per"]], "month")
        return "month", earliest, latest, anchored

    def _this_month(self, m: re.Match[str], p: date | None) -> Resolved:
        marker = self._marker(m)
        if not (marker or m["this"] or m["per"] or m["earlier"]):
            return None
        if p is None:
            return "month", None, None, False
        first = self._shift_month(p.replace(day=1), marker)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        if m["earlier"]:
            return "period", first, p, True
        earliest, latest = _part(first, last, m["per"] and self.v.periods[m["per"]], "month")
        latest = _not_after_report(earliest, latest, p, marker)
        return ("month" if not m["per"] else "period"), earliest, latest, True

    def _week(self, m: re.Match[str], p: date | None) -> Resolved:
        marker, part = self._marker(m), m["per"] and self.v.periods[m["per"]]
        if not (marker or m["this"] or part or m["earlier"]):
            return None
        if p is None:
            return "period", None, None, False
        monday = self._monday(p)
        if m["earlier"]:
            return "period", monday, p, True
        if part == "late" and not marker and not m["this"]:  # "نهاية الأسبوع": the last weekend
            friday = monday + timedelta(days=4)
            friday = friday if friday <= p else friday - timedelta(days=7)
            return "period", friday, min(friday + timedelta(days=2), p), True
        shift = {"past": -7, "next": 7}.get(marker or "", 0)
        monday += timedelta(days=shift)
        earliest, latest = _part(monday, monday + timedelta(days=6), part, "week")
        if part == "early" and not marker:
            latest = max(earliest, min(latest, p))
        return "period", earliest, latest, True

    def _this_year(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "year", None, None, False
        year = p.year + {"past": -1, "next": 1}.get(self._marker(m) or "", 0)
        if m["earlier"]:
            return "period", date(year, 1, 1), p, True
        part = m["per"] and self.v.periods[m["per"]]
        earliest, latest = _part(date(year, 1, 1), date(year, 12, 31), part, "year")
        return "year", earliest, _not_after_report(earliest, latest, p, self._marker(m)), True

    def _year(self, m: re.Match[str], p: date | None) -> Resolved:
        year = int(m["y"])
        before = m.string[max(0, m.start() - 12):m.start()].split()
        context = self._word_set("year_context")
        if not (1900 <= year <= 2100) or not (
            m["yw"] or m["per"] or (before and before[-1] in context)
        ):
            return None
        part = m["per"] and self.v.periods[m["per"]]
        earliest, latest = _part(date(year, 1, 1), date(year, 12, 31), part, "year")
        return "year", earliest, latest, False

    def _rel_weekday(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "relative_day", None, None, False
        target = p + timedelta(days=self.v.rel_days[_key(m["r"])])
        back = (target.weekday() - self.v.weekdays[m["w"]]) % 7
        when = target - timedelta(days=back) if back < 6 else target + timedelta(days=1)
        return "relative_day", when, when, True

    def _rel_day(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "relative_day", None, None, False
        if m["earlier"] and self.v.rel_days[_key(m["r"])] != 0:
            return None
        when = p + timedelta(days=self.v.rel_days[_key(m["r"])])
        if _key(m["r"]) in self._word_set("tonight_words"):
            return "night", when, when + timedelta(days=1), True
        return "relative_day", when, when, True

    def _night_rel(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "night", None, None, False
        if m["tn"] and self._marker(m) != "past":
            return None
        return "night", p - timedelta(days=1), p, True

    def _night_pair(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "night", None, None, False
        first = self._last_weekday(p, self.v.weekdays[m["w"]])
        second = first + timedelta(days=(self.v.weekdays[m["w2"]] - first.weekday()) % 7 or 7)
        return "night", first, second, True

    def _night(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "night", None, None, False
        day = self._last_weekday(p, self.v.weekdays[m["w"]], self._marker(m))
        eve = _key(m["n"]) in self._word_set("night_eve_words")
        return "night", day - timedelta(days=1 if eve else 0), day + timedelta(days=1), True

    def _weekday_pair(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "weekday", None, None, False
        second = self._last_weekday(p, self.v.weekdays[m["w2"]])
        first = second - timedelta(days=(second.weekday() - self.v.weekdays[m["w"]]) % 7 or 7)
        return "weekday", first, second, True

    def _weekday(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "weekday", None, None, False
        when = self._last_weekday(p, self.v.weekdays[m["w"]], self._marker(m))
        return "weekday", when, when, True

    def _hijri(self, m: re.Match[str], p: date | None) -> Resolved:
        month = self.v.hijri[_key(m["hm"])]
        ambiguous = self._word_set("ambiguous_hijri_months", keyed=True)
        if _key(m["hm"]) in ambiguous and not (m["d"] or m["sh"] or m["hy"] or m["rel"] or m["bl"]):
            return None
        day = self.v.day(m["d"]) if m["d"] else None
        if m["hy"]:
            hyear = int(m["hy"])
        elif p is None:
            return "hijri", None, None, False
        else:
            hyear = self._hijri_year(p, month, day or 1, self._marker(m))
        return _hijri_range("hijri", hyear, month, day, 1 if day else 30, not m["hy"])

    def _hijri_year(self, p: date, month: int, day: int, marker: str | None) -> int:
        today = Gregorian(p.year, p.month, p.day).to_hijri()
        if marker == "past":
            return today.year if month < today.month else today.year - 1
        if marker in ("current", "next"):
            return today.year + (1 if marker == "next" and month <= today.month else 0)
        try:
            start = Hijri(today.year, month, min(day, 29)).to_gregorian()
        except (ValueError, OverflowError):
            return today.year
        return today.year if date(*start.datetuple()) <= p + _GRACE else today.year - 1

    def _feast(self, m: re.Match[str], p: date | None) -> Resolved:
        month, first_day, days = self.v.feasts[_key(m["f"])]
        if p is None:
            return "hijri", None, None, False
        hyear = _nearest_hijri_year(p, month, first_day)
        if m["ord"]:
            return _hijri_range("hijri", hyear, month, first_day + self.v.feast_ords[m["ord"]] - 1,
                                1, True)
        return _hijri_range("hijri", hyear, month, first_day, days, True)

    def _ago(self, m: re.Match[str], p: date | None) -> Resolved:
        if _OTHER_EVENT.match(m.string, m.end()):
            return None  # "قبل ثلاثة أيام من لقاء القادة": before another happening, not today
        if p is None:
            return "ago", None, None, False
        unit, count = self.v.ago_units[m["u"] or m["u2"] or m["u3"]]
        if m["n"]:
            count = int(m["n"]) if m["n"].isdigit() else self.v.numbers.get(m["n"])
        if count is None or m["few"] or m["few2"]:
            if unit == 0:  # "قبل ساعات", "منذ ساعات الصباح": the day of the report
                return "ago", p, p, True
            # "a few days ago": 2 to 7 units
            return "ago", p - timedelta(days=7 * unit), p - timedelta(days=2 * unit), True
        if unit == 0:  # hours
            back = count // 24
            return "ago", p - timedelta(days=back + 1), p - timedelta(days=back), True
        centre = p - timedelta(days=unit * count)
        spread = {1: 0 if count <= 3 else 1, 7: 3, 30: 15}.get(unit, 182)
        if m["approx"] and unit == 1:
            spread += 1
        return ("ago", centre - timedelta(days=spread),
                min(p, centre + timedelta(days=spread)), True)

    def _season(self, m: re.Match[str], p: date | None) -> Resolved:
        """"الصيف الماضي": the last such season over before the report; "الشتاء الحالي": the
        one the report falls in or the last one begun."""
        marker = self._marker(m)
        if marker not in ("past", "current"):
            return None
        if p is None:
            return "period", None, None, False
        first, last = self._seasons[_key(m["s"])]

        def ending_in(year: int) -> tuple[date, date]:
            start_year = year - 1 if first > last else year  # winter begins the year before
            return (date(start_year, first, 1),
                    date(year, last, calendar.monthrange(year, last)[1]))

        start, end = ending_in(p.year)
        if (marker == "past" and end >= p) or (marker == "current" and start > p):
            start, end = ending_in(p.year - 1)
        return "period", start, end, True

    def _just_now(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "relative_day", None, None, False
        back = self.v.just_now[_key(m["core"])]
        return ("ago" if back else "relative_day"), p - timedelta(days=back), p, True

    def _recent(self, m: re.Match[str], p: date | None) -> Resolved:
        if p is None:
            return "period", None, None, False
        return "period", p - timedelta(days=self.v.recent[_key(m["core"])]), p, True


def _shortest(literals: frozenset[str] | None) -> frozenset[str] | None:
    """The literals none of the others starts: where a longer one occurs, its prefix does."""
    if literals is None:
        return None
    ordered = sorted(literals, key=len)
    return frozenset(
        lit for i, lit in enumerate(ordered) if not any(lit.startswith(o) for o in ordered[:i])
    )


def _core_offsets(word: str) -> list[int]:
    """Where in a run of word characters a core may start: after none, or after the clitic
    letters `_CLITIC` takes (و/ف, then ب/ل)."""
    offsets = [0]
    if word[:1] in ("و", "ف"):
        offsets.append(1)
        if word[1:2] in ("ب", "ل"):
            offsets.append(2)
    elif word[:1] in ("ب", "ل"):
        offsets.append(1)
    return offsets


def _not_after_report(earliest: date, latest: date, published: date, marker: str | None
                      ) -> date:
    """"هذا العام", "الشهر الجاري": what the report tells of the current period happened by
    the report's day."""
    if marker != "next" and earliest <= published < latest:
        return published
    return latest


def _part(first: date, last: date, part: str | None, unit: str) -> tuple[date, date]:
    """Early/mid/late part of a month, week or year."""
    if not part:
        return first, last
    if unit == "month":
        bounds = {"early": (1, 10), "mid": (10, 20), "late": (21, last.day)}[part]
        return first.replace(day=bounds[0]), first.replace(day=bounds[1])
    if unit == "week":
        offset = {"early": (0, 2), "mid": (1, 3), "late": (4, 6)}[part]
        return first + timedelta(days=offset[0]), first + timedelta(days=offset[1])
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    end = date(first.year, months[1], calendar.monthrange(first.year, months[1])[1])
    return date(first.year, months[0], 1), end


def _hijri_range(kind: str, year: int, month: int, day: int | None, days: int,
                 anchored: bool) -> Resolved:
    try:
        start = Hijri(year, month, day or 1).to_gregorian()
        length = Hijri(year, month, 1).month_length() if day is None else days
    except (ValueError, OverflowError):
        return None
    first = date(*start.datetuple())
    return kind, first, first + timedelta(days=length - 1), anchored


def _nearest_hijri_year(p: date, month: int, day: int) -> int:
    """The Hijri year whose (month, day) falls nearest to `p`: feasts are named ahead too."""
    year = Gregorian(p.year, p.month, p.day).to_hijri().year
    best, best_gap = year, None
    for candidate in (year - 1, year, year + 1):
        try:
            gap = abs((date(*Hijri(candidate, month, day).to_gregorian().datetuple()) - p).days)
        except (ValueError, OverflowError):
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = candidate, gap
    return best
