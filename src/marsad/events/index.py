"""Indexes over a document's mentions, so that the events stage looks spans up instead of
scanning every mention for every candidate."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable
from typing import TypeVar

from marsad.document import Document, Mention

T = TypeVar("T")




def starting_in(document: Document, kind: str, start: int, end: int) -> list[Mention]:
    """The mentions of `kind` starting in [start, end), in document order (the kind's list is
    sorted by start, so they are one slice of it)."""
    by_kind = document.derived.get(_STARTS)
    if by_kind is None:
        by_kind = document.derived[_STARTS] = {}
    found = by_kind.get(kind)
    if found is None:
        mentions = document.of_kind(kind)
        found = by_kind[kind] = (mentions, [m.start for m in mentions])
    mentions, starts = found
    first = bisect_left(starts, start)
    return mentions[first : bisect_left(starts, end, lo=first)]


_STARTS = object()  # the `derived` key of each kind's mentions and where they start


def derived(document: Document, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, once per document and key: for what depends only on the document's
    mentions (which the events stage does not change) and on the key."""
    if key not in document.derived:
        document.derived[key] = compute()
    result: T = document.derived[key]
    return result
