"""The compiled build (`make fast`, mypyc) runs the same code as plain Python: it must type-check,
and it must give the very records the plain-Python pipeline gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from marsad import build_kind
from marsad.ingest.folder import read_file
from marsad.kb.registry import Resources
from marsad.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
COMPILED_PYTHON = os.environ.get("MARSAD_COMPILED_PYTHON")  # `.venv-fast/bin/python`

# Prints the build kind, then each article's records: run by the compiled interpreter.
DUMP = """
import json, sys
from marsad import build_kind
from marsad.ingest.folder import read_file
from marsad.kb.registry import load_resources
from marsad.pipeline import extract
resources = load_resources()
print(build_kind())
for path in sys.argv[1:]:
    for article in read_file(__import__("pathlib").Path(path), resources.boilerplate):
        records = [r.to_dict() for r in extract(article, resources)]
        print(json.dumps([article.id, records], ensure_ascii=False, default=str))
"""


def _articles() -> list[Path]:
    """Every evaluation article this checkout has, and the bundled examples."""
    paths = sorted((ROOT / "eval").glob("*/articles/*"))
    paths += sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".html"))
    return paths


def test_the_compiled_modules_type_check() -> None:
    """mypyc compiles only what mypy accepts, and turns every annotation into a runtime check:
    the whole package is kept free of type errors."""
    compiled = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["marsad"]["compiled"]
    assert all((ROOT / path).is_file() for path in compiled), compiled
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not COMPILED_PYTHON, reason="MARSAD_COMPILED_PYTHON (the interpreter of "
                                                "`make fast`) is not set; .ci/run sets it")
def test_the_compiled_build_gives_the_same_records(resources: Resources) -> None:
    assert build_kind() == "python", "run the tests with the plain-Python install"
    paths = _articles()
    assert len(paths) > 100
    result = subprocess.run([str(COMPILED_PYTHON), "-c", DUMP, *map(str, paths)], cwd=ROOT,
                            capture_output=True, text=True, check=False, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    kind, *lines = result.stdout.splitlines()
    assert kind == "compiled"
    compiled = dict(json.loads(line) for line in lines)
    plain = {}
    for path in paths:
        for article in read_file(path, resources.boilerplate):
            assert not isinstance(article, Exception), article
            plain[article.id] = json.loads(json.dumps(
                [r.to_dict() for r in extract(article, resources)], ensure_ascii=False,
                default=str))
    assert sum(map(len, plain.values())) > 500
    differing = [key for key in plain if compiled.get(key) != plain[key]]
    assert not differing, f"{len(differing)} articles differ, first {differing[:5]}"


def test_the_makefile_compiles_with_the_pinned_tools() -> None:
    """`make fast` installs its compiler by hand (before marsad): the same pins as pyproject's."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pinned = set(config["build-system"]["requires"]) | set(
        config["project"]["optional-dependencies"]["test"])
    line = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                if line.startswith("COMPILE_TOOLS :="))
    tools = line.split(":=", 1)[1].split()
    assert {tool.split("==")[0] for tool in tools} == {"setuptools", "mypy", "types-PyYAML"}
    assert set(tools) <= pinned, set(tools) - pinned
