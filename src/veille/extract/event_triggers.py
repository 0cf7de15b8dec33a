"""Event triggers as data per language, and the matching of a token against them.

    rule, used = match_trigger(token, "fr")   # Rule(category="ACCUSE", mode="disapprove", ...) or None

French rules come from ``lang/fr/triggers.tsv`` (curated, constrained rows in order); English rules
from ``lang/en/triggers.tsv`` (curated rows in the same format) and ``lang/en/triggers_cameo.tsv``
(PETRARCH verb patterns → CAMEO codes, mapped to PLOVER through ``knowledge/plover_cameo.tsv``), the
longest pattern that holds winning. ``used`` are the tokens a rule consumed (the object of a light verb),
which are then not triggers of their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from veille.knowledge.plover import cameo_to_plover

__all__ = [
    "Rule",
    "is_passive",
    "load_cues",
    "load_rules",
    "match_trigger",
    "objects",
    "prep_children",
    "verb_lemma",
]

OBJ_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "obl:arg", "attr"})
PREP_DEPS_UD = ("obl", "nmod", "xcomp", "advcl", "ccomp", "acl")
NOUN_MOD_DEPS = frozenset({"amod", "nmod", "compound", "acl", "nummod", "obl", "obl:mod", "appos", "flat:name"})
REFLEXIVE = frozenset({"se", "s", "me", "m", "te", "t", "nous", "vous"})  # "s'" and "m'" without the apostrophe


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger row: a lemma, the event it codes and the constraints it asks for."""

    pos: str
    lemma: str
    category: str
    mode: str | None = None
    cameo: str | None = None
    obj: frozenset[str] | None = None
    prep: frozenset[str] | None = None
    mod: frozenset[str] | None = None
    reflexive: bool = False
    passive: bool = False
    agent_par: bool = False
    recip: bool = False
    before: tuple[frozenset[str], ...] = ()
    after: tuple[frozenset[str], ...] = ()


def _words(value: str) -> frozenset[str]:
    return frozenset(w.lower() for w in value.split("|") if w)


def _fr_rule(fields: list[str]) -> Rule:
    pos, lemma, category = fields[0], fields[1], fields[2]
    mode = fields[3] if len(fields) > 3 and fields[3] else None
    options: dict[str, Any] = {}
    for item in (fields[4] if len(fields) > 4 else "").split():
        key, _, value = item.partition("=")
        if key in ("obj", "prep", "mod"):
            options[key] = _words(value)
        elif key == "se":
            options["reflexive"] = True
        elif key == "pass":
            options["passive"] = True
        elif key == "agent":
            options["agent_par"] = True
        elif key == "recip":
            options["recip"] = True
    return Rule(pos, lemma.lower(), category, mode, **options)


def _en_rule(fields: list[str]) -> Rule | None:
    lemma, before, after, code = fields[:4]
    if code == "---":
        return Rule("verb", lemma, "-", before=_slots(before), after=_slots(after))
    plover = cameo_to_plover(code)
    if plover is None:
        return None
    category, mode = plover
    return Rule("verb", lemma, category, mode, cameo=code, before=_slots(before), after=_slots(after))


def _slots(value: str) -> tuple[frozenset[str], ...]:
    return tuple(_words(slot) for slot in value.split())


@cache
def load_rules(lang: str) -> dict[str, list[Rule]]:
    """The trigger rules of a language by lemma, in the order they are tried."""
    folder = resources.files(f"veille.lang.{lang}")
    rules: dict[str, list[Rule]] = {}
    for name in ("triggers.tsv", "triggers_cameo.tsv"):
        source = folder.joinpath(name)
        if not source.is_file():
            continue
        for line in source.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            rule = _en_rule(fields) if name == "triggers_cameo.tsv" else _fr_rule(fields)
            if rule is not None:
                rules.setdefault(rule.lemma, []).append(rule)
    return rules


@cache
def load_cues(lang: str) -> dict[str, Any]:
    """Modality, role and source cues of a language (``lang/<lang>/triggers_cues.json``)."""
    source = resources.files(f"veille.lang.{lang}").joinpath("triggers_cues.json")
    return json.loads(source.read_text(encoding="utf-8"))


# --- dependency helpers shared by both parsing schemes (UD for French, ClearNLP for English) ------


def prep_children(token: Token) -> list[tuple[str, Token]]:
    """(preposition or marker, its complement) pairs hanging off a token: "avec X", "à boycotter", "to X"."""
    pairs: list[tuple[str, Token]] = []
    for child in token.children:
        dep = child.dep_
        if dep in ("prep", "agent", "dative") and child.pos_ == "ADP":
            comps = [c for c in child.children if c.dep_ in ("pobj", "pcomp")] or _stranded(child)
            pairs.extend((child.lower_, c) for c in comps)
        elif dep.startswith(PREP_DEPS_UD) or dep == "obl:agent":
            for marker in child.children:
                if marker.dep_ in ("case", "mark") and marker.i < child.i:
                    pairs.append((marker.lower_.rstrip("'’"), child))
                    pairs.append((marker.lemma_.lower(), child))
        elif dep == "xcomp":
            for marker in child.children:
                if marker.dep_ == "aux" and marker.lower_ == "to":
                    pairs.append(("to", child))
    return pairs


def _stranded(prep: Token) -> list[Token]:
    """The object of a preposition the parser made the subject of the clause that follows it: "granted asylum
    to five officers holed up in an embassy" ("officers" parsed as the subject of "holed")."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return []
    nxt = doc[prep.i + 1]
    noun = next((t for t in nxt.ancestors if t.left_edge.i == prep.i + 1 and t.dep_.startswith("nsubj")), None)
    if noun is None and nxt.dep_.startswith("nsubj"):
        noun = nxt
    return [noun] if noun is not None and noun.pos_ in ("NOUN", "PROPN") else []


def objects(token: Token) -> list[Token]:
    """The direct objects of a verb, with their coordinated heads."""
    found = [c for c in token.children if c.dep_ in ("obj", "dobj")]
    return [*found, *(c for f in found for c in f.conjuncts)]


def is_passive(token: Token) -> bool:
    """A passive verb: a passive auxiliary, or a passive subject with no tense auxiliary (the French parser
    marks the subject of "il a promis" nsubj:pass, but "a" makes it active)."""
    deps = {c.dep_ for c in token.children}
    if deps & {"aux:pass", "auxpass", "obl:agent"}:
        return True
    if token.dep_ == "conj" and not any(d.startswith(("nsubj", "aux")) for d in deps) and token.head is not token:
        return is_passive(token.head)  # "a été pris à partie et agressé par deux individus"
    if deps & {"nsubj:pass", "nsubjpass"}:
        return "aux:tense" not in deps and "aux" not in deps
    return False


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def verb_lemma(verb: Token) -> str:
    """A verb's lemma, mended where the lemmatizer gave back a present form of a verb in -er as it stands
    ("réclame" → "réclamer")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ == "VERB" and lemma == verb.lower_ and lemma.endswith("e") and "Fin" in verb.morph.get("VerbForm"):
        return lemma + "r"
    return lemma


def _near(token: Token, depth: int = 2) -> list[Token]:
    found, frontier = [], [token]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children]
        found.extend(frontier)
    return found


def _check_fr(token: Token, rule: Rule) -> list[Token] | None:
    used: list[Token] = []
    if rule.passive and not is_passive(token):
        return None
    if rule.reflexive and not any(c.lower_.rstrip("'’") in REFLEXIVE and c.pos_ == "PRON" for c in token.children):
        return None
    preps = prep_children(token)
    if rule.prep is not None and not any(p in rule.prep for p, _ in preps):
        return None
    if rule.obj is not None:
        if rule.pos == "verb":
            pool = objects(token) + [c for p, c in preps if rule.prep is None or p in rule.prep]
            if is_passive(token):
                pool += [c for c in token.children if c.dep_ in ("nsubj:pass", "nsubjpass")]
        else:
            pool = [c for c in token.children if c.dep_ in NOUN_MOD_DEPS]
        hits = [t for t in pool if _lemma(t) in rule.obj or t.lower_ in rule.obj]
        if not hits:
            return None
        used.extend(hits)
    if rule.mod is not None:
        pool = _near(token) + ([token.head] if rule.pos == "noun" else [])
        hits = [t for t in pool if _lemma(t) in rule.mod or t.lower_ in rule.mod]
        if not hits:
            return None
        used.extend(hits)
    return used


def _slot_match(slot: frozenset[str], token: Token) -> bool:
    forms = (token.lower_, _lemma(token))
    for word in slot:
        if word.endswith("_"):
            if word[:-1] in forms:
                return True
        elif len(word) >= 4:
            if any(f.startswith(word) for f in forms):
                return True
        elif word in forms:
            return True
    return False


def _in_order(slots: tuple[frozenset[str], ...], tokens: list[Token]) -> list[Token] | None:
    used, pos = [], 0
    for slot in slots:
        while pos < len(tokens) and not _slot_match(slot, tokens[pos]):
            pos += 1
        if pos == len(tokens):
            return None
        used.append(tokens[pos])
        pos += 1
    return used


CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis"})


def _own_clause(token: Token, verb: Token) -> bool:
    """Whether a word of the verb's subtree belongs to the verb's own clause, not to a clause with a subject of
    its own below it: in "announced it would prohibit all aid", "aid" is no object of "announced"."""
    current = token
    while current.i != verb.i and current.head is not current:
        if current.dep_ in CLAUSE_DEPS and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return False
        current = current.head
    return True


def _check_en(token: Token, rule: Rule) -> list[Token] | None:
    right = [t for t in token.subtree if t.i > token.i and _own_clause(t, token)][:12]
    left = [t for t in token.subtree if t.i < token.i and _own_clause(t, token)][-6:]
    before = _in_order(rule.before, left) if rule.before else []
    after = _in_order(rule.after, right) if rule.after else []
    if before is None or after is None:
        return None
    return [t for t in after if t.pos_ in ("NOUN", "PROPN")]


def _specificity(rule: Rule, curated: bool) -> int:
    """What a rule weighs beside a PETRARCH pattern's words: a row written for PLOVER counts as two words (it
    outweighs the CAMEO verb with one complement word, "indict for crime"), and one more per constraint it sets
    ("call off" a strike, obj and mod, outweighs "call * off strike")."""
    constraints = sum(c is not None for c in (rule.obj, rule.prep, rule.mod))
    return 2 + constraints if curated else int(constraints > 0)


def _in_name(token: Token) -> bool:
    """Whether a noun is part of a name, not a common noun phrase the tagger took for a miscellaneous entity
    ("la prise d'otages des ministres" tagged MISC is no name: it has no capitalised word)."""
    if token.ent_type_ != "MISC":
        return True
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is None or any(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in ent if t.is_alpha)


def match_trigger(token: Token, lang: str) -> tuple[Rule, list[Token]] | None:
    """The first rule of ``lang`` whose constraints the token meets, and the tokens it consumed."""
    if token.pos_ not in ("VERB", "NOUN", "AUX") or (token.ent_type_ and token.pos_ == "NOUN" and _in_name(token)):
        return None
    if token.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense"):  # "will", "would", "a", "est"
        return None
    pos = "noun" if token.pos_ == "NOUN" else "verb"
    rules = load_rules(lang)
    candidates = [r for r in rules.get(_lemma(token), ()) if r.pos == pos]
    if not candidates and pos == "verb" and lang == "fr":
        candidates = [r for r in rules.get(verb_lemma(token), ()) if r.pos == pos]
    if not candidates:
        return None
    if lang == "en":
        best: tuple[int, Rule, list[Token]] | None = None
        for rule in candidates:
            curated = rule.cameo is None and rule.category != "-"  # a row of lang/en/triggers.tsv
            used = _check_fr(token, rule) if curated else _check_en(token, rule)
            if used is None:
                continue
            size = len(rule.before) + len(rule.after) + _specificity(rule, curated)
            if best is None or size > best[0]:
                best = (size, rule, used)
        if best is None or best[1].category == "-":
            return None
        return best[1], best[2]
    for rule in candidates:
        used = _check_fr(token, rule)
        if used is not None:
            return (rule, used) if rule.category != "-" else None
    return None
