"""What runs on a Dask worker: the knowledge base, loaded once per worker process by a
worker plugin, and the extraction of a batch of articles against it.

Tasks find the resources on their worker (`get_worker().plugins[PLUGIN]`), so nothing heavy
travels with a task and nothing is loaded at import time.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from marsad.document import Article
from marsad.export.writers import CountryInfo
from marsad.kb.registry import Resources, load_resources
from marsad.pipeline import process
from marsad.record import EventRecord, version_string

PLUGIN = "marsad-resources"


class ResourcesPlugin(WorkerPlugin):
    """Loads the knowledge base (package data plus `--kb` folders) when a worker starts."""

    name = PLUGIN

    def __init__(self, kb_dirs: Sequence[str] = ()) -> None:
        self.kb_dirs = [str(d) for d in kb_dirs]
        self.resources: Resources | None = None
        self.load_seconds = 0.0

    def setup(self, worker: Any) -> None:
        started = time.perf_counter()
        self.resources = load_resources([Path(d) for d in self.kb_dirs])
        self.load_seconds = time.perf_counter() - started

    def teardown(self, worker: Any) -> None:
        self.resources = None


@dataclass(slots=True)
class Extracted:
    """One article's records, and where the worker's time went."""

    article_id: str
    records: list[EventRecord]
    timings: dict[str, float] = field(default_factory=dict)


def _plugin(worker: Any = None) -> ResourcesPlugin:
    plugin = (worker or get_worker()).plugins.get(PLUGIN)
    if not isinstance(plugin, ResourcesPlugin) or plugin.resources is None:
        raise RuntimeError("the marsad worker plugin is not registered on this worker")
    return plugin


def extract_batch(articles: Sequence[Article]) -> list[Extracted]:
    """Run the pipeline over each article, in order."""
    resources = _plugin().resources
    assert resources is not None
    out = []
    for article in articles:
        document = process(article, resources)
        out.append(Extracted(article.id, list(document.events), dict(document.timings)))
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


def worker_stats(dask_worker: Any) -> WorkerStats:
    """This worker's KB load time and its process's peak resident memory (for `Client.run`,
    which passes the worker as `dask_worker`)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024
    return WorkerStats(_plugin(dask_worker).load_seconds, int(peak_bytes))
