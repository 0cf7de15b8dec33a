"""The annotation pipeline: spaCy once per document, then the extractors in order.

    annotator = Annotator()
    for annotation in annotator.annotate(documents):
        annotation.records   # Mentions, CorefClusters, Timexes, Quotes, Events

A step is a pure function ``(doc, ctx) -> Iterable[Record]``; what it yields is added to the
context that later steps read. A step that raises marks the document failed at that stage and
the batch goes on.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from veille.extract.context import Context
from veille.nlp import load_pipeline
from veille.nlp.models import MODELS
from veille.nlp.paragraphs import parse_texts
from veille.records import Annotation, Document, Record, from_format, to_format

__all__ = ["STEPS", "Annotator", "annotate_format", "load_step"]

log = logging.getLogger(__name__)

Step = Callable[[Doc, Context], Iterable[Record]]

# pipeline order: name, "module:function"
STEPS: list[tuple[str, str]] = [
    ("entities", "veille.extract.entities:find_entities"),
    ("timexes", "veille.extract.timexes:find_timexes"),
    ("linking", "veille.link.actors:link_mentions"),
    ("coref", "veille.link.coref:find_coref"),
    ("quotes", "veille.extract.quotes:find_quotes"),
    ("events", "veille.extract.events:find_events"),
]


# a sentence per language that reaches every step, to load what each step reads
WARM_UP = {
    "fr": "Le 3 mars, le ministre Jean Dupont a déclaré à Paris : « Nous signerons l'accord. »",
    "en": "On March 3, minister John Smith said in London: \"We will sign the agreement.\"",
}


def load_step(target: str) -> Step:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass
class Annotator:
    """Runs the spaCy pipeline in batches and the extractor steps on each Doc."""

    steps: list[tuple[str, str]] = field(default_factory=lambda: list(STEPS))
    batch_size: int = 32
    models: dict[str, str] = field(default_factory=dict)  # spaCy package per language, over the setting
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        self._steps: list[tuple[str, Step]] = [(name, load_step(target)) for name, target in self.steps]

    def preload(self, languages: Iterable[str]) -> None:
        """Load the models, lexicons and knowledge base now (once per process), not on the first document."""
        for lang in languages:
            if lang in MODELS:
                doc = load_pipeline(lang, self.models.get(lang))(WARM_UP.get(lang, WARM_UP["fr"]))
                self.run_steps(doc, Document.from_text(doc.text, lang=lang))
        self.timings.clear()
        self.counts.clear()

    def annotate(self, documents: Iterable[Document]) -> Iterator[Annotation]:
        """Annotate documents, yielding one Annotation each, in input order within a batch."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.batch_size:
                yield from self._annotate_batch(batch)
                batch = []
        if batch:
            yield from self._annotate_batch(batch)

    def _annotate_batch(self, batch: list[Document]) -> Iterator[Annotation]:
        by_lang: dict[str, list[int]] = defaultdict(list)
        results: list[Annotation] = [Annotation(d) for d in batch]
        for i, document in enumerate(batch):
            if document.status != "ok":
                continue
            if document.lang in MODELS:
                by_lang[document.lang].append(i)
            else:
                document.meta["annotated"] = False
                self.counts["skipped_language"] += 1
        for lang, indices in by_lang.items():
            nlp = load_pipeline(lang, self.models.get(lang))
            texts = [batch[i].text for i in indices]
            start = time.perf_counter()
            docs = list(parse_texts(nlp, texts, self.batch_size))  # each paragraph parsed alone
            self.timings["nlp"] += time.perf_counter() - start
            for i, doc in zip(indices, docs, strict=True):
                results[i].records = self.run_steps(doc, batch[i])
        yield from results

    def run_steps(self, doc: Doc, document: Document) -> list[Record]:
        ctx = Context(doc_id=document.id, lang=document.lang or doc.lang_, published=document.published)
        for name, step in self._steps:
            start = time.perf_counter()
            try:
                produced = list(step(doc, ctx))
            except Exception as exc:  # a failing extractor costs one document, not the batch
                log.warning("document %s failed at %s: %s", document.id, name, exc, exc_info=True)
                document.mark_failed(name, f"{type(exc).__name__}: {exc}")
                self.timings[name] += time.perf_counter() - start
                return ctx.records()
            for record in produced:
                ctx.add(record)
            self.timings[name] += time.perf_counter() - start
        self.counts["annotated"] += 1
        return ctx.records()


def annotate_format(items: Iterable[dict[str, Any]], annotator: Annotator | None = None) -> Iterator[dict]:
    """Annotate FORMAT.md dicts without changing their text; yields FORMAT.md dicts of predictions."""
    annotator = annotator or Annotator()
    documents = []
    for item in items:
        document = from_format(item).document
        if not document.lang:
            document.lang = "fr"
        documents.append(document)
    for annotation in annotator.annotate(documents):
        yield to_format(annotation.document, annotation.records)
