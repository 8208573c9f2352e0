"""Word-list cues (event triggers, modifiers, negation, stance words) found in the tokens.

A cue form is one or more words; a trailing * on a word lets any letters follow it
(inflections, pronoun suffixes). Each text token is looked up through its clitic readings
(و ف ب ل ك and the article), so the lexicons list bare words. The longest cue starting at a
token wins, whatever its key; matches do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from marsad.document import Mention
from marsad.kb.matcher import adjacent, surface_start
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
            for forms in index.values():
                forms.sort(key=lambda f: (-len(f.words), -f.size))
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
        readings = lookup_keys(norm)
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


class CueSets:
    """Several cue sets matched in one pass over the tokens: a token's spelling is looked up
    once for them all (most tokens start no cue of any set). Each set's mentions are those
    its own `find_tokens` finds: longest at each token, not overlapping one another."""

    def __init__(self, sets: Sequence[CueSet]) -> None:
        self.sets = tuple(sets)
        # token spelling -> (set's position, its candidates) for each set with some
        self._memo: dict[str, tuple[tuple[int, tuple[_Candidate, ...]], ...]] = {}

    def find_tokens(self, tokens: list[Token], text: str) -> list[list[Mention]]:
        """Each set's mentions, in the order of `sets`."""
        found: list[list[Mention]] = [[] for _ in self.sets]
        free = [0] * len(self.sets)  # per set, the first token none of its matches has taken
        get = self._memo.get
        # Most words start no cue of any set (memoised ()): skipped in one pass.
        for index in [i for i, token in enumerate(tokens) if get(token.norm) != ()]:
            norm = tokens[index].norm
            hits = get(norm)
            if hits is None:
                hits = self._hits(norm)
            for position, candidates in hits:
                if index < free[position]:
                    continue
                mention, last = self.sets[position].mention_at(candidates, tokens, index, text)
                if mention is not None:
                    found[position].append(mention)
                    free[position] = last + 1
        return found

    def _hits(self, norm: str) -> tuple[tuple[int, tuple[_Candidate, ...]], ...]:
        hits = tuple((position, candidates) for position, cue_set in enumerate(self.sets)
                     if (candidates := cue_set.token_candidates(norm)))
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[norm] = hits
        return hits


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
            second = form.words[1]
            if second.open_end:
                if not (following[0].startswith(second.text)
                        or following[1].startswith(second.text)):
                    continue
            elif second.text != following[0] and second.text != following[1]:
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
