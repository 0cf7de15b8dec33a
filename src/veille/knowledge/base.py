"""The actor knowledge base: countries, seats, organisations, office-holders with tenures, and the gazetteer.

    kb = load_kb()
    kb.lookup("Moscou")                                   # [Entity(country:RUS ...)] via its capital
    kb.person_for_role("RUS", "president", "2024-06-19")  # Entity(Q7747, "Vladimir Poutine")
    kb.place("Pyongyang")                                 # Location("Pyongyang", "PRK", 1871859, ...)
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from veille.knowledge.names import is_acronym, normalise
from veille.records import Location

__all__ = ["Country", "Entity", "KnowledgeBase", "Role", "kb_sizes", "load_kb"]

# countries whose people are named family name first, as the press writes them (Chinese, Korean, Vietnamese)
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM", "SGP"})
# the roles that make someone head of state, in the order tried
HEAD_OF_STATE = ("president", "supreme_leader", "monarch")


@dataclass(slots=True, frozen=True)
class Role:
    """One tenure: ``country`` ``role`` from ``start`` to ``end`` (ISO dates, ``None`` = open), in ``sector``."""

    country: str
    role: str
    start: str | None = None
    end: str | None = None
    sector: str | None = "GOV"

    def holds_at(self, date: str | None) -> bool:
        """True when the tenure covers ``date`` (compared at the date's own granularity); ``None`` = today."""
        if date is None:
            return self.end is None
        if self.start and self.start[: len(date)] > date:
            return False
        if self.end is None:
            return True
        return date < self.end if len(date) >= len(self.end) else self.end[: len(date)] >= date


@dataclass(slots=True, eq=False)
class Entity:
    """A knowledge-base entity: a country, seat of government, organisation or person."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()

    def country_at(self, date: str | None) -> str | None:
        """The country the entity acts for at ``date`` (a person's office, else its own code)."""
        for role in reversed(self.roles):
            if role.holds_at(date):
                return role.country
        return self.country

    def sector_at(self, date: str | None) -> str | None:
        """The sector of the office held at ``date`` (a party leader: PTY), else the entity's own."""
        for role in reversed(self.roles):
            if role.holds_at(date):
                return role.sector
        return self.sector


@dataclass(slots=True)
class Country:
    """An ISO 3166-1 country (or a historical state) with its names, demonyms and capital."""

    code: str
    iso2: str | None
    names_fr: list[str]
    names_en: list[str]
    demonyms_fr: list[str]
    demonyms_en: list[str]
    capital_fr: str | None
    capital_en: str | None
    leader_role: str
    wikidata: str | None
    geonameid: int | None

    @property
    def name(self) -> str:
        return (self.names_fr or self.names_en or [self.code])[0]


@dataclass
class KnowledgeBase:
    """Lookups over the knowledge-base data (``kb.json``); build one with :func:`load_kb`."""

    data: dict[str, Any]
    entities: dict[str, Entity] = field(init=False)
    countries: dict[str, Country] = field(init=False)

    def __post_init__(self) -> None:
        data = self.data
        self._qids: frozenset[str] | None = None
        self.countries = {code: Country(code=code, **info) for code, info in data["countries"].items()}
        self.entities = {}
        self._aliases: dict[str, list[Entity]] = defaultdict(list)
        self._acronyms: dict[str, list[Entity]] = defaultdict(list)
        self._surnames: dict[str, list[Entity]] = defaultdict(list)
        for item in data["entities"]:
            roles = tuple(Role(**r) for r in item.get("roles", ()))
            entity = Entity(item["id"], item["kind"], item["name"], tuple(item["aliases"]), item["wikidata"],
                            item["country"], item["sector"], roles)
            self.entities[entity.id] = entity
            for alias in (entity.name, *entity.aliases):
                self._index(alias, entity)
            # a monarch's name is a regnal one ("Juan Carlos", "Charles III"): no word of it is a family name
            if entity.kind == "person" and not any(r.role == "monarch" for r in roles):
                for alias in (entity.name, *entity.aliases):
                    words = normalise(alias).split()
                    if len(words) > 1:
                        self._surnames[words[-1]].append(entity)
                        if entity.country in FAMILY_NAME_FIRST:  # "Kim" Jong-un, "Xi" Jinping; not "Hassan" Rohani
                            self._surnames[words[0]].append(entity)
        self._demonyms = {normalise(form): code for form, code in data["demonyms"].items()}
        self._capitals: dict[str, str] = {}
        # a capital names the curated (current) country first: Belgrade is Serbia's, not Serbia and Montenegro's
        for code, country in sorted(self.countries.items(), key=lambda item: not item[1].demonyms_fr):
            for capital in (country.capital_fr, country.capital_en):
                if capital:
                    self._capitals.setdefault(normalise(capital), code)
        self._places: dict[str, list[list[Any]]] = defaultdict(list)
        self._place_qids: dict[int, str] = {}
        for row in data["places"]:
            for name in {row[0], *row[6]}:
                self._places[normalise(name)].append(row)
            if len(row) > 7 and row[7]:
                self._place_qids[row[2]] = row[7]
        self._sectors = {lang: {normalise(w): s for w, s in words.items()} for lang, words in data["sectors"].items()}
        self._roles = {lang: {normalise(w): r for w, r in words.items()} for lang, words in data["roles"].items()}
        self._org_words = {lang: {normalise(w) for w in words}
                           for lang, words in data.get("organisation_words", {}).items()}
        self._not_names = {lang: {w if is_acronym(w) else normalise(w) for w in words}
                           for lang, words in data.get("not_names", {}).items()}

    def _index(self, alias: str, entity: Entity) -> None:
        if is_acronym(alias):
            if entity not in self._acronyms[alias]:
                self._acronyms[alias].append(entity)
            return
        key = normalise(alias)
        if key and entity not in self._aliases[key]:
            self._aliases[key].append(entity)

    # --- entities ---------------------------------------------------------------------

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id (``country:RUS``, ``org:nato``, ``Q7747``), or None."""
        return self.entities.get(entity_id)

    def lookup(self, name: str) -> list[Entity]:
        """Entities with this exact name or alias (accent- and case-insensitive; acronyms case-sensitive)."""
        name = name.strip()
        if is_acronym(name):
            found = (self._acronyms.get(name.replace(" ", ""), []) or self._acronyms.get(name, [])
                     or self._acronyms.get(name.replace(" ", "").replace(".", ""), []))  # "U.S" as "US"
            if found:
                return list(found)
        return list(self._aliases.get(normalise(name), ()))

    def people_named(self, surname: str) -> list[Entity]:
        """People whose family name (first or last word of a known full name) is ``surname``."""
        return list(dict.fromkeys(self._surnames.get(normalise(surname), ())))

    def country(self, code: str) -> Country | None:
        """The country with this ISO alpha-3 (or historical) code."""
        return self.countries.get(code)

    def country_entity(self, code: str) -> Entity | None:
        return self.entities.get(f"country:{code}")

    def demonym(self, word: str) -> str | None:
        """The country code of a demonym in any gender and number (``nord-coréennes`` -> ``PRK``)."""
        return self._demonyms.get(normalise(word))

    def capital_of(self, name: str) -> str | None:
        """The country whose capital is ``name`` (``Moscou`` -> ``RUS``)."""
        return self._capitals.get(normalise(name))

    def sector_word(self, word: str, lang: str = "fr") -> str | None:
        """The sector a word or phrase signals (``gendarmerie`` -> ``COP``), by lemma or plural."""
        words = self._sectors.get(lang, {})
        key = normalise(word)
        found = words.get(key) or (words.get(key[:-1]) if key.endswith(("s", "x")) else None)
        if found is None and " " in key:
            # the plural of a phrase's head: "gardiens de la paix"
            head, _, rest = key.partition(" ")
            if head.endswith(("s", "x")):
                found = words.get(f"{head[:-1]} {rest}")
        return found

    def role_word(self, phrase: str, lang: str = "fr") -> str | None:
        """The office a phrase names (``chef de la diplomatie`` -> ``foreign_minister``)."""
        return self._roles.get(lang, {}).get(normalise(phrase))

    def is_not_name(self, text: str, lang: str = "fr") -> bool:
        """True for capitalised common words and acronyms that NER mistakes for names (``État``, ``ICBM``)."""
        key = text if is_acronym(text) else normalise(text)
        return any(key in self._not_names.get(k, ()) for k in (lang, "*"))

    def names_organisation(self, name: str, lang: str = "fr") -> bool:
        """True when a name starts with a noun that heads organisation names (``Banque de France``)."""
        words = self._org_words.get(lang, set())
        key = normalise(name).split()
        return bool(key) and (key[0] in words or " ".join(key[:3]) in words or " ".join(key[:2]) in words)

    def person_for_role(self, country: str, role: str, date: str | None = None) -> Entity | None:
        """Who held ``role`` for ``country`` at ``date`` (``None``: the latest holder).

        ``role`` is a role of people.tsv, or ``head_of_state`` or ``leader`` (the country's leading office).
        """
        info = self.countries.get(country)
        if role == "leader":
            role = info.leader_role if info else "president"
        wanted = HEAD_OF_STATE if role == "head_of_state" else (role,)
        holder = self._holder(country, wanted, date)
        if holder is None and role == "head_of_government":
            holder = self._holder(country, ("president",), date)  # presidential systems: one executive
        if holder is None and role == "president" and info and info.leader_role != "president":
            holder = self._holder(country, (info.leader_role,), date)
        return holder

    def _holder(self, country: str, roles: tuple[str, ...], date: str | None) -> Entity | None:
        best: tuple[tuple[int, str], Entity] | None = None
        for entity in self.entities.values():
            for r in entity.roles:
                if r.country != country or r.role not in roles:
                    continue
                if date is not None and not r.holds_at(date):
                    continue
                # undated: the most recent tenure wins; dated: the order of ``roles`` breaks ties
                rank = (-roles.index(r.role), r.start or "") if date is not None else (0, r.start or "")
                if best is None or rank > best[0]:
                    best = (rank, entity)
        return best[1] if best else None

    def wikidata_ids(self) -> frozenset[str]:
        """Every Wikidata id an entity, country or place of the knowledge base carries."""
        if self._qids is None:
            self._qids = _wikidata_ids(self.data)
        return self._qids

    def sizes(self) -> dict[str, int]:
        """How many countries, organisations of each kind, persons, places ... the knowledge base holds."""
        return kb_sizes(self.data)

    def place_wikidata_by_name(self, name: str) -> str | None:
        """The Wikidata id of the most populous gazetteer city of that name, where it has one."""
        rows = self._places.get(normalise(name))
        if not rows:
            return None
        return self._place_qids.get(max(rows, key=lambda r: r[5])[2])

    def place_wikidata(self, geonameid: int | None) -> str | None:
        """The Wikidata id of a gazetteer city, where the knowledge base has one."""
        return self._place_qids.get(geonameid) if geonameid is not None else None

    # --- gazetteer -------------------------------------------------------------------

    def place(self, name: str, country: str | None = None) -> Location | None:
        """The place a name designates: a country, else the most populous city of that name."""
        key = normalise(name)
        for entity in self._aliases.get(key, ()):
            if entity.kind == "country" and entity.country:
                info = self.countries.get(entity.country)
                return Location(entity.name, entity.country, info.geonameid if info else None)
        rows = self._places.get(key)
        if not rows:
            return None
        if country:
            rows = [r for r in rows if r[1] == country] or rows
        row = max(rows, key=lambda r: r[5])
        return Location(row[0], row[1], row[2], row[3], row[4])


def _organisation_kind(item: dict[str, Any]) -> str:
    country, sector = item.get("country"), item.get("sector")
    if country in ("UNO", "IGO", "EUR"):
        return "intergovernmental bodies"
    if sector == "MED":
        return "agencies and media"
    if sector in ("REB", "UAF") or country == "ISM":
        return "armed groups"
    if country == "NGO":
        return "NGOs"
    if sector == "PTY":
        return "parties"
    if sector == "LAB":
        return "unions"
    return "other organisations"


def kb_sizes(data: dict[str, Any]) -> dict[str, int]:
    """How many items of each kind the knowledge-base data holds, in a fixed reading order."""
    entities = data["entities"]
    people = [e for e in entities if e["kind"] == "person"]
    orgs = [e for e in entities if e["kind"] == "organisation"]
    sizes = {
        "countries": len(data["countries"]),
        "country names and aliases": sum(1 + len(e["aliases"]) for e in entities if e["kind"] == "country"),
        "demonym forms": len(data["demonyms"]),
        "capitals": sum(1 for c in data["countries"].values() if c.get("capital_fr") or c.get("capital_en")),
        "seats of government": sum(1 for e in entities if e["kind"] == "seat"),
    }
    sizes["regions and former states"] = sum(1 for e in entities if e["kind"] == "region")
    for kind in ("intergovernmental bodies", "agencies and media", "armed groups", "NGOs", "parties", "unions",
                 "other organisations"):
        sizes[kind] = sum(1 for e in orgs if _organisation_kind(e) == kind)
    sizes["persons"] = len(people)
    sizes["tenures"] = sum(len(e.get("roles", ())) for e in people)
    sizes["cities and places"] = len(data["places"])
    sizes["places with a Wikidata id"] = sum(1 for row in data["places"] if len(row) > 7 and row[7])
    sizes["sector words"] = sum(len(words) for words in data["sectors"].values())
    sizes["role phrases"] = sum(len(words) for words in data["roles"].values())
    sizes["not-name words"] = sum(len(words) for words in data.get("not_names", {}).values())
    sizes["organisation head words"] = sum(len(words) for words in data.get("organisation_words", {}).values())
    sizes["Wikidata ids"] = len(_wikidata_ids(data))
    return sizes


def _wikidata_ids(data: dict[str, Any]) -> frozenset[str]:
    ids = {e["wikidata"] for e in data["entities"] if e.get("wikidata")}
    ids.update(c["wikidata"] for c in data["countries"].values() if c.get("wikidata"))
    ids.update(row[7] for row in data["places"] if len(row) > 7 and row[7])
    return frozenset(ids)


@cache
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    text = resources.files("veille.knowledge").joinpath("data", "kb.json").read_text(encoding="utf-8")
    return KnowledgeBase(json.loads(text))
