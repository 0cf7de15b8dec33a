"""In-document coreference: mentions from the parse, clustered by a multi-pass sieve.

    find_coref(doc, ctx)      # pipeline step after linking: yields CorefClusters
    resolve(token, ctx)       # "il", "le président russe" -> the Participant it designates

No French coreference model can be installed offline, so this follows the deterministic sieve of
Lee et al. (2013, "Deterministic coreference resolution based on entity-centric, precision-ranked
rules"): mentions come from the dependency parse (``veille.link.mentions``), then passes from the
most to the least precise each merge clusters, a later pass seeing what the earlier ones built:

1. speakers: first-person pronouns of one number a few sentences apart are one speaker; a quoted
   ``je`` is the subject of the reporting verb of its quote where the parse shows it, a quoted
   ``nous`` the organisation that subject names or speaks for (``le porte-parole de l'OTAN``);
2. exact match of the phrase without its determiner (``l' OTAN`` / ``L'OTAN``);
3. the knowledge base: mentions the linker gave one entity id (``Kim Jong-un`` / ``M. Kim``), and
   role phrases it resolves to a named person (``le président russe`` at the document's date);
4. name variants: a name whose words all occur in an earlier name (``Kim`` after ``Kim Jong-un``);
5. strict head match: a definite noun phrase whose head lemma is the head of an earlier mention of
   the cluster and whose modifiers all occur in it (``la ville`` after ``la ville d' Urosevac``),
   never a phrase nested in the other; then demonstrative phrases: the nearest earlier mention of
   their head whatever its modifiers (``cette belle crèche``), of a country or town for ``ce
   pays``, ``cette commune``, of a person for ``ce dernier``;
6. relative pronouns: the noun phrase their clause modifies, or for a subject the nearest one its
   verb agrees with when the parse's attachment does not; none for a clause on a pronoun;
7. pronouns: the most salient earlier mention that agrees in person, gender and number, nearest
   sentence first, within a sentence subjects first, then by recency (Hobbs-style), never one of
   an object pronoun's co-arguments (``il lui parle``); ``on`` takes up only an earlier ``on``,
   and object clitics and demonstrative pronouns, which take up clauses and places as often as
   entities, are left alone.

Mention spans are cut to DEMOCRAT's boundaries first (``veille.link.coref_mentions``), and a name
and the role apposed to it are joined before pass 1. A relative pronoun or a determinerless
complement noun that corefers with nothing is not reported.

What is kept: the step yields one ``CorefCluster`` per entity, singletons included, as the
CoNLL-2012 convention scores them where the gold lists singletons (DEMOCRAT does: a detected
mention that corefers with nothing is an entity found, an undetected one is missed, neither more
nor less). A singleton holds no link, so the store drops one-span clusters
(``veille.store.database``) and ``veille show`` does not list them; they have no ``name``, so
the quote-speaker code, which reads the named clusters, sees what it saw before.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from functools import lru_cache
from types import ModuleType

from spacy.tokens import Doc, Token

from veille.extract.context import Context
from veille.knowledge.names import normalise
from veille.link.coref_mentions import refine_mentions
from veille.link.mentions import CONTRACTIONS, Candidate, find_mentions, pronoun_data
from veille.records import CorefCluster, Participant

__all__ = ["EXTRACTOR", "VERSION", "cluster_mentions", "find_coref", "resolve"]

EXTRACTOR, VERSION = "coref", "3"

REACH_SENTENCES = 3  # a pronoun's antecedent lies in its sentence or the ones just before
NOMINAL_REACH = 30  # sentences over which a definite noun phrase may take up an earlier mention
DEMONSTRATIVE_REACH = 10  # sentences over which "ce pays", "cette crèche" take up their antecedent
SPEAKER_REACH = 5  # first-person pronouns this close are one speaker, quoted or not (letters, interviews)
# pronouns the salience pass resolves: object clitics ("le", "y", "en") and demonstratives ("cela")
# take up clauses and places as often as entities, and are left alone
LINKED_PRONOUNS = frozenset({"personal", "possessive"})


class _Clusters:
    """Union-find over the candidates, with each cluster's agreement features and words."""

    def __init__(self, mentions: list[Candidate]) -> None:
        self.mentions = mentions
        self.parent = list(range(len(mentions)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))

    def of(self, i: int) -> list[Candidate]:
        return [self.mentions[k] for k in self.members[self.find(i)]]

    def agrees(self, i: int, j: int) -> bool:
        """No mention of one cluster contradicts a mention of the other in person, gender or number."""
        left, right = self.of(i), self.of(j)
        for feature in ("gender", "number"):
            a = {getattr(m, feature) for m in left} - {None}
            b = {getattr(m, feature) for m in right} - {None}
            if a and b and not a & b:
                return False
        a_person = {m.person for m in left if m.kind == "pronoun"}
        b_person = {m.person for m in right if m.kind == "pronoun"}
        if a_person and b_person and not a_person & b_person:
            return False
        # a first or second person pronoun takes up a speaker, never a phrase of the narration
        return not (b_person and 3 not in b_person and any(m.kind != "pronoun" and not m.quoted for m in left))


def _nested(a: Candidate, b: Candidate) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _appositions(mentions: list[Candidate], appositions: list[tuple[Candidate, Candidate]],
                 clusters: _Clusters, lang: str) -> None:
    """Pass 0: a person's name and the role apposed to it (``le maire , Robert Labat``), either way round."""
    person_nouns = _reporting(lang).PERSON_NOUNS
    index = {id(m): i for i, m in enumerate(mentions)}
    for phrase, apposition in appositions:
        kinds = {phrase.kind, apposition.kind}
        role = phrase if phrase.kind == "nominal" else apposition
        if kinds == {"name", "nominal"} and role.head_lemma in person_nouns and role.number != "Plur":
            clusters.union(index[id(phrase)], index[id(apposition)])


def _speakers(mentions: list[Candidate], clusters: _Clusters, doc: Doc) -> None:
    """Pass 1: nearby first-person pronouns are one speaker; a quoted one is linked to the quote's subject,
    a quoted ``nous`` to the organisation it speaks for."""
    last_by_person: dict[str | None, int] = {}
    by_head = {m.head: i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        if m.kind != "pronoun" or m.person != 1:
            continue
        previous = last_by_person.get(m.number)
        if previous is not None and mentions[previous].sentence >= m.sentence - SPEAKER_REACH:
            clusters.union(previous, i)
        last_by_person[m.number] = i
        if not m.quoted:
            continue
        speaker = _quote_subject(doc[m.head])
        if speaker is None:
            continue
        if m.number == "Sing" and speaker.i in by_head:
            clusters.union(by_head[speaker.i], i)
        elif m.number == "Plur":
            body = _organisation(speaker, by_head, mentions)
            if body is not None:
                clusters.union(body, i)


def _organisation(speaker: Token, by_head: dict[int, int], mentions: list[Candidate]) -> int | None:
    """The organisation a speaker speaks for: the first one its phrase names, up to a comma or a verb
    (``le commandant suprême des forces de l' OTAN`` -> ``l' OTAN``), read in word order as the
    parser often hangs such complements elsewhere."""
    for token in speaker.doc[speaker.i:speaker.sent.end]:
        if token.i > speaker.i and (token.text in (",", ";", ":", ".", "(") or token.pos_ in ("VERB", "AUX")):
            return None
        k = by_head.get(token.i)
        named = mentions[k].mention if k is not None else None
        if named is not None and named.label == "ORG":
            return k
    return None


def _quote_subject(token: Token) -> Token | None:
    """The subject of the reporting verb of the quote that holds ``token`` ("« ... », a déclaré X")."""
    sent = token.sent
    close = next((t for t in token.doc[token.i:sent.end] if t.text in ("»", "”", '"')), None)
    if close is None:
        return None
    for t in token.doc[close.i + 1:min(close.i + 6, sent.end)]:
        if t.pos_ == "VERB":
            subjects = [c for c in t.children if c.dep_.startswith("nsubj") and c.i > close.i]
            if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
                return subjects[0]
            return None
    return None


def _exact(mentions: list[Candidate], clusters: _Clusters) -> None:
    """Pass 2: the same phrase (less determiners) twice; an indefinite phrase introduces, it does not repeat."""
    seen: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.kind == "pronoun" or not m.key or not (m.definite or m.kind == "name"):
            if m.kind != "pronoun" and m.key and m.key not in seen:
                seen[m.key] = i
            continue
        j = seen.get(m.key)
        if j is not None and not _nested(mentions[j], m):
            clusters.union(j, i)
        else:
            seen.setdefault(m.key, i)


def _entity_key(m: Candidate) -> str | None:
    if m.mention is None or m.mention.label == "MISC":
        return None
    return m.mention.entity_id or normalise(m.mention.name or m.mention.text) or None


def _knowledge(mentions: list[Candidate], clusters: _Clusters, doc: Doc, ctx: Context) -> None:
    """Pass 3: one knowledge-base entity (or one canonical name after linking); role phrases to persons."""
    seen: dict[str, int] = {}
    wikidata: dict[str, int] = {}
    for i, m in enumerate(mentions):
        key = _entity_key(m)
        if key is None:
            continue
        j = seen.get(key)
        if j is not None and not _nested(mentions[j], m):
            clusters.union(j, i)
        seen.setdefault(key, i)
        if m.mention is not None and m.mention.wikidata:
            wikidata.setdefault(m.mention.wikidata, i)
    if not wikidata:
        return
    from veille.link.actors import code_phrase

    for i, m in enumerate(mentions):
        if m.kind != "nominal" or not m.definite or not m.subject:
            continue
        head = doc[m.head]
        if head.pos_ != "NOUN":
            continue
        participant = code_phrase(doc[m.first:m.last + 1], ctx)
        if participant is not None and participant.wikidata in wikidata:
            clusters.union(wikidata[participant.wikidata], i)


def _name_variants(mentions: list[Candidate], clusters: _Clusters, lang: str) -> None:
    """Pass 4: a shorter name whose words all belong to an earlier, fuller name."""
    titles = set(pronoun_data(lang).TITLE_GENDER)
    names: list[tuple[int, set[str]]] = []
    for i, m in enumerate(mentions):
        if m.kind != "name" or not m.key:
            continue
        words = set(m.key.split()) - titles  # "M. Barak" after "Ehoud Barak"
        if not words:
            continue
        for j, earlier in reversed(names):
            if words < earlier and not _nested(mentions[j], m) and clusters.agrees(j, i):
                clusters.union(j, i)
                break
        names.append((i, words))


def _head_match(mentions: list[Candidate], clusters: _Clusters) -> None:
    """Pass 5: strict head match (Lee et al.): a definite phrase taking up an earlier mention of its head."""
    for i, m in enumerate(mentions):
        if m.kind == "pronoun" or not m.definite or not m.head_lemma:
            continue
        for j in range(i - 1, -1, -1):
            earlier = mentions[j]
            if m.sentence - earlier.sentence > NOMINAL_REACH:
                break
            if earlier.kind == "pronoun" or earlier.head_lemma != m.head_lemma or _nested(earlier, m):
                continue
            cluster = clusters.of(j)
            words = set().union(*(c.words for c in cluster), *({c.head_lemma} for c in cluster))
            if m.words - _stop(m) <= words and clusters.agrees(j, i):
                clusters.union(j, i)
                break


def _demonstratives(mentions: list[Candidate], clusters: _Clusters, doc: Doc, lang: str) -> None:
    """Pass 5b: a demonstrative phrase takes up the nearest earlier mention it can name.

    ``cette crèche`` an earlier ``crèche`` whatever its modifiers, ``ce pays`` a country's name,
    ``cette commune`` a town's, ``ce dernier`` the person named last."""
    lex = pronoun_data(lang)
    person_nouns = _reporting(lang).PERSON_NOUNS
    for i, m in enumerate(mentions):
        if m.kind != "nominal" or not _demonstrative(doc[m.head], lex) or len(clusters.of(i)) > 1:
            continue
        place = lex.PLACE_NOUNS.get(m.head_lemma)
        last_named = m.head_lemma in lex.LAST_NAMED
        for j in range(i - 1, -1, -1):
            earlier = mentions[j]
            if m.sentence - earlier.sentence > DEMONSTRATIVE_REACH:
                break
            if earlier.kind == "pronoun" or _nested(earlier, m):
                continue
            if place and _place(earlier) == place and earlier.number != "Plur":
                clusters.union(j, i)  # a place name's gender is not the noun's ("la Macédoine", "ce pays")
                break
            if (earlier.head_lemma == m.head_lemma or (last_named and _person(earlier, person_nouns))) and \
                    clusters.agrees(j, i):
                clusters.union(j, i)
                break


def _demonstrative(head: Token, lex: ModuleType) -> bool:
    return any(c.dep_ == "det" and c.lower_ in lex.DEMONSTRATIVE_DETERMINERS for c in head.lefts)


def _place(m: Candidate) -> str | None:
    """"country" or "town" for a place name, else None."""
    if m.mention is None or m.mention.label not in ("LOC", "GPE"):
        return None
    return "country" if (m.mention.entity_id or "").startswith("country:") else "town"


def _person(m: Candidate, person_nouns: frozenset[str]) -> bool:
    if m.mention is not None:
        return m.mention.label == "PER"
    return m.kind == "nominal" and m.head_lemma in person_nouns and m.number != "Plur"


def _stop(m: Candidate) -> set[str]:
    lex = pronoun_data("fr")
    return {w for w in m.words if w in lex.STOP_MODIFIERS}


def _relatives(mentions: list[Candidate], clusters: _Clusters, doc: Doc) -> None:
    """Pass 6: a relative pronoun is the noun phrase its clause modifies.

    A subject ``qui`` agrees with its verb: where the phrase the parse gives does not, the nearest
    phrase before it that does (``le risque de tuer des civils qui pourraient`` -> ``des civils``).
    A clause on a pronoun (``ce qui``, ``ceux qui``) is that pronoun's, not a phrase's."""
    by_head: dict[int, int] = {}
    for i, m in enumerate(mentions):
        if m.kind != "pronoun":
            by_head.setdefault(m.head, i)
    for i, m in enumerate(mentions):
        if m.pronoun != "relative":
            continue
        clause = doc[m.head].head
        if clause.dep_ == "acl:relcl" and clause.head.pos_ == "PRON":
            continue
        target = by_head.get(clause.head.i) if clause.dep_ == "acl:relcl" else None
        if target is None and m.head > 0:
            target = next((k for k in range(i - 1, max(-1, i - 4), -1) if mentions[k].kind != "pronoun"
                           and mentions[k].last < m.first), None)
        if target is not None and doc[m.head].dep_.startswith("nsubj"):
            target = _agreeing(mentions, i, target, _verb_features(clause))
        if target is not None:
            clusters.union(target, i)


def _verb_features(verb: Token) -> tuple[str | None, str | None]:
    """The number a finite verb (or its auxiliary) shows, and the gender of a participle after ``être``."""
    finite = [t for t in (verb, *verb.children) if t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]]
    number = next((t.morph.get("Number")[0] for t in finite if t.morph.get("Number")), None)
    # a participle agrees with its subject only after "être" ("elle est venue", but "elle a réussi")
    with_etre = any(c.dep_.startswith("aux") and c.lemma_ == "être" for c in verb.children)
    participle = verb.morph.get("VerbForm") == ["Part"] and with_etre
    gender = verb.morph.get("Gender")[0] if participle and verb.morph.get("Gender") else None
    return number, gender


def _agreeing(mentions: list[Candidate], i: int, target: int, features: tuple[str | None, str | None]) -> int:
    """``target`` if it agrees with the clause's verb, else the nearest earlier phrase of its sentence that does."""
    number, gender = features

    def agrees(m: Candidate) -> bool:
        return not (number and m.number and m.number != number) and not (gender and m.gender and m.gender != gender)

    if agrees(mentions[target]):
        return target
    relative = mentions[i]
    for k in range(i - 1, -1, -1):
        m = mentions[k]
        if m.sentence != relative.sentence:
            break
        if m.kind != "pronoun" and m.end <= relative.start and agrees(m):
            return k
    return target


def _speaks(m: Candidate, bodies: bool, lex: ModuleType) -> bool:
    """Whether a mention can be the speaker of a reporting verb: a person, or a body for ``elle``, ``ils``."""
    if m.kind == "pronoun":
        return True
    if m.mention is not None:
        return m.mention.label == "PER" or (bodies and m.mention.label == "ORG")
    return m.kind == "nominal" and (m.head_lemma in lex.PERSON_NOUNS or (bodies and m.head_lemma in lex.BODIES))


@lru_cache(maxsize=4)
def _reporting(lang: str) -> ModuleType:
    try:
        return importlib.import_module(f"veille.lang.{lang}.reporting")
    except ModuleNotFoundError:
        return importlib.import_module("veille.lang.fr.reporting")


def _pronouns(mentions: list[Candidate], clusters: _Clusters, doc: Doc, lang: str) -> None:
    """Pass 7: third-person pronouns to the most salient earlier mention that agrees with them.

    The subject of a reporting verb is a speaker: a person (or, for ``elle``, ``ils``, a body)."""
    speech = _reporting(lang)
    indefinite = pronoun_data(lang).INDEFINITE_PRONOUNS
    inner = _inner_parts(mentions, clusters)
    for i, m in enumerate(mentions):
        if m.kind != "pronoun" or m.person != 3 or m.pronoun not in LINKED_PRONOUNS:
            continue
        if len(clusters.of(i)) > 1:
            continue
        if doc[m.head].lower_ in indefinite:
            _indefinite(mentions, clusters, doc, i, indefinite)
            continue
        verb = doc[m.head].head
        speaker = m.pronoun == "personal" and m.subject and verb.lemma_.lower() in speech.VERBS
        bodies = doc[m.head].lower_ in speech.BODY_PRONOUNS
        best: tuple[tuple[int, int, int], int] | None = None
        coarguments = set()
        if m.pronoun == "personal" and not m.subject:  # an object pronoun is none of its co-arguments
            coarguments = {clusters.find(k) for k, other in enumerate(mentions)
                           if k != i and other.sentence == m.sentence and doc[other.head].head.i == verb.i}
        for j in range(i - 1, -1, -1):
            earlier = mentions[j]
            distance = m.sentence - earlier.sentence
            if distance > REACH_SENTENCES:
                break
            if earlier.end > m.start or _nested(earlier, m) or j in inner:
                continue
            if earlier.kind == "pronoun" and (earlier.person != 3 or doc[earlier.head].lower_ in indefinite):
                continue
            if clusters.find(j) in coarguments:
                continue  # "il le voit", "il lui parle": an object pronoun is not its verb's subject
            if m.pronoun == "possessive" and doc[earlier.head].i == doc[m.head].head.i:
                continue
            if not _compatible(m, earlier) or not clusters.agrees(j, i):
                continue
            if speaker and not _speaks(earlier, bodies, speech):
                continue
            salience = (distance, 0 if earlier.subject else 1, -earlier.start if distance == 0 else earlier.start)
            if best is None or salience < best[0]:
                best = (salience, j)
            if distance == 0 and earlier.subject:
                break
        if best is not None:
            clusters.union(best[1], i)


def _inner_parts(mentions: list[Candidate], clusters: _Clusters) -> set[int]:
    """The mentions lying inside a longer mention of their own entity, or a name inside a longer name
    (``du Sud`` in ``la Corée du Sud``).

    Such a part is no antecedent of its own: its gender is its words' (``Sud``), not the entity's, and
    the whole mention stands for it."""
    parts = set()
    for j, part in enumerate(mentions):
        for k in range(max(0, j - 8), min(len(mentions), j + 8)):
            whole = mentions[k]
            if whole.start <= part.start and part.end <= whole.end and (whole.start, whole.end) != \
                    (part.start, part.end) and (clusters.find(j) == clusters.find(k)
                                                or whole.kind == part.kind == "name"):
                parts.add(j)
                break
    return parts


def _indefinite(mentions: list[Candidate], clusters: _Clusters, doc: Doc, i: int, words: frozenset[str]) -> None:
    """``on`` takes up the nearest earlier ``on`` within reach."""
    for j in range(i - 1, -1, -1):
        if mentions[i].sentence - mentions[j].sentence > REACH_SENTENCES:
            return
        if mentions[j].kind == "pronoun" and doc[mentions[j].head].lower_ in words:
            clusters.union(j, i)
            return


def _compatible(pronoun: Candidate, antecedent: Candidate) -> bool:
    if pronoun.number and antecedent.number and pronoun.number != antecedent.number:
        return False
    if pronoun.pronoun != "possessive" and pronoun.gender and antecedent.gender and \
            pronoun.gender != antecedent.gender:
        return False
    return not (antecedent.kind == "nominal" and not antecedent.definite and antecedent.number == "Sing"
                and pronoun.pronoun == "demonstrative")


def cluster_mentions(doc: Doc, ctx: Context) -> tuple[list[Candidate], list[list[Candidate]]]:
    """The document's mentions and its entities (lists of mentions in text order), singletons included."""
    lang = ctx.lang or doc.lang_
    mentions, appositions = refine_mentions(doc, find_mentions(doc, ctx), ctx)
    clusters = _Clusters(mentions)
    _appositions(mentions, appositions, clusters, lang)
    _speakers(mentions, clusters, doc)
    _exact(mentions, clusters)
    _knowledge(mentions, clusters, doc, ctx)
    _name_variants(mentions, clusters, lang)
    _head_match(mentions, clusters)
    _demonstratives(mentions, clusters, doc, lang)
    _relatives(mentions, clusters, doc)
    _pronouns(mentions, clusters, doc, lang)
    entities = [sorted((mentions[k] for k in members), key=lambda c: c.start)
                for members in clusters.members.values()
                if len(members) > 1 or not _unreported(mentions[members[0]], doc)]
    entities.sort(key=lambda e: e[0].start)
    kept = {id(m) for e in entities for m in e}
    return [m for m in mentions if id(m) in kept], entities


def _unreported(m: Candidate, doc: Doc) -> bool:
    """Whether a mention that corefers with nothing is left out: a relative pronoun whose antecedent
    was not found, or a noun without determiner hung on another noun (``un train de retard``,
    ``maire de la commune``), mostly a property rather than an entity."""
    if m.pronoun == "relative":
        return True
    head = doc[m.head]
    return m.kind == "nominal" and head.dep_ in ("nmod", "appos") and \
        not any(c.dep_ in ("det", "nummod") or c.lower_ in CONTRACTIONS for c in head.lefts)


def find_coref(doc: Doc, ctx: Context) -> Iterator[CorefCluster]:
    """Pipeline step: one cluster per entity, a one-span cluster for an entity mentioned once."""
    _, entities = cluster_mentions(doc, ctx)
    for entity in entities:
        if len(entity) < 2:
            yield CorefCluster(ctx.doc_id, [entity[0].span], EXTRACTOR, VERSION)
            continue
        named = next((c.mention for c in entity if c.mention is not None and c.mention.label != "MISC"), None)
        spans = [c.span for c in entity]
        yield CorefCluster(ctx.doc_id, spans, EXTRACTOR, VERSION, name=named.name if named else None,
                           entity_id=named.entity_id if named else None)


def _innermost(token: Token, ctx: Context) -> CorefCluster | None:
    position, best, size = token.idx, None, None
    for cluster in ctx.clusters:
        for s, e in cluster.spans:
            if s <= position < e and (size is None or e - s < size):
                best, size = cluster, e - s
    return best


def _named_in(span: tuple[int, int], doc: Doc, ctx: Context) -> tuple[int, int] | None:
    """The named mention a cluster's span stands on: the one at its head, or at a name apposed to it."""
    phrase = doc.char_span(*span, alignment_mode="expand")
    if phrase is None:
        return None
    root = phrase.root
    heads = [root, *(c for c in root.children if c.pos_ == "PROPN" and c.i > root.i
                     and c.dep_ in ("appos", "nmod", "flat:name"))]
    for m in ctx.mentions:
        if m.label != "MISC" and span[0] <= m.span[0] and m.span[1] <= span[1] and \
                any(m.span[0] <= t.idx < m.span[1] for t in heads):
            return m.span
    return None


def resolve(token: Token, ctx: Context) -> Participant | None:
    """The actor a token designates through the document's clusters: the first named mention of its cluster.

    A token inside a name is not resolved (the name is coded by itself)."""
    from veille.link.actors import code_phrase

    position = token.idx
    if any(m.span[0] <= position < m.span[1] for m in ctx.mentions):
        return None
    cluster = _innermost(token, ctx)
    if cluster is None:
        return None
    target = None
    for span in cluster.spans:
        if not span[0] <= position < span[1]:
            target = _named_in(span, token.doc, ctx)
            if target is not None:
                break
    if target is None:
        return None
    span = token.doc.char_span(*target, alignment_mode="expand")
    if span is None:
        return None
    participant = code_phrase(span, ctx)
    if participant is not None:
        participant.span = (token.idx, token.idx + len(token))
    return participant
