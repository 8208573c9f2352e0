"""A synthetic corpus for store tests and benchmarks: the fixture reports of
tests/store/fixtures/reports.jsonl (written for marsad, not real articles) recombined over
days and outlets, so that reports of one happening meet again on each day and merge.

usage: python bench/synthetic.py N OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "tests" / "store" / "fixtures" / "reports.jsonl"
OUTLETS = ("", " - الموقع", " - النشرة المسائية", " - الإذاعة")


def synthetic_articles(count: int) -> list[dict[str, str]]:
    """`count` articles: template k % T, published k // T days after its own date."""
    lines = TEMPLATES.read_text(encoding="utf-8").splitlines()
    templates = [json.loads(line) for line in lines if line.strip()]
    articles = []
    for k in range(count):
        template = templates[k % len(templates)]
        shift = k // len(templates)
        published = date.fromisoformat(template["published"]) + timedelta(days=shift)
        articles.append({
            "id": f"syn-{k:06d}",
            "outlet": template["outlet"] + OUTLETS[(shift // 7) % len(OUTLETS)],
            "published": published.isoformat(),
            "title": template["title"],
            "text": template["text"],
        })
    return articles


def write_corpus(count: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for article in synthetic_articles(count):
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
