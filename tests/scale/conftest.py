"""A small corpus for the scale tests (bench/synthetic.py: the store's fixture reports,
recombined over days so that reports merge), and its single-process ingest to compare with."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.store import Store

REPO = Path(__file__).resolve().parents[2]
COUNT = int(os.environ.get("MARSAD_SCALE_TEST_ARTICLES", "200"))


def synthetic_corpus(count: int, path: Path) -> Path:
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "bench" / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_corpus(count, path)  # type: ignore[no-any-return]


def marsad(*args: str, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "marsad.cli.main", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **popen)  # type: ignore[call-overload]


def finished(process: subprocess.Popen[str]) -> str:
    """The command's standard error, once it has exited 0."""
    _out, err = process.communicate(timeout=900)
    assert process.returncode == 0, err
    return " ".join(err.split())


def exported(store: Store) -> list[dict[str, object]]:
    return [r.to_dict() for r in store.events()]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_corpus(COUNT, tmp_path_factory.mktemp("scale") / "corpus.jsonl")


@pytest.fixture(scope="session")
def single_process_db(corpus: Path) -> str:
    """The corpus ingested by `marsad ingest`, the reference a run must equal."""
    db = str(corpus.parent / "ingest.db")
    finished(marsad("ingest", str(corpus), "--db", db, "--no-progress"))
    return db
