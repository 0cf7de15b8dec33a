"""Ingesting sources into the store: read → clean → language → skip duplicates → annotate → store.

    summary = ingest(read_sources(["examples/"]), Store("sqlite:///veille.db"))
    print(summary.render())

Every document read is accounted for: stored, skipped as a duplicate, or failed with its stage
and reason (failed documents are stored too, so nothing is lost). Re-running adds nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from veille.clean.boilerplate import BoilerplateCleaner, RepeatedLines
from veille.clean.duplicates import DuplicateFinder
from veille.clean.language import detect_language
from veille.pipeline import Annotator
from veille.records import Annotation, Document
from veille.settings import get_settings
from veille.store import Store

__all__ = ["Summary", "ingest", "prepare", "read_sources"]

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What an ingest run did."""

    read: int = 0
    stored: int = 0  # stored and ok (failed documents are stored too, and counted in failed)
    duplicates: int = 0
    near_duplicates: int = 0  # stored, grouped with an earlier copy of the same story
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (origin, stage, reason)
    not_annotated: Counter[str] = field(default_factory=Counter)  # language -> documents stored only

    def render(self) -> str:
        kept = " (kept in the store with their stage and reason)" if self.failed else ""
        lines = [f"read {self.read} documents: {self.stored} stored, {self.duplicates} duplicates skipped, "
                 f"{len(self.failed)} failed{kept}"]
        if self.near_duplicates:
            lines.append(f"near-duplicates grouped with an earlier copy of the same story: {self.near_duplicates}")
        if self.not_annotated:
            langs = ", ".join(f"{lang or 'unknown'}: {n}" for lang, n in self.not_annotated.most_common())
            lines.append(f"stored without annotation (language not annotated): {langs}")
        for origin, stage, reason in self.failed:
            lines.append(f"  failed [{stage}] {origin}: {reason}")
        return "\n".join(lines)


def read_sources(sources: Iterable[str | Path]) -> Iterator[Document]:
    """Documents from files and folders, web pages (http/https URLs), WARC and ARC archives."""
    from veille.ingest.fetch import read_urls
    from veille.ingest.files import read_paths
    from veille.ingest.warc import is_archive, read_warc

    for source in sources:
        if str(source).lower().startswith(("http://", "https://")):
            yield from read_urls([str(source)])
        elif is_archive(source):
            yield from read_warc(source)
        else:
            yield from read_paths([source])


def prepare(document: Document, cleaner: BoilerplateCleaner) -> Document:
    """Clean a read document and identify its language, marking it failed at the stage that fails."""
    if document.status != "ok":
        return document
    settings = get_settings()
    cleaned = cleaner.clean(document.raw_text, document.source)
    document.text, document.offsets = cleaned.text, cleaned.offsets
    document.credits = list(dict.fromkeys([*document.credits, *cleaned.credits]))
    if cleaned.removed:
        document.meta["removed"] = [kind for kind, _ in cleaned.removed]
    if not document.text.strip():
        document.mark_failed("clean", "no text left once page residue was removed")
    elif len(document.text) > settings.max_chars:
        document.mark_failed("clean", f"text of {len(document.text)} characters is over the limit of "
                                      f"{settings.max_chars} (VEILLE_MAX_CHARS)")
    elif not document.lang:
        document.lang, document.lang_confidence = detect_language(document.text)
    return document


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(documents: Iterable[Document], store: Store, annotator: Annotator | None = None,
           progress: bool = False, batch_size: int | None = None, duplicates: DuplicateFinder | None = None) -> Summary:
    """Read, clean, annotate and store documents; see the module docstring."""
    settings = get_settings()
    duplicates = duplicates or DuplicateFinder.from_store(store)
    batch_size = batch_size or settings.batch_size
    annotator = annotator or Annotator(batch_size=batch_size)
    cleaner = BoilerplateCleaner(RepeatedLines(settings.repeated_line_docs, settings.repeated_line_max_chars))
    summary = Summary()
    seen: set[str] = set()
    with tqdm(unit="doc", disable=not progress, desc="ingest") as bar:
        for chunk in _chunks(documents, batch_size):
            summary.read += len(chunk)
            bar.update(len(chunk))
            stored = store.known(d.id for d in chunk)
            fresh: list[Document] = []
            for doc in chunk:
                if doc.id in stored or doc.id in seen:
                    status, stage, reason = stored.get(doc.id, (doc.status, doc.stage, doc.reason))
                    if status == "ok":
                        summary.duplicates += 1
                    else:  # a document that failed before is reported again, not retried
                        summary.failed.append((doc.origin or doc.id, stage or "", reason or ""))
                    continue
                seen.add(doc.id)
                fresh.append(doc)
            cleaner.observe((d.source, d.raw_text) for d in fresh if d.status == "ok")
            for doc in fresh:
                prepare(doc, cleaner)
                if doc.status == "ok" and _copy_of_stored(doc, duplicates, summary, store):
                    continue
                if doc.status == "ok" and doc.lang not in settings.annotated_languages:
                    summary.not_annotated[doc.lang or ""] += 1
            fresh = [doc for doc in fresh if not doc.meta.get("exact_duplicate_of")]
            annotations = _annotate(fresh, annotator, settings.annotated_languages)
            store.write(annotations)
            summary.stored += sum(a.document.status == "ok" for a in annotations)
            for doc in fresh:
                if doc.status != "ok":
                    log.warning("failed [%s] %s: %s", doc.stage, doc.origin or doc.id, doc.reason)
                    summary.failed.append((doc.origin or doc.id, doc.stage or "", doc.reason or ""))
    return summary


def _copy_of_stored(doc: Document, duplicates: DuplicateFinder, summary: Summary, store: Store) -> bool:
    """Group a document with the copies of its story; True for an exact copy, which is skipped."""
    kind, group = duplicates.check(doc)
    if kind == "exact":
        doc.meta["exact_duplicate_of"] = group
        summary.duplicates += 1
        if doc.url or doc.source:  # the copy is not stored, but where it was published counts for reach
            copies = (store.get_state(f"copies:{group}") or {}).get("copies", [])
            store.set_state(f"copies:{group}", {"copies": [*copies, {"url": doc.url, "source": doc.source}]})
        return True
    doc.meta["group_id"] = group
    if kind == "near":
        summary.near_duplicates += 1
    return False


def _annotate(documents: list[Document], annotator: Annotator, languages: tuple[str, ...]) -> list[Annotation]:
    wanted = [d for d in documents if d.status == "ok" and d.lang in languages]
    done = {a.document.id: a for a in annotator.annotate(wanted)}
    return [done.get(d.id) or Annotation(d) for d in documents]
