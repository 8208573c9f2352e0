"""A corpus run on Dask: the library side of `marsad run`.

The client process reads the corpus lazily, in batches; asks the store which articles it
already holds (by content hash: those are skipped before extraction, so a re-run after an
interruption resumes where the last committed batch ended); sends the rest to the workers;
and, as the only writer, stores each batch's results in one transaction, in input order.
At most `in_flight` batches are out at once, so memory does not grow with the corpus.

Extraction is a pure function of the article and the knowledge base, and batches are written
in the order they were read, so the store ends up as a single-process `marsad ingest` leaves it.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from distributed import Client, Future

from marsad.document import Article
from marsad.ingest import IngestError
from marsad.record import EventRecord
from marsad.scale.worker import (
    Extracted,
    KbInfo,
    WorkerStats,
    describe_kb,
    extract_batch,
    worker_stats,
)
from marsad.store.batch import add_batch, statuses
from marsad.store.ingest import IngestSummary, Outcome
from marsad.store.store import AddResult, Store

Item = Article | IngestError
Written = tuple[Article, list[EventRecord]]


class Sink(Protocol):
    """Where a run's results go: the store, or nowhere (to time extraction alone)."""

    def prepare(self, kb: KbInfo) -> None: ...

    def statuses(self, articles: Sequence[Article]) -> list[str]: ...

    def write(self, items: Sequence[Written]) -> list[AddResult]: ...


class StoreSink:
    """The store, written by this process alone, one transaction a batch."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = ""

    def prepare(self, kb: KbInfo) -> None:
        self.version = kb.version
        self.store.set_countries(kb.countries)

    def statuses(self, articles: Sequence[Article]) -> list[str]:
        return statuses(self.store, articles, self.version)

    def write(self, items: Sequence[Written]) -> list[AddResult]:
        return add_batch(self.store, items, self.version)


class NullSink:
    """Keeps nothing: every article is new, every write succeeds (extraction benchmarks)."""

    def prepare(self, kb: KbInfo) -> None:
        return None

    def statuses(self, articles: Sequence[Article]) -> list[str]:
        return ["new"] * len(articles)

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
class _Pending:
    future: Future
    articles: list[Article]


def run_corpus(items: Iterable[Item], client: Client, sink: Sink, *, batch_size: int = 64,
               in_flight: int | None = None,
               on_outcomes: Callable[[list[Outcome]], None] | None = None) -> RunSummary:
    """Extract every article on the cluster and write the results to `sink`."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    limit = in_flight or 2 * workers + 1
    summary = RunSummary()
    started = time.perf_counter()
    sink.prepare(client.submit(describe_kb, pure=False).result())
    pending: deque[_Pending] = deque()
    tell = on_outcomes or (lambda outcomes: None)
    for batch in _batches(items, batch_size):
        fresh = _screen(batch, sink, summary, tell)
        if fresh:
            shipped = [dataclasses.replace(a, raw=None) for a in fresh]
            pending.append(_Pending(client.submit(extract_batch, shipped, pure=False), fresh))
            summary.extracted += len(fresh)
        while len(pending) >= limit:
            _finish(pending.popleft(), sink, summary, tell)
    while pending:
        _finish(pending.popleft(), sink, summary, tell)
    summary.seconds = time.perf_counter() - started
    summary.workers = list(client.run(worker_stats).values())
    return summary


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _screen(batch: list[Item], sink: Sink, summary: RunSummary,
            tell: Callable[[list[Outcome]], None]) -> list[Article]:
    """Count errors and already-stored articles; return the articles to extract."""
    outcomes: list[Outcome] = []
    articles: list[Article] = []
    for item in batch:
        if isinstance(item, IngestError):
            summary.counts.errors[item.problem] += 1
            outcomes.append(Outcome(item.source, "error", message=str(item)))
        else:
            articles.append(item)
    summary.counts.read += len(articles)
    fresh = []
    for article, status in zip(articles, sink.statuses(articles), strict=True):
        if status == "unchanged":
            summary.counts.unchanged += 1
            outcomes.append(Outcome(article.id, status))
        elif status == "duplicate":
            summary.counts.duplicates += 1
            outcomes.append(Outcome(article.id, status))
        else:
            fresh.append(article)
    if outcomes:
        tell(outcomes)
    return fresh


def _finish(pending: _Pending, sink: Sink, summary: RunSummary,
            tell: Callable[[list[Outcome]], None]) -> None:
    extracted: list[Extracted] = pending.future.result()
    pending.future.release()
    for item in extracted:
        summary.stage_seconds.update(item.timings)
    mark = time.perf_counter()
    results = sink.write([(a, x.records) for a, x in zip(pending.articles, extracted,
                                                          strict=True)])
    summary.write_seconds += time.perf_counter() - mark
    outcomes = []
    for article, result in zip(pending.articles, results, strict=True):
        _count(summary, result)
        outcomes.append(Outcome(article.id, result.status, result.events))
    tell(outcomes)


def _count(summary: RunSummary, result: AddResult) -> None:
    counts = summary.counts
    if result.status == "duplicate":
        counts.duplicates += 1
    elif result.status == "unchanged":
        counts.unchanged += 1
    elif result.status == "updated":
        counts.updated += 1
    else:
        counts.stored += 1
    counts.events += result.events
    summary.merged_events += result.merged_events


def stats_table(summary: RunSummary) -> list[tuple[str, Any]]:
    """The run's timing facts as (label, value) rows, for the CLI and the benchmarks."""
    rows: list[tuple[str, Any]] = [
        ("wall seconds", round(summary.seconds, 2)),
        ("articles/s", round(summary.articles_per_second, 1)),
        ("store write seconds", round(summary.write_seconds, 2)),
    ]
    for index, stats in enumerate(summary.workers):
        rows.append((f"worker {index}: KB load s / peak MB",
                     f"{stats.kb_load_seconds:.2f} / {stats.peak_rss_bytes / 2**20:.0f}"))
    return rows
