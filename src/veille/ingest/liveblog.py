"""Live blogs: a page of timestamped updates becomes one Document per update, linked to the page.

    documents = read_liveblog(html, url="https://example.org/direct")   # the page, then its updates
    new = read_liveblog(html, url, seen=previous_keys)                   # polling again: new updates only

Updates are found in schema.org ``LiveBlogPosting`` JSON-LD (``liveBlogUpdate``), else in sibling
blocks that each hold one element with a ``datetime`` attribute, else in sibling blocks whose text
opens with a clock time ("14h32", "09:05") resolved against the page's date.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

import lxml.html
from lxml import etree

from veille.errors import FormatError
from veille.records import Document, content_id

__all__ = ["LiveBlogReader", "Update", "find_updates", "is_liveblog", "read_liveblog", "update_key"]

BLOCKS = {"p", "div", "li", "article", "section", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
          "header", "footer", "figure", "figcaption", "tr", "table", "br", "aside", "main", "time"}
SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "button", "form", "nav"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CLOCK = re.compile(r"^\s*(?:(?:le\s+)?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*(?:à|,|-)?\s*)?"
                   r"([01]?\d|2[0-3])\s*(?:h|H|:)\s*([0-5]\d)\b")


@dataclass(slots=True)
class Update:
    """One update of a live page: a stable key, its time (ISO 8601 when known), title and text."""

    key: str
    time: str | None
    text: str
    title: str | None = None
    url: str | None = None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _clean_lines(parts: Iterable[str]) -> str:
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _text(element: etree._Element, skip: set[etree._Element] | None = None) -> str:
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIP or (skip and el in skip) or not tag:
            parts.append(el.tail or "")
            return
        block = tag in BLOCKS
        if block:
            parts.append("\n")
        parts.append(el.text or "")
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        parts.append(el.tail or "")

    walk(element)
    parts.pop()  # the element's own tail is not its text
    return _clean_lines(parts)


def _key(*pieces: str | None) -> str:
    return hashlib.sha1("\x00".join(p or "" for p in pieces).encode("utf-8")).hexdigest()[:16]


def _jsonld_objects(tree: etree._Element) -> Iterator[dict]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "liveBlogUpdate"))


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    return set(kind) if isinstance(kind, list) else {str(kind)}


def _jsonld_updates(tree: etree._Element) -> list[Update]:
    for item in _jsonld_objects(tree):
        if "LiveBlogPosting" not in _types(item):
            continue
        raw = item.get("liveBlogUpdate") or []
        updates = []
        for entry in raw if isinstance(raw, list) else [raw]:
            if not isinstance(entry, dict):
                continue
            body = entry.get("articleBody") or entry.get("text") or entry.get("description") or ""
            if not isinstance(body, str):
                continue
            # JSON-LD bodies sometimes carry markup
            text = _text(lxml.html.fragment_fromstring(body, create_parent="div")) if "<" in body else body.strip()
            when = _iso(entry.get("datePublished") or entry.get("dateCreated") or entry.get("dateModified"))
            title = entry.get("headline") if isinstance(entry.get("headline"), str) else None
            link = entry.get("url") or entry.get("@id")
            link = link if isinstance(link, str) else None
            if text:
                updates.append(Update(_key(link) if link else _key(when, text[:200]), when, text, title, link))
        if updates:
            return updates
    return []


def _blocks(marks: list[etree._Element]) -> dict[etree._Element, list[tuple[etree._Element, etree._Element]]]:
    """Group each mark's largest ancestor holding no other mark under that ancestor's parent."""
    counts: Counter[etree._Element] = Counter()
    for mark in marks:
        for ancestor in mark.iterancestors():
            counts[ancestor] += 1
    groups: dict[etree._Element, list[tuple[etree._Element, etree._Element]]] = defaultdict(list)
    for mark in marks:
        block = mark
        parent = block.getparent()
        while parent is not None and counts[parent] == 1:
            block, parent = parent, parent.getparent()
        if parent is not None:
            groups[parent].append((block, mark))
    return groups


def _title_of(block: etree._Element) -> str | None:
    for heading in block.iter(*HEADINGS):
        title = " ".join(heading.text_content().split())
        if title:
            return title
    return None


def _markup_updates(tree: etree._Element) -> list[Update]:
    marks = [el for el in tree.iter() if isinstance(el.tag, str) and el.get("datetime") and el.tag not in SKIP]
    groups = _blocks(marks)
    best = max(groups.values(), key=len, default=[])
    if len(best) < 2:
        return []
    updates = []
    for block, mark in best:
        text = _text(block, skip={mark})
        when = _iso(mark.get("datetime"))
        anchor = block.get("id") or block.get("data-id")
        if text:
            updates.append(Update(_key(anchor) if anchor else _key(when, text[:200]), when, text, _title_of(block),
                                  f"#{anchor}" if anchor else None))
    return updates


def _clock_updates(tree: etree._Element, day: str | None) -> list[Update]:
    groups: dict[etree._Element, list[tuple[etree._Element, re.Match[str]]]] = defaultdict(list)
    for el in tree.iter("p", "div", "li", "article", "section"):
        first = (el.text or "").strip() or next((" ".join(c.text_content().split()) for c in el), "")
        match = CLOCK.match(first)
        parent = el.getparent()
        if match and parent is not None and not any(el in [b for b, _ in g] for g in groups.values()):
            groups[parent].append((el, match))
    best = max(groups.values(), key=len, default=[])
    if len(best) < 2:
        return []
    updates = []
    for block, match in best:
        text = _text(block)
        clock = CLOCK.match(text)
        body = text[clock.end():].lstrip(" -–—:\n") if clock else text
        when = f"{day}T{int(match.group(1)):02d}:{match.group(2)}:00" if day else None
        if body:
            updates.append(Update(_key(when or match.group(0), body[:200]), when, body, _title_of(block)))
    return updates


def _page_date(tree: etree._Element, html: str, url: str | None) -> str | None:
    for item in _jsonld_objects(tree):
        value = _iso(item.get("datePublished") or item.get("coverageStartTime"))
        if value:
            return value[:10]
    from htmldate import find_date

    return find_date(html, url=url, original_date=True, extensive_search=False) or None


def _parse(html: str | bytes) -> etree._Element:
    if isinstance(html, bytes):
        from veille.ingest.decode import decode_text

        html = decode_text(html)
    if "<" not in html:
        raise FormatError("not HTML: no markup found")
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(f"HTML could not be parsed: {exc}") from exc


def find_updates(html: str | bytes, url: str | None = None) -> list[Update]:
    """The timestamped updates of a live page, in page order; empty when it is not one."""
    tree = _parse(html)
    updates = _jsonld_updates(tree) or _markup_updates(tree)
    if not updates:
        text = html if isinstance(html, str) else html.decode("utf-8", "replace")
        updates = _clock_updates(tree, _page_date(tree, text, url))
    return updates


def is_liveblog(html: str | bytes) -> bool:
    """Whether a page is a live blog: LiveBlogPosting JSON-LD or at least two timestamped update blocks."""
    try:
        return bool(find_updates(html))
    except FormatError:
        return False


@dataclass
class LiveBlogReader:
    """Turns live pages into Documents, remembering per page which updates it has already given."""

    min_updates: int = 2

    def read(self, html: str | bytes, url: str, seen: Iterable[str] = (), origin: str | None = None,
             source: str | None = None) -> list[Document]:
        """The page Document (first time only) and one Document per update not in ``seen``."""
        updates = find_updates(html, url)
        if len(updates) < self.min_updates:
            return []
        tree = _parse(html)
        page_id = content_id("liveblog", url)
        known = set(seen)
        out: list[Document] = []
        if page_id not in known:
            title = _page_title(tree)
            intro = _meta(tree, "og:description") or _meta(tree, "description")
            raw = "\n".join(p for p in (title, intro) if p) or url
            out.append(Document.from_text(raw, id=page_id, url=url, title=title, source=source,
                                          origin=origin or url, meta={"liveblog": True, "updates": len(updates)}))
        for update in updates:
            if update.key in known:
                continue
            link = url + update.url if update.url and update.url.startswith("#") else (update.url or url)
            out.append(Document.from_text(
                update.text, id=content_id(update.text, f"{url}#{update.key}"), url=link, title=update.title,
                published=update.time, parent_id=page_id, source=source, origin=f"{origin or url}#{update.key}",
                meta={"liveblog_update": update.key},
            ))
        return out


def _meta(tree: etree._Element, name: str) -> str | None:
    for el in tree.iter("meta"):
        if name in (el.get("property"), el.get("name")) and el.get("content"):
            return " ".join(el.get("content").split())
    return None


def _page_title(tree: etree._Element) -> str | None:
    title = _meta(tree, "og:title")
    if title:
        return title
    for el in tree.iter("h1", "title"):
        text = " ".join(el.text_content().split())
        if text:
            return text
    return None


def update_key(document: Document) -> str | None:
    """The update key of a Document made by ``LiveBlogReader`` (the page's own Document: its id)."""
    return document.meta.get("liveblog_update") or (document.id if document.meta.get("liveblog") else None)


def read_liveblog(html: str | bytes, url: str, seen: Iterable[str] = (), source: str | None = None) -> list[Document]:
    """The page Document and its update Documents not in ``seen`` (keys from ``update_key``)."""
    return LiveBlogReader().read(html, url, seen=seen, source=source)
