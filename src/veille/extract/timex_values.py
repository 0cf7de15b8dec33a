"""Turn one matched time expression into a TIMEX3 type, value, mod and provenance.

Each pattern kind of a language's ``time`` module has a resolver here; resolvers read the
pattern's named groups through the language's word tables, so a new language adds data only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from types import ModuleType

from veille.extract.timex_calendar import (
    Anchor,
    add_months,
    add_time,
    date_value,
    duration_value,
    iso_week,
    nearest_year,
    shift_months,
    time_value,
    weekday_near,
)

__all__ = ["RESOLVERS", "Resolved", "State", "norm"]


@dataclass(slots=True)
class Resolved:
    """What a resolver found: TIMEX3 type and value, TimeML mod, and how the value was obtained."""

    type: str
    value: str | None
    mod: str | None = None
    how: str = "explicit"


@dataclass(slots=True)
class State:
    """What resolution reads besides the match: the anchor, the tense there, the last date of the text."""

    lex: ModuleType
    text: str
    anchor: Anchor | None
    tense: str | None = None
    last: date | None = None


_SPACES = re.compile(r"\s+")


def norm(word: str) -> str:
    """Lower case, one space, straight apostrophe: the form word tables are keyed by."""
    return _SPACES.sub(" ", word.lower().replace("’", "'")).strip()


def _lookup(table: dict, word: str | None):
    if word is None:
        return None
    w = norm(word).rstrip(".")
    if w in table:
        return table[w]
    if w.endswith("s") and w[:-1] in table:
        return table[w[:-1]]
    if w.endswith("x") and w[:-1] in table:
        return table[w[:-1]]
    return None


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’-]+)\W*$", text[max(0, start - 30):start])
    return norm(m[1]) if m else ""


def _direction(st: State, rel: str | None) -> str | None:
    """``past``/``future`` from a direction word, else from the tense; None when neither says."""
    if rel:
        d = _lookup(st.lex.DIRECTIONS, rel)
        if d is not None and d < 0:
            return "past"
        if d is not None and d > 0:
            return "future"
    return st.tense if st.tense in ("past", "future") else None


def _mod(st: State, g: dict) -> str | None:
    for key in ("mod", "approx", "near", "near2"):
        if g.get(key):
            return _lookup(st.lex.MODS, g[key])
    return None


def _year(text: str, anchor: Anchor | None) -> int:
    digits = text.lstrip("'’")
    y = int(digits)
    if len(digits) == 4:
        return y
    pivot = (anchor.day.year % 100 + 10) if anchor else 30
    century = (anchor.day.year // 100 * 100) if anchor else 2000
    return century + y if y <= pivot else century - 100 + y


def _number(st: State, text: str | None):
    if text is None:
        return False
    return st.lex.number(norm(text))


def _day_of(st: State) -> tuple[date | None, str]:
    """The day a bare time or part of day belongs to: the last date of the text, else the anchor."""
    if st.last is not None:
        return st.last, "text"
    if st.anchor is not None:
        return st.anchor.day, "relative"
    return None, "unresolved"


def _pod(st: State, word: str | None) -> str | None:
    if not word:
        return None
    w = norm(word)
    for key in (w, w.split()[-1]):
        code = _lookup(st.lex.PARTS_OF_DAY, key)
        if code:
            return code
    return None


def _with_pod(day: date | None, pod: str | None) -> tuple[str, str | None]:
    """DATE or TIME, and the value of a day with an optional part of day (``MI`` is noon)."""
    dv = "XXXX-XX-XX" if day is None else day.isoformat()
    if pod is None:
        return "DATE", dv
    if pod == "MI":
        return "TIME", dv + "T12:00"
    if pod == "DT":
        return "DATE", dv
    return "TIME", f"{dv}T{pod}"


def _date(g: dict, st: State) -> Resolved | None:
    day_n = _number(st, g.get("day"))
    if not day_n or not 1 <= day_n <= 31:
        return None
    month = _lookup(st.lex.MONTHS, g["month"]) if g.get("month") else int(g["nmonth"])
    if not month:
        return None
    day = int(day_n)
    if g.get("year"):
        year, how = _year(g["year"], st.anchor), "explicit"
    elif st.anchor is not None:
        year, how = nearest_year(st.anchor.day, month, day, _direction(st, g.get("rel"))), "relative"
    else:
        year, how = None, "unresolved"
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return Resolved("DATE", date_value(year, month, day), _mod(st, g), how)


def _monthday(g: dict, st: State) -> Resolved | None:
    """``le 16``: that day of the month of the last date given (else the anchor's), on the tense's side."""
    day_n = _number(st, g.get("day"))
    if not day_n or not 1 <= day_n <= 31:
        return None
    base, how = (st.last, "text") if st.last is not None else (
        (st.anchor.day, "relative") if st.anchor is not None else (None, "unresolved"))
    if base is None:
        return Resolved("DATE", f"XXXX-XX-{int(day_n):02d}", None, how)
    cands = []
    for step in (-1, 0, 1):
        y, m = shift_months(base.year, base.month, step)
        try:
            cands.append(date(y, m, int(day_n)))
        except ValueError:
            continue
    wd = _lookup(st.lex.WEEKDAYS, g.get("wd"))
    if wd:  # "jeudi 15": the months whose 15th is a Thursday, up to a year away
        cands = [d for step in range(-12, 13) for d in [_day_in(base, step, int(day_n))]
                 if d is not None and d.isoweekday() == wd]
    direction = st.tense if st.tense in ("past", "future") else None
    if direction == "past" and any(d <= base for d in cands):
        return Resolved("DATE", max(d for d in cands if d <= base).isoformat(), None, how)
    if direction == "future" and any(d >= base for d in cands):
        return Resolved("DATE", min(d for d in cands if d >= base).isoformat(), None, how)
    if not cands:
        return None
    return Resolved("DATE", min(cands, key=lambda d: abs((d - base).days)).isoformat(), None, how)


def _day_in(base: date, months: int, day: int) -> date | None:
    y, m = shift_months(base.year, base.month, months)
    try:
        return date(y, m, day)
    except ValueError:
        return None


def _weekweekday(g: dict, st: State) -> Resolved | None:
    """``mercredi de la semaine prochaine``: that weekday of the week the rest names."""
    wd = _lookup(st.lex.WEEKDAYS, g["wd"])
    step = _lookup(st.lex.DIRECTIONS, g.get("rel")) if g.get("rel") else (0 if norm(g["this"]) != "la" else None)
    if not wd or step is None or abs(step) > 1:
        return None
    if st.anchor is None:
        return Resolved("DATE", f"XXXX-WXX-{wd}", None, "unresolved")
    a = st.anchor.day
    day = a + timedelta(days=7 * step + wd - a.isoweekday())
    return Resolved("DATE", day.isoformat(), None, "relative")


def _month(g: dict, st: State) -> Resolved | None:
    month = _lookup(st.lex.MONTHS, g["month"])
    if not month:
        return None
    if g.get("year"):
        year, how = _year(g["year"], st.anchor), "explicit"
    elif st.anchor is not None:
        year, how = nearest_year(st.anchor.day, month, None, _direction(st, g.get("rel"))), "relative"
    else:
        year, how = None, "unresolved"
    return Resolved("DATE", date_value(year, month), _mod(st, g), how)


def _year_rule(g: dict, st: State) -> Resolved | None:
    return Resolved("DATE", g["year"], _mod(st, g), "explicit")


def _decade(g: dict, st: State) -> Resolved | None:
    d = g["decade"]
    if len(d) == 2:
        d = ("20" if d == "00" or d == "10" else "19") + d
    return Resolved("DATE", d[:3] + "X", None, "explicit")


def _dayrel(g: dict, st: State) -> Resolved | None:
    word = norm(g["dayrel"])
    offset = st.lex.DAY_OFFSETS.get(word)
    if offset is None:
        return None
    if word in getattr(st.lex, "TEXT_RELATIVE", ()) and st.last is not None:
        base, how = st.last, "text"
    elif st.anchor is not None:
        base, how = st.anchor.day, "relative"
    else:
        base, how = None, "unresolved"
    day = base + timedelta(days=offset) if base else None
    if g.get("hour"):
        dv = day.isoformat() if day else "XXXX-XX-XX"
        return Resolved("TIME", time_value(dv, int(g["hour"]), int(g.get("minute") or 0)), None, how)
    if day is None and offset == 0 and not g.get("pod"):
        return Resolved("DATE", "PRESENT_REF", None, "unresolved")
    kind, value = _with_pod(day, _pod(st, g.get("pod")))
    return Resolved(kind, value, _mod(st, g), how)


def _weekday(g: dict, st: State) -> Resolved | None:
    wd = _lookup(st.lex.WEEKDAYS, g["wd"])
    if not wd:
        return None
    pod = _pod(st, g.get("pod"))
    if st.anchor is None:
        value = f"XXXX-WXX-{wd}"
        return Resolved("DATE" if pod is None else "TIME", value if pod is None else f"{value}T{pod}", None,
                        "unresolved")
    rel = g.get("rel")
    step = _lookup(st.lex.DIRECTIONS, rel) if rel else None
    anchor = st.anchor.day
    if step is not None and step >= 7:  # "lundi en huit": the first Monday a week or more away
        day = weekday_near(anchor + timedelta(days=step - 1), wd, "future")
    elif rel and norm(rel) in ("suivant", "suivante", "d'après"):
        day = weekday_near(anchor + timedelta(days=6), wd, "future")
    elif step is not None and step < 0:
        day = weekday_near(anchor, wd, "before")
    elif step is not None and step > 0:
        day = weekday_near(anchor, wd, "future")
    elif st.tense == "past":
        day = weekday_near(anchor, wd, "past")
    elif st.tense == "present" or g.get("this"):
        day = weekday_near(anchor, wd, "present")
    else:
        day = weekday_near(anchor, wd, "future")
    kind, value = _with_pod(day, pod)
    return Resolved(kind, value, _mod(st, g), "relative")


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season_year(anchor: date, season: str, step: int) -> int:
    first, last = _SEASON_MONTHS[season]
    year = anchor.year - 1 if season == "WI" and anchor.month <= 2 else anchor.year
    if step < 0:
        ended = (anchor.month > last) if season != "WI" else (anchor.month >= 3)
        current = (first <= anchor.month <= last) if season != "WI" else anchor.month in (12, 1, 2)
        return year if ended and not current else year - 1
    if step > 0:
        started = anchor.month >= first if season != "WI" else anchor.month in (12, 1, 2)
        return year + 1 if started else year
    return year


def _unitrel(g: dict, st: State) -> Resolved | None:
    unit_word = norm(g["unit"])
    rel = g.get("rel")
    step = _lookup(st.lex.DIRECTIONS, rel) if rel else None
    if step is None and g.get("this"):
        step = 0
    if unit_word == "quarter" and step == 0 and ((norm(g.get("this") or "") == "the" and st.tense == "past")
                                                  or norm(rel or "") == "latest"):
        step = -1  # "the quarter" of a past-tense report, "the latest quarter": the last one completed
    mod = _mod(st, g)
    if step is None:
        if mod is None:
            return None
        step = 0
    if step >= 7:
        return None
    season = _lookup(st.lex.SEASONS, unit_word)
    pod = _pod(st, unit_word) if season is None else None
    unit = _lookup(st.lex.UNITS, unit_word)
    if st.anchor is None:
        if season:
            return Resolved("DATE", f"XXXX-{season}", mod, "unresolved")
        return Resolved("DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "WE": "XXXX-WXX-WE"}.get(unit, "XXXX"), mod,
                        "unresolved")
    a = st.anchor.day
    if season:
        return Resolved("DATE", f"{_season_year(a, season, step)}-{season}", mod, "relative")
    part = getattr(st.lex, "PART_MODS", {}).get((mod, pod)) if pod is not None else None
    if part is not None:  # "en fin de journée": the evening
        kind, value = _with_pod(a if st.last is None else st.last, part)
        return Resolved(kind, value, mod, "relative" if st.last is None else "text")
    if pod is not None and unit != "D":
        kind, value = _with_pod(a, pod)
        return Resolved(kind, value, mod, "relative")
    if unit == "D":
        return Resolved("DATE", (a + timedelta(days=step)).isoformat(), mod, "relative")
    if unit == "W":
        return Resolved("DATE", iso_week(a + timedelta(weeks=step)), mod, "relative")
    if unit == "WE":
        shift = step
        if step == 0 and st.tense == "past" and a.isoweekday() < 6:
            shift = -1
        return Resolved("DATE", iso_week(a + timedelta(weeks=shift)) + "-WE", mod, "relative")
    if unit == "M":
        y, m = shift_months(a.year, a.month, step)
        return Resolved("DATE", date_value(y, m), mod, "relative")
    if unit == "Y":
        return Resolved("DATE", f"{a.year + step:04d}", mod, "relative")
    if unit == "Q":
        index = a.year * 4 + (a.month - 1) // 3 + step
        return Resolved("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", mod, "relative")
    if unit == "6M":
        index = a.year * 2 + (a.month - 1) // 6 + step
        return Resolved("DATE", f"{index // 2:04d}-H{index % 2 + 1}", mod, "relative")
    if unit == "CE":
        return Resolved("DATE", f"{a.year // 100 + step:02d}", mod, "relative")
    if unit == "DE":
        return Resolved("DATE", f"{a.year // 10 + step:03d}", mod, "relative")
    return None


def _season(g: dict, st: State) -> Resolved | None:
    word = g.get("season") or g.get("season2") or g.get("season3")
    if g.get("season3") and word.islower() and norm(word) in ("été", "ete"):
        return None  # "a été": the participle, not the season
    season = _lookup(st.lex.SEASONS, word)
    if not season:
        return None
    if g.get("year"):
        return Resolved("DATE", f"{g['year']}-{season}", None, "explicit")
    return Resolved("DATE", f"XXXX-{season}", None, "explicit")


def _unit(st: State, g: dict) -> tuple[float, str] | None:
    """The amount and unit of ``num unit``; amount None when vague."""
    unit = _lookup(st.lex.UNITS, g.get("unit"))
    if unit is None:
        return None
    n = _number(st, g.get("num")) if g.get("num") else (None if g.get("rel") else 1.0)
    if n is False:
        return None
    if n is None and norm(g.get("num") or "") == "des" and _prev_word(st.text, st_start(g)) not in st.lex.VAGUE_CUES:
        return None
    if n is not None and g.get("half"):
        n += 0.5
    mult = re.match(r"(\d+)(\w+)", unit)
    if mult:
        unit = mult[2]
        n = None if n is None else n * int(mult[1])
    return n, unit


def st_start(g: dict) -> int:
    return g.get("_start", 0)


def _shifted(st: State, base: date | None, n: float, unit: str, sign: int) -> str | None:
    if base is None:
        return None
    k = int(n * sign)
    if unit in ("S", "MIN", "H") and st.anchor is not None:
        seconds = n * sign * {"S": 1, "MIN": 60, "H": 3600}[unit]
        moment = add_time(Anchor(base, st.anchor.hour, st.anchor.minute), seconds)
        return time_value(moment.date().isoformat(), moment.hour, moment.minute)
    if unit == "D":
        return (base + timedelta(days=k)).isoformat()
    if unit == "W":
        return (base + timedelta(weeks=k)).isoformat()
    if unit == "M":
        return add_months(base, k).isoformat()
    if unit == "Y":
        return f"{base.year + k:04d}"
    if unit == "DE":
        return f"{(base.year + 10 * k) // 10:03d}"
    if unit == "CE":
        return f"{(base.year + 100 * k) // 100:02d}"
    if unit == "Q":
        return add_months(base, 3 * k).isoformat()[:7]
    return None


def _offset(sign_default: int, text_relative: bool) -> Callable[[dict, State], Resolved | None]:
    def resolve(g: dict, st: State) -> Resolved | None:
        parsed = _unit(st, g)
        if parsed is None:
            return None
        n, unit = parsed
        sign = sign_default
        if text_relative and g.get("rel"):
            sign = 1 if norm(g["rel"]) in ("plus tard", "après", "later", "after") else -1
        if text_relative and st.last is not None:
            base, how = st.last, "text"
        elif st.anchor is not None:
            base, how = st.anchor.day, "relative"
        else:
            base, how = None, "unresolved"
        if n is None:
            return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", _mod(st, g), how)
        value = _shifted(st, base, n, unit, sign)
        if value is None:
            value = "XXXX-XX-XX" if unit not in ("Y", "DE", "CE") else "XXXX"
            how = "unresolved"
        kind = "TIME" if "T" in value else "DATE"
        return Resolved(kind, value, _mod(st, g), how)

    return resolve


def _duration(g: dict, st: State) -> Resolved | None:
    parsed = _unit(st, g)
    if parsed is None:
        return None
    n, unit = parsed
    clock_word = unit == "H" and norm(g["unit"]).startswith("heure") and n is not None and n <= 24
    if clock_word and _prev_word(st.text, st_start(g)) in st.lex.TIME_CUES and not g.get("approx") \
            and _prev_word(st.text, st_start(g)) != "de":
        return None  # "à 15 heures" is a clock time
    if clock_word and norm(g.get("approx") or "") in getattr(st.lex, "CLOCK_APPROX", ()):
        return None  # "vers 15 heures", "à environ 15 heures": a clock time too
    if clock_word and _clock_after(st, g["_end"]):
        return None  # "8 heures ce soir"
    if g.get("num") is None and g.get("rel") is None:
        return None
    if unit == "Y" and _is_age(g, st):
        return None
    return Resolved("DURATION", duration_value(n, unit), _mod(st, g), "explicit")


def _clock_after(st: State, end: int) -> bool:
    after = getattr(st.lex, "CLOCK_AFTER", None)
    return after is not None and after.match(st.text, end) is not None


def _is_age(g: dict, st: State) -> bool:
    """``un chauffeur de 38 ans``, ``Paul Durand, 26 ans,``: a person's age, which TimeML leaves out."""
    num = g.get("num") or ""
    heads = getattr(st.lex, "DURATION_HEADS", None)
    if heads is None or not num[:1].isdigit() or g.get("rel") or g.get("approx"):
        return False
    at = st.text.find(num, g["_start"], g["_end"])
    before = st.text[max(0, at - 40):at]
    after = st.text[g["_end"]:g["_end"] + 2]
    m = re.search(r"([\w'’-]+)\s+(?:de|d'|d’)\s*$", before)
    if m:
        return norm(m[1]) not in heads  # "un mandat de 5 ans" is a duration
    if re.search(r"(?:^|\W)(?:âgée?s?|agée?s?)\s+de\s*$", before, re.I):
        return True
    return bool(re.search(r"[,(-]\s*$", before)) and bool(re.match(r"\s*[,)]|\s+(?:et|à)\b", after))


def _durnoun(g: dict, st: State) -> Resolved | None:
    value = _lookup(st.lex.DURATION_NOUNS, g["durnoun"])
    return Resolved("DURATION", value, None, "explicit") if value else None


def _set(g: dict, st: State) -> Resolved | None:
    if g.get("wd"):
        wd = _lookup(st.lex.WEEKDAYS, g["wd"])
        return Resolved("SET", f"XXXX-WXX-{wd}", None, "explicit") if wd else None
    if g.get("unit"):
        parsed = _unit(st, g)
        if parsed is None:
            return None
        n, unit = parsed
        if unit == "WE":
            return Resolved("SET", "XXXX-WXX-WE", None, "explicit")
        return Resolved("SET", duration_value(n or 1, unit), None, "explicit")
    whole = norm(st.text[g["_start"]:g["_end"]])
    return Resolved("SET", "P1D" if whole.endswith(("journée", "day")) else "P1Y", None, "explicit")


def _setadj(g: dict, st: State) -> Resolved | None:
    word = norm(g["setadj"])
    if word in ("quotidien", "daily") and _prev_word(st.text, g["_start"]) in getattr(st.lex, "NOUN_DETERMINERS",
                                                                                        ()):
        return None  # "le quotidien": the newspaper
    value = st.lex.SET_ADJECTIVES.get(word)
    return Resolved("SET", value, None, "explicit") if value else None


_MINUTE_WORDS = {"et quart": 15, "et demi": 30, "et demie": 30, "trois quarts": 45, "quarter": 15, "half": 30}
_MINUTE_COUNT = re.compile(r"^(?:et|passée?s? de) | minutes?$")


def _minutes(st: State, text: str | None) -> tuple[int, int] | None:
    """Minutes and an hour correction (``moins le quart`` is -1 hour + 45)."""
    if not text:
        return 0, 0
    w = norm(text)
    if w.endswith("minute") or w.endswith("minutes"):
        w = _MINUTE_COUNT.sub("", w)
    if w in _MINUTE_WORDS:
        return _MINUTE_WORDS[w], 0
    if w == "moins le quart":
        return 45, -1
    if w.startswith("moins "):
        n = _number(st, w[6:])
        return (60 - int(n), -1) if n and n < 60 else None
    n = _number(st, w)
    return (int(n), 0) if n is not False and n is not None and n < 60 else None


def _time(g: dict, st: State) -> Resolved | None:
    extra_day = 0
    if g.get("hword"):
        hword = norm(g["hword"])
        if hword in ("minuit", "midnight"):
            hour, extra_day = 0, 1
        else:
            mid_sentence = st.text[max(0, g["_start"] - 2):g["_start"]].strip() not in ("", ".")
            if st.text[g["_start"]].isupper() and mid_sentence \
                    and _prev_word(st.text, g["_start"]) in ("le", "du", "au", "the"):
                return None  # "le Midi": the region
            hour = 12
    else:
        n = _number(st, g["hour"])
        if n is False or n is None or n > 24:
            return None
        hour = int(n)
        clock_cue = bool(g.get("approx") or g.get("pod")) or _prev_word(st.text, g["_start"]) in st.lex.TIME_CUES \
            or _clock_after(st, g["_end"])
        if re.search(r"heure|hour|o'clock", st.text[g["_start"]:g["_end"]], re.I) and not re.match(
                r"\d", g["hour"]) and not clock_cue and not g.get("minute"):
            return None
        if re.search(r"heures?(?!\w)", st.text[g["_start"]:g["_end"]]) and re.match(r"\d", g["hour"]) \
                and not clock_cue and not g.get("minute"):
            return None
    minutes = _minutes(st, g.get("minute") or g.get("minx"))
    if minutes is None:
        return None
    minute, correction = minutes
    hour += correction
    pod = norm(g.get("pod") or "")
    ampm = norm(g.get("ampm") or "").replace(".", "")
    if (pod.endswith(("soir", "après-midi")) or ampm.startswith("p")) and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    if hour < 0:
        hour += 24
    day, how = _day_of(st)
    if day is not None and extra_day and st.last is None:
        day = day + timedelta(days=extra_day)
    dv = day.isoformat() if day else "XXXX-XX-XX"
    return Resolved("TIME", time_value(dv, min(hour, 24), minute), _mod(st, g), how)


def _pod_rule(g: dict, st: State) -> Resolved | None:
    pod = _pod(st, g["pod"])
    if pod is None:
        return None
    whole = norm(st.text[g["_start"]:g["_end"]])
    if whole.startswith(("nocturne", "nightly")):
        return Resolved("TIME", f"T{pod}", None, "explicit")
    if g.get("this") and st.anchor is not None:
        day, how = st.anchor.day, "relative"
    else:
        day, how = _day_of(st)
    kind, value = _with_pod(day, pod)
    return Resolved("TIME" if kind == "DATE" and pod == "DT" else kind, value, _mod(st, g), how)


def _ref(g: dict, st: State) -> Resolved | None:
    value = _lookup(st.lex.REFS, g["ref"])
    return Resolved(st.lex.REF_TYPE, value, None, "explicit") if value else None


def _holiday(g: dict, st: State) -> Resolved | None:
    w = re.sub(r"^(?:le|la|the) ", "", norm(g["holiday"]))
    md = st.lex.HOLIDAYS.get(w) or st.lex.HOLIDAYS.get(norm(g["holiday"]))
    if not md:
        return None
    month, day = md
    if st.anchor is None:
        return Resolved("DATE", date_value(None, month, day), None, "unresolved")
    direction = st.tense if st.tense in ("past", "future") else "future"
    year = nearest_year(st.anchor.day, month, day, direction)
    return Resolved("DATE", date_value(year, month, day), None, "relative")


def _quarter(g: dict, st: State) -> Resolved | None:
    q = _lookup(st.lex.ORDINALS, g["ord"])
    if not q or q > 4:
        return None
    if g.get("year"):
        return Resolved("DATE", f"{g['year']}-Q{q}", None, "explicit")
    if st.anchor is None:
        return Resolved("DATE", f"XXXX-Q{q}", None, "unresolved")
    a = st.anchor.day
    current = (a.month - 1) // 3 + 1
    year = a.year if q <= current or st.tense == "future" else a.year - 1
    if g.get("rel"):
        step = _lookup(st.lex.DIRECTIONS, g["rel"]) or 0
        year = a.year + step
    return Resolved("DATE", f"{year}-Q{q}", None, "relative")


def _yearago(g: dict, st: State) -> Resolved | None:
    """``year-ago``, ``the year-earlier quarter``: the same stretch a year before the anchor's last one."""
    if st.anchor is None:
        return Resolved("DATE", "XXXX", None, "unresolved")
    a = st.anchor.day
    unit = norm(g.get("unit") or "")
    if unit in ("quarter", "period"):
        index = a.year * 4 + (a.month - 1) // 3 - 1 - 4
        return Resolved("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", None, "relative")
    if unit == "month":
        y, m = shift_months(a.year, a.month, -13)
        return Resolved("DATE", date_value(y, m), None, "relative")
    if unit == "week":
        return Resolved("DATE", iso_week(a - timedelta(weeks=53)), None, "relative")
    return Resolved("DATE", f"{a.year - 1:04d}", None, "relative")


RESOLVERS: dict[str, Callable[[dict, State], Resolved | None]] = {
    "date": _date,
    "numdate": _date,
    "monthday": _monthday,
    "weekweekday": _weekweekday,
    "month": _month,
    "year": _year_rule,
    "decade": _decade,
    "dayrel": _dayrel,
    "weekday": _weekday,
    "unitrel": _unitrel,
    "season": _season,
    "ago": _offset(-1, False),
    "in": _offset(1, False),
    "later": _offset(1, True),
    "duration": _duration,
    "durnoun": _durnoun,
    "set": _set,
    "setper": _set,
    "setadj": _setadj,
    "time": _time,
    "pod": _pod_rule,
    "ref": _ref,
    "holiday": _holiday,
    "quarter": _quarter,
    "yearago": _yearago,
}
