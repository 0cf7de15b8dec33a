"""Time expressions (TIMEX3), found by per-language patterns and valued against the publication time.

    tag_timexes("Boris Eltsine a annulé hier sa visite.", "fr", "1999-05-19")
    # -> [Timex(span=(25, 29), type="DATE", value="1999-05-18", how="relative", ...)]

A cheap pre-filter skips texts with no time word at all; otherwise every pattern of the
language runs, overlapping matches keep the longest, and values are resolved in text order so
that a bare time (``à 18 h``) takes the date the text last gave.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from types import ModuleType

from spacy.tokens import Doc

from veille.errors import ConfigError
from veille.extract.context import Context
from veille.extract.timex_calendar import parse_anchor
from veille.extract.timex_tense import tense_function
from veille.extract.timex_values import RESOLVERS, State
from veille.nlp.text import doc_text
from veille.records import Timex

__all__ = ["EXTRACTOR", "VERSION", "Grammar", "find_timexes", "grammar", "tag_timexes"]

EXTRACTOR, VERSION = "timexes", "1"
_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Grammar:
    """A language's compiled patterns and word tables."""

    lang: str
    lex: ModuleType
    trigger: re.Pattern[str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("'", "['’]"), re.IGNORECASE)


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` from ``veille.lang.<lang>.time``; ConfigError if there is none."""
    try:
        lex = importlib.import_module(f"veille.lang.{lang}.time")
    except ModuleNotFoundError as exc:
        raise ConfigError(f"no time-expression data for language {lang!r}") from exc
    for kind, _ in lex.PATTERNS:
        if kind not in RESOLVERS:
            raise ConfigError(f"{lang}: unknown time pattern kind {kind!r}")
    rules = tuple((kind, _compile(p)) for kind, p in lex.PATTERNS)
    return Grammar(lang, lex, re.compile(lex.TRIGGER, re.IGNORECASE), rules)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    rank: int
    kind: str
    groups: dict


def _candidates(g: Grammar, text: str) -> Iterator[_Candidate]:
    for rank, (kind, pattern) in enumerate(g.rules):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                groups["_start"], groups["_end"] = m.start(), m.end()
                yield _Candidate(m.start(), m.end(), rank, kind, groups)


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then pattern order; a candidate overlapping a kept one is dropped."""
    kept: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.rank, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def tag_timexes(text: str, lang: str, anchor: str | None, tense_of: Callable[[int], str | None] | None = None,
                doc_id: str = "") -> list[Timex]:
    """Every time expression of ``text`` with its TIMEX3 value, anchored on ``anchor`` (ISO, or None).

    ``tense_of(offset)`` may say ``past``, ``present`` or ``future`` for the clause at a character
    offset; it decides which ``samedi`` or which ``18 juin`` is meant.
    """
    g = grammar(lang)
    if not g.trigger.search(text):
        return []
    parsed_anchor = parse_anchor(anchor)

    def state(start: int, last=None) -> State:
        return State(g.lex, text, parsed_anchor, tense_of(start) if tense_of else None, last)

    valid = []
    for c in _candidates(g, text):
        if RESOLVERS[c.kind](c.groups, state(c.start)) is not None:
            valid.append(c)
    out: list[Timex] = []
    kinds: list[str] = []
    last = None
    for c in _select(valid):
        r = RESOLVERS[c.kind](c.groups, state(c.start, last))
        if r is None:
            continue
        start, end = c.start, c.end
        while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".'’»":
            end -= 1
        out.append(Timex(doc_id=doc_id, span=(start, end), type=r.type, value=r.value, extractor=EXTRACTOR,
                         version=VERSION, mod=r.mod, how=r.how))
        kinds.append(c.kind)
        m = _FULL_DATE.match(r.value or "")
        if m and r.type in ("DATE", "TIME"):
            last = date(int(m[1]), int(m[2]), int(m[3]))
    return _join_clock_times(text, out, kinds)


_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT(\d\d):(\d\d)$|XXXX-XX-XXT(\d\d):(\d\d)$")
_DAY_PART = re.compile(r"(\d{4}-\d\d-\d\d)(?:T([A-Z]{2}))?$")
_NEXT_TO = re.compile(r"[\s,]*(?:(?:dans|en|du|de|on|in)\s+)?$", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s*(?:-|–|à|a|et|jusqu['’]à|jusqu['’]a|au|to|and|until|till)\s*$", re.IGNORECASE)
_LATER_HALF = {"AF", "EV"}


def _join_clock_times(text: str, out: list[Timex], kinds: list[str]) -> list[Timex]:
    """A clock time takes the day and half of the day named right after it ("13 h 30 samedi 21 septembre",
    "à 3 heures cet après-midi"), and so does the first time of a range ("de 9 h à 11 h jeudi")."""
    joined: dict[int, tuple[str, str | None]] = {}
    for i in range(len(out) - 2, -1, -1):
        t, nxt = out[i], out[i + 1]
        clock = _CLOCK.match(t.value or "") if kinds[i] == "time" else None
        if clock is None:
            continue
        gap = text[t.span[1]:nxt.span[0]]
        day_part = _DAY_PART.match(nxt.value or "") if kinds[i + 1] != "time" else None
        if day_part is not None and _NEXT_TO.fullmatch(gap):
            target: tuple[str, str | None] | None = (day_part[1], day_part[2])
        elif i + 1 in joined and _RANGE_TO.fullmatch(gap):
            target = joined[i + 1]
        else:
            continue
        day, part = target
        hour, minute = int(clock[1] or clock[3]), int(clock[2] or clock[4])
        if part in _LATER_HALF and hour < 12:
            hour += 12
        joined[i] = target
        out[i] = replace(t, value=f"{day}T{hour:02d}:{minute:02d}", how="text")
    return out


def find_timexes(doc: Doc, ctx: Context) -> Iterator[Timex]:
    """Pipeline step: the document's time expressions, anchored on its publication time."""
    lang = ctx.lang or doc.lang_
    try:
        grammar(lang)
    except ConfigError:
        return
    yield from tag_timexes(doc_text(doc), lang, ctx.published, tense_function(doc, lang), ctx.doc_id)
