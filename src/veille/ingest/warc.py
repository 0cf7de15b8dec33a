"""WARC and ARC archives (gzipped or not), streamed: only HTTP 200 HTML responses become Documents.

    reader = WarcReader()
    for document in reader.read("CC-NEWS-20250101.warc.gz"):
        ...
    reader.counts   # records, responses, kept, skipped by reason, failed

A truncated or corrupt archive ends with one failed Document for the file (stage ``warc``); the
pages read before the damage are kept.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from veille.errors import InputError
from veille.ingest.outlets import mark_outlet
from veille.ingest.pages import read_page
from veille.records import Document

__all__ = ["ARCHIVE_SUFFIXES", "WarcReader", "is_archive", "read_warc"]

log = logging.getLogger(__name__)

STAGE = "warc"
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# how a file must begin: gzip, a WARC version line, or an ARC file description
MAGIC = (b"\x1f\x8b", b"WARC/", b"filedesc://")


def is_archive(path: str | Path) -> bool:
    """Whether a path names a WARC or ARC file, by its suffix."""
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def _limit_left(stream: Any) -> int:
    # a record cut short leaves its LimitReader with bytes still expected
    while stream is not None:
        if hasattr(stream, "limit"):
            return int(stream.limit)
        stream = getattr(stream, "stream", None)
    return 0


@dataclass
class WarcReader:
    """Reads archives into Documents and counts what it kept and skipped, and why."""

    max_bytes: int | None = None
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if self.max_bytes is None:
            from veille.settings import get_settings

            self.max_bytes = get_settings().max_bytes

    def records(self, path: str | Path) -> Iterator[tuple[str, str | None, bytes] | Document]:
        """``(url, warc_date, html_bytes)`` of each HTTP 200 HTML response; a failed Document on damage."""
        path = Path(path)
        origin = str(path)
        try:
            handle = path.open("rb")
        except OSError as exc:
            yield Document.failed(origin, STAGE, f"cannot read archive: {exc.strerror or exc}")
            return
        with handle:
            head = handle.read(16)
            handle.seek(0)
            if not head.startswith(MAGIC):
                yield Document.failed(origin, STAGE, "not a WARC or ARC file: it starts with neither a gzip "
                                                     "header, 'WARC/' nor 'filedesc://'")
                return
            size = os.fstat(handle.fileno()).st_size
            end, damage = 0, None  # end: the offset after the last complete record
            iterator = ArchiveIterator(handle, arc2warc=True)
            try:
                for record in iterator:
                    self.counts["records"] += 1
                    if record.rec_type is None or record.length is None:
                        damage = f"corrupt record at offset {iterator.offset}"
                        break
                    item = self._response(record, origin)
                    start = iterator.get_record_offset()  # reads the record to its end
                    if _limit_left(record.raw_stream):
                        damage = f"truncated record at offset {start}: the archive ends inside it"
                        break
                    end = max(0, start + iterator.get_record_length())
                    if item is not None:
                        self.counts["html"] += isinstance(item, tuple)
                        yield item
                if damage is None and end < size - 4:  # trailing blank lines are allowed
                    damage = f"truncated or corrupt after offset {end} of {size} bytes: no complete record follows"
            except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
                # zlib.error is an OSError subclass on gzip damage; warcio raises the others
                message = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
                damage = f"corrupt archive after offset {end}: {type(exc).__name__}: {message}"
            if damage:
                self.counts["failed"] += 1
                log.warning("%s: %s", origin, damage)
                yield Document.failed(origin, STAGE, damage + f" (the {self.counts['html']} pages before it are kept)")

    def _response(self, record: Any, origin: str) -> tuple[str, str | None, bytes] | Document | None:
        if record.rec_type != "response" or record.http_headers is None:
            self.counts["skipped: not a response"] += 1
            return None
        self.counts["responses"] += 1
        status = record.http_headers.get_statuscode()
        if status != "200":
            self.counts[f"skipped: HTTP {status}"] += 1
            return None
        content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in HTML_TYPES:
            self.counts["skipped: not HTML"] += 1
            return None
        url = record.rec_headers.get_header("WARC-Target-URI")
        date = record.rec_headers.get_header("WARC-Date")
        try:
            body = record.content_stream().read(self.max_bytes + 1)
        except (OSError, ValueError, EOFError) as exc:
            self.counts["failed"] += 1
            return Document.failed(url or origin, STAGE, f"unreadable response body: {type(exc).__name__}: {exc}")
        if len(body) > self.max_bytes:
            self.counts["failed"] += 1
            return Document.failed(url or origin, STAGE, f"response body over the {self.max_bytes}-byte limit")
        return (url or origin, date, body)

    def read(self, path: str | Path) -> Iterator[Document]:
        """Documents of an archive's HTML pages (failed ones with their reason), in archive order."""
        for item in self.records(path):
            if isinstance(item, Document):
                yield item
                continue
            url, date, body = item
            try:
                document = read_page(body, url=url, origin=f"{path}#{url}")
            except InputError as exc:
                self.counts["failed"] += 1
                yield Document.failed(f"{path}#{url}", "extract", str(exc), url=url)
                continue
            if date:
                document.meta["fetched"] = date
            self.counts["kept"] += 1
            yield mark_outlet(document)


def read_warc(path: str | Path) -> Iterator[Document]:
    """Documents of one WARC or ARC file; see ``WarcReader``."""
    yield from WarcReader().read(path)
