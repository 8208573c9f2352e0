"""Extraction throughput in one process, with the time of each pipeline stage.

Builds N articles with bench/corpus.py (the dev articles recombined, ~3 KB of text each),
reads them as `marsad ingest` does, and runs the pipeline over each; then the same for the
articles as HTML pages (boilerplate removal has its own cost, so it is reported apart).
Prints a table; --profile FILE also writes a pyinstrument profile of the plain-text run.

usage: python bench/bench_extract.py [-n 2000] [--html-n 300] [--profile out/profile.txt]
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from marsad import build_kind
from marsad.document import Article
from marsad.ingest import read_inputs
from marsad.kb.registry import Resources, load_resources
from marsad.pipeline import process

HERE = Path(__file__).resolve().parent


def load_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def read(path: Path, resources: Resources) -> tuple[list[Article], float]:
    started = time.perf_counter()
    articles = [a for a in read_inputs([str(path)], resources.boilerplate)
                if isinstance(a, Article)]
    return articles, time.perf_counter() - started


def extract(articles: list[Article], resources: Resources
            ) -> tuple[float, Counter[str], int, float]:
    """Wall seconds, stage seconds, events, and the CPU seconds of the process (which the
    shared machine's stolen time does not inflate)."""
    stages: Counter[str] = Counter()
    events = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        document = process(article, resources)
        stages.update(document.timings)
        events += len(document.events)
    return time.perf_counter() - started, stages, events, time.process_time() - cpu_started


def rows_for(label: str, articles: list[Article], read_s: float, seconds: float,
             stages: Counter[str], events: int, cpu_s: float) -> list[tuple[str, str]]:
    n = len(articles)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    total = sum(stages.values())
    rows = [
        (f"{label}: articles / mean KB of text", f"{n} / {1000 * megabytes / n:.2f}"),
        (f"{label}: reading (parse, clean{', HTML' if label == 'html' else ''})",
         f"{n / read_s:.0f} articles/s ({1000 * read_s / n:.2f} ms each)"),
        (f"{label}: extraction", f"{n / seconds:.1f} articles/s, {megabytes / seconds:.3f} MB/s, "
                                 f"{1000 * seconds / n:.2f} ms each"),
        (f"{label}: extraction, CPU time", f"{1000 * cpu_s / n:.2f} ms each "
                                            f"({n / cpu_s:.1f} articles per CPU-second)"),
        (f"{label}: read + extract", f"{n / (seconds + read_s):.1f} articles/s"),
        (f"{label}: events", f"{events} ({events / n:.2f} an article)"),
    ]
    for stage, spent in stages.items():
        rows.append((f"{label}:   stage {stage}",
                     f"{1000 * spent / n:.2f} ms ({100 * spent / total:.0f} %)"))
    return rows


def profile(articles: list[Article], resources: Resources, out: Path | None) -> float:
    """Profile the pipeline over the articles; return the share of its time spent resolving.

    Resolution (knowledge base, gazetteer) runs lazily inside the events stage, so it has no
    timer of its own: its share is read off the profile, from the outermost calls into
    `marsad/resolve/`. With `out`, the whole profile is written there.
    """
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for article in articles:
        process(article, resources)
    profiler.stop()
    root = profiler.last_session.root_frame()
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(profiler.output_text(unicode=True, color=False, show_all=False),
                       encoding="utf-8")
    return _resolving(root) / root.time if root and root.time else 0.0


def _resolving(frame: Any) -> float:
    if "/marsad/resolve/" in (frame.file_path or ""):
        return float(frame.time)
    return sum(_resolving(child) for child in frame.children)


def machine_reference() -> float:
    """Seconds for a fixed pure-Python loop: how fast this machine runs Python right now.

    The shared virtual machine's speed changes from day to day (twice as slow on some days), so
    figures from different runs are comparable only with this line beside them.
    """
    started = time.perf_counter()
    total = 0
    for number in range(5_000_000):
        total += number
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="plain-text articles (default 2000)")
    parser.add_argument("--html-n", type=int, default=300, help="HTML articles (default 300)")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile here")
    args = parser.parse_args()
    corpus = load_module("corpus")
    started = time.perf_counter()
    resources = load_resources()
    build = build_kind()
    rows = [("marsad build", f"{build} (`make fast`: compiled with mypyc)"
             if build == "compiled" else build),
            ("knowledge-base load", f"{time.perf_counter() - started:.2f} s"),
            ("machine reference at start (5M-step Python loop)", f"{machine_reference():.2f} s")]
    with tempfile.TemporaryDirectory() as folder:
        text_path = corpus.write_corpus(args.n, Path(folder) / "text.jsonl")
        html_path = corpus.write_corpus(args.html_n, Path(folder) / "html.jsonl", html_pages=True)
        articles, read_s = read(text_path, resources)
        for article in articles[:50]:  # warm the caches, as a long run would be
            process(article, resources)
        seconds, stages, events, cpu_s = extract(articles, resources)
        rows += rows_for("text", articles, read_s, seconds, stages, events, cpu_s)
        if build == "python":  # (a profiler sees no frames of compiled code)
            resolving = profile(articles[:300], resources, args.profile)
            rows.append(("text:   of which resolve (profiled share)",
                         f"{1000 * seconds * resolving / len(articles):.2f} ms "
                         f"({100 * resolving:.0f} %)"))
        if args.html_n:
            pages, read_s = read(html_path, resources)
            rows += rows_for("html", pages, read_s, *extract(pages, resources))
    rows.append(("machine reference at end", f"{machine_reference():.2f} s"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory of this process", f"{peak:.0f} MB"))
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
