"""Scoring the time tagger on Duckling's French time corpus (``duckling-fr-time.json``).

    report = score_duckling("../shared/eval/duckling-fr-time.json")

The corpus lists French expressions, each group with the moment Duckling resolves it to against a
fixed reference time (Tuesday 2013-02-12 04:30): an ``instant`` (a date-time and its grain), an
``interval`` (start, end exclusive, grain) or an ``open_interval`` (a bound and a direction). Each
expression is tagged alone, anchored on the reference time and read as looking ahead (Duckling
takes the next ``mardi``, the next ``1er janvier``: the tagger is told every clause is in the future
tense), and counts as right when one of the time expressions found carries a TIMEX3 value equal to
Duckling's answer written in TIMEX3:

- an instant, or the bound of an open interval, at its grain: ``2013-02-12``, ``2013-W07``,
  ``2013-02``, ``2013``, ``2013-02-12T15:00`` (a moment at the grain of seconds may also be
  ``PRESENT_REF``);
- an interval: its start at its grain, a part of the day (``2013-02-12TEV``) for an interval of
  hours that is one, a season (``2013-SU``) for a three-month interval, the weekend (``2013-W07-WE``)
  for Friday evening to Monday, or the duration from start to end (``P2W``) for an interval that
  ends or starts at the reference time or starts one unit after it ("les 3 prochains jours");
- an interval inside a year, month, week or day: that stretch with the TimeML mod saying which part
  (``fin mars``: ``2013-03`` with mod END for 21 March to 1 April; START for a head of at most two
  thirds, END for such a tail, MID for a middle part).

The negative examples must yield nothing; an expression that yields something is counted as found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from veille.errors import FormatError, UnreadableInput
from veille.evaluate.counts import Accuracy, Counts
from veille.evaluate.report import AccuracyLine, Report, Row, Section

__all__ = ["Tagger", "accepted_values", "mod_fits", "reference_time", "score_duckling", "score_duckling_with"]

# a tagger reads an expression and the anchor, and returns dicts with at least a "value"
Tagger = Callable[[str, str], list[dict[str, Any]]]
_GRAINS = ("Year", "Quarter", "Month", "Week", "Day", "Hour", "Minute", "Second")
_SEASON_STARTS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_CALENDAR = re.compile(r"(?P<year>\d{4})(?:-W(?P<week>\d\d)|-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?")


def reference_time(corpus: dict[str, Any]) -> str:
    """The corpus reference time as ``YYYY-MM-DDTHH:MM`` (its zone left out, as the anchors are)."""
    text = str(corpus.get("reference_time", ""))
    try:
        return datetime.fromisoformat(text.split()[0][:19]).strftime("%Y-%m-%dT%H:%M")
    except ValueError as exc:
        raise FormatError(f"Duckling corpus: unreadable reference_time {text!r}") from exc


def _moment(parts: list[int]) -> tuple[int, int, int, int, int, int]:
    y, mo, d, h, mi, s = (list(parts) + [0] * 6)[:6]
    return y, max(mo, 1), max(d, 1), h, mi, s


def _at_grain(parts: list[int], grain: str) -> set[str]:
    y, mo, d, h, mi, _ = _moment(parts)
    day = date(y, mo, d)
    if grain == "Year":
        return {f"{y:04d}"}
    if grain == "Quarter":
        return {f"{y:04d}-Q{(mo - 1) // 3 + 1}"}
    if grain == "Month":
        return {f"{y:04d}-{mo:02d}"}
    if grain == "Week":
        iso_year, week, _ = day.isocalendar()
        return {f"{iso_year:04d}-W{week:02d}"}
    if grain == "Day":
        return {day.isoformat()}
    if grain == "Hour":
        return {f"{day.isoformat()}T{h:02d}:00", f"{day.isoformat()}T{h:02d}"}
    return {f"{day.isoformat()}T{h:02d}:{mi:02d}"}


def _part_of_day(start: tuple, end: tuple) -> set[str]:
    """TIMEX3 parts of the day an interval of hours may be written as."""
    hour = start[3]
    codes = {"MO"} if 3 <= hour < 12 else {"AF"} if 12 <= hour < 17 else {"EV", "NI"} if hour >= 17 else {"NI"}
    if hour == 12 and end[3] in (13, 14):
        codes = {"MI"}
    day = date(*start[:3]).isoformat()
    return {f"{day}T{c}" for c in codes} | ({f"{day}T12:00"} if "MI" in codes else set())


def _duration(start: tuple, end: tuple, grain: str) -> set[str]:
    a, b = datetime(*start), datetime(*end)
    seconds = (b - a).total_seconds()
    if grain == "Second":
        return {f"PT{int(seconds)}S"}
    if grain == "Minute":
        return {f"PT{int(seconds // 60)}M"}
    if grain == "Hour":
        return {f"PT{int(seconds // 3600)}H"}
    if grain == "Day":
        return {f"P{(b - a).days}D"}
    if grain == "Week":
        return {f"P{(b - a).days // 7}W"}
    months = (end[0] - start[0]) * 12 + end[1] - start[1]
    if grain == "Month":
        return {f"P{months}M"}
    if grain == "Year":
        return {f"P{months // 12}Y"}
    return set()


def accepted_values(example: dict[str, Any], reference: str) -> set[str]:
    """The TIMEX3 values that say what Duckling's answer to ``example`` says."""
    grain = example.get("grain", "Day")
    if grain not in _GRAINS:
        raise FormatError(f"Duckling corpus: unknown grain {grain!r}")
    kind = example.get("type")
    if kind in ("instant", "open_interval"):
        values = _at_grain(example["value"], grain)
        if kind == "instant" and grain == "Second":
            values.add("PRESENT_REF")
        return values
    if kind != "interval":
        raise FormatError(f"Duckling corpus: unknown example type {kind!r}")
    start, end = _moment(example["start"]), _moment(example["end"])
    values = _at_grain(example["start"], grain)
    if grain == "Hour":
        values |= _part_of_day(start, end)
    span_days = (date(*end[:3]) - date(*start[:3])).days
    if grain == "Day" and 85 <= span_days <= 100 and start[1] in _SEASON_STARTS:
        values.add(f"{start[0]:04d}-{_SEASON_STARTS[start[1]]}")
    if grain == "Hour" and date(*start[:3]).isoweekday() == 5 and start[3] >= 18 \
            and date(*end[:3]).isoweekday() == 1 and end[3] == 0 and (date(*end[:3]) - date(*start[:3])).days == 3:
        values.add(_at_grain(list(start), "Week").pop() + "-WE")  # Friday evening to Monday: the weekend
    ref = datetime.fromisoformat(reference)
    ref_parts = _at_grain([ref.year, ref.month, ref.day, ref.hour, ref.minute, ref.second], grain)
    if _at_grain(list(end), grain) & ref_parts or _at_grain(list(start), grain) & ref_parts \
            or (grain in ("Second", "Minute", "Hour") and (datetime(*end) - ref).total_seconds() in (0, 60)) \
            or _at_grain(list(start), grain) & _at_grain(_next_unit(ref, grain), grain):
        values |= _duration(start, end, grain)  # the last or the next N units: a duration from now
    return values


def _next_unit(ref: datetime, grain: str) -> list[int]:
    """The moment one unit of ``grain`` after ``ref`` (the start of Duckling's "3 prochains jours")."""
    if grain in ("Year", "Quarter", "Month"):
        months = {"Year": 12, "Quarter": 3, "Month": 1}[grain]
        index = ref.year * 12 + ref.month - 1 + months
        return [index // 12, index % 12 + 1, 1]
    step = {"Week": timedelta(weeks=1), "Day": timedelta(days=1), "Hour": timedelta(hours=1),
            "Minute": timedelta(minutes=1), "Second": timedelta(seconds=1)}[grain]
    moment = ref + step
    return [moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second]


def _stretch(value: str) -> tuple[datetime, datetime] | None:
    """The stretch of time a TIMEX3 year, month, ISO week or day covers, end exclusive."""
    m = _CALENDAR.fullmatch(value or "")
    if not m:
        return None
    year = int(m["year"])
    if m["week"]:
        start = datetime.fromisocalendar(year, int(m["week"]), 1)
        return start, start + timedelta(weeks=1)
    if m["day"]:
        start = datetime(year, int(m["month"]), int(m["day"]))
        return start, start + timedelta(days=1)
    if m["month"]:
        month = int(m["month"])
        return datetime(year, month, 1), datetime(year + month // 12, month % 12 + 1, 1)
    return datetime(year, 1, 1), datetime(year + 1, 1, 1)


def mod_fits(example: dict[str, Any], value: str | None, mod: str | None) -> bool:
    """Whether a value with a TimeML ``mod`` says Duckling's interval: ``2013-03`` END for [21 March, 1 April)."""
    if example.get("type") != "interval" or mod not in ("START", "MID", "END"):
        return False
    stretch = _stretch(value or "")
    if stretch is None:
        return False
    a, b = stretch
    s, e = datetime(*_moment(example["start"])), datetime(*_moment(example["end"]))
    if not (a <= s < e <= b) or (s, e) == (a, b):
        return False
    third = (b - a) / 3
    if mod == "START":
        return s == a and e <= b - third
    if mod == "END":
        return e == b and s >= a + third
    return s > a and e < b


def _load(path: Path) -> dict[str, Any]:
    try:
        corpus = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UnreadableInput(f"{path}: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormatError(f"{path}: not a JSON file ({exc})") from exc
    if not isinstance(corpus, dict) or not isinstance(corpus.get("examples"), list):
        raise FormatError(f"{path}: not Duckling's corpus (no examples list)")
    return corpus


def _forward(_offset: int) -> str:
    return "future"


def _veille_tagger(text: str, anchor: str) -> list[dict[str, Any]]:
    from veille.extract.timexes import tag_timexes

    return [{"span": list(t.span), "type": t.type, "value": t.value, "mod": t.mod, "how": t.how}
            for t in tag_timexes(text, "fr", anchor, _forward)]


def score_duckling_with(path: str | Path, tagger: Tagger, errors: bool = False) -> Report:
    """The share of the corpus's expressions that ``tagger`` values right (and its misses when ``errors``)."""
    path = Path(path)
    corpus = _load(path)
    reference = reference_time(corpus)
    values, found = Accuracy(), Counts()
    for example in corpus["examples"]:
        accepted = accepted_values(example, reference)
        for text in example.get("texts", []):
            got = tagger(text, reference)
            right = any(t.get("value") in accepted or mod_fits(example, t.get("value"), t.get("mod")) for t in got)
            values += Accuracy(int(right), 1)
            found += Counts.of(int(bool(got)), int(bool(got)), 1)
            if errors and not right:
                shown = ", ".join(f"{text[t['span'][0]:t['span'][1]]!r} {t.get('value')}" for t in got if "span" in t)
                print(f"  WRONG {text!r:45} want {sorted(accepted)} got [{shown}]")
    for text in corpus.get("negative_examples", []):
        got = tagger(text, reference)
        found += Counts.of(0, int(bool(got)), 0)
    section = Section("duckling", [Row("found", found)], [AccuracyLine("value", values)],
                      documents=values.total)
    return Report(gold=str(path), pred="pipeline", documents=values.total, sections=[section])


def score_duckling(path: str | Path, errors: bool = False) -> Report:
    """veille's time tagger on Duckling's French corpus: see the module docstring for what counts."""
    return score_duckling_with(path, _veille_tagger, errors)
