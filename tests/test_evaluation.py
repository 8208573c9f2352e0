"""`marsad evaluate` gives the reference scorer's figures (shared/eval/score.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.evaluation import score
from marsad.record import DISORDER_BY_SUB

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT / "eval" / "dev" / "gold"


def predictions_from_gold() -> list[dict]:
    """Records built from the dev gold files, with every third one spoiled in some field and
    every fifth article given an extra invented event."""
    records = []
    for number, path in enumerate(sorted(GOLD.glob("*.json"))):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for index, event in enumerate(e for e in gold["events"] if not e.get("optional")):
            sub = event["sub_event_type"][0]
            record = {
                "article_ids": [path.stem], "event_type": DISORDER_BY_SUB[sub][1],
                "sub_event_type": sub, "event_date": event["date"][0],
                "latitude": event["location"]["lat"], "longitude": event["location"]["lon"],
                "location": event["location"]["names"][0],
                "actor1": (event["actor1"] or [None])[0], "actor2": (event["actor2"] or [None])[0],
                "fatalities": event["fatalities"], "injuries": event["injuries"],
                "arrests": event["arrests"], "sources": [], "claims": [],
            }
            spoil = (number + index) % 3
            if spoil == 1:
                record["event_date"] = "1999-01-01"
            elif spoil == 2:
                record["latitude"], record["longitude"] = 0.0, 0.0
            records.append(record)
        if number % 5 == 0:
            records.append({"article_ids": [path.stem], "event_type": "Protests",
                            "sub_event_type": "Peaceful protest", "event_date": "2000-01-01"})
    return records


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the reference scorer is absent")
def test_same_figures_as_the_reference_scorer(tmp_path: Path) -> None:
    records = predictions_from_gold()
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = subprocess.run([sys.executable, str(REFERENCE), str(GOLD), str(predictions)],
                         capture_output=True, text=True, check=True)
    reference = json.loads(run.stdout.strip().splitlines()[-1])
    ours = score(GOLD, records).summary()
    assert ours == reference
    assert 0 < ours["full_f1"] < ours["detect_f1"] < 1
