"""What the event tests share: extraction of a short text written for a test."""

from __future__ import annotations

from datetime import date

from marsad.document import Article
from marsad.pipeline import extract
from marsad.record import EventRecord

PUBLISHED = date(2023, 5, 16)  # a Tuesday


def run(text: str, resources, published: date | None = PUBLISHED) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    return extract(Article(id="t", text=text, published=published), resources)


def only(records: list[EventRecord]) -> EventRecord:
    assert len(records) == 1, [(r.sub_event_type, r.event_date, r.notes) for r in records]
    return records[0]
