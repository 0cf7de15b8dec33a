"""Where a mention ends, as DEMOCRAT draws it: the parse's noun phrases cut before what is detached.

    mentions, appositions = refine_mentions(doc, find_mentions(doc, ctx), ctx)

The dependency subtree of a noun often runs past the phrase an annotator marks, the more so as
the parser hangs clauses and adjuncts on the nearest noun. A phrase ends before the first of:

- a paragraph break (a title line is no part of the sentence after it);
- a closing quotation mark whose quote opened before the phrase (``la fumée`` in ``« ... la fumée » X``);
- an elided clitic or negation (``l' alternance s' ...``, ``le président n' a``);
- a colon or semicolon;
- a complement with a preposition that mostly introduces the verb's adjuncts (``avec``, ``sur``);
- a trailing adverb (``les agriculteurs bien sûr``);
- a comma that opens a detached dependent of the head: an apposition, a participle, an adjective
  or a complement set off by commas (``le jeune homme , âgé de trente ans``), except between the
  conjuncts of an enumeration that ends in ``et``/``ou`` (``Marie , Joseph et leur bébé``).

A recognised name the parse split in pieces is one mention (``Jean-Marie`` + ``Le Pen``); a
name in a street's name (``la rue du Tramway``) is no mention. A noun cut off as above which
the parse-based detector left inside the phrase (an apposition, a name after a title line)
becomes a mention of its own, cut by the same rules; an apposition set off by a comma (``le
maire , Robert Labat``) is returned with its phrase, as the two corefer. A mention cut to the
span of another is dropped, and so is a coordination cut to its first conjunct; the rest keep
their features, with their words and matching key recomputed over the new span.
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from spacy.tokens import Doc, Token

from veille.extract.context import Context
from veille.link.mentions import CONTRACTIONS, Candidate, named_tokens, pronoun_data
from veille.records import Mention

__all__ = ["refine_mentions"]

OPENING_QUOTES = frozenset({"«", "“"})
CLOSING_QUOTES = frozenset({"»", "”"})
STOPS = frozenset({":", ";"})
EDGE_POS = frozenset({"PUNCT", "SPACE", "CCONJ", "SCONJ"})
APOSTROPHES = ("'", "’")
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
# what a phrase does not start with ("juste après l' explosion", "dont le bar", "est la binationalité")
LEADING_POS = frozenset({"ADV", "PRON", "AUX", "VERB", "SCONJ", "CCONJ", "PUNCT", "SPACE"})
LEADING_DEPS = frozenset({"advmod", "cop", "cc", "fixed", "mark", "nsubj"})
# dependents the detector keeps inside their head's phrase instead of making them mentions
INNER_DEPS = frozenset({"appos", "nmod", "flat:name", "dep"})

Apposition = tuple[Candidate, Candidate]


def _elided(token: Token, clitics: frozenset[str]) -> bool:
    if token.lower_ not in clitics:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.text.endswith(APOSTROPHES) or (following is not None and following.text in APOSTROPHES)


def _enumeration(head: Token, conjunctions: frozenset[str]) -> bool:
    """Whether the head's conjuncts end in a coordinating conjunction (``A , B et C``)."""
    return any(c.dep_ == "conj" and any(g.dep_ == "cc" and g.lower_ in conjunctions for g in c.children)
               for c in head.rights)


def _detached(comma: Token, head: Token, enumeration: bool) -> bool:
    """Whether a comma inside the phrase sets off a dependent of the head."""
    owner = comma.head
    if owner.i == head.i:
        return True
    if owner.head.i != head.i or owner.i < comma.i:
        return False
    return not (owner.dep_ == "conj" and enumeration)


def _last(doc: Doc, first: int, head_i: int, last: int, lex: ModuleType) -> tuple[int, str]:
    """Where the phrase ends, and why it was cut there ("" when it was not)."""
    head = doc[head_i]
    clitics: frozenset[str] = getattr(lex, "ELIDED_CLITICS", frozenset())
    enumeration = _enumeration(head, getattr(lex, "ENUMERATION_CONJUNCTIONS", frozenset()))
    opened = sum(t.text in OPENING_QUOTES for t in doc[first:head_i])
    for t in doc[head_i + 1:last + 1]:
        if t.is_space and "\n" in t.text:
            return t.i - 1, "break"
        if t.text in STOPS or _elided(t, clitics):
            return t.i - 1, "stop"
        if t.text in OPENING_QUOTES:
            opened += 1
        elif t.text in CLOSING_QUOTES:
            if not opened:
                return t.i - 1, "stop"
            opened -= 1
        elif t.text == "," and _detached(t, head, enumeration):
            return t.i - 1, "comma"
        elif head_i <= t.head.i < t.i and t.dep_ == "nmod" and \
                any(c.dep_ == "case" and c.lower_ in lex.ADJUNCT_PREPOSITIONS for c in t.children):
            return t.left_edge.i - 1, "stop"
        elif t.head.i == head_i and t.pos_ == "ADV" and t.dep_ == "advmod" and \
                not any(c.i > t.i and c.dep_ in ("nmod", "amod") for c in head.rights):
            return t.left_edge.i - 1, "stop"  # "les agriculteurs bien sûr", not "le point fort de la fête"
    return last, ""


def _first(doc: Doc, first: int, head: int) -> int:
    """A phrase starts after a paragraph break or a comma before its head ("Au cours des mois , cet ancien chef")."""
    breaks = [t.i for t in doc[first:head] if (t.is_space and "\n" in t.text) or t.text == ","]
    return breaks[-1] + 1 if breaks else first


def _leading(token: Token, lex: ModuleType) -> bool:
    """Whether a word before the head is outside the phrase: an adverb, a copula, a preposition, an
    elided clitic (``c' est l' or du Ballon``)...

    An adverb of quantity before a number or ``de`` opens the phrase (``plus de 150 visiteurs``)."""
    if _elided(token, getattr(lex, "ELIDED_CLITICS", frozenset())):
        return True
    if token.lower_ in lex.QUANTITY_ADVERBS and token.i + 1 < len(token.doc):
        following = token.nbor(1)
        if following.like_num or following.lower_ in ("de", "d'", "d"):
            return False
    if token.pos_ in LEADING_POS or token.dep_ in LEADING_DEPS or token.text in APOSTROPHES:
        return True
    return token.dep_ in ("case", "mark") and token.lower_ not in CONTRACTIONS


def _before_determiner(token: Token, determiners: list[int], lex: ModuleType) -> bool:
    """A word before the head's determiner is the clause's (``Seules les veillées``, ``en 2000 avec le
    changement``), ``tous`` and quantities excepted (``tous ces jouets``, ``plus d' un millier``)."""
    if token.lower_ in lex.PREDETERMINERS or token.lower_ in lex.QUANTITY_ADVERBS or token.dep_ == "det":
        return False
    return token.pos_ in ("ADJ", "NUM", "NOUN", "PROPN") and any(d > token.i for d in determiners)


def _trim(doc: Doc, first: int, last: int, head: int, lex: ModuleType) -> tuple[int, int]:
    determiners = [c.i for c in doc[head].lefts if c.dep_ == "det"]
    while first < head and (_leading(doc[first], lex) or _before_determiner(doc[first], determiners, lex)):
        first += 1
    while last > head and (doc[last].pos_ in EDGE_POS or doc[last].text in APOSTROPHES
                           or doc[last].dep_ in ("case", "cc", "mark")):
        last -= 1
    return first, last


def _words(doc: Doc, first: int, last: int, head: int, stop: frozenset[str]) -> tuple[frozenset[str], str]:
    tokens = doc[first:last + 1]
    words = frozenset(t.lower_ for t in tokens if not t.is_punct and t.i != head)
    key = " ".join(t.lower_ for t in tokens if t.lower_ not in stop and not t.is_punct and not t.is_space)
    return words, key


def _morph(token: Token | None, name: str) -> str | None:
    values = token.morph.get(name) if token is not None else []
    return values[0] if values else None


class _Refiner:
    def __init__(self, doc: Doc, ctx: Context, mentions: list[Candidate]) -> None:
        self.doc = doc
        self.lex = pronoun_data(ctx.lang or doc.lang_)
        self.heads = {m.head for m in mentions}
        self.named = named_tokens(doc, ctx.mentions)
        self.out: list[Candidate] = []
        self.appositions: list[Apposition] = []

    def whole_names(self, mentions: list[Candidate]) -> list[Candidate]:
        """One mention per recognised name that the parse split in pieces (``Jean-Marie`` + ``Le Pen``)."""
        doc = self.doc
        pieces: dict[int, tuple[Mention, list[Candidate]]] = {}
        for m in mentions:
            named = self.named.get(m.head)
            if m.kind == "name" and named is not None and m.mention is named:
                pieces.setdefault(id(named), (named, []))[1].append(m)
        dropped: set[int] = set()
        merged: dict[int, Candidate] = {}
        for named, group in pieces.values():
            if len(group) < 2:
                continue
            span = doc.char_span(*named.span, alignment_mode="expand")
            if span is None or any(m.first <= span.start and span.end - 1 <= m.last for m in group):
                continue
            first, last = min(span.start, *(m.first for m in group)), max(span.end - 1, *(m.last for m in group))
            words, key = _words(doc, first, last, group[0].head, self.lex.STOP_MODIFIERS)
            merged[id(group[0])] = replace(group[0], first=first, last=last, start=doc[first].idx,
                                           end=doc[last].idx + len(doc[last]), words=words, key=key)
            dropped.update(id(m) for m in group[1:])
        return [merged.get(id(m), m) for m in mentions if id(m) not in dropped]

    def refine(self, m: Candidate) -> None:
        doc = self.doc
        head = doc[m.head]
        if m.kind == "name" and head.dep_ == "nmod" and head.head.lemma_.lower() in self.lex.STREET_NOUNS:
            return  # "la rue du Tramway": the street's name, not a place of its own
        if m.kind == "pronoun" and (m.last == m.first or m.pronoun != "demonstrative"):
            self.out.append(m)
            return
        end = m.last
        cut, reason = _last(doc, m.first, m.head, end, self.lex)
        first, last = _trim(doc, _first(doc, m.first, m.head), cut, m.head, self.lex)
        if not m.head_lemma and m.kind != "pronoun" and \
                not any(c.dep_ == "conj" and c.i <= last for c in doc[m.head].rights):
            return  # a coordination cut down to its first conjunct, which is a mention already
        if (first, last) != (m.first, m.last):
            words, key = _words(doc, first, last, m.head, self.lex.STOP_MODIFIERS)
            m = replace(m, first=first, last=last, start=doc[first].idx, end=doc[last].idx + len(doc[last]),
                        words=words, key=key if m.key else "")
        self.out.append(m)
        if reason in ("break", "comma"):
            detached = self._detached(m, cut + 1, end)
            if detached is not None and reason == "comma" and doc[detached.head].dep_ == "appos":
                self.appositions.append((m, detached))

    def _detached(self, m: Candidate, start: int, end: int) -> Candidate | None:
        """The noun phrase cut off from ``m`` in ``[start, end]`` that no mention stands on yet."""
        doc = self.doc
        owner = next((t for t in doc[start:end + 1] if t.head.i == m.head and t.i != m.head
                      and t.pos_ not in EDGE_POS), None)
        if owner is None or owner.pos_ not in NOMINAL_POS or owner.dep_ not in INNER_DEPS or owner.i in self.heads:
            return None
        self.heads.add(owner.i)
        first, last = _trim(self.doc, max(start, owner.left_edge.i), owner.right_edge.i, owner.i, self.lex)
        lex = self.lex
        determiners = [c for c in owner.lefts if c.dep_ == "det"]
        det = determiners[0] if determiners else None
        named = self.named.get(owner.i)
        kind = "name" if owner.pos_ == "PROPN" or named is not None else "nominal"
        words, key = _words(doc, first, last, owner.i, lex.STOP_MODIFIERS)
        candidate = Candidate(
            first, last, doc[first].idx, doc[last].idx + len(doc[last]), owner.i, kind, m.sentence,
            gender=_morph(owner, "Gender") or _morph(det, "Gender"),
            number=_morph(owner, "Number") or _morph(det, "Number"),
            definite=kind == "name" or (det is not None and (det.lower_ in lex.DEFINITE
                                                            or _morph(det, "Definite") == "Def")),
            quoted=m.quoted, head_lemma=owner.lemma_.lower(), words=words, key=key, mention=named)
        before = len(self.out)
        self.refine(candidate)
        return self.out[before] if len(self.out) > before else None


def refine_mentions(doc: Doc, mentions: list[Candidate], ctx: Context) -> tuple[list[Candidate], list[Apposition]]:
    """The mentions with their spans cut as above, in text order (outer phrases first), and the appositions."""
    refiner = _Refiner(doc, ctx, mentions)
    for m in refiner.whole_names(mentions):
        refiner.refine(m)
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for m in refiner.out:
        if m.span not in seen:
            seen.add(m.span)
            out.append(m)
    out.sort(key=lambda c: (c.start, -c.end))
    kept = {id(m) for m in out}
    return out, [(a, b) for a, b in refiner.appositions if id(a) in kept and id(b) in kept]
