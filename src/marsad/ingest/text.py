"""Plain-text articles: one file, the id is the file's stem."""

from __future__ import annotations

from pathlib import Path

from marsad.document import Article
from marsad.ingest.article import build_article
from marsad.ingest.clean import Boilerplate
from marsad.ingest.decode import decode_bytes


def read_text_file(path: Path, boilerplate: Boilerplate) -> Article:
    text = decode_bytes(path.read_bytes(), str(path))
    return build_article(path.stem, text, boilerplate, source=str(path), raw=text)


def read_text(article_id: str, text: str, boilerplate: Boilerplate, source: str) -> Article:
    return build_article(article_id, text, boilerplate, source=source, raw=text)
