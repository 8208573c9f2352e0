"""kill -9 during a long ingest, then a re-run, gives exactly the store of an uninterrupted run.

The corpus is bench/synthetic.py's recombination of the fixture reports: 1,000 articles by
default (MARSAD_KILL_TEST_ARTICLES sets another count).
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from marsad.store import open_store
from marsad.store.url import database_url

from .conftest import exported, pg_schema_url

REPO = Path(__file__).resolve().parents[2]
COUNT = int(os.environ.get("MARSAD_KILL_TEST_ARTICLES", "300"))


def _synthetic():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "bench" / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ingest(corpus: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "marsad.cli.main", "ingest", str(corpus),
                             "--db", db, "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stored(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.scalar(sa.text("select count(*) from articles")) or 0)
    except sa.exc.DatabaseError:  # not created yet
        return 0


def test_kill_during_ingest_then_rerun_equals_uninterrupted(db_url: str, tmp_path: Path) -> None:
    corpus = _synthetic().write_corpus(COUNT, tmp_path / "corpus.jsonl")
    whole_db = db_url
    killed_db = str(tmp_path / "killed.db") if "://" not in db_url else pg_schema_url(
        db_url.split("?")[0])

    whole = _ingest(corpus, whole_db)
    _out, err = whole.communicate(timeout=1800)
    assert whole.returncode == 0, err

    watcher = sa.create_engine(database_url(killed_db))
    victim = _ingest(corpus, killed_db)
    deadline = time.monotonic() + 1800
    while _stored(watcher) < COUNT * 0.4 and victim.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.communicate()
    assert victim.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    at_kill = _stored(watcher)
    watcher.dispose()
    assert 0 < at_kill < COUNT

    rerun = _ingest(corpus, killed_db)
    _out, err = rerun.communicate(timeout=1800)
    assert rerun.returncode == 0, err
    assert f"already stored {at_kill}" in " ".join(err.split()), err

    with open_store(whole_db) as a, open_store(killed_db) as b:
        assert a.counts() == b.counts()
        assert a.counts()["articles"] == COUNT
        assert exported(a) == exported(b)
