"""Cross-article merging of event records (shared/spec/merge.md): the rule, the grouping, and
the merged record. Pure functions over records; the store decides what to recompute."""

from marsad.merge.cluster import Cluster, Link, cluster
from marsad.merge.combine import combine
from marsad.merge.rule import Facts, Match, match
from marsad.merge.settings import MergeSettings

__all__ = ["Cluster", "Facts", "Link", "Match", "MergeSettings", "cluster", "combine", "match"]
