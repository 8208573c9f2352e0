"""The merge rule's thresholds, each a setting (shared/spec/merge.md)."""

from __future__ import annotations

from dataclasses import dataclass

# Two codings of one happening seen from two sides (merge.md): a strike and its interception,
# a clash and an attack.
COMPATIBLE_SUB_EVENTS: tuple[tuple[str, str], ...] = (
    ("Air/drone strike", "Disrupted weapons use"),
    ("Shelling/artillery/missile attack", "Disrupted weapons use"),
    ("Armed clash", "Attack"),
)


@dataclass(frozen=True, slots=True)
class MergeSettings:
    max_km: float = 25.0
    """Two located events merge only within this distance."""
    day_tolerance: int = 1
    """Date ranges may miss each other by this many days and still overlap."""
    point_precisions: tuple[int, ...] = (1, 2)
    """geo_precision values whose point counts as a place; others (a province or country coded
    at its capital) compare by admin2 only."""
    compatible_sub_events: tuple[tuple[str, str], ...] = COMPATIBLE_SUB_EVENTS
    generic_actor_markers: tuple[str, ...] = ("unidentified",)
    """An actor id holding one of these is generic: compatible with any named actor."""
    same_coded_location: bool = True
    """Two events without a usable point still merge when both are coded at the same named
    place below the country (ACLED's granularity: one record per day, place and actors)."""
    merge_undated: bool = False
    """Undated events never merge unless this is set (their dates cannot be checked)."""
    complete_linkage: bool = True
    """Every pair in a merged event must satisfy the rule, so that chains (day 1 ~ day 2 ~
    day 3) do not weld different happenings together."""

    def compatible_subs(self, a: str, b: str) -> bool:
        return (a, b) in self.compatible_sub_events or (b, a) in self.compatible_sub_events

    def is_generic(self, actor_id: str) -> bool:
        return any(marker in actor_id for marker in self.generic_actor_markers)
