"""In-document coreference on the parse, the linked mentions and agreement rules.

    find_coref(doc, ctx)      # pipeline step after linking: yields CorefClusters
    resolve(token, ctx)       # "il", "le président russe" -> the Participant it designates

No French coreference model can be installed offline, so clusters are built from three rules:
named mentions of one entity (same knowledge-base id, or the same canonical name after linking
propagated ``M. Kim`` to ``Kim Jong-un``); role phrases that the knowledge base resolves to a
person (``le président russe`` at the document's date); third-person subject pronouns, joined to
the nearest earlier person (``il``, ``elle``) or group (``ils``, ``elles``) that agrees in gender
and number, within a few sentences.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from veille.extract.context import Context
from veille.knowledge.names import normalise
from veille.nlp.text import doc_text
from veille.records import CorefCluster, Mention, Participant

__all__ = ["EXTRACTOR", "VERSION", "find_coref", "resolve"]

EXTRACTOR, VERSION = "coref", "1"

SINGULAR = {"il": "Masc", "elle": "Fem", "he": "Masc", "she": "Fem"}
PLURAL = {"ils": "Masc", "elles": "Fem", "they": None}
FEMININE_TITLES = ("mme", "mlle", "mrs", "ms", "madame", "mademoiselle")
MASCULINE_TITLES = ("m.", "mr", "monsieur")
REACH_SENTENCES = 3  # a pronoun's antecedent lies in its sentence or the ones just before


def _key(mention: Mention) -> str:
    return mention.entity_id or normalise(mention.name or mention.text)


def _gender(mention: Mention, doc: Doc) -> str | None:
    before = doc_text(doc)[max(0, mention.span[0] - 12):mention.span[0]].lower().split()
    word = before[-1].rstrip(".") if before else ""
    if word in FEMININE_TITLES:
        return "Fem"
    if word + "." in MASCULINE_TITLES or word in MASCULINE_TITLES:
        return "Masc"
    span = doc.char_span(*mention.span, alignment_mode="expand")
    if span is not None:
        determiner = span.root.head if span.root.dep_ == "appos" else None
        for token in (*(span[0].lefts if len(span) else ()), *([determiner] if determiner else [])):
            gender = token.morph.get("Gender")
            if gender:
                return gender[0]
    return None


def _sentence_index(doc: Doc) -> list[int]:
    starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    return starts


def _sentence_of(starts: list[int], position: int) -> int:
    lo, hi = 0, len(starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= position:
            lo = mid
        else:
            hi = mid
    return lo


def _pronoun(token: Token) -> bool:
    low = token.lower_
    return (low in SINGULAR or low in PLURAL) and token.dep_.startswith("nsubj")


def _is_subject(mention: Mention, doc: Doc) -> bool:
    span = doc.char_span(*mention.span, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("flat:name", "flat", "appos", "conj") and token.head is not token:
        token = token.head
    return token.dep_.startswith("nsubj")


def _antecedent(token: Token, ctx: Context, starts: list[int]) -> Mention | None:
    """The nearest earlier mention that agrees with a subject pronoun, subjects first (Hobbs-style preference)."""
    low = token.lower_
    here = _sentence_of(starts, token.idx)
    wanted = SINGULAR.get(low, PLURAL.get(low))
    plural = low in PLURAL
    candidates = []
    for mention in sorted(ctx.mentions, key=lambda m: -m.span[0]):
        if mention.span[1] > token.idx:
            continue
        if here - _sentence_of(starts, mention.span[0]) > REACH_SENTENCES:
            break
        if plural:
            if mention.label in ("ORG", "GPE", "LOC") and mention.country:
                candidates.append(mention)
            continue
        if mention.label != "PER":
            continue
        gender = _gender(mention, token.doc)
        if not (wanted and gender and gender != wanted):
            candidates.append(mention)
    subjects = [m for m in candidates if _is_subject(m, token.doc)]
    return (subjects or candidates or [None])[0]


def _role_person(span: Span, ctx: Context) -> str | None:
    """The knowledge-base id of the person a role phrase designates (``le président russe``)."""
    from veille.link.actors import code_phrase

    if span.root.pos_ != "NOUN":
        return None
    participant = code_phrase(span, ctx)
    if participant is None or participant.wikidata is None:
        return None
    for mention in ctx.mentions:
        if mention.wikidata == participant.wikidata:
            return _key(mention)
    return None


def _noun_phrase(token: Token) -> Span:
    start = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod"))])
    end = max([token.i + 1, *(c.right_edge.i + 1 for c in token.rights if c.dep_ in ("amod", "nmod"))])
    return token.doc[start:end]


def _clusters(doc: Doc, ctx: Context) -> dict[str, list[tuple[int, int]]]:
    groups: dict[str, list[tuple[int, int]]] = {}
    for mention in ctx.mentions:
        if mention.label in ("PER", "ORG", "GPE", "LOC"):
            groups.setdefault(_key(mention), []).append(mention.span)
    starts = _sentence_index(doc)
    covered = {m.span[0] for m in ctx.mentions}
    for token in doc:
        if _pronoun(token):
            antecedent = _antecedent(token, ctx, starts)
            if antecedent is not None:
                groups.setdefault(_key(antecedent), []).append((token.idx, token.idx + len(token)))
        elif token.pos_ == "NOUN" and token.dep_.startswith("nsubj") and token.idx not in covered:
            phrase = _noun_phrase(token)
            if phrase[0].lower_ in ("le", "la", "l'", "l’", "the"):
                key = _role_person(phrase, ctx)
                if key is not None:
                    groups.setdefault(key, []).append((phrase.start_char, phrase.end_char))
    return groups


def find_coref(doc: Doc, ctx: Context) -> Iterator[CorefCluster]:
    """Pipeline step: one cluster per entity mentioned twice or more."""
    names = {_key(m): m for m in ctx.mentions}
    for key, spans in _clusters(doc, ctx).items():
        spans = sorted(set(spans))
        if len(spans) < 2:
            continue
        first = names.get(key)
        yield CorefCluster(ctx.doc_id, spans, EXTRACTOR, VERSION, name=first.name if first else None,
                           entity_id=first.entity_id if first else None)


def resolve(token: Token, ctx: Context) -> Participant | None:
    """The actor a token designates through the document's clusters (or, for a pronoun, its antecedent)."""
    from veille.link.actors import code_phrase

    position = token.idx
    target: tuple[int, int] | None = None
    for cluster in ctx.clusters:
        if any(s <= position < e for s, e in cluster.spans):
            named = [s for s in cluster.spans if any(m.span == s for m in ctx.mentions)]
            target = named[0] if named else None
            break
    if target is None and _pronoun(token):
        antecedent = _antecedent(token, ctx, _sentence_index(token.doc))
        target = antecedent.span if antecedent is not None else None
    if target is None or target[0] <= position < target[1]:
        return None
    span = token.doc.char_span(*target, alignment_mode="expand")
    if span is None:
        return None
    participant = code_phrase(span, ctx)
    if participant is not None:
        participant.span = (token.idx, token.idx + len(token))
    return participant
