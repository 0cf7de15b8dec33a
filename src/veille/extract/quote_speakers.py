"""Who is speaking: the phrase that names the speaker of a quote, and the name it resolves to.

    phrase = speaker_phrase(subject_token, ctx)          # spaCy Span of the nearest naming mention
    speaker = resolve_speaker(phrase, ctx, lex, history) # Speaker(span, name, wikidata)
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from spacy.tokens import Doc, Span, Token

from veille.extract.context import Context
from veille.knowledge import load_kb, normalise
from veille.knowledge.kin import relative
from veille.nlp.text import doc_text
from veille.records import Mention

__all__ = ["Speaker", "mention_at", "nearest_person", "resolve_speaker", "speaker_phrase"]

NAMED = ("PER", "ORG", "GPE", "LOC", "MISC")
# "l" as the tokenizer leaves it when the apostrophe stands apart ("l' avocate")
DEFINITE = {"le", "la", "l'", "l’", "l", "cette", "ce", "cet", "the", "this"}
ROLE_REACH = 400  # characters back to the person a role noun is taken to designate
_SPLIT = re.compile(r"[\s\-‐]+")
_ARTICLES = re.compile(
    r"^(?:(?:les|le|la|un|une|des|cette|ces|cet|ce|sa|son|ses|leur|leurs|the|an|a)\s+|l['’]\s*)", re.I)


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: the span of the phrase naming them, their canonical name, their QID."""

    span: tuple[int, int] | None
    name: str | None
    wikidata: str | None = None
    gender: str | None = None


def mention_at(ctx: Context, start: int, end: int, labels: tuple[str, ...] = NAMED) -> Mention | None:
    """The longest mention overlapping ``[start, end)`` with one of ``labels``."""
    best = None
    for m in ctx.mentions:
        if m.label in labels and m.span[0] < end and start < m.span[1] and (
                best is None or (m.span[1] - m.span[0]) > (best.span[1] - best.span[0])):
            best = m
    return best


def _np_tokens(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``, stopping at commas and clauses."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "nummod", "compound", "flat:name", "nmod:poss", "poss", "case"):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("amod", "flat:name", "flat", "compound", "nmod", "appos") and not any(
            t.is_punct and t.text in ",;:(" for t in head.doc[head.i:child.i]
        ):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    while end > start + 1 and head.doc[end - 1].is_punct:
        end -= 1
    if head.doc[start].dep_ == "case" and start < head.i:
        start += 1
    return start, end


def speaker_phrase(subject: Token, ctx: Context) -> Span:
    """The span naming the speaker from a subject token: a named mention in or beside it, else its phrase."""
    doc = subject.doc
    if subject.pos_ == "PRON":
        before = mention_at(ctx, doc[subject.i - 1].idx, subject.idx, ("PER",)) if subject.i > 0 else None
        if before is not None and subject.text[:1].isupper() and before.span[1] + 1 >= subject.idx:
            # "Kim Jong Un": the last part of a name read as a pronoun
            return doc.char_span(before.span[0], subject.idx + len(subject)) or doc[subject.i:subject.i + 1]
        return doc[subject.i:subject.i + 1]
    m = mention_at(ctx, subject.idx, subject.idx + len(subject), ("PER", "ORG"))
    if m is not None:
        return doc.char_span(m.span[0], m.span[1], alignment_mode="expand") or doc[subject.i:subject.i + 1]
    start, end = _np_tokens(subject)
    # a named person in apposition: "le commandant suprême ..., le général américain Wesley Clark"
    limit = min(len(doc), max(subject.right_edge.i + 1, end))
    if limit > end:
        tail = doc[end:limit]
        if not any(t.pos_ in ("VERB", "AUX") or t.text in ".;:«»\"“”" for t in tail):
            people = [m for m in ctx.mentions if m.label == "PER" and tail.start_char <= m.span[0] < tail.end_char]
            if people:
                m = people[-1]
                return doc.char_span(m.span[0], m.span[1], alignment_mode="expand") or doc[start:end]
    apposed = _apposed_person(doc, end, ctx)
    if apposed is not None:
        return doc.char_span(apposed.span[0], apposed.span[1], alignment_mode="expand") or doc[start:end]
    inner = [m for m in ctx.mentions if m.label == "PER" and doc[start].idx <= m.span[0] < doc[end - 1].idx + 1]
    if inner:
        m = inner[-1]
        first = _first_conjunct(m, inner, doc)
        return doc.char_span(first.span[0], m.span[1], alignment_mode="expand") or doc[start:end]
    return doc[start:end]


def _first_conjunct(m: Mention, people: list[Mention], doc: Doc) -> Mention:
    """The first of the people coordinated with the last one: "Marie Durand et Paul Girard" for "Paul Girard"."""
    span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
    if span is None or span.root.dep_ != "conj":
        return m
    head = span.root.head
    while head.dep_ in ("flat:name", "flat") and head.head.i < head.i:
        head = head.head
    return next((p for p in people if p.span[0] <= head.idx < p.span[1]), m)


APPOSITION_REACH = 14  # tokens from a role phrase to the name set beside it


def _apposed_person(doc: Doc, end: int, ctx: Context) -> Mention | None:
    """A person named after a comma following a phrase, before any verb or quote: "le commandant suprême
    des forces de l'OTAN, le général américain Wesley Clark"."""
    comma = False
    for tok in doc[end:min(len(doc), end + APPOSITION_REACH)]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in ".;:«»\"“”" or "\n" in tok.text:
            return None
        if tok.text == ",":
            comma = True
            continue
        m = mention_at(ctx, tok.idx, tok.idx + len(tok), ("PER",))
        if m is not None:
            return m if comma else None
    return None


TITLES = ("m.", "mme", "mr.", "mr", "me")
# titles of a profession that stay with a surname known alone ("Me Schneider"), unlike "M." or "Mme"
PROFESSION_TITLES = ("me", "maître", "dr", "dr.")


def _key(name: str) -> list[str]:
    return [w for w in _SPLIT.split(name.lower().strip(" .,")) if w and w not in TITLES]


def _canonical(m: Mention, ctx: Context) -> str:
    """A mention's canonical name: its linked name, else the first fuller name in the document containing it; a
    surname known only with its title keeps the title ("Me Schneider")."""
    words = m.text.split()
    titled = len(words) == 2 and words[0].lower() in PROFESSION_TITLES and not m.wikidata
    if len(words) == 1 and m.label == "PER" and not m.wikidata:
        full = _pet_name_of(m, ctx)
        if full is not None:
            return full
    if m.name and not (titled and m.name == words[1]):
        return _joined(m.name)
    key = set(_key(m.text))
    if not key:
        return m.text
    best = None
    for other in ctx.mentions:
        if other.label != m.label or other is m:
            continue
        other_key = set(_key(other.text))
        if key < other_key and (best is None or other.span[0] < best.span[0]):
            best = other
    if best is not None:
        return best.name or best.text
    return m.text if titled else m.name or m.text


@cache
def _pet_endings(lang: str) -> tuple[str, ...]:
    """The endings of pet forms of first names in a language (``PET_NAME_ENDINGS`` of its reporting data)."""
    try:
        return tuple(importlib.import_module(f"veille.lang.{lang}.reporting").PET_NAME_ENDINGS)
    except (ModuleNotFoundError, AttributeError):
        return ()


def _pet_name_of(m: Mention, ctx: Context) -> str | None:
    """The full name a pet form of a first name stands for, when one person of the document has that first name:
    "Pierrot" for "Pierre Walter"."""
    form = normalise(m.text)
    endings = _pet_endings(ctx.lang)
    if not any(form.endswith(e) for e in endings):
        return None
    found = set()
    for other in ctx.mentions:
        words = other.text.split()
        if other.label != "PER" or len(words) < 2:
            continue
        first = normalise(words[0])
        stem = first[:-1] if first.endswith("e") else first
        if form != first and form.startswith(stem) and form[len(stem):] in endings:
            found.add(other.name or other.text)
    return found.pop() if len(found) == 1 else None


def _gender_of(m: Mention, doc: Doc, lex: ModuleType) -> str | None:
    before = doc_text(doc)[max(0, m.span[0] - 12):m.span[0]].lower().split()
    if before and before[-1] in lex.TITLE_GENDER:
        return lex.TITLE_GENDER[before[-1]]
    span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
    if span is not None:
        for tok in span.root.head.children:
            if tok.dep_.startswith("det") or tok.dep_ == "amod":
                g = tok.morph.get("Gender")
                if g:
                    return "f" if g[0] == "Fem" else "m"
    return None


def _is_person_noun(tok: Token, lex: ModuleType) -> bool:
    """A noun for a person ("l'adjoint", "la souveraine"), not for a body ("l'ambassade", "le gouvernement")."""
    lemma = tok.lemma_.lower()
    return (lemma in lex.PERSON_NOUNS or tok.lower_ in lex.PERSON_NOUNS) and lemma not in lex.BODIES


def _is_role(text: str, lex: ModuleType) -> bool:
    words = _ARTICLES.sub("", text).split()
    return bool(words) and words[0].lower() in lex.PERSON_NOUNS and all(w.islower() for w in words[1:])


def _role_name(phrase: Span, ctx: Context) -> Speaker | None:
    """A role phrase ("le président russe") named elsewhere beside a person: the person."""
    doc = phrase.doc
    head = phrase.root
    people = [m for m in ctx.mentions if m.label == "PER"]
    # apposed here: "cette habitante du quartier, Juliette Carpezat" / "Jalina Porter, porte-parole"
    for m in people:
        gap_after = doc_text(doc)[phrase.end_char:m.span[0]] if m.span[0] >= phrase.end_char else None
        gap_before = doc_text(doc)[m.span[1]:phrase.start_char] if m.span[1] <= phrase.start_char else None
        if (gap_after is not None and gap_after.strip(" ,") == "") or (
            gap_before is not None and gap_before.strip(" ,") == ""
        ):
            return Speaker((m.span[0], m.span[1]), _canonical(m, ctx))
    # named once beside the same role earlier: "Le président russe Vladimir Poutine"; every content word of the
    # role is there ("le président par intérim du RPR" is not "le président Jacques Chirac")
    words = [t.lower_ for t in phrase if t.i == head.i or not (t.is_punct or t.pos_ in ("DET", "ADP", "CCONJ"))]
    text = doc_text(doc)
    for m in people:
        if m.span[0] >= phrase.start_char:
            break
        after = text[m.span[1]:min(m.span[1] + 40, phrase.start_char)]
        window = (text[max(0, m.span[0] - 60):m.span[0]] + " " + after).lower()
        if all(re.search(rf"\b{re.escape(w)}\b", window) for w in words):
            return Speaker((phrase.start_char, phrase.end_char), _canonical(m, ctx))
    return None


def _antecedent(position: int, gender: str | None, ctx: Context, doc: Doc, lex: ModuleType,
                history: list[Speaker], labels: tuple[str, ...] = ("PER",)) -> Speaker | None:
    """The nearest earlier person (a named mention or a speaker already found) agreeing in gender."""
    best: tuple[int, Speaker] | None = None
    for m in ctx.mentions:
        if m.label not in labels or m.span[1] > position:
            continue
        g = entity_gender(_canonical(m, ctx), ctx, doc, lex) or _gender_of(m, doc, lex)
        if gender and g and g != gender:
            continue
        if best is None or m.span[0] > best[0]:
            best = (m.span[0], Speaker((m.span[0], m.span[1]), _canonical(m, ctx), m.wikidata, g))
    for s in history:
        agrees = not gender or not s.gender or s.gender == gender
        if s.span and s.span[1] <= position and s.name and agrees and (best is None or s.span[0] > best[0]):
            best = (s.span[0], s)
    return best[1] if best else None


def nearest_person(position: int, doc: Doc, ctx: Context, lex: ModuleType) -> Speaker | None:
    """The person named last before a character position, by their canonical name."""
    return _antecedent(position, None, ctx, doc, lex, [])


def _clustered(phrase: Span, ctx: Context, gender: str | None, lex: ModuleType,
               labels: tuple[str, ...] = ("PER",)) -> Speaker | None:
    """The person whose coreference cluster holds the phrase (``il`` -> ``Vladimir Poutine``), unless the
    person's gender, known from a title elsewhere, disagrees with the pronoun's."""
    for cluster in ctx.clusters:
        if not any(s <= phrase.start_char < e for s, e in cluster.spans):
            continue
        if not cluster.name:
            designated = _designated(cluster.spans, phrase, ctx, lex)
            if designated is not None:
                return designated
            continue
        starts = {start for start, _ in cluster.spans}
        named = [m for m in ctx.mentions if m.label in labels and m.span in cluster.spans] or [
            m for m in ctx.mentions if m.label in labels and m.span[0] in starts]  # "Kim Jong-" of "Kim Jong-un"
        if named:
            person = _canonical(named[0], ctx)
            known = entity_gender(person, ctx, phrase.doc, lex)
            if gender and known and known != gender:
                return None
            return Speaker(named[0].span, person, named[0].wikidata, known)
    return None


def _designated(spans: list[tuple[int, int]], phrase: Span, ctx: Context, lex: ModuleType) -> Speaker | None:
    """The known person an earlier noun phrase of an unnamed cluster designates: "sa puissante sœur ... Elle"."""
    doc = phrase.doc
    for start, end in sorted(spans):
        if start >= phrase.start_char:
            break
        nominal = doc.char_span(start, end, alignment_mode="expand")
        if nominal is not None and nominal.root.pos_ in ("NOUN", "PROPN"):
            found = _kin(nominal, ctx, lex) or _shortened(nominal, ctx)
            if found is not None:
                return found
    return None


def _joined(text: str) -> str:
    """Elided words joined as they are written in a name: "Caisse d' Allocations" -> "Caisse d'Allocations"."""
    return re.sub(r"(\b\w['’])\s+", r"\1", text)


def _as_name(words: str) -> str:
    """A phrase as a name: without its article, elided words joined."""
    return _joined(_ARTICLES.sub("", words)) or words


def _described(phrase: Span, ctx: Context, lex: ModuleType) -> Speaker | None:
    """Someone never named, as an earlier noun phrase of the pronoun's cluster describes them: "le jeune homme
    ... Il a expliqué" -> "jeune homme"."""
    doc = phrase.doc
    for cluster in ctx.clusters:
        if cluster.name or not any(s <= phrase.start_char < e for s, e in cluster.spans):
            continue
        for start, end in sorted(cluster.spans):
            nominal = doc.char_span(start, end, alignment_mode="expand") if start < phrase.start_char else None
            if nominal is not None and nominal.root.pos_ == "NOUN" and _is_person_noun(nominal.root, lex):
                head = nominal.root
                end = head.i + 1
                for child in head.rights:  # "jeune homme", "responsable du club", not "homme à l'hôpital"
                    if child.dep_ != "amod" and not (child.dep_ == "nmod" and any(
                            c.dep_ == "case" and c.lower_ in ("de", "du", "des", "d'", "d’") for c in child.children)):
                        break
                    end = child.right_edge.i + 1
                words = doc[nominal.start:end].text
                return Speaker(None, _as_name(words))
    return None


def _shortened(phrase: Span, ctx: Context) -> Speaker | None:
    """A body called by the first word of one of its names once it was named: "l'Alliance" after "l'OTAN" is
    the OTAN ("Alliance atlantique")."""
    root = phrase.root
    if not root.text[:1].isupper() or any(t.text[:1].isupper() for t in phrase if t.i != root.i and t.pos_ != "DET"):
        return None
    word = normalise(root.text)
    kb = load_kb()
    named = None
    for m in ctx.mentions:
        if m.span[1] > phrase.start_char or not m.entity_id:
            continue
        entity = kb.entity(m.entity_id)
        if entity is not None and entity.kind == "organisation" and any(
                len(n.split()) > 1 and normalise(n).split()[0] == word for n in (entity.name, *entity.aliases)):
            named = m
    if named is None:
        return None
    return Speaker((phrase.start_char, phrase.end_char), named.name or named.text, named.wikidata)


def _titled_unrecognised(phrase: Span, ctx: Context) -> Speaker | None:
    """A role phrase ("la souveraine") standing for a name the tagger missed after a title of the same role,
    that the knowledge base gives a holder of that role at the time: "La reine Elizabeth" -> Elizabeth II."""
    kb = load_kb()
    role = kb.role_word(phrase.root.lower_, ctx.lang) or kb.role_word(phrase.root.lemma_.lower(), ctx.lang)
    if role is None:
        return None
    doc = phrase.doc
    found = {}
    for tok in doc[:phrase.start]:
        if tok.idx < phrase.start_char - ROLE_REACH or tok.i + 1 >= phrase.start:
            continue
        name = doc[tok.i + 1]
        if kb.role_word(tok.lower_, ctx.lang) != role or name.pos_ != "PROPN" or mention_at(
                ctx, name.idx, name.idx + len(name), ("PER",)) is not None:
            continue
        titled = [e for e in kb.lookup(f"{tok.text} {name.text}") if e.kind == "person"]
        for person in titled + kb.people_named(name.text):
            if any(r.role == role and r.holds_at(ctx.published[:10] if ctx.published else None) for r in person.roles):
                found[person.id] = person
    if len(found) != 1:
        return None
    person = next(iter(found.values()))
    return Speaker((phrase.start_char, phrase.end_char), person.name, person.wikidata)


def _kin(phrase: Span, ctx: Context, lex: ModuleType) -> Speaker | None:
    """A relative of a named person, as the knowledge base knows them: "sa sœur" (of Kim Jong-un) -> Kim Yo-jong,
    "la fille de Jean-Marie Le Pen" -> Marine Le Pen."""
    head = phrase.root
    relation = lex.KIN_NOUNS.get(head.lemma_.lower()) or lex.KIN_NOUNS.get(head.lower_)
    if relation is None:
        return None
    doc = phrase.doc
    for child in head.children:
        possessor = None
        if child.morph.get("Poss") == ["Yes"]:
            # "sa sœur": the possessive's cluster, else the person named last ("his sister" after "Kim Jong-un")
            owner = _clustered(doc[child.i:child.i + 1], ctx, None, lex) or _antecedent(
                child.idx, None, ctx, doc, lex, [])
            possessor = owner.name if owner is not None else None
        elif child.dep_ in ("nmod", "poss", "nmod:poss"):
            m = mention_at(ctx, child.idx, child.idx + len(child), ("PER",))
            possessor = _canonical(m, ctx) if m is not None else None
        found = relative(possessor, relation) if possessor else None
        if found is not None:
            return Speaker((phrase.start_char, phrase.end_char), found.name, found.wikidata)
    return None


def entity_gender(name: str, ctx: Context, doc: Doc, lex: ModuleType) -> str | None:
    """The gender of a person from the titles of their mentions ("M. Kim" makes every "Kim" a man), or None."""
    text = doc_text(doc)
    found = set()
    for m in ctx.mentions:
        if m.label == "PER" and _canonical(m, ctx) == name:
            before = text[max(0, m.span[0] - 12):m.span[0]].lower().split()
            first = m.text.lower().split()[:1]
            for word in (before[-1:] + first):
                if lex.TITLE_GENDER.get(word):
                    found.add(lex.TITLE_GENDER[word])
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _longer_name(m: Mention, phrase: Span, ctx: Context) -> Mention | None:
    """When the phrase is a fuller name than the mention it holds ("Kim Jong Un" over "Kim Jong"): the mention
    elsewhere in the document that spells that fuller name ("Kim Jong-un")."""
    key = _key(phrase.text)
    if len(key) <= len(_key(m.text)) or not all(w[:1].isupper() for w in phrase.text.split()):
        return None
    for other in ctx.mentions:
        if other.label == m.label and other is not m and _key(other.text) == key:
            return other
    return None


def _named(m: Mention, phrase: Span, ctx: Context, doc: Doc, lex: ModuleType) -> Speaker:
    """The speaker a named mention gives; with the people coordinated to it ("A et B") when there are."""
    longer = _longer_name(m, phrase, ctx)
    if longer is not None:
        return Speaker((phrase.start_char, phrase.end_char), _canonical(longer, ctx), longer.wikidata)
    name = _canonical(m, ctx)
    span = (m.span[0], m.span[1])
    head = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
    if head is not None:
        others = []
        # "Edith Labat et Germain Yung": the conjunct may hang on any word of the name
        for conj in (c for t in head for c in t.children):
            if conj.dep_ == "conj" and any(c.lower_ in lex.AND for c in conj.children if c.dep_ == "cc"):
                other = mention_at(ctx, conj.idx, conj.idx + len(conj), ("PER",))
                if other is not None and m.label == "PER" and other.span[0] > m.span[1]:
                    others.append(other)
        if others:
            name = f" {min(lex.AND)} ".join([name, *(_canonical(o, ctx) for o in others)])
            span = (m.span[0], others[-1].span[1])
            return Speaker(span, name, None, None)
    if m.label == "ORG":
        branch = _local_branch(name, ctx, doc, lex)
        if branch is not None:
            return Speaker(span, branch, None, None)
    return Speaker(span, name, m.wikidata, _gender_of(m, doc, lex))


def _local_branch(name: str, ctx: Context, doc: Doc, lex: ModuleType) -> str | None:
    """The local branch a body stands for in a document that introduced it so: "la section CFDT du centre
    hospitalier de Bar-le-Duc ... La CFDT" -> "CFDT du centre hospitalier de Bar-le-Duc"."""
    for m in ctx.mentions:
        if m.label != "ORG" or _canonical(m, ctx) != name:
            continue
        first = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
        if first is None or first.start == 0:
            continue
        branch = doc[first.start - 1]
        if branch.lemma_.lower() not in lex.BRANCH_NOUNS:
            continue
        places = [c for c in branch.rights if c.dep_ == "nmod" and c.i >= first.end and any(
            t.dep_ == "case" and t.i < c.i for t in c.children)]
        if places:
            return _as_name(f"{m.text} {doc[first.end:places[0].right_edge.i + 1].text}")
    return None


def resolve_speaker(phrase: Span, ctx: Context, lex: ModuleType, history: list[Speaker]) -> Speaker | None:
    """The speaker a phrase designates: a name through mentions, pronouns and roles; None if impersonal."""
    text = phrase.text.strip()
    low = text.lower().lstrip("-")
    if low in lex.IMPERSONAL:
        return None
    doc = phrase.doc
    span = (phrase.start_char, phrase.end_char)
    m = mention_at(ctx, *span, labels=("PER", "ORG"))
    if m is not None and _is_role(m.text, lex):
        m = None  # "le Président russe" tagged as a person: a role to resolve
    branch = phrase.root.lemma_.lower() in lex.BRANCH_NOUNS and m is not None and m.label == "ORG" and (
        m.span[0] == phrase.root.idx + len(phrase.root) + 1)
    if branch and m is not None:
        return _named(m, phrase, ctx, doc, lex)  # "la section CFDT du centre hospitalier"
    if m is not None and not (m.span[0] <= phrase.root.idx < m.span[1]) and phrase.root.pos_ != "PROPN":
        m = None  # "le président par intérim du RPR" is not the RPR
    if m is not None and m.span[0] >= span[0] - 1 and m.span[1] <= span[1] + 1:
        return _named(m, phrase, ctx, doc, lex)
    pronoun = low if low in lex.PRONOUN_GENDER else phrase.root.lower_.lstrip("-")
    if (phrase.root.pos_ == "PRON" and pronoun in lex.PRONOUN_GENDER) or low in lex.PRONOUN_GENDER:
        gender = lex.PRONOUN_GENDER.get(pronoun)
        # "ils", "elles" and "elle" may stand for a body ("la CFDT ... Elle constate que")
        labels = ("PER", "ORG") if pronoun in lex.BODY_PRONOUNS else ("PER",)
        plural = labels if pronoun in lex.PLURAL_PRONOUNS else ("PER",)  # a lone "elle": a body only by coref
        found = _clustered(phrase, ctx, gender, lex, labels) or _antecedent(
            phrase.start_char, gender, ctx, doc, lex, history, plural) or _described(phrase, ctx, lex)
        if found is None and pronoun in lex.BODY_PRONOUNS:
            # no person before it: "la section CFDT ... Elle constate que" stands for the body just named
            body = _antecedent(phrase.start_char, gender, ctx, doc, lex, [], ("ORG",))
            near = body is not None and body.span and phrase.start_char - body.span[1] <= ROLE_REACH
            if body is not None and near:
                branch = _local_branch(body.name or "", ctx, doc, lex)
                found = Speaker(body.span, branch, None, None) if branch else body
        if found is None:
            return None
        keep = None if phrase.text.startswith("-") else span
        return Speaker(keep, found.name, found.wikidata, found.gender)
    if m is not None:
        return _named(m, phrase, ctx, doc, lex)
    role = _kin(phrase, ctx, lex) or _shortened(phrase, ctx) or _role_name(phrase, ctx) or _titled_unrecognised(
        phrase, ctx)
    if role is not None:
        return role
    gender = phrase.root.morph.get("Gender")
    if phrase[0].lower_ in DEFINITE and phrase.root.pos_ == "NOUN" and _is_person_noun(phrase.root, lex):
        # "la souveraine", "cette habitante du quartier": the person just named
        near = _antecedent(phrase.start_char, ("f" if gender[0] == "Fem" else "m") if gender else None,
                           ctx, doc, lex, history)
        if near is not None and near.span and phrase.start_char - near.span[1] <= ROLE_REACH:
            return Speaker(span, near.name, near.wikidata, near.gender)
    name = _as_name(text)
    return Speaker(span, name or text, None, ("f" if gender[0] == "Fem" else "m") if gender else None)
