"""Annotating on several processes: a pool of workers, each loading the spaCy models and KB once.

    with AnnotatorPool(processes=2) as pool:
        annotations = pool.annotate(documents)   # input order kept

Documents travel to the workers in chunks of ``batch_size``; each worker keeps one Annotator for
its whole life, so models and the knowledge base are loaded once per process, not per chunk.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from veille.pipeline import Annotator
from veille.records import Annotation, Document

__all__ = ["AnnotatorPool", "WorkerReport", "peak_rss_mb"]

_annotator: Annotator | None = None


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ``VmHWM`` first: ``ru_maxrss`` survives exec, so a spawned worker would report its parent's.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


@dataclass(slots=True)
class WorkerReport:
    """What one chunk cost its worker: stage times, CPU seconds, the worker's pid and its peak RSS so far."""

    pid: int
    timings: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0


def _start(batch_size: int, models: dict[str, str], languages: tuple[str, ...]) -> None:
    global _annotator
    _annotator = Annotator(batch_size=batch_size, models=dict(models))
    _annotator.preload(languages)


def _ready(_: int) -> int:
    time.sleep(0.05)  # long enough that every worker takes one and has finished loading
    return multiprocessing.current_process().pid or 0


def _annotate_chunk(chunk: list[Document]) -> tuple[list[Annotation], WorkerReport]:
    assert _annotator is not None, "worker started without its annotator"
    _annotator.timings.clear()
    cpu = time.process_time()
    annotations = list(_annotator.annotate(chunk))
    report = WorkerReport(multiprocessing.current_process().pid or 0, dict(_annotator.timings), peak_rss_mb(),
                          time.process_time() - cpu)
    return annotations, report


class AnnotatorPool:
    """A pool of annotating processes; ``annotate`` returns the annotations in input order."""

    def __init__(self, processes: int, batch_size: int = 32, models: dict[str, str] | None = None,
                 languages: tuple[str, ...] = ("fr",)) -> None:
        self.processes = processes
        self.batch_size = batch_size
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no state forked from the caller
        self._pool = context.Pool(processes, initializer=_start, initargs=(batch_size, models or {}, languages))
        self.reports: list[WorkerReport] = []
        self._pool.map(_ready, range(processes * 2), chunksize=1)

    def annotate(self, documents: Iterable[Document]) -> list[Annotation]:
        docs = list(documents)
        chunks = [docs[i:i + self.batch_size] for i in range(0, len(docs), self.batch_size)]
        annotations: list[Annotation] = []
        for chunk_annotations, report in self._pool.imap(_annotate_chunk, chunks):
            annotations.extend(chunk_annotations)
            self.reports.append(report)
        return annotations

    def worker_peak_rss_mb(self) -> dict[int, float]:
        """The highest peak RSS each worker reported, by pid."""
        peaks: dict[int, float] = {}
        for report in self.reports:
            peaks[report.pid] = max(peaks.get(report.pid, 0.0), report.peak_rss_mb)
        return peaks

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> AnnotatorPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> Any:
        if kind is None:
            self.close()
        else:
            self._pool.terminate()
            self._pool.join()
        return None
