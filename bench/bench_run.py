"""`marsad run` at scale: extraction throughput on 1 and 2 Dask workers (and the scaling
ratio), memory per worker as the corpus grows, and the store writer's rate.

Builds a corpus with bench/corpus.py (the dev articles recombined, ~3 KB each, gzipped) and
runs the library call behind `marsad run` on a fresh LocalCluster for each configuration,
each in a fresh process so that peak memory figures are its own:
  - extraction only (no store: the two-worker ratio is measured on extraction), 1 and 2
    workers on N articles, and 2 workers on the larger --grow corpus (constant memory);
  - the whole run into SQLite and PostgreSQL (one writer, one transaction a batch), which
    gives the store writer's rate beside the extraction rate.
Prints a table.

usage: python bench/bench_run.py [-n 20000] [--grow 100000] [--store-n 5000]
       [--pg postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path
from typing import Any

from marsad import build_kind

HERE = Path(__file__).resolve().parent


def one(corpus: str, workers: int, db: str, batch_size: int) -> dict[str, Any]:
    """One configuration, in this process: returns its figures."""
    import psutil

    from marsad.kb.registry import load_boilerplate
    from marsad.scale import NullSink, StoreSink, open_client, run_corpus
    from marsad.scale.reader import read_raw
    from marsad.store import open_store

    peak = {"client": 0}
    stop = threading.Event()

    def sample() -> None:  # the client's (and scheduler's) resident memory, over time
        me = psutil.Process()
        while not stop.wait(0.5):
            peak["client"] = max(peak["client"], me.memory_info().rss)

    threading.Thread(target=sample, daemon=True).start()
    store = open_store(db) if db else None
    started_cpu = _cpu_seconds()
    try:
        with open_client(workers) as client:
            sink = StoreSink(store) if store else NullSink()
            summary = run_corpus(read_raw([corpus], load_boilerplate()), client, sink,
                                 batch_size=batch_size)
    finally:
        stop.set()
        if store:
            store.close()
    return {"read": summary.counts.read, "seconds": summary.seconds,
            "per_s": summary.articles_per_second, "events": summary.counts.events,
            "write_s": summary.write_seconds,
            "stages": dict(summary.stage_seconds),
            "kb_load_s": [w.kb_load_seconds for w in summary.workers],
            "worker_peak_mb": [w.peak_rss_bytes / 2**20 for w in summary.workers],
            "worker_cpu_s": [w.cpu_seconds for w in summary.workers],
            "client_peak_mb": max(peak["client"], resource.getrusage(
                resource.RUSAGE_SELF).ru_maxrss * 1024) / 2**20,
            "client_cpu_s": _cpu_seconds() - started_cpu}


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def spawn(corpus: Path, workers: int, db: str = "", batch_size: int = 256) -> dict[str, Any]:
    load = os.getloadavg()[0]
    out = subprocess.run([sys.executable, __file__, "--one", str(corpus), str(workers), db,
                          str(batch_size)], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["load_before"] = load
    return result


def corpus_of(count: int, folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    import corpus  # bench/corpus.py

    path = folder / f"corpus-{count}.jsonl.gz"
    if not path.exists():
        corpus.write_corpus(count, path)
    return path


def pg_scratch(admin_url: str) -> tuple[str, Any]:
    import sqlalchemy as sa

    from marsad.store.url import database_url

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(database_url(admin_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()

    return f"{admin_url}?options=-csearch_path%3D{schema}", drop


def table(rows: list[tuple[str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}", flush=True)


def describe(label: str, r: dict[str, Any]) -> list[tuple[str, str]]:
    mb = ", ".join(f"{m:.0f}" for m in r["worker_peak_mb"])
    return [(f"{label}", f"{r['per_s']:.1f} articles/s ({r['read']} in {r['seconds']:.0f} s, "
                         f"load avg before {r['load_before']:.1f})"),
            (f"{label}: peak MB per worker / client", f"{mb} / {r['client_peak_mb']:.0f}"),
            (f"{label}: KB load per worker", ", ".join(f"{s:.2f} s" for s in r["kb_load_s"])),
            (f"{label}: per worker CPU-second", f"{r['read'] / sum(r['worker_cpu_s']):.1f} "
                                                f"articles (parse + extract; robust to load)"),
            (f"{label}: client CPU", f"{1000 * r['client_cpu_s'] / r['read']:.2f} ms an article "
                                     f"(reading, scheduling, receiving records; with a store, "
                                     f"writing it)")]


def writer_rate(r: dict[str, Any]) -> str:
    return (f"{r['read'] / r['write_s']:.1f} articles/s, {r['events'] / r['write_s']:.1f} "
            f"events/s (writing took {r['write_s']:.0f} s of the run's {r['seconds']:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20000, help="articles (default 20000)")
    parser.add_argument("--grow", type=int, default=100000,
                        help="the larger corpus for the memory check (0 to skip)")
    parser.add_argument("--store-n", type=int, default=5000,
                        help="articles for the runs into the stores (0 to skip)")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test",
                        help="PostgreSQL database to make a scratch schema in ('' to skip)")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--cache", type=Path, default=HERE.parent / "out" / "bench",
                        help="where generated corpora are kept between runs")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    table([("machine", f"{os.cpu_count()} cores (nproc), "
                       f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f}"
                       f" GB, Python {platform.python_version()}, {platform.machine()}"),
           ("marsad build", build_kind())])
    corpus = corpus_of(args.n, args.cache)
    one_w = spawn(corpus, 1, batch_size=args.batch_size)
    table(describe(f"extraction, 1 worker, {args.n}", one_w))
    two_w = spawn(corpus, 2, batch_size=args.batch_size)
    table(describe(f"extraction, 2 workers, {args.n}", two_w))
    table([("scaling ratio, 2 workers / 1", f"{two_w['per_s'] / one_w['per_s']:.2f}x")])
    if args.store_n:
        small = corpus_of(args.store_n, args.cache)
        with tempfile.TemporaryDirectory() as folder:
            full = spawn(small, 2, str(Path(folder) / "bench.db"), args.batch_size)
        table([*describe(f"marsad run into SQLite, 2 workers, {args.store_n}", full),
               ("  SQLite writer (batched)", writer_rate(full))])
        if args.pg:
            url, drop = pg_scratch(args.pg)
            try:
                full = spawn(small, 2, url, args.batch_size)
            finally:
                drop()
            table([*describe(f"marsad run into PostgreSQL, 2 workers, {args.store_n}", full),
                   ("  PostgreSQL writer (batched)", writer_rate(full))])
    if args.grow:
        big = spawn(corpus_of(args.grow, args.cache), 2, batch_size=args.batch_size)
        table(describe(f"extraction, 2 workers, {args.grow}", big))


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--one":
        corpus_arg, workers_arg, db_arg, batch_arg = sys.argv[2:]
        print(json.dumps(one(corpus_arg, int(workers_arg), db_arg, int(batch_arg))))
    else:
        main()
