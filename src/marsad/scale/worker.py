"""What runs on a Dask worker: the knowledge base, loaded once per worker process by a
worker plugin; the parsing of a batch of corpus lines; and the extraction of the articles
the store does not hold yet. A parsed batch stays on its worker (the client fetches only
ids and content hashes), so the extraction task runs where its articles already are.

Tasks find the resources on their worker (`get_worker().plugins[PLUGIN]`), so nothing heavy
travels with a task and nothing is loaded at import time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from marsad.document import Article
from marsad.export.writers import CountryInfo
from marsad.ingest import IngestError
from marsad.ingest.clean import check_arabic
from marsad.kb.registry import Resources, load_resources
from marsad.pipeline import process
from marsad.record import EventRecord, version_string
from marsad.scale.reader import Failure, RawLine, dated, parse_line
from marsad.store.store import content_hash

PLUGIN = "marsad-resources"
WARM_UP = "أعلنت القوات الأمنية اليوم السيطرة على المدينة بعد اشتباكات مع مسلحين في المنطقة"


class ResourcesPlugin(WorkerPlugin):
    """Loads the knowledge base (package data plus `--kb` folders) when a worker starts."""

    name = PLUGIN

    def __init__(self, kb_dirs: Sequence[str] = ()) -> None:
        self.kb_dirs = [str(d) for d in kb_dirs]
        self.resources: Resources | None = None
        self.load_seconds = 0.0
        self.ready_cpu_seconds = 0.0

    def setup(self, worker: Any) -> None:
        started = time.perf_counter()
        self.resources = load_resources([Path(d) for d in self.kb_dirs])
        with contextlib.suppress(IngestError):  # the language identifier loads its model
            check_arabic(WARM_UP, "warm-up")  # on first use: load it now
        self.load_seconds = time.perf_counter() - started
        self.ready_cpu_seconds = _cpu_seconds()

    def teardown(self, worker: Any) -> None:
        self.resources = None


@dataclass(slots=True)
class Extracted:
    """One article's records, and where the worker's time went."""

    article: Article
    records: list[EventRecord]
    timings: dict[str, float] = field(default_factory=dict)


def _plugin(worker: Any = None) -> ResourcesPlugin:
    plugin = (worker or get_worker()).plugins.get(PLUGIN)
    if not isinstance(plugin, ResourcesPlugin) or plugin.resources is None:
        raise RuntimeError("the marsad worker plugin is not registered on this worker")
    return plugin


Parsed = Article | Failure
Key = tuple[str, str] | Failure  # (article id, content hash)


def parse_batch(items: Sequence[Article | Failure | RawLine],
                published: date | None = None) -> list[Parsed]:
    """Corpus lines parsed into Articles (or Failures), with `--published` applied."""
    resources = _plugin().resources
    assert resources is not None
    out: list[Parsed] = []
    for item in items:
        parsed = parse_line(item, resources.boilerplate) if isinstance(item, RawLine) else item
        if isinstance(parsed, IngestError):
            out.append(Failure.of(parsed))
        elif isinstance(parsed, Article):
            parsed = dataclasses.replace(parsed, raw=None)  # the store does not keep it
            out.append(dated(parsed, published))  # type: ignore[arg-type]
        else:
            out.append(parsed)
    return out


def keys_of(parsed: Sequence[Parsed]) -> list[Key]:
    """What the client needs to know whether the store holds an article already."""
    return [item if isinstance(item, Failure) else (item.id, content_hash(item))
            for item in parsed]


def extract_batch(parsed: Sequence[Parsed], chosen: Sequence[int]) -> list[Extracted]:
    """Run the pipeline over the chosen articles of a parsed batch, in order."""
    resources = _plugin().resources
    assert resources is not None
    out = []
    for index in chosen:
        article = parsed[index]
        assert isinstance(article, Article)
        document = process(article, resources)
        out.append(Extracted(article, list(document.events), dict(document.timings)))
    return out


@dataclass(frozen=True, slots=True)
class KbInfo:
    """What the client needs from the workers' knowledge base to write the store."""

    version: str
    countries: dict[str, CountryInfo]


def describe_kb() -> KbInfo:
    resources = _plugin().resources
    assert resources is not None
    return KbInfo(version_string(resources.kb_version),
                  {c.name: CountryInfo(c.numeric, c.region)
                   for c in resources.gazetteer.countries()})


@dataclass(frozen=True, slots=True)
class WorkerStats:
    kb_load_seconds: float
    peak_rss_bytes: int
    cpu_seconds: float  # user + system time of the worker process since the KB was loaded


def worker_stats(dask_worker: Any) -> WorkerStats:
    """This worker's KB load time and its process's peak resident memory (for `Client.run`,
    which passes the worker as `dask_worker`)."""
    plugin = _plugin(dask_worker)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024
    return WorkerStats(plugin.load_seconds, int(peak_bytes),
                       _cpu_seconds() - plugin.ready_cpu_seconds)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
