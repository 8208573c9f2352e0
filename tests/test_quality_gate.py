"""Quality gate: extraction scores on the dev sets never fall below their pinned floors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.evaluation import score
from marsad.ingest.folder import read_file
from marsad.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "eval" / "floors.json").read_text(encoding="utf-8"))
SETS = [name for name in FLOORS if not name.startswith("_")]


def _predict(gold_dir: Path, resources) -> list[dict]:  # type: ignore[no-untyped-def]
    predictions = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for article in read_file((gold_path.parent / gold["article"]).resolve(),
                                 resources.boilerplate):
            assert not isinstance(article, Exception), article
            article.id = gold_path.stem
            article.published = date.fromisoformat(gold["published"]) if gold.get(
                "published") else None
            predictions.extend(r.to_dict() for r in extract(article, resources))
    return predictions


@pytest.mark.parametrize("set_name", SETS)
def test_scores_stay_above_their_floors(set_name: str, resources) -> None:  # type: ignore[no-untyped-def]
    gold_dir = (ROOT / set_name).resolve()
    if not gold_dir.exists():
        pytest.skip(f"{set_name} is not present")
    summary = score(gold_dir, _predict(gold_dir, resources)).summary()
    for measure, floor in FLOORS[set_name].items():
        assert summary[measure] >= floor, f"{set_name}: {measure} {summary[measure]} < {floor}"


def test_seed_article_events(resources) -> None:  # type: ignore[no-untyped-def]
    gold_dir = ROOT.parent / "shared" / "gold"
    if not gold_dir.exists():
        pytest.skip("shared/gold is not present")
    predictions = _predict(gold_dir, resources)
    result = score(gold_dir, predictions)
    pairs = {p["gold"]: p["wrong"] for p in result.detail[0]["pairs"]}
    for gold_id in ("g1", "g2", "g3"):
        assert gold_id in pairs, f"{gold_id} not found"
        assert not {"sub", "date", "location", "actor1", "full"} & set(pairs[gold_id]), pairs
    assert "contested" not in pairs["g1"], "the riot must carry the security source's denial"
    background = [p for p in predictions if p["event_date"] and p["event_date"] < "1990-01-01"]
    assert not background
