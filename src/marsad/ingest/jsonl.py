"""JSONL corpora, one article a line:
{"id", "text" or "html", "published", "outlet", "url", "title"}."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from marsad.document import Article
from marsad.ingest.article import build_article, parse_date
from marsad.ingest.clean import Boilerplate
from marsad.ingest.errors import IngestError
from marsad.ingest.html import read_html

_BAD_BYTE = re.compile("[\udc80-\udcff]")  # undecodable bytes (surrogateescape)
KNOWN_FIELDS = {"id", "text", "html", "published", "outlet", "url", "title"}


def read_jsonl_file(path: Path, boilerplate: Boilerplate) -> Iterator[Article | IngestError]:
    """Each line's Article, or an IngestError naming the file and line; streams the file."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        # surrogateescape: a line with bad bytes is reported alone, the rest still come through
        with opener(path, "rt", encoding="utf-8-sig", errors="surrogateescape") as handle:
            yield from read_jsonl_lines(handle, str(path), boilerplate)
    except (OSError, UnicodeDecodeError, EOFError, zlib.error) as exc:
        yield IngestError(str(path), f"cannot read the corpus ({exc})")


def read_jsonl_lines(
    handle: IO[str], name: str, boilerplate: Boilerplate
) -> Iterator[Article | IngestError]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
        if _BAD_BYTE.search(line):
            yield IngestError(source, "not UTF-8 text")
            continue
        try:
            yield parse_record(json.loads(line), source, boilerplate)
        except json.JSONDecodeError as exc:
            yield IngestError(source, f"invalid JSON ({exc.msg})")
        except IngestError as exc:
            yield exc


def parse_record(record: object, source: str, boilerplate: Boilerplate) -> Article:
    """One corpus record to an Article; the error names what is missing or wrong."""
    if not isinstance(record, dict):
        raise IngestError(source, "a record must be a JSON object")
    article_id = record.get("id")
    if article_id in (None, ""):
        raise IngestError(source, "record has no 'id'")
    text, html = record.get("text"), record.get("html")
    has_text = isinstance(text, str) and bool(text.strip())
    if not has_text and not (isinstance(html, str) and html.strip()):
        raise IngestError(source, "record has neither 'text' nor 'html'")
    published = parse_date(record.get("published"), source)
    meta = {k: record.get(k) for k in ("url", "outlet", "title")}
    if has_text:
        article = build_article(str(article_id), str(text), boilerplate, source=source,
                                raw=text, **meta)
    else:
        article = read_html(str(article_id), str(html), boilerplate, source=source, **meta)
    if published:
        article.published, article.published_source = published, "record"
    return article
