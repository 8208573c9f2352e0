"""The typed document that flows through the pipeline: an article, its spans and its events."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from marsad.text.normalise import NormalisedText
from marsad.text.segment import Sentence
from marsad.text.tokenise import Token


@dataclass(slots=True)
class Article:
    """One news article. `text` is the cleaned text every offset refers to."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_source: str | None = None  # where the date came from: option, record, page, dateline
    raw: str | None = None  # the input as read (HTML for pages), before cleaning
    source: str | None = None  # file path or corpus line the article was read from

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A [start, end) range of code points in the article's cleaned text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Mention:
    """Something a recogniser found: a kind, a span, and what it resolved to."""

    kind: str  # actor, place, date, number, source, trigger, negation, ...
    start: int
    end: int
    text: str
    key: str = ""  # knowledge-base id or lexicon key
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def _order(mention: Mention) -> tuple[int, int]:
    return mention.start, -mention.end


@dataclass(slots=True)
class Document:
    """An article with everything the stages have added to it, in offset order."""

    article: Article
    normalised: NormalisedText | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    events: list[Any] = field(default_factory=list)  # marsad.record.EventRecord
    timings: dict[str, float] = field(default_factory=dict)
    # What later stages derive from the mentions and look up again (see events/index.py).
    derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    # `tokens` (the list they were read from) and where each starts, for `token_index`
    _token_starts: tuple[list[Token], list[int]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article.text

    def add(self, mentions: list[Mention]) -> None:
        self.derived.clear()  # it was derived from the mentions before these
        touched: dict[str, list[Mention]] = {}
        for mention in mentions:
            kind_list = self.mentions.setdefault(mention.kind, [])
            kind_list.append(mention)
            touched[mention.kind] = kind_list
        # The other kinds' lists are already in order (the sort is stable).
        for kind_list in touched.values():
            kind_list.sort(key=_order)

    def of_kind(self, kind: str) -> list[Mention]:
        return self.mentions.get(kind, [])

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after `offset` (len(tokens) if none)."""
        starts = self._token_starts
        if starts is None or starts[0] is not self.tokens:
            starts = self._token_starts = (self.tokens, [token.start for token in self.tokens])
        return bisect_left(starts[1], offset)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the last one starting at or before it)."""
        low, high = 0, len(self.sentences) - 1
        found = 0
        while low <= high:
            mid = (low + high) // 2
            if self.sentences[mid].start <= offset:
                found = mid
                low = mid + 1
            else:
                high = mid - 1
        return found


class Spanned(Protocol):
    """Anything with [start, end) offsets into a text: a mention, a date or number found."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def covering(mentions: Iterable[Spanned]) -> Callable[[int], bool]:
    """A test of whether an offset lies inside one of `mentions`, anything with a start and an
    end (`covering(ms)(offset)` is `any(m.start <= offset < m.end for m in ms)`): bisect over
    their starts, with the furthest end of those starting up to each."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _ in spans]
    reach: list[int] = []
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(offset: int) -> bool:
        last = bisect_right(starts, offset) - 1
        return last >= 0 and reach[last] > offset

    return inside
