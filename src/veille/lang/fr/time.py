"""French time-expression data: words, their meanings, and the patterns the tagger runs.

Patterns use named groups that the tagger reads the same way in every language (``day``,
``month``, ``year``, ``wd``, ``num``, ``unit``, ``rel``, ``this``, ``mod``, ``pod``, ...).
Spans follow French TimeBank: a determiner or modifier word is in the span (``le 18 juin``,
``la fin de l'année``), a governing preposition is not (``depuis trois ans`` → ``trois ans``).
"""

from __future__ import annotations

import re

__all__ = [
    "CLOCK_AFTER",
    "CLOCK_APPROX",
    "DAY_OFFSETS",
    "DIRECTIONS",
    "DURATION_HEADS",
    "DURATION_NOUNS",
    "FUTURE_AUX",
    "HOLIDAYS",
    "MODS",
    "MONTHS",
    "PARTS_OF_DAY",
    "PART_MODS",
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
    "number",
]

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
    "lun": 1, "mar": 2, "mer": 3, "jeu": 4, "ven": 5, "sam": 6, "dim": 7,
}
# unit codes: Y M W D H MIN S DE (decade) CE (century) Q (quarter) WE (weekend) SE (season)
UNITS: dict[str, str] = {
    "seconde": "S", "minute": "MIN", "min": "MIN", "mn": "MIN", "heure": "H", "jour": "D", "journée": "D",
    "semaine": "W", "quinzaine": "2W", "mois": "M", "trimestre": "Q", "semestre": "6M", "an": "Y",
    "année": "Y", "annee": "Y", "décennie": "DE", "siècle": "CE", "week-end": "WE", "weekend": "WE",
    "millénaire": "1000Y",
}
DAY_OFFSETS: dict[str, int] = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2,
    "ce jour": 0, "la veille": -1, "le lendemain": 1, "le surlendemain": 2, "l'avant-veille": -2,
    "le jour même": 0, "ce jour-là": 0, "ce jour là": 0, "jour suivant": 1, "le jour suivant": 1,
    "le jour d'après": 1, "le jour d'avant": -1, "le jour précédent": -1,
}
# these count from the last date the text gave, not from the publication time
TEXT_RELATIVE: frozenset[str] = frozenset({
    "la veille", "le lendemain", "le surlendemain", "l'avant-veille", "le jour même", "ce jour-là",
    "ce jour là",
})
PARTS_OF_DAY: dict[str, str] = {
    "matin": "MO", "matinée": "MO", "mat": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV",
    "nuit": "NI", "nocturne": "NI", "journée": "DT", "midi": "MI",
}
# the part of the day a start, middle or end of one is: "en fin de journée" is the evening
PART_MODS: dict[tuple[str, str], str] = {
    ("START", "DT"): "MO", ("MID", "DT"): "MI", ("END", "DT"): "EV",
    ("START", "AF"): "MI", ("END", "AF"): "EV",
}
SEASONS: dict[str, str] = {"printemps": "SP", "été": "SU", "ete": "SU", "automne": "FA", "hiver": "WI"}
REF_TYPE = "TIME"  # French TimeBank types PRESENT_REF and its kin as TIME
REFS: dict[str, str] = {
    "maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "désormais": "PRESENT_REF",
    "à présent": "PRESENT_REF", "en ce moment": "PRESENT_REF", "de nos jours": "PRESENT_REF",
    "à l'heure actuelle": "PRESENT_REF", "actuel": "PRESENT_REF", "actuelle": "PRESENT_REF",
    "actuels": "PRESENT_REF", "actuelles": "PRESENT_REF", "tout de suite": "PRESENT_REF",
    "aujourd'hui encore": "PRESENT_REF", "dorénavant": "PRESENT_REF", "à ce jour": "PRESENT_REF",
    "auparavant": "PAST_REF", "autrefois": "PAST_REF", "jadis": "PAST_REF", "naguère": "PAST_REF",
    "récemment": "PAST_REF", "dernièrement": "PAST_REF", "dans le passé": "PAST_REF",
    "nouvellement": "PAST_REF", "précédemment": "PAST_REF",
    "prochainement": "FUTURE_REF", "bientôt": "FUTURE_REF", "à l'avenir": "FUTURE_REF",
    "dans l'avenir": "FUTURE_REF", "ultérieurement": "FUTURE_REF", "plus tard": "FUTURE_REF",
    "dans le futur": "FUTURE_REF", "à terme": "FUTURE_REF",
}
MODS: dict[str, str] = {
    "début": "START", "fin": "END", "mi": "MID", "milieu": "MID", "vers": "APPROX", "environ": "APPROX",
    "près de": "APPROX", "à environ": "APPROX", "aux alentours de": "APPROX", "autour de": "APPROX",
    "quelque": "APPROX", "presque": "APPROX", "plus de": "MORE_THAN", "moins de": "LESS_THAN",
    "au moins": "EQUAL_OR_MORE", "au plus": "EQUAL_OR_LESS", "tôt": "START", "tard": "END",
}
DIRECTIONS: dict[str, int] = {
    "dernier": -1, "dernière": -1, "derniers": -1, "dernières": -1, "passé": -1, "passée": -1,
    "passés": -1, "passées": -1, "précédent": -1, "précédente": -1, "prochain": 1, "prochaine": 1,
    "prochains": 1, "prochaines": 1, "suivant": 1, "suivante": 1, "suivants": 1, "suivantes": 1,
    "d'après": 1, "qui suit": 1, "qui vient": 1, "à venir": 1, "ce": 0, "cet": 0, "cette": 0,
    "en cours": 0, "courant": 0, "même": 0, "en huit": 7, "en quinze": 14, "en 8": 7, "en 15": 14,
}
SET_ADJECTIVES: dict[str, str] = {
    "quotidien": "P1D", "quotidienne": "P1D", "quotidiens": "P1D", "quotidiennes": "P1D",
    "hebdomadaire": "P1W", "hebdomadaires": "P1W", "mensuel": "P1M", "mensuelle": "P1M",
    "mensuels": "P1M", "mensuelles": "P1M", "annuel": "P1Y", "annuelle": "P1Y", "annuels": "P1Y",
    "annuelles": "P1Y", "journalier": "P1D", "journalière": "P1D",
}
DURATION_NOUNS: dict[str, str] = {
    "quinquennat": "P5Y", "septennat": "P7Y", "biennale": "P2Y", "centenaire": "P100Y",
    "un quart de siècle": "P25Y", "un demi-siècle": "P50Y", "une demi-heure": "PT30M",
    "un quart d'heure": "PT15M", "trois quarts d'heure": "PT45M", "une demi-journée": "P0.5D",
}
HOLIDAYS: dict[str, tuple[int, int]] = {
    "noël": (12, 25), "noel": (12, 25), "jour de noël": (12, 25), "jour de noel": (12, 25),
    "nouvel an": (1, 1), "jour de l'an": (1, 1), "toussaint": (11, 1), "jour des morts": (11, 2),
    "fête du travail": (5, 1), "fête nationale": (7, 14), "saint-sylvestre": (12, 31),
    "la saint-sylvestre": (12, 31), "la toussaint": (11, 1), "armistice": (11, 11),
    "la saint-valentin": (2, 14), "saint-valentin": (2, 14), "assomption": (8, 15),
}
# words before a spelled-out "N heures" that make it a clock time, not a duration
TIME_CUES: frozenset[str] = frozenset({
    "à", "a", "vers", "dès", "de", "jusqu'à", "avant", "après", "depuis", "entre", "et", "au", "partir",
    "environ", "alentours", "autour", "ce", "cette", "demain", "hier", "aujourd'hui",
})
# after "N heures", what makes it a clock time: "8 heures ce soir", "3 heures du matin"
CLOCK_AFTER = re.compile(r"\s+(?:(?:ce|cet|cette|demain|hier|aujourd['’]hui)\s+(?:matin|soir|après-midi|nuit)|"
                         r"du\s+(?:matin|soir)|de\s+l['’]après-midi)(?!\w)", re.IGNORECASE)
# "des années", "des mois": a vague duration only after one of these words
VAGUE_CUES: frozenset[str] = frozenset({
    "depuis", "pendant", "durant", "pour", "il", "a", "voici", "en", "dans", "sur", "après", "avant",
})
FUTURE_AUX: frozenset[str] = frozenset({"aller"})
# approximations before "N heures" that make it a clock time ("vers 15 heures"), not a duration
CLOCK_APPROX: frozenset[str] = frozenset({"vers", "à environ", "aux alentours de", "autour de"})
# nouns before "de N ans" that make it a duration; after any other word it is an age
DURATION_HEADS: frozenset[str] = frozenset({
    "période", "durée", "mandat", "peine", "plan", "programme", "contrat", "bail", "délai", "espace", "terme",
    "bout", "prison", "réclusion", "moyenne", "absence", "exil", "guerre", "intervalle", "emprisonnement",
    "détention", "sursis", "cours", "total", "minimum", "maximum", "retard", "avance", "gel", "moratoire",
    "engagement", "service", "carrière", "règne", "présence", "occupation", "prolongation", "horizon",
})

_UNITS_WORDS = {
    "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "premier": 1, "première": 1,
}
_VAGUE = {"quelques": None, "plusieurs": None, "des": None, "de longues": None, "de nombreuses": None,
          "de nombreux": None, "quelque": None, "longues": None}


def number(text: str) -> float | bool | None:
    """The value of a number in digits or French words; None for a vague quantity; False if unreadable."""
    t = text.lower().strip()
    if t in _VAGUE:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    m = re.fullmatch(r"(\d+)(?:er|re|e|ème|eme)", t)
    if m:
        return float(m[1])
    total, current, last = 0, 0, 10_000
    for word in re.split(r"[\s-]+", t):
        if word == "et":
            continue
        v = _UNITS_WORDS.get(word)
        if v is None:
            return False
        if v == 100:
            current, last = (current or 1) * 100, 100
        elif v == 1000:
            total, current, last = total + (current or 1) * 1000, 0, 1000
        elif v == 20 and current % 100 == 4:  # quatre-vingt
            current, last = current - 4 + 80, 20
        else:
            if v >= last and not (last >= 100):
                return False
            current, last = current + v, v
    return float(total + current)


_NUMW = ("(?:zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
         "vingts?|trente|quarante|cinquante|soixante|cents?|mille)")
NUMW = rf"{_NUMW}(?:(?:-et-|\s+et\s+|-|\s+){_NUMW})*"
MONTH = (r"(?P<month>janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
         r"d[ée]cembre|janv\.?|f[ée]vr?\.|f[ée]v(?!\w)|avr\.?|juil\.?|sept\.|oct\.?|nov\.?|d[ée]c\.?)")
MONTH_FULL = (r"(?P<month>janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
              r"d[ée]cembre)")
WD = r"(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
DAY = rf"(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:er|re|e|ème)?|premier|{NUMW})"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d|'\d\d|\d\d(?!\s*(?:h\b|heures?|ans?\b|%|€|euros?|[.,]\d|\d)))"
YEAR4 = r"(?P<year>1[6-9]\d\d|20\d\d)"
NUM = rf"(?P<num>\d+(?:[.,]\d+)?|{NUMW}|quelques|plusieurs|des|de\s+(?:longues|nombreuses|nombreux))"
UNIT = (r"(?P<unit>secondes?|minutes?|min|mn|heures?|jours?|journées?|semaines?|quinzaines?|mois|trimestres?|"
        r"semestres?|ans|an|ann[ée]es?|décennies?|siècles?|millénaires?|week-ends?)")
UNIT_SG = r"(?P<unit>jour|journée|semaine|mois|trimestre|semestre|an|année|siècle|décennie|week-end|heure|minute)"
REL = (r"(?P<rel>derni[eè]re?s?|prochaine?s?|pass[ée]e?s?|suivante?s?|précédente?s?|d'après|qui\s+suit|"
       r"qui\s+vient|à\s+venir|en\s+cours|en\s+huit|en\s+quinze|en\s+8|en\s+15|même)")
POD = r"(?P<pod>matin|matinée|après-midi|soir|soirée|nuit|midi)"
NEAR = r"(?:(?<=(?P<near>vers)\s)|(?<=(?P<near2>Vers)\s))?"
APPROX = (r"(?P<approx>vers|environ|à\s+environ|près\s+de|aux\s+alentours\s+de|autour\s+de|plus\s+de|moins\s+de|"
          r"au\s+moins|au\s+plus|quelque|presque)")
APPROX_T = APPROX.replace("vers|", "")
_MIN_COUNT = rf"(?:et\s+|passée?s?\s+de\s+)(?:{NUMW}|[0-5]?\d)\s+minutes?"
MIN_WORDS = (rf"(?P<minute>{_MIN_COUNT}|[0-5]\d|et\s+quart|et\s+demie?|moins\s+le\s+quart|trois\s+quarts|"
             rf"moins\s+(?:{NUMW}|\d\d?)|{NUMW})")
_END = r"(?!\w)"
_START = r"(?<!\w)"

_DAY_ANY = DAY.replace("(?P<day>", "(?:")
_WD_ANY = WD.replace("(?P<wd>", "(?:")
_DIGIT_DAY = r"(?P<day>3[01]|[12]\d|[1-9])(?:er|re|e|ème|eme)?"
# a street number is no day: "le 10, rue Paul-Bert"
_NOT_ADDRESS = (r"(?![,\s]+(?:bis\b|ter\b|rue|avenue|av\.|boulevard|bd|place|quai|allée|impasse|chemin|route|"
                r"cours|square|passage))")
_RANGE_TO = r"(?:\s*(?:au|et|jusqu'au|à)\s+(?:le\s+)?|\s*[-–]\s*)"
# what may follow a day of the month given alone: the end, a clock time, the other end of a range
_AFTER_BARE_DAY = (r"(?=\s*$|\s*[,.;:)](?!\d)|"
                   r"\s+(?:à|a|vers|plutôt|et|au|jusqu'|dès|de\s+\d|du\s+(?:matin|soir))(?!\w))")
_BARE_DAY_CLOSE = r"(?!\w)(?=\s*$|\s*[,.;)](?!\d))"

PATTERNS: list[tuple[str, str]] = [
    # the first day of a range takes the month of the second: "du 13 au 15 juillet", "les 6 et 13 avril"
    ("date", rf"{_START}(?:(?:le|les)\s+)?(?:{WD}\s+)?{DAY}"
             rf"(?={_RANGE_TO}(?:{_WD_ANY}\s+)?{_DAY_ANY}\s+{MONTH}(?:\s+{YEAR})?{_END})"),
    # a day of the month alone: "le 16 à 18 h", "à partir du 8", "du 13 au 18"
    ("monthday", rf"(?:(?<=\bdu\s)|(?<=\bau\s)|{_START}les?\s+|{_START}(?={_WD_ANY}\s))(?:{WD}\s+)?{_DIGIT_DAY}"
                 rf"{_END}{_NOT_ADDRESS}{_AFTER_BARE_DAY}"),
    ("monthday", rf"(?:(?<=\bau\s)|(?<=\bdu\s)|{_START}le\s+){DAY}{_NOT_ADDRESS}{_BARE_DAY_CLOSE}"),
    # day and month in digits with spaces: "17 02", "le 24 12 2014"
    ("numdate", r"(?<![\d,.])(?<![\d,.]\s)(?:le\s+)?(?P<day>3[01]|[12]\d|0[1-9])\s(?P<nmonth>1[0-2]|0[1-9]|[1-9])"
                r"(?:\s(?P<year>\d{4}|\d\d))?(?=\s*$|\s*[,.;:)]|\s+(?:à|a|vers|dès)\s)"),
    # a weekday of a given week: "mercredi de la semaine prochaine", "lundi cette semaine"
    ("weekweekday", rf"{_START}(?:le\s+)?{WD}\s+(?:de\s+)?(?P<this>la|cette)\s+semaine(?:\s+{REL})?{_END}"),
    ("date", rf"{_START}(?:(?:le\s+|la\s+)?(?P<mod>début|fin|mi)(?:[\s-]+))?(?:(?P<this>le|ce)\s+)?"
             rf"(?:{WD}\s+)?{DAY}\s+{MONTH}(?:\s+{YEAR})?(?:\s+{REL})?{_END}"),
    ("numdate", r"(?<![\w/.,])(?:le\s+)?(?P<day>3[01]|[12]\d|0?[1-9])/(?P<nmonth>1[0-2]|0?[1-9])"
                r"(?:/(?P<year>\d{4}|\d\d))?(?![\w/]|[.,]\d)"),
    ("numdate", r"(?<![\w/.,-])(?P<year>\d{4})-(?P<nmonth>1[0-2]|0?[1-9])-(?P<day>3[01]|[12]\d|0?[1-9])(?![\w-])"),
    ("numdate", r"(?<![\w/.,])(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<nmonth>1[0-2]|0[1-9])\.(?P<year>\d{4})(?![\w.]\d)"),
    ("month", rf"{_START}(?:(?:le\s+|la\s+)?(?P<mod>début|fin|mi|milieu|courant)(?:-|\s+(?:du\s+|de\s+)?))?"
              rf"(?:(?:le\s+)?mois\s+(?:de\s+|d')\s*)?{MONTH_FULL}(?:\s+{YEAR})?(?:\s+{REL})?{_END}"),
    ("year", rf"(?<![\w.,/-])(?:(?:la\s+|le\s+)?(?P<mod>début|fin|mi|milieu)[\s-]+(?:(?:de\s+)?l'année\s+)?|"
             rf"l'(?:année|an)\s+)?{YEAR4}(?!\w|[.,]\d|\s*(?:%|€|\$|euros?|francs?|dollars?|habitants|personnes|"
             r"km|kilo|mètres?|m\b|m²|m2|tonnes?|h\b|heures?|voix|places|exemplaires|hectares|ha\b|salariés|emplois|"
             r"logements|élèves|spectateurs|visiteurs|membres|participants|candidats|agents|soldats|hommes|femmes|"
             r"enfants|morts|victimes|véhicules|voitures|points?|litres?|kg|g\b|mm|cm))"),
    ("decade", r"(?<!\w)(?:les\s+)?années\s+(?P<decade>(?:19|20)?\d0)(?!\w)"),
    ("dayrel", rf"{_START}(?P<dayrel>avant-hier|après-demain|hier|aujourd'hui|demain|ce\s+jour(?:-là|\s+là)?|"
               r"la\s+veille|le\s+lendemain|le\s+surlendemain|l'avant-veille|le\s+jour\s+même|"
               r"le\s+jour\s+(?:suivant|précédent|d'après|d'avant)|jour\s+suivant)"
               rf"(?:\s+(?:(?:au|en|dans\s+la|dans\s+l')\s*)?{POD})?(?:\s+(?P<wd>lundi|mardi|mercredi|jeudi|"
               rf"vendredi|samedi|dimanche))?"
               rf"{_END}"),
    ("weekday", rf"{_START}(?:(?P<this>ce|le|ce\s+même)\s+)?{WD}(?:\s+{REL})?"
                rf"(?:\s+(?:dans\s+la\s+|dans\s+l'|en\s+)?{POD})?{_END}"),
    ("unitrel", rf"{_START}(?:(?:la\s+|le\s+)?(?P<mod>début|fin|milieu)\s+(?:de\s+la\s+|de\s+l'|du\s+|de\s+ce\s+|"
                rf"de\s+cette\s+|de\s+cet\s+)(?:(?P<this2>ce|cet|cette)\s+)?|(?P<this>ce|cet|cette)\s+|(?:la|le|l')\s*)"
                r"(?P<unit>semaine|mois|année|an|week-end|weekend|trimestre|semestre|siècle|décennie|"
                rf"été|hiver|automne|printemps)(?:-ci)?(?:\s+{REL})?{_END}"),
    ("unitrel", rf"{_START}(?:(?:en|au)\s+(?P<mod>début|fin|milieu)\s+(?:de\s+|d'))"
                r"(?P<unit>semaine|mois|année|journée|matinée|soirée|après-midi)" + _END),
    ("season", rf"{_START}(?:(?:les\s+mois\s+d')(?P<season>été|hiver|automne)|(?<=en\s)(?P<season2>été|hiver|"
               rf"automne)|(?<!d')(?<!d’)(?P<season3>hiver|automne|printemps|Eté|Été))(?:\s+{YEAR4})?{_END}"),
    ("ago", rf"{_START}(?:il\s+y\s+a|voici|voilà|y\s+a)\s+(?:{APPROX}\s+)?{NUM}\s+{UNIT}{_END}"),
    ("in", rf"{_START}dans\s+(?:{APPROX}\s+)?{NUM}\s+{UNIT}{_END}"),
    ("later", rf"{_START}(?:{APPROX}\s+)?{NUM}\s+{UNIT}\s+(?P<rel>plus\s+tard|après|plus\s+tôt|auparavant)"
              rf"{_END}"),
    ("duration", rf"{_START}(?:{APPROX}\s+)?(?:les\s+)?{NUM}\s+(?:(?P<rel>derni[eè]re?s?|prochaine?s?|"
                 rf"premi[eè]re?s?)\s+)?{UNIT}(?:\s+et\s+(?P<half>demie?)|\s+(?P<rel2>suivante?s?|précédente?s?))?"
                 rf"{_END}"),
    ("duration", rf"{_START}(?:ces|les)\s+(?:{NUM}\s+)?(?P<rel>derniers|dernières|prochains|prochaines)\s+{UNIT}"
                 rf"{_END}"),
    ("durnoun", rf"{_START}(?P<durnoun>quinquennat|septennat|un\s+quart\s+de\s+siècle|un\s+demi-siècle|"
                r"une\s+demi-heure|un\s+quart\s+d'heure|trois\s+quarts\s+d'heure|une\s+demi-journée)" + _END),
    ("set", rf"{_START}(?:chaque|tous\s+les|toutes\s+les)\s+(?:{NUM}\s+)?(?:{WD}s?|{UNIT})(?:\s+{POD}s?)?{_END}"),
    ("set", rf"{_START}(?:toute\s+l'année|toute\s+la\s+journée){_END}"),
    ("setper", rf"(?<=\bpar\s){UNIT_SG}{_END}"),
    ("setadj", r"(?<!\w)(?P<setadj>hebdomadaires?|mensuel(?:le)?s?|annuel(?:le)?s?|"
               r"journali(?:er|ère)s?)(?!\w)"),
    ("time", rf"{NEAR}{_START}(?:{APPROX_T}\s+)?(?P<hour>2[0-4]|[01]?\d)\s*(?:h|H)\s*"
             rf"(?:(?P<minute>[0-5]\d)|\s(?P<minx>{_MIN_COUNT}))?"
             rf"(?:\s+(?P<pod>du\s+matin|du\s+soir|de\s+l'après-midi|du\s+mat|locales?))?{_END}"),
    ("time", rf"{NEAR}{_START}(?:{APPROX_T}\s+)?(?P<hour>2[0-3]|[01]?\d):(?P<minute>[0-5]\d){_END}"),
    ("time", rf"{NEAR}{_START}(?:{APPROX_T}\s+)?(?P<hour>2[0-4]|[01]?\d|{NUMW})\s+heures?(?:\s+{MIN_WORDS})?"
             rf"(?:\s+(?P<pod>du\s+matin|du\s+soir|de\s+l'après-midi|du\s+mat))?{_END}"),
    ("time", rf"{NEAR}(?<![\w-])(?:{APPROX_T}\s+)?(?P<hword>midi|minuit)(?:\s+{MIN_WORDS})?{_END}"),
    ("pod", rf"{_START}(?:(?P<this>ce|cette|cet)\s+|(?:la|le|l')\s*|dès\s+(?:le|la)\s+)"
            rf"(?P<pod>matin|matinée|soir|soirée|nuit|après-midi){_END}(?:\s+(?P<rel>même))?"),
    ("pod", r"(?<!\w)(?P<pod>nocturnes?)(?!\w)"),
    ("ref", r"(?<!\w)(?P<ref>maintenant|actuellement|désormais|à\s+présent|en\s+ce\s+moment|de\s+nos\s+jours|"
            r"à\s+l'heure\s+actuelle|actuel(?:le)?s?|tout\s+de\s+suite|dorénavant|auparavant|autrefois|jadis|"
            r"naguère|récemment|dernièrement|dans\s+le\s+passé|nouvellement|précédemment|prochainement|"
            r"bientôt|à\s+l'avenir|dans\s+l'avenir|ultérieurement|dans\s+le\s+futur)(?!\w)"),
    ("holiday", r"(?<!\w)(?P<holiday>(?:le\s+)?jour\s+de\s+no[eë]l|no[eë]l|nouvel\s+an|jour\s+de\s+l'an|"
                r"(?:la\s+)?toussaint|jour\s+des\s+morts|fête\s+du\s+travail|(?:la\s+)?saint-sylvestre|"
                r"(?:la\s+)?saint-valentin)(?!\w)"),
]

# a document with none of these has no time expression: the tagger stops there
TRIGGER = (r"\d|janv|f[ée]vr?|mars|avril|mai\b|juin|juil|ao[uû]t|sept|octob|novem|d[ée]cem|lundi|mardi|mercredi|"
           r"jeudi|vendredi|samedi|dimanche|hier|demain|aujourd|veille|lendemain|semaine|mois|ann[ée]e|\ban\b|\bans\b|"
           r"jour|heure|minute|\bmin\b|\bmn\b|seconde|"
           r"matin|soir|nuit|midi|minuit|été|hiver|automne|printemps|actuel|maintenant|"
           r"désormais|présent|moment|auparavant|autrefois|jadis|naguère|récemment|dernièrement|prochainement|"
           r"bientôt|avenir|futur|passé|quinquennat|septennat|siècle|décennie|quotidien|hebdomadaire|mensuel|"
           r"annuel|journali|nocturne|trimestre|semestre|quinzaine|week|no[eë]l|toussaint|nouvel an|"
           r"saint-|fête|nouvellement|précédemment|ultérieurement|dorénavant|tout de suite")
