"""Word-list cues (event triggers, modifiers, negation, stance words) found in the tokens.

A cue form is one or more words; a trailing * on a word lets any letters follow it
(inflections, pronoun suffixes). Each text token is looked up through its clitic readings
(و ف ب ل ك and the article), so the lexicons list bare words. The longest cue starting at a
token wins, whatever its key; matches do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress

from marsad.document import Mention
from marsad.kb.matcher import adjacent, next_words, surface_start, token_starts
from marsad.text.normalise import fold
from marsad.text.tokenise import Token, lookup_keys, strip_article

MIN_PREFIX = 2
MEMO_SIZE = 50_000  # token spellings whose candidate forms a cue set (or CueSets) remembers


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    open_end: bool

    def matches(self, word: str) -> bool:
        return word.startswith(self.text) if self.open_end else word == self.text


@dataclass(frozen=True, slots=True)
class _Form:
    words: tuple[_Word, ...]
    key: str
    size: int  # letters, to prefer the longer of two forms with as many words


# A form whose first word fits a token, the token's reading it fits, and its rank (words,
# letters): a longer form wins.
_Candidate = tuple[_Form, str, tuple[int, int]]


def _parse(form: str, key: str) -> _Form | None:
    words = []
    for raw in fold(form).split():
        open_end = raw.endswith("*")
        text = strip_article(raw.rstrip("*"))
        if text:
            words.append(_Word(text, open_end))
    if not words:
        return None
    return _Form(tuple(words), key, sum(len(w.text) for w in words))


@dataclass(slots=True)
class CueSet:
    """Cue forms indexed by their first word (exact) and by its prefix (open-ended)."""

    kind: str
    exact: dict[str, list[_Form]] = field(default_factory=dict)
    prefixed: dict[str, list[_Form]] = field(default_factory=dict)
    _memo: dict[str, tuple[_Candidate, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def compile(cls, kind: str, groups: Mapping[str, Iterable[str]]) -> CueSet:
        cues = cls(kind)
        seen: set[tuple[tuple[_Word, ...], str]] = set()
        for key, forms in groups.items():
            for text in forms:
                form = _parse(text, key)
                if form is None or (form.words, key) in seen:
                    continue
                seen.add((form.words, key))
                first = form.words[0]
                index = cues.prefixed if first.open_end else cues.exact
                index.setdefault(first.text, []).append(form)
        for index in (cues.exact, cues.prefixed):
            for entries in index.values():
                entries.sort(key=lambda f: (-len(f.words), -f.size))
        return cues

    def find_tokens(self, tokens: list[Token], text: str) -> list[Mention]:
        found: list[Mention] = []
        memo = self._memo
        free = 0  # the first token no match has taken
        for index, token in enumerate(tokens):
            if index < free:
                continue
            candidates = memo.get(token.norm)
            if candidates is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                candidates = memo[token.norm] = self.token_candidates(token.norm)
            if not candidates:
                continue
            mention, last = self.mention_at(candidates, tokens, index, text)
            if mention is not None:
                found.append(mention)
                free = last + 1
        return found

    def mention_at(self, candidates: tuple[_Candidate, ...], tokens: list[Token], index: int,
                    text: str) -> tuple[Mention | None, int]:
        """The mention of the longest candidate the tokens from `index` complete, and the
        index of its last token."""
        best = _longest_at(candidates, tokens, index, text)
        if best is None:
            return None, index
        form, reading, last = best
        start = surface_start(tokens[index], reading, text)
        end = tokens[last].end
        return Mention(self.kind, start, end, text[start:end], form.key), last

    def token_candidates(self, norm: str) -> tuple[_Candidate, ...]:
        """Every (form, reading) whose first word fits a token spelled `norm`, in the order
        they are tried; it depends on nothing else (callers memoise it by spelling)."""
        # (no article on a verb: "آليتهم", their vehicle, is no "يتهم", he accuses)
        readings = tuple(r for r in lookup_keys(norm)
                         if not (r[:1] == "ي" and norm.endswith("ال" + r)))
        return tuple(
            (form, reading, (len(form.words), form.size))
            for reading in readings
            for form in self._candidates(reading)
            if any(form.words[0].matches(r) for r in readings)
        )

    def _candidates(self, reading: str) -> list[_Form]:
        forms = list(self.exact.get(reading, ()))
        for length in range(MIN_PREFIX, len(reading) + 1):
            forms.extend(self.prefixed.get(reading[:length], ()))
        return forms


# A set's cue at a token as far as the token and the next word tell: the set's position, the
# best form of one or two words (with the reading it fits and the index of its last token
# counted from the first) or None, and the longer forms the next word fits, longest first.
_Decision = tuple[int, tuple[_Form, str, int] | None, tuple[_Candidate, ...]]
# What a token's spelling tells: () it starts no cue; else whether the next word matters,
# and if not the decisions.
_Start = tuple[()] | tuple[bool, tuple[_Decision, ...]]


class CueSets:
    """Several cue sets matched in one pass over the tokens: a token's spelling is looked up
    once for them all (most tokens start no cue of any set). Each set's mentions are those
    its own `find_tokens` finds: longest at each token, not overlapping one another."""

    def __init__(self, sets: Sequence[CueSet]) -> None:
        self.sets = tuple(sets)
        # token spelling -> (set's position, its candidates) for each set with some
        self._memo: dict[str, tuple[tuple[int, tuple[_Candidate, ...]], ...]] = {}
        self._starts: dict[str, _Start] = {}  # token spelling -> `_start`
        # (token spelling, next word's or None) -> `_decisions`
        self._by_next: dict[tuple[str, str | None], tuple[_Decision, ...]] = {}

    def find_tokens(self, tokens: list[Token], text: str,
                    following: list[str | None] | None = None) -> list[list[Mention]]:
        """Each set's mentions, in the order of `sets`. `following`: `next_words`."""
        if following is None:
            following = next_words(tokens, text)
        found: list[list[Mention]] = [[] for _ in self.sets]
        free = [0] * len(self.sets)  # per set, the first token none of its matches has taken
        norms, starts = token_starts(tokens, self._starts, self._start)
        by_next = self._by_next
        kinds = [cue_set.kind for cue_set in self.sets]
        # Most words start no cue of any set (their `_start` is ()): skipped in C.
        for index in compress(range(len(tokens)), starts):
            takes_next, decisions = starts[index]  # type: ignore[misc]
            if takes_next:
                key = (norms[index], following[index])
                decisions = by_next.get(key)  # type: ignore[assignment]
                if decisions is None:
                    decisions = self._decisions_after(*key)
            for position, best, longer in decisions:
                if index < free[position]:
                    continue
                for form, reading, _rank in longer:  # the first the tokens complete wins
                    last = _rest_matches(form, tokens, index + 1, text, 2)
                    if last is not None:
                        best = (form, reading, last - index)
                        break
                if best is None:
                    continue
                form, reading, words = best
                last = index + words
                start = surface_start(tokens[index], reading, text)
                end = tokens[last].end
                found[position].append(
                    Mention(kinds[position], start, end, text[start:end], form.key))
                free[position] = last + 1
        return found

    def _hits(self, norm: str) -> tuple[tuple[int, tuple[_Candidate, ...]], ...]:
        hits = self._memo.get(norm)
        if hits is None:
            hits = tuple((position, candidates) for position, cue_set in enumerate(self.sets)
                         if (candidates := cue_set.token_candidates(norm)))
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[norm] = hits
        return hits

    def _start(self, norm: str) -> _Start:
        """What a token spelled `norm` tells of the cues starting at it (memoised)."""
        hits = self._hits(norm)
        start: _Start = ()
        if hits:
            takes_next = any(rank[0] > 1 for _, candidates in hits for _, _, rank in candidates)
            start = (takes_next, () if takes_next else _decisions(hits, ()))
        if len(self._starts) >= MEMO_SIZE:
            self._starts.clear()
        self._starts[norm] = start
        return start

    def _decisions_after(self, norm: str, following: str | None) -> tuple[_Decision, ...]:
        """`_decisions` for a token spelled `norm` before the word `following` (memoised)."""
        nxt = () if following is None else (strip_article(following), following)
        decisions = _decisions(self._hits(norm), nxt)
        if len(self._by_next) >= MEMO_SIZE:
            self._by_next.clear()
        self._by_next[norm, following] = decisions
        return decisions


def _decisions(hits: tuple[tuple[int, tuple[_Candidate, ...]], ...],
               following: tuple[str, ...]) -> tuple[_Decision, ...]:
    """`_longest_at` for each set's candidates as far as the next word's spellings
    (`_following`) tell it: the best form of one or two words, and the longer ones to try
    in order; the first of them the tokens complete has the highest rank of all, and the
    first such in the candidates' order."""
    decisions: list[_Decision] = []
    for position, candidates in hits:
        best: tuple[_Form, str, int] | None = None
        best_rank = (0, 0)
        longer: list[_Candidate] = []
        for form, reading, rank in candidates:
            if rank[0] > 1:
                if not following:
                    continue
                if not _second_fits(form, following):
                    continue
                if rank[0] > 2:
                    longer.append((form, reading, rank))
                    continue
            if rank > best_rank:
                best, best_rank = (form, reading, rank[0] - 1), rank
        if best is not None or longer:
            longer.sort(key=_rank, reverse=True)  # stable: ties keep the candidates' order
            decisions.append((position, best, tuple(longer)))
    return tuple(decisions)


def _second_fits(form: _Form, following: tuple[str, ...]) -> bool:
    """The form's second word is one of the next word's two spellings (or opens it)."""
    second = form.words[1]
    if second.open_end:
        return following[0].startswith(second.text) or following[1].startswith(second.text)
    return second.text == following[0] or second.text == following[1]


def _rank(candidate: _Candidate) -> tuple[int, int]:
    return candidate[2]


def _longest_at(
    candidates: tuple[_Candidate, ...], tokens: list[Token], first: int, text: str
) -> tuple[_Form, str, int] | None:
    """The longest candidate that the following tokens complete (the first tried on a tie)."""
    best: tuple[_Form, str, int] | None = None
    best_rank = (0, 0)
    following: tuple[str, ...] | None = None  # the next word's spellings, () if none follows
    for form, reading, rank in candidates:
        if best is not None and rank <= best_rank:
            continue
        if rank[0] == 1:
            last: int | None = first
        else:
            # `_rest_matches(form, tokens, first, text)`, its second word checked here first
            if following is None:
                following = _following(tokens, first, text)
            if not following:
                continue
            if not _second_fits(form, following):
                continue
            last = first + 1 if rank[0] == 2 else _rest_matches(form, tokens, first + 1, text, 2)
        if last is not None:
            best, best_rank = (form, reading, last), rank
    return best


def _following(tokens: list[Token], index: int, text: str) -> tuple[str, ...]:
    """The spellings a form's next word is matched against: the next token's without and
    with the article, when it follows `tokens[index]` closely; () when none does."""
    nxt = index + 1
    if nxt >= len(tokens) or not adjacent(tokens[index], tokens[nxt], text):
        return ()
    return strip_article(tokens[nxt].norm), tokens[nxt].norm


def _rest_matches(form: _Form, tokens: list[Token], first: int, text: str, done: int = 1
                  ) -> int | None:
    """Index of the last token when the following tokens complete the form (its first `done`
    words fit the tokens up to `tokens[first]`: `_token_candidates` checked the first)."""
    position = first
    for word in form.words[done:]:
        nxt = position + 1
        if nxt >= len(tokens) or not adjacent(tokens[position], tokens[nxt], text):
            return None
        candidate = strip_article(tokens[nxt].norm)
        if not (word.matches(candidate) or word.matches(tokens[nxt].norm)):
            return None
        position = nxt
    return position
