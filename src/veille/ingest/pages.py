"""HTML pages to Documents: main text and metadata with trafilatura, htmldate where it finds no date."""

from __future__ import annotations

from typing import Any

import trafilatura
from htmldate import find_date

from veille.errors import EmptyInput, FormatError, UnreadableInput
from veille.ingest.decode import decode_text, looks_binary
from veille.records import Document

__all__ = ["read_page"]


def read_page(html: str | bytes, url: str | None = None, origin: str | None = None) -> Document:
    """Extract a page's article text and metadata; raises an InputError subclass when there is none."""
    if isinstance(html, bytes):
        if looks_binary(html):
            raise UnreadableInput("binary content served as HTML")
        html = decode_text(html)
    if "<" not in html:
        raise FormatError("not HTML: no markup found")
    try:
        extracted: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                     include_tables=False, fast=True)
    except (ValueError, TypeError) as exc:  # trafilatura raises these on markup lxml cannot repair
        raise FormatError(f"HTML could not be parsed: {exc}") from exc
    if extracted is None:
        raise EmptyInput("no article text found in the page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (data.get("text") or "").strip()
    if not text:
        raise EmptyInput("no article text found in the page")
    published = data.get("date")
    if not published:
        published = find_date(html, url=url, original_date=True, extensive_search=False)
    meta = {k: data[k] for k in ("sitename", "hostname", "description", "categories", "tags") if data.get(k)}
    return Document.from_text(
        text, url=url or data.get("url"), title=data.get("title"), author=data.get("author"),
        published=published or None, source=data.get("sitename") or data.get("hostname"), origin=origin or url,
        meta=meta,
    )
