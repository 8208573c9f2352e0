"""Knowledge-base benchmark: load times and name-matching cost per 3 KB of article text.

usage: python bench/bench_kb.py [ARTICLES_DIR] [--repeat N]
Reads the team's dev articles (eval/dev/articles) by default. Prints a table.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.document import Article, Document
from marsad.kb.actors import load_actors
from marsad.kb.gazetteer import load_gazetteer
from marsad.kb.registry import load_resources
from marsad.recognise.names import find_names
from marsad.text.normalise import normalise
from marsad.text.tokenise import tokenise

ROOT = Path(__file__).resolve().parents[1]


def timed(action):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", nargs="?", type=Path, default=ROOT / "eval/dev/articles")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    gazetteer, gazetteer_s = timed(load_gazetteer)
    _, actors_s = timed(lambda: load_actors(gazetteer.countries()))
    resources, registry_s = timed(load_resources)
    documents = []
    for path in sorted(args.articles.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = Document(Article(id=path.stem, text=text))
        document.normalised = normalise(text)
        document.tokens = tokenise(document.normalised)
        documents.append(document)
    characters = sum(len(d.text) for d in documents)
    started = time.perf_counter()
    mentions = 0
    for _ in range(args.repeat):
        for document in documents:
            mentions += len(find_names(document, resources.names, resources.locatives,
                                       resources.weak_locatives))
    match_s = (time.perf_counter() - started) / args.repeat
    per_3kb_ms = 1000 * match_s / (characters / 3000)
    rows = [
        ("gazetteer load (compiled index)", f"{gazetteer_s:.3f} s"),
        ("actors load", f"{actors_s:.3f} s"),
        ("whole registry load (gazetteer, actors, lexicons, name index)", f"{registry_s:.3f} s"),
        ("places / actors", f"{len(gazetteer)} / {resources.actors.stats()['total']}"),
        ("name index entries", f"{resources.names.size}"),
        ("articles / characters", f"{len(documents)} / {characters}"),
        ("name matching per 3 KB article", f"{per_3kb_ms:.3f} ms"),
        ("mentions per pass", f"{mentions // args.repeat}"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
