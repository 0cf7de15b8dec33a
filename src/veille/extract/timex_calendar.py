"""Calendar arithmetic and TIMEX3 value formatting for the time-expression tagger.

    anchor = parse_anchor("1999-05-19")          # Anchor(date(1999, 5, 19), None)
    weekday_near(anchor.day, 6, "past")          # date(1999, 5, 15)
    date_value(1999, 5, None)                    # "1999-05"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = [
    "Anchor",
    "date_value",
    "duration_value",
    "iso_week",
    "nearest_year",
    "parse_anchor",
    "shift_days",
    "shift_months",
    "time_value",
    "weekday_near",
]

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The reference point: a day, and a time of day when the anchor gives one."""

    day: date
    hour: int | None = None
    minute: int | None = None


def parse_anchor(anchor: str | None) -> Anchor | None:
    """An ISO date or date-time (any zone suffix ignored) as an Anchor; None when absent or unreadable."""
    if not anchor:
        return None
    m = _ISO.match(anchor.strip())
    if not m:
        return None
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    if m[4] is None:
        return Anchor(day)
    return Anchor(day, int(m[4]), int(m[5]))


def date_value(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """``1999-05-18``, ``1999-05``, ``1999``, ``XXXX-06-18``: unknown year as ``XXXX``."""
    out = "XXXX" if year is None else f"{year:04d}"
    if month is None:
        return out
    out += f"-{month:02d}"
    return out if day is None else out + f"-{day:02d}"


def time_value(day: str, hour: int, minute: int = 0, second: float | None = None) -> str:
    """``1999-05-18T21:45`` (seconds only when given)."""
    out = f"{day}T{hour:02d}:{minute:02d}"
    if second is not None:
        out += f":{int(second):02d}"
    return out


def iso_week(day: date) -> str:
    """``1999-W27``: the ISO year and week of a day."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by a number of months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, clipped to the month's last day."""
    year, month = shift_months(day.year, day.month, months)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return date(year, month, 28)


def add_time(anchor: Anchor, seconds: float) -> datetime:
    """The anchor (midnight when it has no time) moved by a number of seconds."""
    base = datetime(anchor.day.year, anchor.day.month, anchor.day.day, anchor.hour or 0, anchor.minute or 0)
    return base + timedelta(seconds=seconds)


def weekday_near(day: date, weekday: int, direction: str | None) -> date:
    """The day of ISO ``weekday`` (1 = Monday) around ``day``.

    ``past``: the latest on or before ``day``; ``before``: strictly before; ``future``: the first
    strictly after; ``present``: the first on or after.
    """
    delta = weekday - day.isoweekday()
    if direction == "past":
        return day + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "before":
        return day + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "present":
        return day + timedelta(days=delta if delta >= 0 else delta + 7)
    return day + timedelta(days=delta if delta > 0 else delta + 7)


def nearest_year(anchor: date, month: int, day: int | None, direction: str | None) -> int:
    """The year that puts ``month``/``day`` on the side of the anchor the tense points to.

    ``past``: the latest on or before the anchor; ``future``: the first on or after it; otherwise
    the first that is not more than three months behind the anchor.
    """
    target_day = day or 1
    if day is None:
        ref = (anchor.year, anchor.month)
        cands = [(y, (y, month)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if direction == "past":
            return max(y for y, key in cands if key <= ref)
        if direction == "future":
            return min(y for y, key in cands if key >= ref)
        return min(y for y, key in cands if (key[0] * 12 + key[1]) >= ref[0] * 12 + ref[1] - 3)
    cands_d: list[tuple[int, date]] = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands_d.append((y, date(y, month, target_day)))
        except ValueError:  # 29 February
            cands_d.append((y, date(y, month, 28)))
    if direction == "past":
        return max(y for y, d in cands_d if d <= anchor)
    if direction == "future":
        return min(y for y, d in cands_d if d >= anchor)
    return min(y for y, d in cands_d if d >= anchor - timedelta(days=90))


_UNIT_TIME = {"H", "MIN", "S"}


def duration_value(amount: float | None, unit: str) -> str:
    """``P3D``, ``PT2H``, ``PXY``, ``P1DE``; a unit code is Y, M, W, D, H, MIN, S, DE, CE, Q."""
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    if unit == "Q":  # TIMEX3 durations have no quarter unit
        return f"P{number}Q" if amount is None else f"P{int(amount * 3)}M" if amount == int(amount) else f"P{number}Q"
    if unit in _UNIT_TIME:
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    return f"P{number}{unit}"
