"""Build veille's English event triggers and the CAMEO → PLOVER table from the shared lexicons.

    python tools/build_triggers_en.py [--lexicons ../shared/lexicons]

Writes two data files, each with its own licence notice:
- src/veille/lang/en/triggers_cameo.tsv: PETRARCH verb patterns (CAMEO.2.0.txt, MIT) as rows
  ``lemma, words before the verb, words after the verb, CAMEO code``;
- src/veille/knowledge/plover_cameo.tsv: CAMEO code → PLOVER category and mode
  (CAMEO2PLOVER-2021.txt, CC BY-SA 4.0), with the few changes listed in OVERRIDES.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRIGGERS = ROOT / "src/veille/lang/en/triggers_cameo.tsv"
TABLE = ROOT / "src/veille/knowledge/plover_cameo.tsv"

# CAMEO 02 (appeal) has no row in CAMEO2PLOVER; PLOVER's REQUEST covers appeals and demands (GUIDE.md).
# 163 (impose embargo, boycott or sanctions) is SANCTION in GUIDE.md, COERCE in the 2021 table.
# 0813/0814 (ease a curfew, a state of emergency or martial law) are RETREAT in the 2021 table, CONCEDE in
# the PLOVER gold-standard records (eval/plover-gsr-en-dev.jsonl), whose convention veille follows.
OVERRIDES: dict[str, tuple[str, str]] = {
    "02": ("REQUEST", ""), "020": ("REQUEST", ""), "021": ("REQUEST", "assist"), "022": ("REQUEST", "assist"),
    "023": ("REQUEST", "assist"), "024": ("REQUEST", "change"), "025": ("REQUEST", "yield"),
    "026": ("REQUEST", "meet"), "027": ("REQUEST", "meet"), "028": ("REQUEST", "meet"),
    "163": ("SANCTION", ""), "0813": ("CONCEDE", ""), "0814": ("CONCEDE", ""),
}
# verbs whose subject is the victim, not the actor ("died in clashes"): their default code is dropped
VICTIM_VERBS = {"die"}
# verbs whose bare default codes a sense news seldom means, their patterns kept: "decided to approve a plan"
# and "trained hackers" are no intent to cooperate (030), "break the isolation" no assault (190), "failing to
# uphold rights" no rejection (120), "shunned work" no repression (170), "could lead to an agreement" no
# cooperation (060)
WIDE_DEFAULTS = {"decide", "train", "break", "fail", "shun", "lead"}

MIT_NOTICE = """\
# English event triggers: verb patterns -> CAMEO codes, derived by tools/build_triggers_en.py from
# CAMEO.2.0.txt, the PETRARCH CAMEO verb pattern dictionary (openeventdata/UniversalPetrarch @ 067552d).
# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
# following conditions: The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
# LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
# IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY.
#
# Columns: verb lemma, words before the verb, words after the verb, CAMEO code ("---": no event).
# Words are separated by spaces, alternatives by "|"; a trailing "_" asks for the exact word,
# otherwise a word of four letters or more matches as a prefix.
"""

SA_NOTICE = """\
# CAMEO code -> PLOVER v0.8 category and mode.
# Derived by tools/build_triggers_en.py from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8,
# 17 September 2021, edited by Philip Schrodt), openeventdata/PLOVER @ 5e0c24f,
# (c) Open Event Data Alliance, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
# This file is therefore CC BY-SA 4.0 too. Changes: CAMEO 02x (appeals) added as REQUEST and
# 163 (embargo, sanctions) moved to SANCTION, as veille's annotation guide codes them; 0813/0814 (easing a
# curfew, a state of emergency) moved to CONCEDE, as the PLOVER gold-standard records code them.
# Columns: CAMEO code, PLOVER category, PLOVER mode (may be empty).
"""

CODE = re.compile(r"\[([^\]]*)\]")


def read_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (category, mode) from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not match:
            continue
        code, rest = match.groups()
        parts = [p.strip() for p in rest.split(",")]
        category = parts[0]
        mode = parts[1] if len(parts) > 1 else ""
        if len(code) == 2 and code in table:
            continue  # "08: CONCEDE" then "08: RETREAT": the root stays the first
        table.setdefault(code, (category, mode))
    table.update(OVERRIDES)
    return table


def read_sets(lines: list[str]) -> dict[str, list[str]]:
    """Synonym sets (&NAME followed by +WORD lines) -> their single-word members."""
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("&"):
            name = line[1:].rstrip("_")
            sets[name] = []
        elif line.startswith("+") and name:
            word = line[1:].split()[0]
            if "_" not in word.rstrip("_"):
                sets[name].append(word.lower())
        elif line.startswith("#####"):
            name = None
    return sets


class UnknownSet(ValueError):
    """A pattern names a synonym set with no single-word member: without it the pattern would be wider."""


def slot(word: str, sets: dict[str, list[str]]) -> str | None:
    word = word.strip("(){}")
    if word.startswith("&"):
        members = sets.get(word[1:].rstrip("_"))
        if not members:
            raise UnknownSet(word)
        return "|".join(members)
    if not word or not re.match(r"^[A-Za-z][A-Za-z'-]*_?$", word):
        return None
    return word.lower()


def pattern_slots(words: list[str], sets: dict[str, list[str]]) -> str:
    """The pattern's words as slots; raises UnknownSet where a set cannot be read ("meet * (in &DISPUTE)"
    must not become "meet * in")."""
    slots = [slot(w, sets) for w in words]
    return " ".join(s for s in slots if s)


def read_verbs(lines: list[str], sets: dict[str, list[str]]) -> list[tuple[str, str, str, str]]:
    """(lemma, before, after, code) rows from the VERB PATTERNS section."""
    rows: list[tuple[str, str, str, str]] = []
    block_code = "---"
    verbs: list[tuple[str, str]] = []  # (lemma, particles)

    def flush_defaults() -> None:
        for lemma, particles in verbs:
            rows.append((lemma, "", particles, verb_codes.get((lemma, particles), block_code)))

    verb_codes: dict[tuple[str, str], str] = {}
    for raw in lines:
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            flush_defaults()
            verbs, verb_codes = [], {}
            found = CODE.search(line)
            block_code = found.group(1).strip() if found else "---"
            continue
        if line.startswith("-"):
            found = CODE.search(line)
            if not found:
                continue
            code = found.group(1).split(":")[0].strip()
            if not code:
                continue  # "[:173]": the code is the target's, not the subject's
            body = line[1:found.start()].split()
            if "*" not in body:
                continue
            star = body.index("*")
            try:
                before = pattern_slots(body[:star], sets)
                after = pattern_slots(body[star + 1:], sets)
            except UnknownSet:
                continue
            if not before and not after:
                continue
            # the comment names the verb the pattern was written for; other synonyms do not inherit it
            named = {w.lower() for w in re.findall(r"[A-Za-z_]+", comment)}
            owners = [v for v in verbs if "_".join(filter(None, [v[0], *v[1].split()])) in named] or verbs
            for lemma, particles in owners:
                rows.append((lemma, before, " ".join(p for p in (particles, after) if p), code))
            continue
        if line[0] in "~&":
            continue
        head = re.sub(r"\{[^}]*\}", "", line).strip()
        found = CODE.search(head)
        name = CODE.sub("", head).strip().split()
        if not name:
            continue
        words = name[0].lstrip("+").rstrip("_").lower().split("_")
        lemma, particles = words[0], " ".join(words[1:])
        if not re.match(r"^[a-z-]+$", lemma):
            continue
        verbs.append((lemma, particles))
        if found:
            verb_codes[(lemma, particles)] = found.group(1).split(":")[0].strip() or "---"
    flush_defaults()
    cleaned = []
    seen = set()
    for lemma, before, after, code in rows:
        if lemma in VICTIM_VERBS | WIDE_DEFAULTS and not before and not after:
            code = "---"
        if not code or code.startswith("01"):
            code = "---"
        row = (lemma, before, after, code)
        if row not in seen:
            seen.add(row)
            cleaned.append(row)
    cleaned.sort()
    return cleaned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicons", type=Path, default=ROOT.parent / "shared" / "lexicons")
    args = parser.parse_args()
    table = read_table(args.lexicons / "CAMEO2PLOVER-2021.txt")
    with TABLE.open("w", encoding="utf-8") as out:
        out.write(SA_NOTICE)
        for code in sorted(table):
            category, mode = table[code]
            out.write(f"{code}\t{category}\t{mode}\n")
    lines = (args.lexicons / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    sets = read_sets(lines[:start])
    rows = read_verbs(lines[start + 1:], sets)
    with TRIGGERS.open("w", encoding="utf-8") as out:
        out.write(MIT_NOTICE)
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{TABLE.relative_to(ROOT)}: {len(table)} codes; {TRIGGERS.relative_to(ROOT)}: {len(rows)} patterns")


if __name__ == "__main__":
    main()
