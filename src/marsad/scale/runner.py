"""A corpus run on Dask: the library side of `marsad run`.

The client process reads the corpus lazily, in batches of raw lines; the workers parse them
and return each article's id and content hash; the client asks the store which articles it
already holds (those are skipped before extraction, so a re-run after an interruption
resumes where the last committed batch ended) and has the rest extracted on the worker
that parsed them; then, as the only writer, it stores each batch's results in one
transaction, in input order.
At most `in_flight` batches are out at once, so memory does not grow with the corpus.

Extraction is a pure function of the article and the knowledge base, and batches are written
in the order they were read, so the store ends up as a single-process `marsad ingest` leaves it.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from distributed import Client, Future, wait

from marsad.document import Article
from marsad.ingest import IngestError
from marsad.record import EventRecord
from marsad.scale.reader import Failure, RawItem
from marsad.scale.worker import (
    Extracted,
    KbInfo,
    Key,
    WorkerStats,
    describe_kb,
    extract_batch,
    keys_of,
    parse_batch,
    worker_stats,
)
from marsad.store.batch import add_batch, statuses
from marsad.store.ingest import IngestSummary, Outcome
from marsad.store.store import AddResult, Store

Written = tuple[Article, list[EventRecord]]


class Sink(Protocol):
    """Where a run's results go: the store, or nowhere (to time extraction alone)."""

    def prepare(self, kb: KbInfo) -> None: ...

    def statuses(self, keys: Sequence[tuple[str, str]]) -> list[str]: ...

    def write(self, items: Sequence[Written]) -> list[AddResult]: ...


class StoreSink:
    """The store, written by this process alone, one transaction a batch."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = ""

    def prepare(self, kb: KbInfo) -> None:
        self.version = kb.version
        self.store.set_countries(kb.countries)

    def statuses(self, keys: Sequence[tuple[str, str]]) -> list[str]:
        return statuses(self.store, keys, self.version)

    def write(self, items: Sequence[Written]) -> list[AddResult]:
        return add_batch(self.store, items, self.version)


class NullSink:
    """Keeps nothing: every article is new, every write succeeds (extraction benchmarks)."""

    def prepare(self, kb: KbInfo) -> None:
        return None

    def statuses(self, keys: Sequence[tuple[str, str]]) -> list[str]:
        return ["new"] * len(keys)

    def write(self, items: Sequence[Written]) -> list[AddResult]:
        return [AddResult("stored", len(records), 0) for _, records in items]


@dataclass(slots=True)
class RunSummary:
    counts: IngestSummary = field(default_factory=IngestSummary)
    seconds: float = 0.0  # wall time, from the first read to the last write
    extracted: int = 0  # articles sent to the workers
    merged_events: int = 0  # merged events (re)written by the store
    stage_seconds: Counter[str] = field(default_factory=Counter)  # summed over workers
    write_seconds: float = 0.0  # time the client spent writing the store
    workers: list[WorkerStats] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.counts.read / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class _Batch:
    """One batch's futures: parsed on a worker, screened by the client, then extracted."""

    parsed: Future | None
    keys: Future | None
    extract: Future | None = None
    screened: bool = False


def run_corpus(items: Iterable[RawItem], client: Client, sink: Sink, *, batch_size: int = 256,
               in_flight: int | None = None, published: date | None = None,
               on_outcomes: Callable[[list[Outcome]], None] | None = None) -> RunSummary:
    """Extract every input on the cluster and write the results to `sink`, in input order.

    `items` come from `read_raw` (or any Article/IngestError iterable); `published`, when
    given, is every article's publication date (`--published`)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    limit = in_flight or 2 * workers + 2
    summary = RunSummary()
    tell = on_outcomes or (lambda outcomes: None)
    started = time.perf_counter()
    sink.prepare(client.submit(describe_kb, pure=False).result())
    source = _batches(items, batch_size)
    window: deque[_Batch] = deque()
    exhausted = False
    while True:
        while not exhausted and len(window) < limit:
            batch = next(source, None)
            if batch is None:
                exhausted = True
                break
            shipped = [Failure.of(i) if isinstance(i, IngestError) else i for i in batch]
            parsed = client.submit(parse_batch, shipped, published, pure=False)
            window.append(_Batch(parsed, client.submit(keys_of, parsed, pure=False)))
        if not window:
            break
        for pending in window:
            if not pending.screened and pending.keys is not None and pending.keys.done():
                _screen(pending, client, sink, summary, tell)
        head = window[0]
        if head.screened and (head.extract is None or head.extract.done()):
            _finish(window.popleft(), sink, summary, tell)
            continue
        wait([f for b in window for f in (b.keys, b.extract) if f is not None and not f.done()],
             return_when="FIRST_COMPLETED")
    summary.seconds = time.perf_counter() - started
    summary.workers = list(client.run(worker_stats).values())
    return summary


def _batches(items: Iterable[RawItem], size: int) -> Iterator[list[RawItem]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _screen(pending: _Batch, client: Client, sink: Sink, summary: RunSummary,
            tell: Callable[[list[Outcome]], None]) -> None:
    """Count the failures and the articles the store holds already; send the rest to be
    extracted where they were parsed."""
    assert pending.keys is not None
    keys: list[Key] = pending.keys.result()
    outcomes: list[Outcome] = []
    articles: list[tuple[int, tuple[str, str]]] = []
    for index, key in enumerate(keys):
        if isinstance(key, Failure):
            summary.counts.errors[key.problem] += 1
            outcomes.append(Outcome(key.source, "error", message=str(key.error())))
        else:
            articles.append((index, key))
    summary.counts.read += len(articles)
    chosen = []
    for (index, key), status in zip(articles, sink.statuses([k for _, k in articles]),
                                    strict=True):
        if status == "unchanged":
            summary.counts.unchanged += 1
            outcomes.append(Outcome(key[0], status))
        elif status == "duplicate":
            summary.counts.duplicates += 1
            outcomes.append(Outcome(key[0], status))
        else:
            chosen.append(index)
    if chosen:
        pending.extract = client.submit(extract_batch, pending.parsed, chosen, pure=False)
        summary.extracted += len(chosen)
    pending.parsed = pending.keys = None  # the scheduler keeps what the extraction needs
    pending.screened = True
    if outcomes:
        tell(outcomes)


def _finish(pending: _Batch, sink: Sink, summary: RunSummary,
            tell: Callable[[list[Outcome]], None]) -> None:
    if pending.extract is None:
        return
    extracted: list[Extracted] = pending.extract.result()
    pending.extract = None
    for item in extracted:
        summary.stage_seconds.update(item.timings)
    mark = time.perf_counter()
    results = sink.write([(x.article, x.records) for x in extracted])
    summary.write_seconds += time.perf_counter() - mark
    outcomes = []
    for item, result in zip(extracted, results, strict=True):
        _count(summary, result)
        outcomes.append(Outcome(item.article.id, result.status, result.events))
    tell(outcomes)


def _count(summary: RunSummary, result: AddResult) -> None:
    summary.counts.count(result)
    summary.merged_events += result.merged_events
