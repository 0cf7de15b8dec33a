"""Mention detection for coreference: the noun phrases, names and pronouns that may refer to an entity.

    mentions = find_mentions(doc, ctx)   # [Candidate(start, end, kind="nominal", ...), ...] in text order

Spans follow the convention of the French DEMOCRAT corpus (and of OntoNotes for English): a noun
phrase is its head noun with its whole dependency subtree (determiner, adjectives, complements,
participial clauses, appositions), less a leading preposition (a contraction that carries the
article, ``du Kosovo``, is kept: the article belongs to the phrase), less a relative clause (its
pronoun is a mention of its own, coreferent with the phrase); a coordination is one mention and so
is each of its conjuncts. Pronouns are mentions: personal (subject, object clitic, stressed),
relative, demonstrative, and possessive determiners (``ses``, ``notre``: the possessor). Time
phrases (``les prochains jours``), impersonal ``il`` and reflexive ``se`` are not mentions.

One pass over the tokens; everything else reads the parse through spaCy's indices.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from spacy.tokens import Doc, Token

from veille.extract.context import Context
from veille.records import Mention

__all__ = ["Candidate", "find_mentions", "named_tokens", "pronoun_data"]

NOMINAL_POS = frozenset({"NOUN", "PROPN"})
SKIPPED_DEPS = frozenset({"flat:name", "flat", "flat:foreign", "fixed", "compound", "appos", "goeswith"})
CONTRACTIONS = frozenset({"du", "des", "au", "aux"})  # a preposition fused with the article: kept in the span
# dependents that belong to a noun phrase (a predicate noun's subject, copula, clauses do not)
PHRASE_DEPS = frozenset({"det", "amod", "nmod", "appos", "acl", "nummod", "conj", "cc", "flat:name", "flat",
                         "fixed", "compound", "case", "punct", "advmod", "dep", "flat:foreign", "det:poss",
                         "nmod:poss", "poss", "prep", "pobj", "quantmod"})
EDGE_POS = frozenset({"PUNCT", "SPACE", "CCONJ", "SCONJ"})
APOSTROPHES = ("'", "’")


@dataclass(slots=True)
class Candidate:
    """A mention: token range ``[first, last]``, character span, and what agreement reads."""

    first: int
    last: int
    start: int
    end: int
    head: int
    kind: str  # "name", "nominal", "pronoun"
    sentence: int
    person: int = 3
    gender: str | None = None
    number: str | None = None
    pronoun: str = ""  # "personal", "clitic", "possessive", "relative", "demonstrative" for pronouns
    definite: bool = False
    quoted: bool = False
    subject: bool = False
    head_lemma: str = ""
    words: frozenset[str] = field(default_factory=frozenset)
    key: str = ""  # normalised text for exact matching
    mention: Mention | None = None  # the named mention (NER + linking) at its head

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@lru_cache(maxsize=4)
def pronoun_data(lang: str) -> ModuleType:
    """The pronoun tables of a language (French for any language without its own)."""
    try:
        return importlib.import_module(f"veille.lang.{lang}.pronouns")
    except ModuleNotFoundError:
        return importlib.import_module("veille.lang.fr.pronouns")


def _morph(token: Token, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


def _end_char(doc: Doc, last: int) -> int:
    token = doc[last]
    end = token.idx + len(token.text)
    # spaCy splits "l' armée" into "l" + "'": the apostrophe belongs to the word before it
    if last + 1 < len(doc) and doc[last + 1].text in APOSTROPHES and doc[last + 1].idx == end:
        end += len(doc[last + 1].text)
    return end


def _trim(doc: Doc, first: int, last: int, head: int) -> tuple[int, int]:
    while first < head and (doc[first].pos_ in EDGE_POS or doc[first].text in APOSTROPHES
                            or (doc[first].dep_ in ("case", "mark") and doc[first].lower_ not in CONTRACTIONS)):
        first += 1
    while last > head and (doc[last].pos_ in EDGE_POS or doc[last].text in APOSTROPHES):
        last -= 1
    return first, last


def _quote_marks(doc: Doc) -> list[bool]:
    """For each token, whether it lies between quotation marks (guillemets or straight/curly quotes)."""
    inside = [False] * len(doc)
    state = False
    for token in doc:
        text = token.text
        if text in ("«", "“"):
            state = True
        elif text in ("»", "”"):
            state = False
        elif text == '"':
            state = not state
        elif token.is_space and "\n" in text:
            state = False  # a quote does not run over a paragraph break
        else:
            inside[token.i] = state
    return inside


class _Builder:
    def __init__(self, doc: Doc, ctx: Context) -> None:
        self.doc = doc
        self.lex = pronoun_data(ctx.lang or doc.lang_)
        self.sent_of = [0] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = []
        if doc.has_annotation("SENT_START"):
            for n, sent in enumerate(doc.sents):
                self.sent_bounds.append((sent.start, sent.end))
                self.sent_of[sent.start:sent.end] = [n] * (sent.end - sent.start)
        else:
            self.sent_bounds.append((0, len(doc)))
        self.quoted = _quote_marks(doc)
        self.out: list[Candidate] = []
        self.seen: set[tuple[int, int]] = set()
        self.named = named_tokens(doc, ctx.mentions)
        self.timex_tokens: set[int] = set()
        for t in ctx.timexes:
            span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
            if span is not None:
                self.timex_tokens.update(range(span.start, span.end))

    def add(self, first: int, last: int, head: Token, kind: str, **features: object) -> Candidate | None:
        doc = self.doc
        start, end = doc[first].idx, _end_char(doc, last)
        if (start, end) in self.seen:
            return None
        self.seen.add((start, end))
        candidate = Candidate(first, last, start, end, head.i, kind, self.sent_of[head.i],
                              quoted=self.quoted[head.i], subject=head.dep_.startswith("nsubj"), **features)
        self.out.append(candidate)
        return candidate

    def nominal(self, token: Token) -> None:
        doc, lex = self.doc, self.lex
        lemma = token.lemma_.lower()
        if token.i in self.timex_tokens or lemma in lex.TIME_NOUNS:
            return
        mention = self.named.get(token.i)
        kind = "name" if token.pos_ == "PROPN" or mention is not None else "nominal"
        s_start, s_end = self.sent_bounds[self.sent_of[token.i]]
        # the phrase is what hangs on the noun as a noun: a predicate noun's subject, copula or
        # clauses are not part of it
        first = last = token.i
        conjuncts: list[Token] = []
        for child in token.lefts:
            if child.dep_ in PHRASE_DEPS:
                first = min(first, child.left_edge.i)
        for child in token.rights:
            if child.dep_ == "acl:relcl":
                break
            if child.dep_ not in PHRASE_DEPS:
                continue
            last = max(last, child.right_edge.i)
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                conjuncts.append(child)
        first, last = max(first, s_start), min(last, s_end - 1)
        first, last = _trim(doc, first, last, token.i)
        determiners = [c for c in token.lefts if c.dep_ == "det" or c.lower_ in CONTRACTIONS]
        det = determiners[0].lower_ if determiners else ""
        det_token = determiners[0] if determiners else None
        if kind == "nominal" and det_token is None and not any(c.dep_ == "nummod" for c in token.lefts) and (
                _morph(token, "Number") != "Plur" or not any(c.dep_ == "case" for c in token.lefts)):
            return  # a bare noun ("avoir lieu", "en effet", "sans argent") is rarely an entity
        definite = kind == "name" or det in lex.DEFINITE or (
            det_token is not None and _morph(det_token, "Definite") == "Def")
        number = _morph(token, "Number")
        if number is None and det_token is not None:
            number = _morph(det_token, "Number")
        gender = _morph(token, "Gender") or (_morph(det_token, "Gender") if det_token is not None else None)
        words = frozenset(t.lower_ for t in doc[first:last + 1] if not t.is_punct and t.i != token.i)
        key = " ".join(t.lower_ for t in doc[first:last + 1] if t.lower_ not in lex.STOP_MODIFIERS
                       and not t.is_punct and not t.is_space)
        if conjuncts:
            self.add(first, last, token, kind, gender=gender, number="Plur", definite=definite,
                     head_lemma="", words=words, key="", mention=None)
            cut = min([c.left_edge.i for c in conjuncts] + [c.i for c in token.rights if c.dep_ == "cc"])
            first, last = _trim(doc, first, cut - 1, token.i)
            words = frozenset(t.lower_ for t in doc[first:last + 1] if not t.is_punct and t.i != token.i)
            key = " ".join(t.lower_ for t in doc[first:last + 1] if t.lower_ not in lex.STOP_MODIFIERS
                           and not t.is_punct and not t.is_space)
        self.add(first, last, token, kind, gender=gender, number=number, definite=definite,
                 head_lemma=lemma, words=words, key=key, mention=mention)

    def pronoun(self, token: Token) -> None:
        lex, low, pos, dep = self.lex, token.lower_, token.pos_, token.dep_
        if pos in ("PRON", "ADV") and token.head.dep_ == "acl:relcl" and low in lex.RELATIVES:
            if low in ("que", "qu'", "qu") and _morph(token, "PronType") != "Rel" and pos != "PRON":
                return
            p, g, n = lex.RELATIVES[low]
            self.add(token.i, token.i, token, "pronoun", pronoun="relative", person=p, gender=g, number=n)
            return
        if pos == "PRON" and low in lex.PERSONAL:
            if dep.startswith("expl") or (low in ("il", "-il") and self._impersonal(token)):
                return
            p, g, n = lex.PERSONAL[low]
            self.add(token.i, token.i, token, "pronoun", pronoun="personal", person=p, gender=g, number=n)
            return
        if low in lex.CLITICS and (pos == "PRON" or (pos == "DET" and dep in ("obj", "iobj"))) and \
                token.head.pos_ in ("VERB", "AUX") and token.i < token.head.i:
            p, g, n = lex.CLITICS[low]
            self.add(token.i, token.i, token, "pronoun", pronoun="clitic", person=p, gender=g, number=n)
            return
        if pos == "DET" and low in lex.POSSESSIVES and (_morph(token, "Poss") == "Yes" or dep == "det"):
            p, g, n = lex.POSSESSIVES[low]
            self.add(token.i, token.i, token, "pronoun", pronoun="possessive", person=p, gender=g, number=n)
            return
        if pos == "PRON" and low in lex.DEMONSTRATIVES:
            p, g, n = lex.DEMONSTRATIVES[low]
            self.add(token.i, token.i, token, "pronoun", pronoun="demonstrative", person=p, gender=g, number=n)
            return
        if pos == "PRON" and low in lex.HEADED_DEMONSTRATIVES and any(c.dep_ == "acl:relcl" for c in token.rights):
            p, g, n = lex.HEADED_DEMONSTRATIVES[low]
            s_end = self.sent_bounds[self.sent_of[token.i]][1]
            first, last = _trim(self.doc, token.i, min(token.right_edge.i, s_end - 1), token.i)
            self.add(first, last, token, "pronoun", pronoun="demonstrative", person=p, gender=g, number=n)

    def _impersonal(self, token: Token) -> bool:
        verb = token.head
        if verb.lemma_.lower() in self.lex.IMPERSONAL_VERBS:
            return True
        return verb.lemma_ == "avoir" and any(c.lower_ == "y" for c in verb.children)


def named_tokens(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    """The linked mention each token lies in (the first, where mentions overlap), by token index."""
    named: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
        if span is not None:
            for token in span:
                named.setdefault(token.i, m)
    return named


def find_mentions(doc: Doc, ctx: Context) -> list[Candidate]:
    """Every mention of the document, in text order (outer phrases before the ones they hold)."""
    builder = _Builder(doc, ctx)
    for token in doc:
        pos = token.pos_
        if pos in NOMINAL_POS:
            if token.dep_ in SKIPPED_DEPS or not token.text[0].isalnum() or token.text[-1] in APOSTROPHES or \
                    (len(token.text) == 1 and _end_char(doc, token.i) > token.idx + 1):
                continue  # an elided word ("c' est", "n' a") taken for a noun
            head = token.head
            if pos == "PROPN" and token.dep_ == "nmod" and head.i < token.i and head.pos_ in NOMINAL_POS \
                    and not any(c.dep_ in ("case", "det") for c in token.lefts):
                continue  # "le président Martti Ahtisaari": the name is part of the phrase
            builder.nominal(token)
        elif pos in ("PRON", "DET", "ADV"):
            builder.pronoun(token)
    builder.out.sort(key=lambda c: (c.start, -c.end))
    return builder.out
