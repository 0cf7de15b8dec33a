"""The tense of the clause around a character offset, read from a parsed spaCy Doc.

    tense_of = tense_function(doc, "fr")
    tense_of(42)   # "past", "present", "future" or None

French: passé composé (aux avoir/être in the present + participle) and plus-que-parfait are
past, futur and futur proche (aller + infinitive) and the conditional are future.
English: VBD and have + VBN are past, will/shall/'ll and going to + verb are future.
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Token

__all__ = ["tense_function", "verb_tense"]

_VERBS = {"VERB", "AUX"}


def _governing_verb(token: Token) -> Token | None:
    seen = 0
    while seen < 50:
        auxiliary = token.pos_ == "AUX" and token.head is not token and token.dep_.startswith("aux")
        if token.pos_ in _VERBS and not auxiliary:
            return token
        if token.head is token:
            return None
        token, seen = token.head, seen + 1
    return None


def verb_tense(verb: Token, future_aux: frozenset[str] = frozenset()) -> str | None:
    """``past``, ``present`` or ``future`` for a verb and its auxiliaries; None when nothing tells."""
    auxes = [c for c in verb.children if c.dep_.startswith("aux") or (c.pos_ == "AUX" and c.dep_ == "aux")]
    lemmas = {a.lemma_.lower() for a in auxes} | {a.lower_ for a in auxes}
    if lemmas & future_aux:
        return "future"
    if verb.lemma_.lower() in future_aux and any(c.morph.get("VerbForm") == ["Inf"] for c in verb.children):
        return "future"  # "va annoncer", "going to announce"
    if verb.head is not verb and verb.head.lemma_.lower() in future_aux and verb.morph.get("VerbForm") == ["Inf"]:
        return "future"
    morph = verb.morph
    tense, form, mood = morph.get("Tense"), morph.get("VerbForm"), morph.get("Mood")
    if verb.tag_ == "VBD":
        return "past"
    if form == ["Part"] and auxes:
        aux_tenses = {t for a in auxes for t in a.morph.get("Tense")}
        aux_moods = {m for a in auxes for m in a.morph.get("Mood")}
        if "Fut" in aux_tenses:
            return "future"
        passive = morph.get("Voice") == ["Pass"] and all(a.dep_ == "aux:pass" for a in auxes)
        if verb.tag_ == "VBN":
            passive = all(a.lemma_.lower() == "be" for a in auxes)
            if any(a.tag_ == "VBD" for a in auxes):
                return "past"
        if not passive and ("Pres" in aux_tenses or "Imp" in aux_tenses or "Past" in aux_tenses or "Cnd" in aux_moods):
            return "past"
        if "Past" in aux_tenses or "Imp" in aux_tenses:
            return "past"
        return "present"
    if form == ["Part"]:
        return None
    if "Fut" in tense:
        return "future"
    if "Cnd" in mood:
        return "future"
    if "Past" in tense or "Imp" in tense:
        return "past"
    if "Pres" in tense or verb.tag_ in ("VBZ", "VBP"):
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        return "present"
    if any(a.tag_ == "VBD" for a in auxes) or any("Past" in a.morph.get("Tense") for a in auxes):
        return "past"
    if any("Pres" in a.morph.get("Tense") for a in auxes):
        return "present"
    return None


def tense_function(doc: Doc, lang: str) -> Callable[[int], str | None]:
    """A function from a character offset of ``doc.text`` to the tense of the clause there."""
    try:
        future_aux = importlib.import_module(f"veille.lang.{lang}.time").FUTURE_AUX
    except (ModuleNotFoundError, AttributeError):
        future_aux = frozenset()
    starts = [t.idx for t in doc]
    has_parse = doc.has_annotation("DEP")
    memo: dict[int, str | None] = {}

    def tense_of(offset: int) -> str | None:
        if not starts or not has_parse:
            return None
        i = max(0, bisect_right(starts, offset) - 1)
        if i in memo:
            return memo[i]
        token = doc[i]
        verb = _governing_verb(token)
        tense = None
        visited: set[int] = set()
        while verb is not None and verb.i not in visited:  # a non-projective parse can lead back
            visited.add(verb.i)
            tense = verb_tense(verb, future_aux)
            if tense is not None or verb.head is verb:
                break
            verb = _governing_verb(verb.head)
        if tense is None:
            root = token.sent.root
            tense = verb_tense(root, future_aux) if root.pos_ in _VERBS else None
        memo[i] = tense
        return tense

    return tense_of
