"""Group extracted events into happenings: a function of the set of events, never of the
order they arrived in.

Pairs the rule accepts are taken closest first (place, then time, then id: merge.md's
tie-break). Two groups join when their events come from different articles (one article's
events were already told apart by the extractor) and, with complete linkage, when every pair
across them satisfies the rule. The result is a forest: each group keeps the pairs that joined
it, which `marsad show` prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.merge.rule import Facts, Match
from marsad.merge.settings import MergeSettings


@dataclass(frozen=True, slots=True)
class Link:
    """`merged_id` joined the group through `partner_id` by `match`."""

    merged_id: str
    partner_id: str
    match: Match


@dataclass(slots=True)
class Cluster:
    members: tuple[str, ...]  # sorted event ids
    links: list[Link] = field(default_factory=list)

    @property
    def kept_id(self) -> str:
        """The smallest id among the merged events (merge.md)."""
        return self.members[0]


def cluster(events: Sequence[Facts], matches: Iterable[Match],
            settings: MergeSettings) -> list[Cluster]:
    """The merged groups of `events`, sorted by kept id; `matches` may hold pairs outside."""
    by_id = {e.event_id: e for e in events}
    parent = {event_id: event_id for event_id in by_id}
    members: dict[str, set[str]] = {i: {i} for i in by_id}
    articles: dict[str, set[str]] = {i: {e.article_id} for i, e in by_id.items()}
    inside = [m for m in matches if m.a in by_id and m.b in by_id]
    pairs = {(m.a, m.b) for m in inside}
    used: list[Match] = []

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for m in sorted(inside, key=lambda m: m.sort_key(settings)):
        ra, rb = find(m.a), find(m.b)
        if ra == rb or articles[ra] & articles[rb]:
            continue
        if settings.complete_linkage and not _all_pairs(members[ra], members[rb], pairs):
            continue
        keep, drop = (ra, rb) if len(members[ra]) >= len(members[rb]) else (rb, ra)
        parent[drop] = keep
        members[keep] |= members.pop(drop)
        articles[keep] |= articles.pop(drop)
        used.append(m)
    groups: dict[str, Cluster] = {}
    for root, ids in members.items():
        groups[root] = Cluster(tuple(sorted(ids)))
    for root, group in groups.items():
        group.links = _tree_links(group, [m for m in used if find(m.a) == root])
    return sorted(groups.values(), key=lambda c: c.kept_id)


def _all_pairs(left: set[str], right: set[str], pairs: set[tuple[str, str]]) -> bool:
    return all((min(u, v), max(u, v)) in pairs for u in left for v in right)


def _tree_links(group: Cluster, used: list[Match]) -> list[Link]:
    """Each merged-away id with the pair that ties it to the kept id's side of the tree."""
    neighbours: dict[str, list[Match]] = {}
    for m in used:
        neighbours.setdefault(m.a, []).append(m)
        neighbours.setdefault(m.b, []).append(m)
    links: list[Link] = []
    seen = {group.kept_id}
    frontier = [group.kept_id]
    while frontier:
        current = frontier.pop(0)
        for m in sorted(neighbours.get(current, []), key=lambda m: (m.a, m.b)):
            other = m.b if m.a == current else m.a
            if other not in seen:
                seen.add(other)
                links.append(Link(other, current, m))
                frontier.append(other)
    return sorted(links, key=lambda link: link.merged_id)


def components(ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Connected components of the graph of `pairs` over `ids` (pairs outside are ignored)."""
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for i in parent:
        groups.setdefault(find(i), set()).add(i)
    return list(groups.values())
