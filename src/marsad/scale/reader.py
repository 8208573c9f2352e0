"""Reading a corpus for a run, lazily, with the parsing left to the workers.

Cleaning an article's text costs a fair share of extracting it, so the client only splits
JSONL corpora into lines (`RawLine`) and the workers parse them, exactly as the JSONL reader
would (same checks, same messages, same `file:line` sources). Inputs that are files of their
own (text, HTML, standard input) are read in the client by the ordinary readers, in the
order `marsad ingest` reads them.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.document import Article
from marsad.ingest import IngestError, read_inputs
from marsad.ingest.clean import Boilerplate
from marsad.ingest.folder import JSONL_SUFFIXES, read_file
from marsad.ingest.jsonl import parse_record

_BAD_BYTE = re.compile("[\udc80-\udcff]")  # undecodable bytes (surrogateescape)


@dataclass(frozen=True, slots=True)
class RawLine:
    """One non-blank line of a JSONL corpus, not parsed yet."""

    source: str  # file:line
    line: str


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read (IngestError does not survive pickling)."""

    source: str
    problem: str

    @classmethod
    def of(cls, error: IngestError) -> Failure:
        return cls(error.source, error.problem)

    def error(self) -> IngestError:
        return IngestError(self.source, self.problem)


RawItem = Article | IngestError | RawLine


def read_raw(paths: Iterable[str], boilerplate: Boilerplate) -> Iterator[RawItem]:
    """Every input of `paths`, in `read_inputs` order; JSONL corpora as raw lines."""
    for name in paths:
        path = Path(name)
        if name == "-" or not path.exists():
            yield from read_inputs([name], boilerplate)
        elif path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in file.relative_to(path).parts):
                    yield from _read_file(file, boilerplate)
        else:
            yield from _read_file(path, boilerplate)


def is_jsonl(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    return bool(suffixes) and (suffixes[-1] in JSONL_SUFFIXES
                               or suffixes[-2:] == [".jsonl", ".gz"])


def _read_file(path: Path, boilerplate: Boilerplate) -> Iterator[RawItem]:
    if not is_jsonl(path):
        yield from read_file(path, boilerplate)
        return
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", errors="surrogateescape") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield RawLine(f"{path}:{number}", line)
    except (OSError, UnicodeDecodeError, EOFError, zlib.error) as exc:
        yield IngestError(str(path), f"cannot read the corpus ({exc})")


def parse_line(raw: RawLine, boilerplate: Boilerplate) -> Article | IngestError:
    """The Article a corpus line holds, or the error the JSONL reader would report."""
    if _BAD_BYTE.search(raw.line):
        return IngestError(raw.source, "not UTF-8 text")
    try:
        return parse_record(json.loads(raw.line), raw.source, boilerplate)
    except json.JSONDecodeError as exc:
        return IngestError(raw.source, f"invalid JSON ({exc.msg})")
    except IngestError as exc:
        return exc


def dated(item: Article | IngestError, published: date | None) -> Article | IngestError:
    """`--published`: one publication date for every article (wins over the input's)."""
    if published is not None and isinstance(item, Article):
        item.published, item.published_source = published, "option"
    return item
