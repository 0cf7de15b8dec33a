"""RSS/Atom feeds and live pages, polled with conditional GET; ``watch`` ingests what is new each round.

    watch("feeds.txt", Store("sqlite:///veille.db"), once=True)          # a cron job
    watch("feeds.txt", store, interval=300)                              # runs until interrupted

A line of the feeds file is a feed URL, or the URL of a live page (a live blog: only its new
updates are added each round). What each source has given is kept in the store's state table,
so a restart fetches nothing twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

import feedparser
import lxml.html
from lxml import etree

from veille.errors import ConfigError, FetchError, FormatError, InputError
from veille.ingest.fetch import FEED_TYPES, HTML_TYPES, PageFetcher, Response, sniff_binary
from veille.ingest.liveblog import LiveBlogReader, find_updates, update_key
from veille.ingest.outlets import find_outlet, mark_outlet
from veille.ingest.pages import read_page
from veille.records import Document

__all__ = [
    "FeedItem",
    "FeedPoll",
    "FeedReader",
    "MemoryState",
    "Round",
    "StateStore",
    "parse_feed",
    "read_feed_list",
    "watch",
]

log = logging.getLogger(__name__)

MAX_SEEN = 5000  # item keys remembered per feed: far more than a feed ever lists
MAX_ATTEMPTS = 3  # rounds an item that fails to fetch is tried again


class StateStore(Protocol):
    """Where feed state is kept between runs: the store's state table, or ``MemoryState``."""

    def get_state(self, key: str) -> dict[str, Any] | None: ...

    def set_state(self, key: str, value: dict[str, Any]) -> None: ...


class MemoryState:
    """State kept in a dict, for one process."""

    def __init__(self) -> None:
        self.values: dict[str, dict[str, Any]] = {}

    def get_state(self, key: str) -> dict[str, Any] | None:
        return self.values.get(key)

    def set_state(self, key: str, value: dict[str, Any]) -> None:
        self.values[key] = value


@dataclass(slots=True)
class FeedItem:
    """One entry of a feed: its key (id, else link), link and what the feed says about it."""

    key: str
    url: str | None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    summary: str | None = None


@dataclass
class FeedPoll:
    """What one poll of a source gave: ``new``, ``not-modified`` or ``failed`` with a reason."""

    url: str
    status: str
    documents: list[Document] = field(default_factory=list)
    reason: str | None = None
    state: dict[str, Any] = field(default_factory=dict)
    kind: str = "feed"


def _iso_time(parsed: Any) -> str | None:
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    except (TypeError, ValueError):
        return None


def _looks_like_feed(response: Response) -> bool:
    head = response.content[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return True
    return not any(kind in response.content_type for kind in HTML_TYPES)


def parse_feed(content: bytes, url: str | None = None) -> list[FeedItem]:
    """The items of an RSS or Atom document; raises ``FormatError`` when it is not a feed."""
    binary = sniff_binary(content)
    if binary:
        raise FormatError(f"not a feed: binary content ({binary})")
    parsed = feedparser.parse(content, response_headers={"content-location": url} if url else None)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        error = parsed.get("bozo_exception")
        raise FormatError(f"not a valid feed: {type(error).__name__}: {error}")
    if not entries and not parsed.get("version"):
        raise FormatError("not an RSS or Atom feed: no channel and no items")
    if parsed.get("bozo"):
        log.warning("feed %s is malformed (%s); %d items recovered", url, parsed.get("bozo_exception"), len(entries))
    items = []
    for entry in entries:
        link = entry.get("link")
        key = entry.get("id") or link or entry.get("title")
        if not key:
            continue
        summary = entry.get("summary")
        if entry.get("content"):
            summary = max((c.get("value") or "" for c in entry["content"]), key=len) or summary
        items.append(FeedItem(str(key), link, entry.get("title"), _iso_time(entry.get("published_parsed")
                                                                          or entry.get("updated_parsed")),
                              entry.get("author"), summary))
    return items


def _item_from_summary(item: FeedItem, source: str | None) -> Document | None:
    """The item's own text from the feed, when the page cannot be read."""
    if not item.summary:
        return None
    text = item.summary
    if "<" in text:
        try:
            text = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
        except (ValueError, etree.ParserError):
            return None
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    if len(text.split()) < 30:  # a teaser, not an article
        return None
    return Document.from_text(text, url=item.url, title=item.title, published=item.published, author=item.author,
                              source=source, origin=item.url, meta={"from": "feed summary"})


class FeedReader:
    """Polls feeds and live pages, giving Documents only for what is new since the last poll."""

    def __init__(self, fetcher: PageFetcher, state: StateStore, liveblogs: LiveBlogReader | None = None) -> None:
        self.fetcher = fetcher
        self.state = state
        self.liveblogs = liveblogs or LiveBlogReader()

    @staticmethod
    def state_key(url: str) -> str:
        return f"feed:{url}"

    def poll(self, url: str) -> FeedPoll:
        """Fetch a source if changed and turn what is new into Documents (failed ones included)."""
        saved = dict(self.state.get_state(self.state_key(url)) or {})
        headers = {}
        if saved.get("etag"):
            headers["If-None-Match"] = saved["etag"]
        if saved.get("last_modified"):
            headers["If-Modified-Since"] = saved["last_modified"]
        try:
            response = self.fetcher.fetch(url, headers=headers, accept=FEED_TYPES, allow_status=(304,))
        except FetchError as exc:
            return self._failed(url, "fetch", str(exc), saved)
        if response.status == 304:
            return FeedPoll(url, "not-modified", state=saved)
        saved.update(etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
        if _looks_like_feed(response):
            try:
                items = parse_feed(response.content, url)
            except FormatError as exc:
                return self._failed(url, "feed", str(exc), saved)
            return FeedPoll(url, "new", list(self._read_items(url, items, saved)), state=saved)
        return self._read_live(url, response, saved)

    def _failed(self, url: str, stage: str, reason: str, saved: dict[str, Any]) -> FeedPoll:
        log.warning("feed %s failed at %s: %s", url, stage, reason)
        # the reason is recorded once per distinct failure: the id depends on origin and stage
        document = Document.failed(url, stage, reason, url=url, meta={"feed": url})
        return FeedPoll(url, "failed", [document], reason=reason, state=saved)

    def _read_items(self, feed_url: str, items: list[FeedItem], saved: dict[str, Any]) -> Iterator[Document]:
        seen = list(saved.get("seen") or [])
        known = set(seen)
        attempts: dict[str, int] = dict(saved.get("attempts") or {})
        for item in items:
            if item.key in known:
                continue
            document = self._read_item(feed_url, item)
            if document.status == "failed" and attempts.get(item.key, 0) + 1 < MAX_ATTEMPTS:
                attempts[item.key] = attempts.get(item.key, 0) + 1
            else:
                attempts.pop(item.key, None)
                seen.append(item.key)
                known.add(item.key)
            yield document
        saved["seen"] = seen[-MAX_SEEN:]
        saved["attempts"] = attempts

    def _read_item(self, feed_url: str, item: FeedItem) -> Document:
        outlet = find_outlet(item.url or feed_url)
        source = outlet.name if outlet else None
        if not item.url:
            return _item_from_summary(item, source) or Document.failed(
                f"{feed_url}#{item.key}", "feed", "feed item without a link or a text", meta={"feed": feed_url})
        try:
            response = self.fetcher.fetch(item.url)
            document = read_page(response.text(), url=response.url, origin=item.url)
        except (FetchError, InputError) as exc:
            fallback = _item_from_summary(item, source)
            if fallback is not None:
                fallback.meta.update(feed=feed_url, page_error=str(exc))
                return mark_outlet(fallback)
            stage = "fetch" if isinstance(exc, FetchError) else "extract"
            log.warning("feed item %s failed at %s: %s", item.url, stage, exc)
            return Document.failed(item.url, stage, str(exc), url=item.url, title=item.title,
                                   meta={"feed": feed_url})
        document.title = document.title or item.title
        document.author = document.author or item.author
        document.published = document.published or item.published
        document.meta["feed"] = feed_url
        return mark_outlet(document)

    def _read_live(self, url: str, response: Response, saved: dict[str, Any]) -> FeedPoll:
        html = response.text()
        try:
            updates = find_updates(html, url)
        except FormatError as exc:
            return self._failed(url, "extract", str(exc), saved)
        if len(updates) < self.liveblogs.min_updates:
            return self._failed(url, "feed", "neither an RSS/Atom feed nor a live page with timestamped updates",
                                saved)
        outlet = find_outlet(url)
        documents = self.liveblogs.read(html, url, seen=saved.get("seen") or [],
                                        source=outlet.name if outlet else None)
        for document in documents:
            mark_outlet(document)
        saved["seen"] = [*(saved.get("seen") or []), *(update_key(d) for d in documents)][-MAX_SEEN:]
        return FeedPoll(url, "new", documents, state=saved, kind="live")

    def commit(self, poll: FeedPoll) -> None:
        """Remember what a poll gave; call once its documents are stored."""
        poll.state["polled"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.state.set_state(self.state_key(poll.url), poll.state)


def read_feed_list(path: str | Path) -> list[str]:
    """The source URLs of a feeds file: one per line, ``#`` comments and blank lines ignored."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the feeds file {path}: {exc}") from exc
    urls = [line.split("#", 1)[0].strip() for line in lines]
    urls = [url for url in urls if url]
    if not urls:
        raise ConfigError(f"the feeds file {path} lists no URL")
    return list(dict.fromkeys(urls))


@dataclass
class Round:
    """What one round of ``watch`` did."""

    number: int
    polls: list[FeedPoll]
    summary: Any  # veille.ingest.batch.Summary

    def render(self) -> str:
        new = sum(1 for p in self.polls if p.status == "new")
        unchanged = sum(1 for p in self.polls if p.status == "not-modified")
        failed = [p for p in self.polls if p.status == "failed"]
        lines = [f"round {self.number}: {len(self.polls)} sources ({new} changed, {unchanged} not modified, "
                 f"{len(failed)} failed); added {self.summary.stored} documents, {self.summary.duplicates} "
                 f"duplicates skipped, {len(self.summary.failed)} failed"]
        lines += [f"  source failed: {p.url}: {p.reason}" for p in failed]
        return "\n".join(lines)


def watch(feeds_file: str | Path, store: Any, once: bool = False, interval: float = 300.0,
          fetcher: PageFetcher | None = None, rounds: int | None = None,
          on_round: Callable[[Round], None] | None = None, annotator: Any = None) -> list[Round]:
    """Poll every source of a feeds file and ingest what is new, every ``interval`` seconds (once: one round)."""
    from veille.ingest.batch import ingest

    if interval <= 0:
        raise ConfigError(f"the interval must be positive, not {interval}")
    if annotator is None:
        from veille.pipeline import Annotator

        annotator = Annotator()
    from veille.clean.duplicates import DuplicateFinder

    duplicates = DuplicateFinder.from_store(store)
    owned = fetcher is None
    fetcher = fetcher or PageFetcher()
    reader = FeedReader(fetcher, store)
    done: list[Round] = []
    limit = 1 if once else rounds
    try:
        while True:
            started = time.monotonic()
            polls = [reader.poll(url) for url in read_feed_list(feeds_file)]
            documents = [doc for poll in polls for doc in poll.documents]
            summary = ingest(documents, store, annotator=annotator, duplicates=duplicates)
            for poll in polls:
                reader.commit(poll)
            report = Round(len(done) + 1, polls, summary)
            log.info("%s", report.render())
            if on_round is not None:
                on_round(report)
            done.append(report)
            if limit is not None and len(done) >= limit:
                return done
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
    finally:
        if owned:
            fetcher.close()
