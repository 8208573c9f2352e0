"""Any input path: a file of any kind, a folder of them, or `-` for standard input."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.document import Article
from marsad.ingest.clean import Boilerplate
from marsad.ingest.decode import decode_bytes
from marsad.ingest.errors import IngestError
from marsad.ingest.html import looks_like_html, read_html, read_html_file
from marsad.ingest.jsonl import read_jsonl_file, read_jsonl_lines
from marsad.ingest.text import read_text, read_text_file

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def read_inputs(paths: Iterable[str], boilerplate: Boilerplate) -> Iterator[Article | IngestError]:
    """Articles from every path in turn; unreadable inputs come out as IngestError."""
    for name in paths:
        if name == "-":
            yield from _read_stdin(boilerplate)
            continue
        path = Path(name)
        if path.is_dir():
            yield from read_folder(path, boilerplate)
        elif path.exists():
            yield from read_file(path, boilerplate)
        else:
            yield IngestError(name, "no such file or folder")


def read_folder(folder: Path, boilerplate: Boilerplate) -> Iterator[Article | IngestError]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield from read_file(path, boilerplate)


def read_file(path: Path, boilerplate: Boilerplate) -> Iterator[Article | IngestError]:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and (suffixes[-1] in JSONL_SUFFIXES or suffixes[-2:] == [".jsonl", ".gz"]):
        yield from read_jsonl_file(path, boilerplate)
        return
    try:
        if suffixes and suffixes[-1] in HTML_SUFFIXES:
            yield read_html_file(path, boilerplate)
            return
        text = decode_bytes(path.read_bytes(), str(path))
        if looks_like_html(text):
            yield read_html(path.stem, text, boilerplate, source=str(path))
        else:
            yield read_text_file(path, boilerplate)
    except IngestError as exc:
        yield exc
    except OSError as exc:
        yield IngestError(str(path), f"cannot read ({exc.strerror})")


def _read_stdin(boilerplate: Boilerplate) -> Iterator[Article | IngestError]:
    try:
        text = decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    except IngestError as exc:
        yield exc
        return
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from read_jsonl_lines(iter(text.splitlines()), "<stdin>", boilerplate)  # type: ignore[arg-type]
    elif looks_like_html(text):
        try:
            yield read_html("stdin", text, boilerplate, source="<stdin>")
        except IngestError as exc:
            yield exc
    else:
        try:
            yield read_text("stdin", text, boilerplate, "<stdin>")
        except IngestError as exc:
            yield exc
