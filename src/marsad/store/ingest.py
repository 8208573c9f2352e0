"""Read, extract and store: the library side of `marsad ingest`."""

from __future__ import annotations

import gzip
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.document import Article
from marsad.export.writers import CountryInfo
from marsad.ingest import IngestError
from marsad.ingest.folder import JSONL_SUFFIXES
from marsad.kb.registry import Resources
from marsad.pipeline import extract
from marsad.record import version_string
from marsad.store.store import AddResult, Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    stored: int = 0
    updated: int = 0
    unchanged: int = 0  # already in the store (a re-run resumes past them)
    duplicates: int = 0  # the same content under another id
    events: int = 0  # extracted events written
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def skipped(self) -> int:
        return self.unchanged + self.duplicates

    def count(self, result: AddResult) -> None:
        """Count what `Store.add` did with one article."""
        if result.status == "duplicate":
            self.duplicates += 1
        elif result.status == "unchanged":
            self.unchanged += 1
        elif result.status == "updated":
            self.updated += 1
        else:
            self.stored += 1
        self.events += result.events


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input's fate, for progress displays."""

    source: str
    status: str  # stored, updated, unchanged, duplicate, error
    events: int = 0
    message: str = ""


def ingest(items: Iterable[Article | IngestError], store: Store, resources: Resources,
           on_item: Callable[[Outcome], None] | None = None) -> IngestSummary:
    """Extract and store every article; those already stored (same content, same version)
    are skipped before extraction, so a re-run after a crash resumes where it stopped."""
    version = version_string(resources.kb_version)
    store.set_countries({c.name: CountryInfo(c.numeric, c.region)
                         for c in resources.gazetteer.countries()})
    summary = IngestSummary()
    for item in items:
        if isinstance(item, IngestError):
            summary.errors[item.problem] += 1
            log.warning("skipped %s", item)
            _tell(on_item, Outcome(item.source, "error", message=str(item)))
            continue
        summary.read += 1
        status = store.status(item, version)
        if status in ("unchanged", "duplicate"):
            if status == "unchanged":
                summary.unchanged += 1
            else:
                summary.duplicates += 1
            _tell(on_item, Outcome(item.id, status))
            continue
        records = extract(item, resources)
        result = store.add(item, records, version)
        summary.count(result)
        _tell(on_item, Outcome(item.id, result.status, result.events))
    return summary


def _tell(callback: Callable[[Outcome], None] | None, outcome: Outcome) -> None:
    if callback is not None:
        callback(outcome)


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many articles the paths hold (JSONL lines, files), for a progress bar's ETA;
    None when it cannot be known cheaply (standard input)."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not any(
            part.startswith(".") for part in p.relative_to(path).parts)) if path.is_dir() \
            else [path]
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and (suffixes[-1] in JSONL_SUFFIXES or suffixes[-2:] == [".jsonl", ".gz"]):
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
        except OSError:
            return 1
    return 1 if path.exists() else 0
