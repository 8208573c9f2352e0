"""The stage order, nothing else: each stage takes the document and returns it."""

from __future__ import annotations

import time
from collections.abc import Callable

from marsad.document import Article, Document
from marsad.events.build import build_events
from marsad.kb.registry import Resources
from marsad.recognise.stage import recognise
from marsad.record import EventRecord
from marsad.text.normalise import normalise
from marsad.text.segment import segment
from marsad.text.tokenise import tokenise

Stage = Callable[[Document, Resources], Document]


def stage_normalise(document: Document, resources: Resources) -> Document:
    document.normalised = normalise(document.text)
    return document


def stage_segment(document: Document, resources: Resources) -> Document:
    document.sentences = segment(document.text)
    assert document.normalised is not None
    document.tokens = tokenise(document.normalised)
    return document


STAGES: tuple[tuple[str, Stage], ...] = (
    ("normalise", stage_normalise),
    ("segment", stage_segment),
    ("recognise", recognise),
    ("events", build_events),
)


def process(article: Article, resources: Resources) -> Document:
    """Run every stage over one article; per-stage seconds land in `document.timings`."""
    document = Document(article)
    for name, stage in STAGES:
        started = time.perf_counter()
        document = stage(document, resources)
        document.timings[name] = time.perf_counter() - started
    return document


def extract(article: Article, resources: Resources) -> list[EventRecord]:
    return list(process(article, resources).events)
