"""`marsad run` on a 2-worker LocalCluster stores what a single-process ingest stores, and a
run killed mid-way, then run again, ends with exactly the same store."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

import sqlalchemy as sa

from marsad.store import open_store
from marsad.store.url import database_url

from .conftest import COUNT, exported, finished, marsad


def _stored(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.scalar(sa.text("select count(*) from articles")) or 0)
    except sa.exc.DatabaseError:  # not created yet
        return 0


def test_two_workers_store_what_a_single_process_stores(corpus: Path, single_process_db: str,
                                                        tmp_path: Path) -> None:
    db = str(tmp_path / "run.db")
    err = finished(marsad("run", str(corpus), "--db", db, "--workers", "2", "--batch-size", "16",
                          "--no-progress"))
    assert f"read {COUNT} article(s): stored {COUNT}" in err, err
    assert "workers: 2" in err, err
    with open_store(single_process_db) as single, open_store(db) as run:
        assert run.counts() == single.counts()
        assert run.counts()["merged_away"] > 0  # the corpus does exercise merging
        assert exported(run) == exported(single)
    again = finished(marsad("run", str(corpus), "--db", db, "--workers", "1", "--no-progress"))
    assert f"already stored {COUNT}" in again and "0 extracted event(s)" in again, again


def test_killed_run_resumed_equals_uninterrupted(corpus: Path, single_process_db: str,
                                                 tmp_path: Path) -> None:
    db = str(tmp_path / "killed.db")
    watcher = sa.create_engine(database_url(db))
    # its own session, so that the kill takes the whole run: client, scheduler and workers
    victim = marsad("run", str(corpus), "--db", db, "--workers", "2", "--batch-size", "4",
                    "--no-progress", start_new_session=True)
    deadline = time.monotonic() + 600
    while _stored(watcher) < COUNT * 0.3 and victim.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(victim.pid, signal.SIGKILL)
    victim.communicate()
    assert victim.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    at_kill = _stored(watcher)
    watcher.dispose()
    assert 0 < at_kill < COUNT

    err = finished(marsad("run", str(corpus), "--db", db, "--workers", "2", "--batch-size", "16",
                          "--no-progress"))
    assert f"already stored {at_kill}" in err, err
    with open_store(single_process_db) as single, open_store(db) as resumed:
        assert resumed.counts() == single.counts()
        assert exported(resumed) == exported(single)
