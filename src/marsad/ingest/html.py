"""Saved web pages: the main text without boilerplate (trafilatura), title and date (htmldate)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from marsad.document import Article
from marsad.ingest.article import build_article, parse_date
from marsad.ingest.clean import Boilerplate
from marsad.ingest.decode import decode_bytes
from marsad.ingest.errors import IngestError

_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<meta)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:500]))


def read_html_file(path: Path, boilerplate: Boilerplate) -> Article:
    html = decode_bytes(path.read_bytes(), str(path))
    return read_html(path.stem, html, boilerplate, source=str(path))


def read_html(
    article_id: str,
    html: str,
    boilerplate: Boilerplate,
    *,
    source: str,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
) -> Article:
    """Extract an article from a page; metadata fields given by the caller win."""
    import trafilatura  # heavy import, only when a page is read

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError) as exc:
        raise IngestError(source, f"unreadable HTML ({exc})") from exc
    body = getattr(document, "text", None) if document is not None else None
    if not body:
        raise IngestError(source, "no article text found in the HTML page")
    page_title = title or getattr(document, "title", None)
    text = body if not page_title or body.startswith(page_title) else f"{page_title}\n\n{body}"
    published = _page_date(html, getattr(document, "date", None), source)
    return build_article(
        article_id,
        text,
        boilerplate,
        source=source,
        raw=html,
        title=page_title,
        url=url or getattr(document, "url", None),
        outlet=outlet or getattr(document, "sitename", None) or getattr(document, "hostname", None),
        published=published,
        published_source="page",
    )


def _page_date(html: str, extracted: str | None, source: str) -> date | None:
    if extracted:
        return parse_date(extracted, source)
    from htmldate import find_date

    found = find_date(html, extensive_search=False, original_date=True)
    return parse_date(found, source) if found else None
