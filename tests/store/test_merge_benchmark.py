"""The merge benchmark: the fixture reports' clusters (fixtures/merge_clusters.json), scored by
the reference scorer ../shared/eval/score_merge.py on the store's JSONL export, on both
backends. The floors only go up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.document import Article
from marsad.export import write_records
from marsad.record import EventRecord
from marsad.store import Store

from .conftest import FIXTURES, add_all

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score_merge.py"
FLOORS = {"pair_precision": 1.0, "pair_recall": 1.0, "pair_f1": 1.0}


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score_merge.py is absent")
def test_merge_benchmark(store: Store, reports: dict[str, Article],
                         extracted: dict[str, list[EventRecord]], version: str,
                         tmp_path: Path) -> None:
    add_all(store, list(reports.values()), extracted, version)
    events = tmp_path / "events.jsonl"
    with events.open("w", encoding="utf-8") as handle:
        write_records(store.events(), "jsonl", handle)
    run = subprocess.run([sys.executable, str(SCORER), str(FIXTURES / "merge_clusters.json"),
                          str(events)], capture_output=True, text=True, check=True)
    scores = json.loads(run.stdout)
    assert scores["distractor_merges"] == 0, scores
    for key, floor in FLOORS.items():
        assert scores[key] >= floor, scores
