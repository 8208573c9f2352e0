"""Scoring event records against gold files (shared/spec/gold-format.md).

Pairs predictions with gold events per article, then counts detection and full-record
true positives and per-field accuracy, as the gold format's scoring section defines them.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.record import DISORDER_BY_SUB

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCT = re.compile(r"[\"'`’‘«»()\[\].,،:;\-_/]")
FIELD_WEIGHTS = {"type": 10, "sub": 4, "location": 3, "date": 2, "actor1": 2, "actor2": 1}
FIGURES = ("fatalities", "injuries", "arrests")


def score_name(text: str) -> str:
    """A name in the comparison form of the gold format."""
    value = _MARKS.sub("", unicodedata.normalize("NFKC", text).lower())
    for source, target in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"),
                           ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي")):
        value = value.replace(source, target)
    words = _PUNCT.sub(" ", value).split()
    return " ".join(w[2:] if len(w) > 4 and w.startswith("ال") else w for w in words)


def names_agree(predicted: Iterable[str | None], aliases: Iterable[str]) -> bool:
    gold = [score_name(a) for a in aliases if a]
    for name in (score_name(p) for p in predicted if p):
        if len(name) < 3:
            continue
        words = set(name.split())
        for alias in gold:
            if len(alias) < 3:
                continue
            alias_words = set(alias.split())
            if name == alias:
                return True
            if min(len(words), len(alias_words)) >= 2 and (
                words <= alias_words or alias_words <= words
            ):
                return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _actor_names(event: dict[str, Any], n: int) -> list[str]:
    names = [event.get(f"actor{n}"), event.get(f"actor{n}_ar")]
    names += [part.strip() for part in str(event.get(f"assoc_actor_{n}") or "").split(";")]
    return [name for name in names if name]


def compare(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool | None]:
    """Which fields of a prediction agree with a gold event."""
    accepted = gold["sub_event_type"]
    result: dict[str, bool | None] = {
        "type": pred.get("event_type") in {DISORDER_BY_SUB[s][1] for s in accepted},
        "sub": pred.get("sub_event_type") in accepted,
    }
    low, high = gold.get("date") or [None, None]
    when = pred.get("event_date")
    result["date"] = bool(when and low and low <= when <= high)
    where = gold["location"]
    if None not in (pred.get("latitude"), pred.get("longitude"), where.get("lat")):
        distance = _km(pred["latitude"], pred["longitude"], where["lat"], where["lon"])
        result["location"] = distance <= where.get("tolerance_km", 25)
    else:
        result["location"] = names_agree([pred.get("location"), pred.get("location_ar")],
                                         where.get("names", []))
    result["actor1"] = names_agree(_actor_names(pred, 1), gold.get("actor1", []))
    second = gold.get("actor2", [])
    result["actor2"] = names_agree(_actor_names(pred, 2), second) if second else not _actor_names(
        pred, 2)
    for figure in FIGURES:
        expected = gold.get(figure)
        if expected is None:
            result[figure] = None
        else:
            got = pred.get(figure)
            result[figure] = got == expected or (figure == "fatalities" and expected == 0
                                                 and got is None)
    stances = {s.get("stance") for s in (pred.get("sources") or []) + (pred.get("claims") or [])}
    result["contested"] = bool(gold.get("contested")) == ("denies" in stances)
    result["full"] = bool(result["sub"] and result["date"] and result["location"]
                          and result["actor1"])
    return result


def pair_events(preds: list[dict[str, Any]], golds: list[dict[str, Any]]
                ) -> list[tuple[int, int, dict[str, bool | None]]]:
    """Greedy pairing on a weighted agreement score, each side used at most once."""
    options = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            fields = compare(pred, gold)
            optional = bool(gold.get("optional"))
            if not fields["type"] or (optional and not (fields["location"] and fields["date"])):
                continue
            weight = sum(w for k, w in FIELD_WEIGHTS.items() if fields[k])
            options.append((weight + (0 if optional else 1), i, j, fields))
    options.sort(key=lambda option: -option[0])
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for _weight, i, j, fields in options:
        if i not in taken_p and j not in taken_g:
            taken_p.add(i)
            taken_g.add(j)
            pairs.append((i, j, fields))
    return pairs


@dataclass(slots=True)
class Score:
    articles: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    full_tp: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    rights: dict[str, int] = field(default_factory=dict)
    detail: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        precision, recall, f1 = _prf(self.tp, self.fp, self.fn)
        wrong = self.tp - self.full_tp
        _, _, full_f1 = _prf(self.full_tp, self.fp + wrong, self.fn + wrong)
        return {
            "articles": self.articles, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "detect_precision": round(precision, 3), "detect_recall": round(recall, 3),
            "detect_f1": round(f1, 3), "full_f1": round(full_f1, 3),
            "field_accuracy": {k: round(self.rights[k] / self.counts[k], 3)
                               for k in sorted(self.counts)},
        }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(gold_dir: Path, predictions: Iterable[dict[str, Any]]) -> Score:
    by_article: dict[str, list[dict[str, Any]]] = {}
    for event in predictions:
        for article_id in event.get("article_ids") or []:
            by_article.setdefault(str(article_id), []).append(event)
    result = Score()
    for path in sorted(gold_dir.glob("*.json")):
        golds = json.loads(path.read_text(encoding="utf-8"))["events"]
        preds = by_article.get(path.stem, [])
        _score_article(result, path.stem, preds, golds)
    return result


def _score_article(result: Score, article: str, preds: list[dict[str, Any]],
                   golds: list[dict[str, Any]]) -> None:
    pairs = pair_events(preds, golds)
    required = [j for j, g in enumerate(golds) if not g.get("optional")]
    paired_gold = {j for _, j, _ in pairs}
    tp = sum(1 for _, j, _ in pairs if j in required)
    fp = len(preds) - len(pairs)
    fn = sum(1 for j in required if j not in paired_gold)
    result.articles += 1
    result.tp, result.fp, result.fn = result.tp + tp, result.fp + fp, result.fn + fn
    for _, j, fields in pairs:
        if j not in required:
            continue
        result.full_tp += bool(fields["full"])
        for key, value in fields.items():
            if value is not None:
                result.counts[key] = result.counts.get(key, 0) + 1
                result.rights[key] = result.rights.get(key, 0) + bool(value)
    paired_pred = {i for i, _, _ in pairs}
    result.detail.append({
        "article": article, "tp": tp, "fp": fp, "fn": fn,
        "pairs": [{"gold": golds[j]["id"], "pred": preds[i].get("sub_event_type"),
                   "wrong": [k for k, v in f.items() if v is False]} for i, j, f in pairs],
        "unmatched_pred": [p.get("sub_event_type") for i, p in enumerate(preds)
                           if i not in paired_pred],
        "missed_gold": [golds[j]["id"] for j in required if j not in paired_gold],
    })
