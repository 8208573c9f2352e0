"""The Dask cluster a run uses: a LocalCluster of worker processes (one thread each, since
extraction is pure Python and holds the GIL), or an existing cluster's scheduler; either way
every worker loads the knowledge base once, through the marsad worker plugin."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster

from marsad.scale.worker import ResourcesPlugin


class ClusterError(Exception):
    """The cluster cannot be started or reached; the message says which and why."""


# Dask keeps the last messages of every connection for debugging (1,000 by default); a
# message carries a whole batch of articles, so that log alone grew the client by ~12 KB an
# article. Keep only a few.
QUIET = {"distributed.admin.low-level-log-length": 10}


@contextmanager
def open_client(workers: int = 2, scheduler: str | None = None,
                kb_dirs: Sequence[str] = (), timeout: float = 120.0) -> Iterator[Client]:
    """A client whose workers hold the knowledge base; closed (and the LocalCluster shut
    down) on exit. With `scheduler`, the cluster's workers must have marsad installed and
    see the `kb_dirs` at the same paths."""
    if scheduler is None and workers < 1:
        raise ClusterError("--workers must be at least 1")
    with dask.config.set(QUIET):
        yield from _open(workers, scheduler, kb_dirs, timeout)


def _open(workers: int, scheduler: str | None, kb_dirs: Sequence[str],
          timeout: float) -> Iterator[Client]:
    cluster: LocalCluster | None = None
    try:
        if scheduler is None:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster, timeout=timeout)
        else:
            client = Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        where = scheduler or f"a local cluster of {workers} worker(s)"
        raise ClusterError(f"cannot start or reach {where} ({exc})") from exc
    try:
        client.wait_for_workers(1, timeout=timeout)
        client.register_plugin(ResourcesPlugin(kb_dirs))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
