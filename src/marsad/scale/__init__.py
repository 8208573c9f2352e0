"""Corpus scale: extraction on a Dask cluster, one writer to the store."""

from marsad.scale.cluster import ClusterError, open_client
from marsad.scale.runner import NullSink, RunSummary, StoreSink, run_corpus

__all__ = ["ClusterError", "NullSink", "RunSummary", "StoreSink", "open_client", "run_corpus"]
