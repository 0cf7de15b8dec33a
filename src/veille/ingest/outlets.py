"""Which outlet published a page: from its URL's domain, else its page metadata (``og:site_name``).

    find_outlet("https://www.lemonde.fr/international/article/x.html")   # -> Outlet(name="Le Monde", ...)
    find_outlet("https://tass.com/politics/1").state_affiliated           # -> True

Outlets and their state-affiliated mark live in ``ingest/data/outlets.tsv``, a file meant for review.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlsplit

from veille.records import Document

__all__ = ["Outlet", "find_outlet", "mark_outlet", "outlets", "site_domain"]

# second-level labels under which a site's own name is the third label (no public-suffix list needed)
SECOND_LEVELS = {"co", "com", "net", "org", "gov", "ac", "or", "ne", "go", "edu", "gouv", "rep", "info"}


@dataclass(frozen=True, slots=True)
class Outlet:
    domain: str
    name: str
    country: str | None = None
    state_affiliated: bool = False
    kind: str | None = None
    basis: str | None = None
    known: bool = True

    def as_meta(self) -> dict[str, object]:
        """The outlet as a JSON-ready dict for ``Document.meta``."""
        return {"domain": self.domain, "name": self.name, "country": self.country,
                "state_affiliated": self.state_affiliated, "kind": self.kind, "known": self.known}


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """The outlets of ``ingest/data/outlets.tsv`` by domain."""
    text = files("veille.ingest").joinpath("data", "outlets.tsv").read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {
        row["domain"]: Outlet(row["domain"], row["name"], row["country"] or None, row["state"] == "yes",
                              row["kind"] or None, row["basis"] or None)
        for row in rows
    }


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Outlet]:
    return {outlet.name.casefold(): outlet for outlet in outlets().values()}


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or any(c.isspace() for c in host):
        return None
    return host.rstrip(".").lower()


def site_domain(url: str | None) -> str | None:
    """The site's domain of a URL: ``https://www.bbc.co.uk/news`` -> ``bbc.co.uk``."""
    host = _host(url)
    if not host:
        return None
    labels = host.split(".")
    if len(labels) <= 2 or all(label.isdigit() for label in labels):
        return host
    keep = 3 if labels[-2] in SECOND_LEVELS and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def find_outlet(url: str | None, site_name: str | None = None) -> Outlet | None:
    """The outlet of a page: a listed domain (or parent domain), a listed site name, else the site itself."""
    host = _host(url)
    table = outlets()
    if host:
        labels = host.split(".")
        for i in range(len(labels) - 1):
            outlet = table.get(".".join(labels[i:]))
            if outlet is not None:
                return outlet
    if site_name and site_name.strip():
        listed = _by_name().get(site_name.strip().casefold())
        if listed is not None:
            return listed
        domain = site_domain(url) or site_name.strip()
        return Outlet(domain, site_name.strip(), known=False)
    domain = site_domain(url)
    return Outlet(domain, domain, known=False) if domain else None


def mark_outlet(document: Document, site_name: str | None = None) -> Document:
    """Set a document's ``source`` to its outlet's name and ``meta["outlet"]`` to the outlet's facts."""
    outlet = find_outlet(document.url, site_name or document.meta.get("sitename"))
    if outlet is not None:
        if outlet.known or not document.source:
            document.source = outlet.name
        document.meta["outlet"] = outlet.as_meta()
    return document
