"""English time-expression data: words, their meanings, and the patterns the tagger runs.

The named groups are those of the French table (``day``, ``month``, ``year``, ``wd``, ``num``,
``unit``, ``rel``, ``this``, ``mod``, ``pod``, ...), read by the same resolvers. Spans follow
TempEval-3 (TimeML): a determiner or modifier is in the span (``the third quarter``, ``the past
two months``, ``early next year``, ``two years ago``), a governing preposition is not
(``in June`` → ``June``, ``for three days`` → ``three days``).
"""

from __future__ import annotations

import re

__all__ = [
    "DAY_OFFSETS",
    "DIRECTIONS",
    "DURATION_NOUNS",
    "FUTURE_AUX",
    "HOLIDAYS",
    "MODS",
    "MONTHS",
    "NOUN_DETERMINERS",
    "ORDINALS",
    "PARTS_OF_DAY",
    "PATTERNS",
    "REFS",
    "REF_TYPE",
    "SEASONS",
    "SET_ADJECTIVES",
    "TEXT_RELATIVE",
    "TIME_CUES",
    "TRIGGER",
    "UNITS",
    "VAGUE_CUES",
    "WEEKDAYS",
    "WEEKDAY_DEFAULT",
    "number",
]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}
# unit codes: Y M W D H MIN S DE (decade) CE (century) Q (quarter) WE (weekend)
UNITS: dict[str, str] = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W", "fortnight": "2W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE", "weekend": "WE",
    "week-end": "WE", "millennium": "1000Y", "semester": "6M",
}
DAY_OFFSETS: dict[str, int] = {
    "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "the day before yesterday": -2,
    "the day after tomorrow": 2, "the day before": -1, "the day after": 1, "the next day": 1,
    "the following day": 1, "the previous day": -1, "the same day": 0, "that day": 0,
}
# these count from the last date the text gave, not from the publication time
TEXT_RELATIVE: frozenset[str] = frozenset({
    "the day before", "the day after", "the next day", "the following day", "the previous day",
    "the same day", "that day",
})
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "noon": "MI",
    "midday": "MI", "day": "DT",
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
REF_TYPE = "DATE"  # TempEval-3 types PRESENT_REF and its kin as DATE
REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "right now": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF", "in recent years": "PAST_REF",
    "recent years": "PAST_REF", "earlier": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "later": "FUTURE_REF",
    "shortly": "FUTURE_REF", "eventually": "FUTURE_REF", "the coming years": "FUTURE_REF",
}
MODS: dict[str, str] = {
    "early": "START", "late": "END", "mid": "MID", "the middle of": "MID", "middle of": "MID",
    "the start of": "START", "the beginning of": "START", "beginning of": "START", "the end of": "END",
    "end of": "END", "the first half of": "START", "the second half of": "END",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "some": "APPROX",
}
DIRECTIONS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "next": 1, "coming": 1,
    "following": 1, "this": 0, "current": 0, "the current": 0, "latest": 0, "same": 0, "that": 0,
}
SET_ADJECTIVES: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annual": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
}
DURATION_NOUNS: dict[str, str] = {
    "half an hour": "PT30M", "a half hour": "PT30M", "half a day": "P0.5D", "a quarter century": "P25Y",
    "a quarter of a century": "P25Y", "half a century": "P50Y", "a half century": "P50Y",
    "a decade": "P10Y", "a century": "P100Y", "a fortnight": "P2W",
}
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11), "boxing day": (12, 26),
}
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}
# determiners before "daily" that make it the newspaper
NOUN_DETERMINERS: frozenset[str] = frozenset({"the", "a", "this", "that", "his", "her", "its", "their"})
# words before "N hours" that make it a clock time, not a duration
TIME_CUES: frozenset[str] = frozenset({"at", "by", "until", "till", "before", "after", "since", "around", "from"})
# "years", "months" with no number: a vague duration only after one of these words
VAGUE_CUES: frozenset[str] = frozenset({"for", "in", "over", "during", "within", "after", "before", "take",
                                         "takes", "took", "than"})
FUTURE_AUX: frozenset[str] = frozenset({"will", "shall", "'ll"})
# a bare weekday outside a future-tense clause is the last one: news report what happened ("said Tuesday")
WEEKDAY_DEFAULT = "past"

_WORDS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}
_VAGUE = {"several", "a few", "few", "many", "some", "the", "recent"}


def number(text: str) -> float | bool | None:
    """The value of a number in digits or English words; None for a vague quantity; False if unreadable."""
    t = text.lower().strip()
    if t in _VAGUE:
        return None
    if t in _WORDS:
        return float(_WORDS[t])
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return float(m[1])
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        v = _WORDS.get(word)
        if v is None:
            return False
        if v == 100:
            current = (current or 1) * 100
        elif v == 1000:
            total, current = total + (current or 1) * 1000, 0
        else:
            current += v
    return float(total + current)


_NUMW = ("(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
         "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)")
NUMW = rf"{_NUMW}(?:(?:-|\s+and\s+|\s+){_NUMW})*"
MONTH = (r"(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|"
         r"December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
         r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.))")
MONTH_FULL = (r"(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|"
              r"November|December))")
WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d|'\d\d)"
YEAR4 = r"(?P<year>1[6-9]\d\d|20\d\d)"
NUM = (rf"(?P<num>\d+(?:[.,]\d+)?|{NUMW}|an?|a\s+couple\s+of|couple\s+of|a\s+few|few|several|many|"
       r"a\s+dozen)")
UNIT = (r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|"
        r"centur(?:y|ies)|weekends?)")
UNIT_SG = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century)"
REL = r"(?P<rel>last|past|previous|preceding|prior|next|coming|following|this|current|latest|same)"
POD = r"(?P<pod>morning|afternoon|evening|night)"
APPROX = (r"(?P<approx>about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|"
          r"at\s+least|up\s+to|at\s+most|some)")
MOD = r"(?P<mod>early|late|mid|the\s+middle\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+end\s+of)"
_END = r"(?!\w)"
_START = r"(?<!\w)"
_NOT_AMOUNT = (r"(?!\w|[.,]\d|\s*(?:%|\$|percent|dollars?|people|shares|tons?|miles?|feet|km|points?|"
               r"votes|troops|workers|jobs|cars|barrels|pounds|units))")

PATTERNS: list[tuple[str, str]] = [
    # June 18, 2024 · June 18 · Aug. 7, 1998
    ("date", rf"{_START}(?:{MOD}[\s-]+)?(?:{WD},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?{_END}"),
    # 18 June 2024 · the 18th of June
    ("date", rf"{_START}(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?{_END}"),
    ("numdate", r"(?<![\w/.,])(?P<nmonth>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])"
                r"/(?P<year>\d{4}|\d\d)(?![\w/]|[.,]\d)"),
    ("numdate", r"(?<![\w/.,-])(?P<year>\d{4})-(?P<nmonth>1[0-2]|0?[1-9])-(?P<day>3[01]|[12]\d|0?[1-9])(?![\w-])"),
    # June · last June · early November 1999 · June of 1998
    ("month", rf"{_START}(?:{MOD}[\s-]+)?(?:(?P<rel>last|next|this|past|coming)\s+)?{MONTH_FULL}"
              rf"(?:,?\s+(?:of\s+)?{YEAR4})?{_END}"),
    ("month", rf"{_START}(?:{MOD}[\s-]+)?(?:(?P<rel>last|next|this)\s+)?"
              r"(?P<month>(?-i:Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.))"
              rf"(?:,?\s+{YEAR4})?{_END}"),
    # 1990 · fiscal 1989 · early 1990 · the end of 1990
    ("year", rf"(?<![\w.,/$-])(?:{MOD}[\s-]+)?(?:(?:fiscal|calendar|the\s+year)\s+)?{YEAR4}{_NOT_AMOUNT}"),
    ("decade", r"(?<!\w)(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<decade>(?:19|20)?\d0)'?s(?!\w)"),
    ("dayrel", rf"{_START}(?:(?P<mod>early|late)\s+)?(?P<dayrel>the\s+day\s+before\s+yesterday|"
               r"the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|the\s+day\s+before|the\s+day\s+after|the\s+next\s+day|the\s+following\s+day|"
               rf"the\s+previous\s+day|the\s+same\s+day)(?:\s+{POD})?{_END}"),
    ("dayrel", rf"{_START}(?P<dayrel>tonight){_END}"),
    # Friday · last Friday · next Tuesday morning · Wednesday night
    ("weekday", rf"{_START}(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this|past|coming)\s+)?{WD}"
                rf"(?:\s+{POD})?{_END}"),
    # this year · last week · the past month · next quarter · early next year · the current quarter
    ("unitrel", rf"{_START}(?:(?:{MOD}|earlier|later)[\s-]+)?(?:(?P<this>this)|(?:the\s+)?{REL})\s+"
                r"(?P<unit>week|month|year|weekend|week-end|quarter|decade|century|summer|winter|fall|"
                rf"autumn|spring){_END}"),
    ("unitrel", rf"{_START}(?:(?:{MOD}|earlier|later)[\s-]+)?(?P<this>this|the)\s+"
                rf"(?P<unit>morning|afternoon|evening){_END}"),
    # the quarter · the fiscal year · the weekend: the one the text is about, as TimeML annotators read it
    ("unitrel", rf"{_START}(?:{MOD}[\s-]+)?(?P<this>the)\s+(?:(?:fiscal|full|calendar)\s+)?"
                r"(?P<unit>quarter|week|weekend|year)(?!\w|-|\s+(?:before|after|earlier|ago|later|to|of|in|when|that)\b)"),
    # year-ago · the year-earlier quarter · the year-ago period
    ("yearago", rf"{_START}(?:the\s+)?year-(?:ago|earlier)(?:\s+(?P<unit>quarter|period|month|week))?{_END}"),
    # third quarter · the fiscal first quarter · third-quarter · this year's third quarter
    ("quarter", rf"{_START}(?:(?:the|this\s+year's|last\s+year's)\s+)?(?:fiscal\s+)?"
                r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter"
                rf"(?:\s+(?:of\s+)?{YEAR4})?{_END}"),
    ("ago", rf"{_START}(?:{APPROX}\s+)?{NUM}\s+{UNIT}\s+ago{_END}"),
    ("in", rf"(?<=\bin\s)(?:{APPROX}\s+)?{NUM}\s+{UNIT}(?=\s+(?:time|from\s+now)\b)"),
    ("later", rf"{_START}(?:{APPROX}\s+)?{NUM}\s+{UNIT}\s+(?P<rel>later|earlier|before|after){_END}"),
    ("duration", rf"{_START}(?:{APPROX}\s+)?(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|final)\s+)?{NUM}"
                 rf"[\s-]+{UNIT}(?:\s+and\s+a\s+(?P<half>half))?{_END}"),
    ("duration", rf"{_START}(?:the\s+)?(?P<rel>past|last|next|first|coming)\s+{UNIT}{_END}(?!\s+of\b)"),
    ("duration", rf"(?<!\w)(?P<num>\d+|{NUMW}|a)-(?P<unit>year|month|week|day|hour|minute)(?!\w|-old)"),

    ("durnoun", rf"{_START}(?P<durnoun>half\s+an\s+hour|a\s+half\s+hour|half\s+a\s+day|a\s+quarter\s+century|"
                r"a\s+quarter\s+of\s+a\s+century|half\s+a\s+century|a\s+half\s+century)" + _END),
    ("set", rf"{_START}(?:every|each)\s+(?:{NUM}\s+)?(?:{WD}|{UNIT})(?:\s+{POD})?{_END}"),
    ("setper", rf"(?<=\bper\s){UNIT_SG}{_END}"),
    ("setper", rf"(?<=\ba\s){UNIT_SG}(?=\s*[,.;])"),
    ("setadj", r"(?<!\w)(?P<setadj>daily|weekly|monthly|yearly|hourly|nightly)(?!\w)"),
    ("time", rf"{_START}(?:{APPROX}\s+)?(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
             rf"(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"),
    ("time", rf"{_START}(?:{APPROX}\s+)?(?P<hour>2[0-3]|[01]?\d):(?P<minute>[0-5]\d){_END}"),
    ("time", rf"{_START}(?:{APPROX}\s+)?(?P<hour>1[0-2]|[1-9]|{NUMW})\s+o'clock{_END}"),
    ("time", rf"{_START}(?:{APPROX}\s+)?(?P<hword>noon|midnight){_END}"),
    ("pod", rf"{_START}(?:(?P<this>this)\s+)(?P<pod>morning|afternoon|evening){_END}"),
    ("ref", r"(?<!\w)(?P<ref>now|currently|current|nowadays|at\s+present|presently|right\s+now|these\s+days|"
            r"recently|recent\s+years|formerly|lately|the\s+past|the\s+future|the\s+coming\s+years)(?!\w)"),
    ("holiday", r"(?<!\w)(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|"
                r"Halloween|Valentine's\s+Day|Veterans\s+Day|Boxing\s+Day)(?!\w)"),
]

# a document with none of these has no time expression: the tagger stops there
TRIGGER = (r"\d|jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|"
           r"friday|saturday|sunday|yesterday|today|tomorrow|tonight|second|minute|hour|day|week|month|quarter|"
           r"year|decade|centur|morning|afternoon|evening|night|noon|spring|summer|fall|autumn|winter|now|"
           r"current|present|recent|previous|formerly|lately|past|soon|future|shortly|eventually|daily|weekly|"
           r"annual|christmas|halloween|valentine|fortnight|o'clock")
