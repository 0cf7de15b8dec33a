"""Exact and near-duplicate grouping: the same wire story reprinted by several outlets counts once.

    finder = DuplicateFinder()
    finder.seed(stored)                     # (id, text, group_id, url, source) of documents already stored
    kind, group = finder.check(document)    # ("new", doc.id) / ("exact", group) / ("near", group)
    finder.reach(group)                     # every copy's document id, outlet and URL

Exact duplicates have the same text once case and spacing are normalised; near-duplicates share
most word 5-grams (Jaccard similarity estimated with MinHash, candidates found with LSH).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from datasketch import MinHash, MinHashLSH

from veille.records import Document

__all__ = ["Copy", "DuplicateFinder", "normalize", "shingles"]

WORD = re.compile(r"\w+", re.UNICODE)
EXACT, NEAR, NEW = "exact", "near", "new"


@dataclass(frozen=True, slots=True)
class Copy:
    """One copy of a story: the document, and where it was published."""

    doc_id: str
    source: str | None
    url: str | None
    kind: str


def normalize(text: str) -> str:
    """Case-folded words separated by single spaces: the form exact duplicates share."""
    return " ".join(WORD.findall(text.casefold()))


def shingles(text: str, size: int = 5) -> set[bytes]:
    """The word ``size``-grams of a text, encoded for hashing."""
    words = WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass
class DuplicateFinder:
    """Groups documents into stories; ``threshold`` is the word 5-gram Jaccard similarity of a near-duplicate."""

    threshold: float = 0.7
    num_perm: int = 128
    shingle_size: int = 5
    min_words: int = 25
    groups: dict[str, list[Copy]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        self._template = MinHash(self.num_perm)
        self._exact: dict[str, str] = {}
        self._signatures: dict[str, MinHash] = {}
        self._group_of: dict[str, str] = {}

    def _signature(self, text: str) -> MinHash | None:
        grams = shingles(text, self.shingle_size)
        # short texts share too few 5-grams for the estimate to mean anything: exact matching only
        if len(grams) < self.min_words - self.shingle_size + 1:
            return None
        signature = MinHash(self.num_perm, permutations=self._template.permutations, scheme=self._template.scheme)
        signature.update_batch(list(grams))
        return signature

    def _find(self, text: str) -> tuple[str, str | None, str, MinHash | None]:
        key = hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()
        if key in self._exact:
            return EXACT, self._exact[key], key, None
        signature = self._signature(text)
        if signature is None:
            return NEW, None, key, None
        best, best_score = None, self.threshold
        for candidate in self._lsh.query(signature):
            score = signature.jaccard(self._signatures[candidate])
            if score >= best_score:
                best, best_score = candidate, score
        if best is not None:
            return NEAR, self._group_of[best], key, signature
        return NEW, None, key, signature

    def _add(self, doc_id: str, key: str, signature: MinHash | None, group_id: str, copy: Copy) -> None:
        self._exact.setdefault(key, group_id)
        self._group_of[doc_id] = group_id
        if signature is not None and doc_id not in self._signatures:
            self._signatures[doc_id] = signature
            self._lsh.insert(doc_id, signature)
        self.groups.setdefault(group_id, []).append(copy)

    def check(self, document: Document) -> tuple[str, str]:
        """Classify a document as ``exact``, ``near`` or ``new`` and remember it; returns (kind, group id)."""
        if document.id in self._group_of:
            return EXACT, self._group_of[document.id]
        kind, group, key, signature = self._find(document.text or document.raw_text)
        group_id = group or document.id
        copy = Copy(document.id, document.source, document.url, kind)
        if kind == EXACT:
            self.groups.setdefault(group_id, []).append(copy)
            self._group_of[document.id] = group_id
        else:
            self._add(document.id, key, signature, group_id, copy)
        return kind, group_id

    def seed(self, stored: Iterable[tuple[str, str, str | None, str | None, str | None]]) -> int:
        """Remember documents already stored, as ``(id, text, group_id, url, source)``; returns how many."""
        count = 0
        for doc_id, text, group_id, url, source in stored:
            if doc_id in self._group_of:
                continue
            key = hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()
            group = group_id or doc_id
            kind = NEW if group == doc_id else NEAR
            self._add(doc_id, key, self._signature(text), group, Copy(doc_id, source, url, kind))
            count += 1
        return count

    @classmethod
    def from_store(cls, store: Any, limit: int = 50_000, **options: Any) -> DuplicateFinder:
        """A finder that knows the ``limit`` documents stored most recently (reprints come within days)."""
        from sqlalchemy import select

        from veille.store.schema import documents

        finder = cls(**options)
        t = documents.c
        query = (select(t.id, t.text, t.group_id, t.url, t.source).where(t.status == "ok")
                 .order_by(t.ingested_at.desc()).limit(limit))
        with store.engine.connect() as conn:
            rows = list(conn.execute(query))
        finder.seed((row.id, row.text, row.group_id, row.url, row.source) for row in reversed(rows))
        return finder

    def reach(self, group_id: str) -> list[Copy]:
        """Every copy of a story: its documents with their outlets and URLs."""
        return list(self.groups.get(group_id, []))

    def outlets(self, group_id: str) -> list[str]:
        """The distinct outlets that published a story, in the order they were seen."""
        return list(dict.fromkeys(copy.source for copy in self.groups.get(group_id, []) if copy.source))
