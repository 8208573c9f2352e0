"""Shared construction of an Article from text that a reader has decoded."""

from __future__ import annotations

from datetime import date, datetime

from marsad.document import Article
from marsad.ingest.clean import Boilerplate, check_arabic, clean_text
from marsad.ingest.errors import IngestError


def build_article(
    article_id: str,
    text: str,
    boilerplate: Boilerplate,
    *,
    source: str,
    raw: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    published_source: str | None = None,
) -> Article:
    """Clean the text, check it is Arabic, and wrap it with its metadata."""
    cleaned = clean_text(text, boilerplate)
    if not cleaned.strip():
        raise IngestError(source, "no text left after removing boilerplate")
    check_arabic(cleaned, source)
    return Article(
        id=article_id,
        text=cleaned,
        title=title or _first_line(cleaned),
        url=url,
        outlet=outlet,
        published=published,
        published_source=published_source if published else None,
        raw=raw,
        source=source,
    )


def parse_date(value: object, source: str) -> date | None:
    """A publication date from YYYY-MM-DD or an ISO datetime; None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise IngestError(source, f"bad publication date {text!r} (want YYYY-MM-DD)") from exc


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0][:300]
