"""Matching a name as written to the knowledge base: countries, capitals, seats, organisations, people, places.

    match_name("Moscou")                 # Actor("Moscou", country="RUS", kind="capital", ...)
    match_name("Kim Jong Un", "PER")     # Actor("Kim Jong-un", "PRK", "GOV", "Q56226", ...)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from veille.knowledge import Entity, load_kb
from veille.knowledge.names import normalise

__all__ = ["HONORIFICS", "Actor", "actor_of", "as_government", "is_formal_name", "match_name", "strip_determiner",
           "strip_honorific"]

DETERMINER = re.compile(r"^(?:l['’]\s*|(?:le|la|les|the|du|des|de la|de l['’])\s+)", re.IGNORECASE)
HONORIFICS = ("M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.",
              "Ms", "Dr.", "Pr", "Pr.")
_HONORIFIC = re.compile(r"^(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")(?:\s+|(?<=\.)(?=[A-ZÀ-Ý]))")


@dataclass(slots=True)
class Actor:
    """What a name or phrase designates, with its actor codes; ``kind`` says which table it came from."""

    name: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    entity_id: str | None = None
    kind: str = "unknown"


def strip_determiner(text: str) -> str:
    """``"la Corée du Sud"`` -> ``"Corée du Sud"``."""
    return DETERMINER.sub("", text.strip(), count=1)


def strip_honorific(text: str) -> str:
    """``"M. Kim"`` -> ``"Kim"``."""
    return _HONORIFIC.sub("", text.strip(), count=1)


def actor_of(entity: Entity, date: str | None = None) -> Actor:
    """The actor codes of a knowledge-base entity at ``date``."""
    if entity.kind == "person":
        country, sector = entity.country_at(date), entity.sector_at(date)
    else:
        country, sector = entity.country, entity.sector
    return Actor(entity.name, country, sector, entity.wikidata, entity.id, entity.kind)


_PREFERRED = {"PER": ("person",), "ORG": ("organisation", "seat"), "LOC": ("country", "seat", "region"),
              "GPE": ("country", "seat", "region")}


def _choose(entities: list[Entity], label: str | None, date: str | None) -> Entity | None:
    if not entities:
        return None
    preferred = [e for e in entities if e.kind in _PREFERRED.get(label or "", ())]
    if not preferred:
        # a place NER saw is no person who bears its name ("Thiers", "Lincoln")
        preferred = [e for e in entities if not (label in ("LOC", "GPE") and e.kind == "person")]
        if not preferred:
            return None
    if len(preferred) > 1 and date is not None:
        preferred = [e for e in preferred if any(r.holds_at(date) for r in e.roles)] or preferred
    return preferred[0]


def _candidates(words: list[str]) -> list[Entity]:
    """The people a part of a full name may designate (``Assad``: Hafez and Bachar el-Assad)."""
    kb = load_kb()
    named = dict.fromkeys((*kb.people_named(words[-1]), *kb.people_named(words[0])))
    candidates = [e for e in named if set(words) <= set(normalise(" ".join((e.name, *e.aliases))).split())]
    if len(candidates) > 1 and len(words) > 1:
        # the words in their order ("Kim Jong" is Kim Jong-un or Kim Jong-il, not Kim Yo-jong)
        candidates = [e for e in candidates if any(_in_order(words, normalise(n).split())
                                                   for n in (e.name, *e.aliases))] or candidates
    return candidates


def _person(words: list[str], date: str | None) -> Entity | None:
    """A person named by part of a known full name (``Poutine``, ``Kim Jong Un``), when only one fits."""
    candidates = _candidates(words)
    if len(candidates) > 1:
        # several people share the name: keep the one in office at the date (today when undated)
        candidates = [e for e in candidates if any(r.holds_at(date) for r in e.roles)]
    return candidates[0] if len(candidates) == 1 else None


def _family(name: str, words: list[str], date: str | None) -> Actor | None:
    """A name that several people of one country share (``Assad``, ``Kim``): that country's codes, no identity."""
    candidates = _candidates(words)
    codes = {(e.country_at(date), e.sector_at(date)) for e in candidates}
    if len(candidates) < 2 or len(codes) != 1:
        return None
    country, sector = codes.pop()
    return Actor(name, country, sector, None, None, "person")


def _in_order(words: list[str], name: list[str]) -> bool:
    """True when ``words`` occur side by side in ``name`` (``kim jong`` in ``kim jong un``)."""
    n = len(words)
    return any(name[i:i + n] == words for i in range(len(name) - n + 1))


def match_name(text: str, label: str | None = None, date: str | None = None) -> Actor | None:
    """The actor a proper name designates, or None; ``label`` (PER, ORG, LOC, GPE) breaks ties."""
    kb = load_kb()
    name = strip_honorific(strip_determiner(text))
    if not name:
        return None
    entity = _choose(kb.lookup(name), label, date)
    if entity is not None:
        return actor_of(entity, date)
    capital = kb.capital_of(name)
    if capital and label != "PER":
        place = kb.place(name, capital)
        qid = kb.place_wikidata(place.geonameid) if place else None
        return Actor(place.name if place else name, capital, None, qid,
                     f"geonames:{place.geonameid}" if place else None, "capital")
    words = normalise(name).split()
    if words and label in (None, "PER", "MISC"):
        person = _person(words, date)
        if person is not None:
            return actor_of(person, date)
        family = _family(name, words, date) if label == "PER" else None
        if family is not None:
            return family
    if capital:
        return Actor(name, capital, None, None, None, "capital")
    if label in (None, "LOC", "GPE") and name[:1].isupper():
        place = kb.place(name)
        if place is not None:
            return Actor(place.name, place.country, None, kb.place_wikidata(place.geonameid),
                         f"geonames:{place.geonameid}", "place")
    return None


def as_government(actor: Actor) -> Actor:
    """A capital or country acting as its government (``Moscou a annoncé``): the country, sector GOV."""
    kb = load_kb()
    if actor.kind in ("capital", "country") and actor.country:
        country = kb.country_entity(actor.country)
        if country is not None:
            return Actor(country.name, actor.country, "GOV", country.wikidata, country.id, "country")
    return replace(actor, sector=actor.sector or "GOV")


def is_formal_name(text: str, actor: Actor) -> bool:
    """``RPDC``, ``DPRK``, ``Fédération de Russie``: the state's formal name stands for its government."""
    kb = load_kb()
    country = kb.country(actor.country or "")
    if country is None:
        return False
    common = (*country.names_fr[:1], *country.names_en[:1])
    if text.isupper() and len(text) <= 5:
        # the initials of the common name ("US", "USA", "UK", "EAU") are the country, not its formal name
        letters = text.replace(".", "").replace(" ", "")
        return not any(letters.startswith(_initials(n)) for n in common)
    # a formal name is longer than the common ones ("Fédération de Russie"; "Congo" is no formal name)
    longest = max(len(normalise(n).split()) for n in common)
    entity = kb.country_entity(country.code)
    names = (*country.names_fr[1:], *country.names_en[1:], *(entity.aliases if entity else ()))
    return normalise(text) in {normalise(n) for n in names if len(normalise(n).split()) > longest}


def _initials(name: str) -> str:
    """``"United Kingdom"`` -> ``"UK"``, ``"Émirats arabes unis"`` -> ``"EAU"`` (particles skipped)."""
    words = [w for w in normalise(name).split() if w not in ("de", "du", "des", "la", "le", "of", "the", "and", "et")]
    return "".join(w[0] for w in words).upper()
