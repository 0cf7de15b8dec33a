"""Modality of an event trigger: negated, hypothetical, future, from the parse and per-language cues.

    negated, hypothetical, future = find_modality(token, cues, reporting_verbs)
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from spacy.tokens import Token

__all__ = ["clause_chain", "find_modality", "reported"]

# deps through which a trigger inherits its governing verb's modality: "n'a pas voulu rencontrer",
# "a annulé une rencontre", "pourrait procéder à des essais"
CHAIN_DEPS = frozenset({"xcomp", "obj", "dobj", "obl:arg", "obl:mod", "pobj", "prep", "nsubj", "nsubjpass",
                        "nsubj:pass"})
NEG_DEPS = frozenset({"advmod", "neg", "det", "advmod:neg"})
MARK_DEPS = frozenset({"mark", "advmod", "aux", "obl:mod"})


def clause_chain(token: Token) -> list[Token]:
    """The trigger and the verbs that govern it inside its clause, nearest first."""
    chain = [token]
    current = token
    for _ in range(4):
        if current.dep_ not in CHAIN_DEPS or current.head is current:
            break
        current = current.head
        chain.append(current)
        # the verb of an object ends the chain, unless it is itself the infinitive of a verb that governs it:
        # "allait intensifier ses bombardements" is as future as "allait bombarder"
        if current.pos_ in ("VERB", "AUX") and chain[-2].dep_ in ("obj", "dobj", "obl:arg", "nsubj") \
                and current.dep_ != "xcomp":
            break
    return chain


def _negated(token: Token, cues: dict[str, Any]) -> bool:
    words = set(cues["negation"])
    if any(c.dep_ in NEG_DEPS and (c.lower_ in words or c.lemma_.lower() in words) for c in token.children):
        return True
    return any(c.lower_ in ("sans", "without") and c.dep_ in ("mark", "case", "prep") for c in token.children)


def _conditional(token: Token) -> bool:
    tokens = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
    return any("Cnd" in t.morph.get("Mood") for t in tokens)


def _future_tense(token: Token, cues: dict[str, Any]) -> bool:
    tokens = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
    if any("Fut" in t.morph.get("Tense") and t.pos_ in ("VERB", "AUX") for t in tokens):
        return True
    if any(_future_form(t, cues) for t in tokens):
        return True
    heads = set(cues["future_heads"])
    return any(c.dep_.startswith("aux") and c.lower_ in heads for c in token.children)


def _future_form(token: Token, cues: dict[str, Any]) -> bool:
    """A finite verb whose ending is the future's though the tagger read a present ("essaiera"); a verb in
    -rer is left out, its simple past ending alike ("tira")."""
    endings = tuple(cues.get("future_endings", ()))
    lemma = token.lemma_.lower()
    return bool(endings) and token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm") and len(token.text) > 5 \
        and token.lower_.endswith(endings) and not lemma.endswith("rer") and lemma != token.lower_


def reported(token: Token, reporting_verbs: Collection[str]) -> bool:
    """Whether the token's clause is what a reporting verb reports ("said it would allow")."""
    current = token
    for _ in range(4):
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in reporting_verbs:
            return True
        if current.head is current:
            return False
        current = current.head
    return False


def find_modality(token: Token, cues: dict[str, Any], reporting_verbs: Collection[str] = ()) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, future) of the event a trigger expresses."""
    chain = clause_chain(token)
    negated = hypothetical = future = False
    hyp_heads = set(cues["hypothetical_heads"])
    unexcluded = set(cues["unexcluded_heads"])
    negating = set(cues["negating_heads"])
    fut_heads = set(cues["future_heads"])
    hyp_words = set(cues["hypothetical_words"])
    fut_words = set(cues["future_words"])
    for depth, link in enumerate(chain):
        lemma = link.lemma_.lower()
        link_negated = _negated(link, cues)
        if depth and lemma in unexcluded and link_negated:
            hypothetical = True
            continue
        if link_negated:
            negated = not negated
        if depth and lemma in negating:
            negated = not negated
        if depth and lemma in hyp_heads:
            hypothetical = True
        if depth and lemma in fut_heads and link.pos_ in ("VERB", "AUX"):
            future = True
        if link.pos_ in ("VERB", "AUX"):
            if _conditional(link) or any(c.lemma_.lower() in hyp_heads for c in link.children if c.dep_ == "aux"):
                if reported(link, reporting_verbs) and not any(c.lower_ in ("si", "if") for c in link.children):
                    future = True
                else:
                    hypothetical = True
            if _future_tense(link, cues):
                future = True
        for child in link.children:
            word = child.lower_
            if child.dep_ in MARK_DEPS and word in hyp_words:
                hypothetical = True
            if child.dep_ in ("amod", "acl", "advmod", "obl:mod", "nmod", "npadvmod") and (
                    word in fut_words or child.lemma_.lower() in fut_words):
                future = True
    return negated, hypothetical, future
