"""Safe HTTP fetching: http(s) only, public addresses only, byte caps, retries, per-host politeness.

    with PageFetcher(FetchSettings(timeout=5)) as fetcher:
        response = fetcher.fetch("https://example.org/article")
        html = response.text()

Every refusal or failure raises ``FetchError`` whose message is the reason to record.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from veille.errors import FetchError, InputError
from veille.records import Document

__all__ = [
    "FetchSettings",
    "PageFetcher",
    "Response",
    "check_address",
    "check_url",
    "decode_body",
    "read_urls",
    "sniff_binary",
]

log = logging.getLogger(__name__)

USER_AGENT = "veille/0.1 (+https://github.com/veille-news/veille)"
REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("xml", "rss", "atom", "text/plain", "text/html")

# leading bytes of formats that are never a page or a feed
MAGIC = [
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip data"), (b"\x7fELF", "ELF binary"),
    (b"OggS", "Ogg media"), (b"ID3\x03", "MP3 audio"), (b"ID3\x04", "MP3 audio"),
    (b"RIFF", "RIFF media"), (b"\xfd7zXZ", "xz data"), (b"7z\xbc\xaf", "7z archive"), (b"wOFF", "web font"),
]
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(slots=True)
class FetchSettings:
    """How to fetch: timeouts in seconds, size cap in bytes, retries, politeness, address policy."""

    timeout: float = 15.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0
    politeness: float = 1.0
    allow_private: bool = False
    user_agent: str = USER_AGENT

    @classmethod
    def from_settings(cls) -> FetchSettings:
        """The fetch settings of ``settings.toml`` and the ``VEILLE_*`` environment."""
        from veille.settings import get_settings

        s = get_settings()
        return cls(timeout=s.fetch_timeout, max_bytes=s.max_bytes, retries=s.fetch_retries,
                   politeness=s.politeness_delay, allow_private=s.allow_private, user_agent=s.user_agent)


@dataclass(slots=True)
class Response:
    """A fetched body with its final URL, status and headers (lower-cased names)."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", self.headers.get("content-type", ""), re.IGNORECASE)
        return match.group(1) if match else None

    def text(self) -> str:
        """The body decoded: valid UTF-8 first, then the declared charset, then a detected one."""
        return decode_body(self.content, self.charset)


def _decodes(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_ascii_letters(text: str) -> bool:
    letters = [c for c in text[:20_000] if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if c.isascii()) >= 0.7 * len(letters)


def decode_body(content: bytes, declared: str | None = None) -> str:
    """Decode a page or feed whatever its declared charset says (servers often get it wrong)."""
    # valid UTF-8 with non-ASCII bytes is almost never another encoding, even when declared so
    text = _decodes(content, "utf-8-sig")
    if text is not None:
        return text
    head = content[:4096]
    candidates = [declared] if declared else []
    for pattern in (META_CHARSET, XML_ENCODING):
        match = pattern.search(head)
        if match:
            candidates.append(match.group(1).decode("ascii", "ignore"))
    for encoding in candidates:
        if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
            text = _decodes(content, encoding)
            if text is not None:
                return text
    # French and English pages: Windows-1252 when accented letters are a minority, as in Latin-script text
    text = _decodes(content, "cp1252")
    if text is not None and _mostly_ascii_letters(text):
        return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(content[:200_000]).best()
        if best is not None and best.encoding:
            text = _decodes(content, best.encoding)
            if text is not None:
                return text
    except ImportError:  # pragma: no cover - trafilatura depends on it
        pass
    return content.decode("cp1252", errors="replace")


def sniff_binary(content: bytes) -> str | None:
    """What binary format the body is, or None when it may be text."""
    head = content[:1024].lstrip(b"\xef\xbb\xbf")
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if not head:
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 byte order marks: text
        return None
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls / len(head) > 0.1:
        return "binary data"
    return None


def check_url(url: str) -> str:
    """The URL's host, after refusing anything but http(s) URLs with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"refused scheme {parts.scheme or '(none)'!r}: only http and https are fetched")
    if not parts.hostname:
        raise FetchError(f"no host in URL {url!r}")
    return parts.hostname


def check_address(host: str, port: int | None = None, allow_private: bool = False) -> list[str]:
    """Resolve a host and refuse private, loopback, link-local, reserved and multicast addresses."""
    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    addresses = sorted({info[4][0] for info in infos})
    if allow_private:
        return addresses
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
                or ip.is_unspecified):
            raise FetchError(f"refused address {address} of host {host!r}: not a public address "
                             "(set allow_private to fetch it)")
    return addresses


class PageFetcher:
    """Fetches URLs safely; one instance keeps its connection pool and per-host timing."""

    def __init__(self, settings: FetchSettings | None = None, client: httpx.Client | None = None) -> None:
        self.settings = settings or FetchSettings.from_settings()
        s = self.settings
        self._own_client = client is None
        # redirects are followed by hand so that every hop's address is checked
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(s.timeout), follow_redirects=False, headers={"User-Agent": s.user_agent},
        )
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self.sleep = time.sleep

    def __enter__(self) -> PageFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def fetch(self, url: str, headers: Mapping[str, str] | None = None, accept: tuple[str, ...] = HTML_TYPES,
              allow_status: tuple[int, ...] = ()) -> Response:
        """GET a URL, following redirects, retrying transient failures; ``accept``: allowed content types.

        A status in ``allow_status`` (such as 304 for a conditional GET) is returned rather than raised.
        """
        s = self.settings
        attempt = 0
        while True:
            try:
                return self._follow(url, headers or {}, accept, allow_status)
            except _Transient as exc:
                if attempt >= s.retries:
                    raise FetchError(f"{exc} (after {attempt + 1} attempts)") from None
                delay = exc.retry_after if exc.retry_after is not None else s.backoff * 2 ** attempt
                delay = min(delay, 60.0)
                log.info("retrying %s in %.1fs: %s", url, delay, exc)
                self.sleep(delay)
                attempt += 1

    def _follow(self, url: str, headers: Mapping[str, str], accept: tuple[str, ...],
                allow_status: tuple[int, ...]) -> Response:
        seen: list[str] = []
        current = url
        while True:
            if current in seen:
                raise FetchError(f"redirect loop: {' -> '.join([*seen, current])}")
            if len(seen) > self.settings.max_redirects:
                raise FetchError(f"too many redirects (more than {self.settings.max_redirects}) from {url}")
            seen.append(current)
            response = self._get(current, headers, accept, allow_status)
            if response.status not in REDIRECTS:
                response.redirects = seen[:-1]
                return response
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"redirect {response.status} without a Location header at {current}")
            current = urljoin(current, location)

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            wait = 0.0 if last is None else last + self.settings.politeness - now
            self._last[host] = now + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)

    def _get(self, url: str, headers: Mapping[str, str], accept: tuple[str, ...],
             allow_status: tuple[int, ...]) -> Response:
        s = self.settings
        host = check_url(url)
        check_address(host, urlsplit(url).port, s.allow_private)
        self._wait_turn(host)
        try:
            with self.client.stream("GET", url, headers=dict(headers)) as r:
                status = r.status_code
                head = {k.lower(): v for k, v in r.headers.items()}
                if status in REDIRECTS or status in allow_status:
                    return Response(str(r.url), status, head, b"")
                if status in RETRY_STATUSES:
                    raise _Transient(f"HTTP {status} from {url}", _retry_after(head.get("retry-after")))
                if status != 200:
                    raise FetchError(f"HTTP {status} from {url}")
                declared = head.get("content-length", "")
                if declared.isdigit() and int(declared) > s.max_bytes:
                    raise FetchError(f"body too large: Content-Length {int(declared)} bytes exceeds "
                                     f"the {s.max_bytes}-byte limit at {url}")
                content_type = head.get("content-type", "").split(";")[0].strip().lower()
                if content_type and not any(kind in content_type for kind in accept):
                    raise FetchError(f"unexpected content type {content_type!r} at {url}")
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > s.max_bytes:
                        raise FetchError(f"body too large: more than {s.max_bytes} bytes at {url}")
                    chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise _Transient(f"timed out after {s.timeout}s ({type(exc).__name__}) at {url}") from None
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed at {url}: {type(exc).__name__}: {exc}") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"cannot decode the response body at {url}: {exc}") from None
        content = b"".join(chunks)
        binary = sniff_binary(content)
        if binary:
            raise FetchError(f"binary content ({binary}) served as {content_type or 'no content type'} at {url}")
        return Response(url, status, head, content)


def read_urls(urls: Iterable[str], fetcher: PageFetcher | None = None) -> Iterator[Document]:
    """Documents of web pages: one per article, or one per update of a live page; failures as failed Documents."""
    from veille.ingest.liveblog import LiveBlogReader
    from veille.ingest.outlets import find_outlet, mark_outlet
    from veille.ingest.pages import read_page

    owned = fetcher is None
    fetcher = fetcher or PageFetcher()
    liveblogs = LiveBlogReader()
    try:
        for url in urls:
            try:
                response = fetcher.fetch(url)
            except FetchError as exc:
                log.warning("fetch failed for %s: %s", url, exc)
                yield Document.failed(url, "fetch", str(exc), url=url)
                continue
            html = response.text()
            outlet = find_outlet(response.url)
            try:
                documents = liveblogs.read(html, response.url, origin=url, source=outlet.name if outlet else None)
                documents = documents or [read_page(html, url=response.url, origin=url)]
            except InputError as exc:
                log.warning("no article in %s: %s", url, exc)
                yield Document.failed(url, "extract", str(exc), url=response.url)
                continue
            for document in documents:
                if response.redirects:
                    document.meta["redirected_from"] = response.redirects[0]
                yield mark_outlet(document)
    finally:
        if owned:
            fetcher.close()


class _Transient(Exception):
    """A failure worth retrying: a 5xx, a 429, a timeout or a dropped connection."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
