"""Indexes over a document's mentions, so that the events stage looks spans up instead of
scanning every mention for every candidate."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from marsad.document import Document, Mention

T = TypeVar("T")


def covered(mentions: Iterable[Mention]) -> set[int]:
    """Every offset inside one of `mentions` (`offset in covered(ms)` is
    `any(m.start <= offset < m.end for m in ms)`)."""
    return {offset for m in mentions for offset in range(m.start, m.end)}


def starting_in(document: Document, kind: str, start: int, end: int) -> list[Mention]:
    """The mentions of `kind` starting in [start, end), in document order (the kind's list is
    sorted by start, so they are one slice of it)."""
    starts = document.derived.get(("starts", kind))
    if starts is None:
        starts = document.derived["starts", kind] = [m.start for m in document.of_kind(kind)]
    first = bisect_left(starts, start)
    return document.of_kind(kind)[first : bisect_left(starts, end, lo=first)]


def derived(document: Document, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, once per document and key: for what depends only on the document's
    mentions (which the events stage does not change) and on the key."""
    if key not in document.derived:
        document.derived[key] = compute()
    result: T = document.derived[key]
    return result
