"""Removing page residue that is not article text, keeping a map from clean to raw offsets.

    cleaner = BoilerplateCleaner()
    cleaned = cleaner.clean(raw_text, source="example.org")
    cleaned.text, cleaned.offsets, cleaned.credits, cleaned.removed

Residue is found by line patterns per language (consent banners, sharing bars, newsletter
prompts, "lire aussi", live-update widgets, photo credits; ``lang/*/boilerplate.tsv``), by lines
that repeat across documents of the same source, and wire credits (``-AP``, ``(AFP)``), which are
kept as the document's credited sources rather than as text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from veille.clean.credits import find_credits
from veille.records import OffsetMap

__all__ = ["BoilerplateCleaner", "Cleaned", "RepeatedLines", "residue_patterns"]

# whole-line patterns only judge lines this short: a long line is article text whatever it starts with
MAX_RESIDUE_LINE = 400


@dataclass(frozen=True, slots=True)
class ResiduePattern:
    kind: str
    where: str  # line | start | end
    regex: re.Pattern[str]


@cache
def residue_patterns(langs: tuple[str, ...] = ("fr", "en")) -> tuple[ResiduePattern, ...]:
    """The residue patterns of every language in ``langs``, compiled once."""
    patterns = []
    for lang in langs:
        resource = files("veille.lang").joinpath(lang, "boilerplate.tsv")
        if not resource.is_file():
            continue
        for line in resource.read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, where, pattern = line.split("\t", 2)
            if where == "line":
                regex = re.compile(rf"\s*(?:{pattern})\s*", re.IGNORECASE)
            elif where == "start":
                regex = re.compile(rf"^\s*(?:{pattern})", re.IGNORECASE)
            else:
                regex = re.compile(rf"(?:{pattern})\s*$", re.IGNORECASE)
            patterns.append(ResiduePattern(kind, where, regex))
    return tuple(patterns)


def _normalise(line: str) -> str:
    return " ".join(line.lower().split())


@dataclass
class RepeatedLines:
    """Counts, per source, in how many documents each short line occurs."""

    min_docs: int = 3
    max_chars: int = 200
    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def observe(self, source: str | None, text: str) -> None:
        if not source:
            return
        lines = {_normalise(line) for line in text.splitlines()}
        self.counts[source].update(line for line in lines if line and len(line) <= self.max_chars)

    def is_repeated(self, source: str | None, line: str) -> bool:
        if not source or len(line) > self.max_chars:
            return False
        return self.counts[source][_normalise(line)] >= self.min_docs


@dataclass(slots=True)
class Cleaned:
    text: str
    offsets: OffsetMap
    credits: list[str]
    removed: list[tuple[str, str]]  # (kind, removed text)


@dataclass
class BoilerplateCleaner:
    """Cleans raw text line by line; see the module docstring."""

    repeated: RepeatedLines = field(default_factory=RepeatedLines)
    langs: tuple[str, ...] = ("fr", "en")

    def clean(self, raw: str, source: str | None = None) -> Cleaned:
        patterns = residue_patterns(self.langs)
        segments: list[tuple[int, int, int]] = []
        parts: list[str] = []
        credits: list[str] = []
        removed: list[tuple[str, str]] = []
        clean_len = 0
        for line_start, line in _lines(raw):
            start, end, kind = _trim(line, patterns)
            if kind:
                removed.append((kind, line if start >= end else line[:start] + line[end:]))
            if start < end and self.repeated.is_repeated(source, line[start:end]):
                removed.append(("repeated", line[start:end]))
                start = end
            if start < end:
                found = find_credits(line[start:end])
                for credit in found:
                    if credit.code not in credits:
                        credits.append(credit.code)
                    removed.append(("credit", line[start + credit.start:start + credit.end]))
                pieces = _keep(start, end, [(start + c.start, start + c.end) for c in found])
                pieces = [(s, e) for s, e in _strip_pieces(line, pieces)]
            else:
                pieces = []
            if not pieces:
                continue
            if parts:
                parts.append("\n")
                clean_len += 1
            for i, (s, e) in enumerate(pieces):
                if i:
                    parts.append(" ")
                    clean_len += 1
                segments.append((clean_len, line_start + s, e - s))
                parts.append(line[s:e])
                clean_len += e - s
        return Cleaned("".join(parts), OffsetMap(segments), credits, removed)

    def observe(self, documents: Iterable[tuple[str | None, str]]) -> None:
        """Count lines of (source, raw text) pairs before cleaning them, for the repeated-line rule."""
        for source, text in documents:
            self.repeated.observe(source, text)


def _lines(raw: str) -> Iterable[tuple[int, str]]:
    offset = 0
    for line in raw.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def _trim(line: str, patterns: tuple[ResiduePattern, ...]) -> tuple[int, int, str | None]:
    """The part of the line that is not residue, and the kind of residue removed."""
    start, end, kind = 0, len(line), None
    if not line.strip():
        return 0, 0, None
    for pattern in patterns:
        if pattern.where == "line":
            if len(line) <= MAX_RESIDUE_LINE and pattern.regex.fullmatch(line):
                return 0, 0, pattern.kind
        elif pattern.where == "start":
            match = pattern.regex.match(line, start, end)
            if match and match.end() < end:
                start, kind = match.end(), pattern.kind
        else:
            match = pattern.regex.search(line, start, end)
            if match and match.start() > start:
                end, kind = match.start(), pattern.kind
    return start, end, kind


def _keep(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for s, e in sorted(holes):
        if s > cursor:
            pieces.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def _strip_pieces(line: str, pieces: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    for s, e in pieces:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e
