"""Linking named mentions to the knowledge base, and coding any noun phrase as a PLOVER actor.

    link_mentions(doc, ctx)            # pipeline step: fills ctx.mentions in place
    code_phrase(span, ctx)             # "l'armée nord-coréenne" -> Participant(country="PRK", sector="MIL")
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from veille.extract.context import Context
from veille.extract.event_triggers import load_cues
from veille.knowledge import load_kb
from veille.knowledge.names import normalise
from veille.link.corrections import correct_span, is_debris
from veille.link.names import (
    Actor,
    actor_of,
    as_government,
    is_formal_name,
    match_name,
    strip_determiner,
    strip_honorific,
)
from veille.nlp.text import doc_text
from veille.records import Mention, Participant, Record

__all__ = ["acting", "code_phrase", "document_date", "home_country", "link_mentions", "mention_at"]

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj", "agent")
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "his", "her", "its", "their"}
PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "celui-ci", "celle-ci", "ceux-ci", "he", "she", "they",
            "him", "them"}
# verbs whose subject, when a country, is its armed forces ("la Corée du Nord a tiré un missile")
MILITARY_VERBS = {"tirer", "bombarder", "pilonner", "frapper", "attaquer", "envahir", "abattre", "bombard",
                  "shell", "invade", "strike", "fire"}
MILITARY_OBJECTS = {"missile", "roquette", "obus", "projectile", "drone", "rocket", "shell"}
# verbs whose subject country acts through its armed forces when their object is a weapon or a weapons test
# ("la Corée du Nord a procédé à des lancements d'armes", "le Nord a présenté ses plus grandes armes")
MILITARY_MEANS_VERBS = {"lancer", "tester", "procéder", "présenter", "exhiber", "déployer", "effectuer", "mener",
                        "réaliser", "reconstruire", "construire", "launch", "test", "deploy", "conduct", "parade"}
WEAPONS = MILITARY_OBJECTS | {"arme", "armement", "ogive", "bombe", "char", "troupe", "soldat", "lancement", "essai",
                              "tir", "icbm", "weapon", "warhead", "troop", "missiles"}
# prepositions that make a place name a location, not an actor ("à Moscou", "in Washington")
LOCATIVE = {"à", "au", "aux", "dans", "en", "vers", "près", "depuis", "jusqu'", "jusque", "sur", "in", "at", "to",
            "near", "from", "into"}
INTERGOVERNMENTAL = frozenset({"IGO", "UNO", "EUR"})
# what a place or state name may be: coded for what it does in its sentence
PLACE_KINDS = frozenset({"capital", "seat", "country", "place", "region"})
# sectors of organisations outside the state: an office held in one of them is coded with its sector
CIVIL_SECTORS = frozenset({"PTY", "OPP", "LAB", "REL", "BUS", "MED", "EDU", "REB"})
_YEAR = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?")


def document_date(ctx: Context, position: int | None = None) -> str | None:
    """The date roles are resolved at: publication, else the last dated time expression before ``position``."""
    if ctx.published:
        return ctx.published[:10]
    best = None
    for timex in ctx.timexes:
        if timex.value and _YEAR.match(timex.value) and (position is None or timex.span[0] <= position):
            best = _YEAR.match(timex.value).group(0)
    return best


def mention_at(ctx: Context, start: int, end: int) -> Mention | None:
    """The named mention that covers the character range, or the first one inside it."""
    inside = None
    for mention in ctx.mentions:
        s, e = mention.span
        if s <= start and end <= e:
            return mention
        if inside is None and start <= s and e <= end:
            inside = mention
    return inside


def home_country(ctx: Context) -> str | None:
    """The country most of the document's places lie in, if one does: the default for ``la police``,
    ``le tribunal``, and for a person described by a role with no country."""
    counts = Counter(m.country for m in ctx.mentions if m.label in ("LOC", "GPE") and m.country
                     and len(m.country) == 3 and m.country not in INTERGOVERNMENTAL)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if 2 * n > sum(counts.values()) else None


def _acts(token: Token) -> bool:
    """True when the token (or the phrase it heads) is the subject of its clause."""
    while token.dep_ in ("flat:name", "flat", "compound", "conj") and token.head is not token:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def _military_act(token: Token) -> bool:
    """True when the clause the token is the subject of fires, tests or shows weapons."""
    while token.dep_ in ("flat:name", "flat", "compound", "conj") and token.head is not token:
        token = token.head
    verb = token.head
    if verb.lemma_ in MILITARY_VERBS:
        return True
    if verb.lemma_ not in MILITARY_MEANS_VERBS:
        # "semble reconstruire": the verb under a raising or modal verb
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in MILITARY_MEANS_VERBS), None)
        if verb is None:
            return False
    subject = set(token.subtree)
    return any(c.lemma_.lower() in WEAPONS for c in verb.subtree if c not in subject and c.pos_ == "NOUN")


def _locative(token: Token) -> bool:
    """True when the name is governed by a locative preposition (``à Moscou``, ``in Washington``)."""
    while token.dep_ in ("flat:name", "flat", "compound") and token.head is not token:
        token = token.head
    return any(c.dep_ == "case" and c.lower_ in LOCATIVE for c in token.children)


def _head_sector(token: Token, lang: str) -> str | None:
    """The sector of the noun a name complements (``les forces conventionnelles du Sud`` -> MIL, ``US
    servicemen`` -> MIL)."""
    while token.dep_ in ("flat:name", "flat", "compound") and token.head.pos_ == "PROPN" and token.head.i != token.i:
        token = token.head  # the last word of the name ("North Korea"), not the noun it modifies
    if token.dep_ not in ("nmod", "compound", "nmod:poss", "amod") or token.head.pos_ != "NOUN" or _locative(token):
        return None  # "deux individus à Nancy": a place where the people are, not theirs
    head = token.head
    if token.dep_ != "nmod" and head.i < token.i:
        return None  # a modifier after its noun ("les forces russes") is a demonym, not this name
    kb = load_kb()
    words = [head] + [c for c in head.children if c.dep_ == "amod" and c.i > head.i]
    phrase = " ".join(t.text for t in words)
    return kb.sector_word(phrase, lang) or kb.sector_word(head.lemma_, lang) or kb.sector_word(head.text, lang)


def acting(actor: Actor, root: Token, text: str, lang: str = "fr") -> Actor:
    """A named actor coded for what it does in its sentence.

    A capital or seat not used as a location stands for its government (``Washington a dénoncé``, ``entre
    Moscou et Pyongyang``); a country named as a whole keeps no sector, even as the subject of a clause
    (``l'Irak a donné son accord``), save its armed forces when the clause fires or tests weapons; the
    formal name of a state (``RPDC``) is its government; a place, region or body with no sector of its own
    complementing a sector noun takes that sector (``l'armée de la Russie``, ``les forces du Sud``,
    ``le Parlement du Pays de Galles``, ``les ministres de l'OPEP``).
    """
    if actor.kind not in PLACE_KINDS and not (actor.kind == "organisation" and actor.sector is None):
        return actor
    sector = _head_sector(root, lang)
    if sector is not None and actor.country:
        return replace(actor, sector=sector)
    if actor.kind in ("place", "region", "organisation"):
        return actor
    if actor.kind in ("capital", "seat"):
        if _locative(root):
            return replace(actor, sector=None) if actor.kind == "capital" else actor
        actor = as_government(actor) if actor.kind == "capital" else replace(actor, sector=actor.sector or "GOV")
    elif actor.entity_id and is_formal_name(text, actor):
        return as_government(actor)
    elif not _acts(root):
        return actor
    if actor.kind == "country" and _acts(root) and _military_act(root):
        return replace(actor, sector="MIL")
    return actor


def _fill(mention: Mention, actor: Actor) -> None:
    mention.name, mention.wikidata, mention.entity_id = actor.name, actor.wikidata, actor.entity_id
    mention.country, mention.sector = actor.country, actor.sector


def _relabel(mention: Mention, actor: Actor) -> None:
    if actor.kind in ("country", "capital") and mention.label in ("PER", "MISC"):
        mention.label = "GPE"  # "Washington a dénoncé": the capital, not George Washington
    elif actor.kind in ("organisation", "seat") and mention.label in ("LOC", "GPE", "PER", "MISC"):
        mention.label = "ORG"  # "AP" tagged as a place
    elif actor.kind == "person" and mention.label != "PER" and len(mention.text.split()) > 1:
        mention.label = "PER"


def _propagate(mentions: list[Mention]) -> None:
    """Within a document, a short name takes the identity of the fuller one it abbreviates (``M. Kim``)."""
    people = [m for m in mentions if m.label == "PER"]
    for mention in people:
        if mention.entity_id is not None:
            continue
        words = set(normalise(strip_honorific(mention.text)).split())
        if not words:
            continue
        fuller = [m for m in people if m is not mention and len(normalise(strip_honorific(m.text)).split()) > len(words)
                  and words <= set(normalise(" ".join((m.text, m.name or ""))).split())]
        linked = [m for m in fuller if m.entity_id is not None]
        pick = (linked or fuller or [None])[0]
        if pick is not None:
            mention.name, mention.wikidata, mention.entity_id = pick.name or pick.text, pick.wikidata, pick.entity_id
            mention.country, mention.sector = pick.country, pick.sector
        else:
            mention.name = strip_honorific(mention.text)


def link_mentions(doc: Doc, ctx: Context) -> Iterator[Record]:
    """Pipeline step: correct NER spans and labels, drop debris, link every mention to the knowledge base."""
    lang = ctx.lang or "fr"
    kept: list[Mention] = []
    kinds: dict[int, Actor] = {}
    kb = load_kb()
    for mention in ctx.mentions:
        correct_span(doc, mention)
        if is_debris(mention, lang) or _stray_word(doc, mention):
            continue
        if mention.label in ("LOC", "GPE", "MISC") and kb.names_organisation(strip_determiner(mention.text), lang):
            mention.label = "ORG"  # "Banque de France", "Crédit lyonnais", "Musée du Louvre"
        date = document_date(ctx, mention.span[0])
        actor = match_name(mention.text, mention.label, date)
        if actor is None and normalise(strip_determiner(mention.text)) in ("nord", "sud"):
            # "le Nord" after "la Corée du Nord": the country of the document named with that point
            actor = _half(normalise(strip_determiner(mention.text)), ctx, kept)
        if actor is None:
            kept.append(mention)
            continue
        _relabel(mention, actor)
        _fill(mention, actor)
        kinds[id(mention)] = actor
        kept.append(mention)
    # MISC from the French model is mostly noise; keep it only when it names a known entity
    kept = [m for m in kept if m.label != "MISC" or m.entity_id is not None]
    _propagate(kept)
    for mention in kept:
        if mention.name is None:
            mention.name = strip_determiner(mention.text)
        span = doc.char_span(*mention.span, alignment_mode="expand")
        if span is None:
            continue
        actor = kinds.get(id(mention))
        if actor is not None and (actor.kind in PLACE_KINDS or actor.kind == "organisation"):
            # the codes for what the place or state does here; the name and Wikidata id stay the mention's own
            mention.country, mention.sector = _codes_in_context(actor, span, lang)
        elif mention.label == "PER" and mention.country is None:
            described = _apposed_role(span, ctx, lang)
            if described is not None:
                mention.country, mention.sector = described[0], mention.sector or described[1]
        elif mention.label in ("LOC", "GPE") and actor is None and kb.sector_word(strip_determiner(mention.text), lang):
            mention.label = "ORG"  # "le régiment de Tirailleurs": a body named by its members, no place
            mention.country, mention.sector = _organisation_codes(span, ctx, lang)
        elif mention.label == "ORG" and actor is None:
            mention.country, mention.sector = _organisation_codes(span, ctx, lang)
        elif mention.label in ("LOC", "GPE") and actor is None:
            mention.sector = _head_sector(span.root, lang)  # "la gendarmerie de Giromagny", a town not known
    ctx.mentions[:] = kept
    home = home_country(ctx)
    if home is None and not any(m.country for m in kept if m.label in ("LOC", "GPE")):
        # local news that names no known place (French regional papers): the language's home country
        home = load_cues(lang).get("default_home_country") if lang in ("fr", "en") else None
    for mention in kept:
        if mention.label in ("PER", "ORG", "LOC", "GPE") and mention.country is None and mention.sector is not None:
            mention.country = home  # "l'adjoint au maire Pascal Martin": an office of the document's country
    return iter(())


# parts of speech that no one-word name has: a verb, adverb or pronoun that NER took for a name
NOT_NAME_POS = {"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "INTJ", "NUM"}


def _stray_word(doc: Doc, mention: Mention) -> bool:
    """True for a one-word mention the tagger reads as a verb, adverb, pronoun ... and the KB does not know."""
    span = doc.char_span(*mention.span, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ not in NOT_NAME_POS:
        return False
    return match_name(mention.text, mention.label) is None


def _organisation_codes(span: Span, ctx: Context, lang: str) -> tuple[str | None, str | None]:
    """An organisation the knowledge base does not know, coded from its own words: the sector of its head
    noun, the country of a demonym or place inside (``Cour d'appel de Paris`` -> FRA JUD, ``Lithuanian
    Parliament`` -> LTU LEG)."""
    tokens = _phrase_tokens(span)
    if not tokens:
        return None, None
    root = span.root
    sector = _sector(tokens, root, lang) or _inner_sector(span, root, ctx)
    if sector is None:
        known = _known_inside(tokens)
        if known is not None:
            return known.country, known.sector
    return _country(span, root, ctx), sector


def _known_inside(tokens: list[Token]) -> Actor | None:
    """A known organisation named inside a longer name, the longest first (``FNEC FP Force Ouvrière``: a
    federation of Force ouvrière, coded as it is)."""
    for size in range(len(tokens) - 1, 0, -1):
        for start in range(len(tokens) - size + 1):
            actor = match_name(_text(tokens[start:start + size]), "ORG")
            if actor is not None and actor.kind == "organisation" and actor.sector:
                return actor
    return None


def _codes_in_context(actor: Actor, span: Span, lang: str) -> tuple[str | None, str | None]:
    coded = acting(actor, span.root, span.text, lang)
    return coded.country, coded.sector


def _apposed_role(span: Span, ctx: Context, lang: str) -> tuple[str | None, str] | None:
    """The codes of a role phrase or title set beside an unknown person's name.

    ``la porte-parole du département d'État américain, Jalina Porter`` -> (USA, GOV); ``President Dos
    Santos`` -> (None, GOV). The country comes only from the phrase (a demonym, a named place); a person
    described by nothing keeps no country: none is guessed.
    """
    root = span.root
    while root.dep_ in ("flat:name", "flat", "compound") and root.head is not root:
        root = root.head
    nouns = []
    if root.dep_ in ("appos", "nmod") and root.head.pos_ == "NOUN" and root.head.i < root.i:
        nouns.append(root.head)
    elif root.dep_ == "appos" and root.head.pos_ == "PROPN" and root.head.dep_ == "nmod" and \
            root.head.head.pos_ == "NOUN" and root.head.head.i < root.i:
        nouns.append(root.head.head)  # "le maire de Belfort, Jean Dupont" set beside the place by the parser
    nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if nouns:  # the role may be further up: "le président du Conseil des institutions juives, X"
        up = nouns[0]
        while up.dep_ == "nmod" and up.head.pos_ == "NOUN" and up.head.i < up.i:
            up = up.head
            nouns.append(up)
    for noun in nouns:
        left = min(t.i for t in noun.subtree)
        right = max([t.i for t in noun.subtree if not (span.start <= t.i < span.end)] + [noun.i])
        if noun.i < span.start:
            right = min(right, span.start - 1)
        phrase = span.doc[left:right + 1]
        tokens = _phrase_tokens(phrase)
        if not tokens:
            continue
        sector = _sector(tokens, noun, lang) or ("GOV" if _role(tokens, lang) else None)
        inner = _inner_sector(phrase, noun, ctx)
        if inner in CIVIL_SECTORS and sector in (None, "GOV"):
            sector = inner  # an office in a party, union or church: "le président du RPR", "secrétaire du FN"
        if sector:
            return _country(phrase, noun, ctx), sector
    # a title written before the name ("President Dos Santos", "Israeli Foreign Minister X", "Lebanon's President X")
    titles = {t.i for c in root.children if c.dep_ in ("compound", "amod", "nmod") and c.i < span.start
              and c.pos_ in ("NOUN", "PROPN") for t in c.subtree}
    left = span.start
    while left - 1 in titles and span.doc[left - 1].pos_ not in ("AUX", "PUNCT") and (
            span.doc[left - 1].pos_ != "VERB" or span.doc[left - 1].dep_ == "amod"):  # "Ousted President X"
        left -= 1
    phrase = span.doc[left:span.start]
    tokens = _phrase_tokens(phrase)
    sector = _title_sector(tokens, lang)
    return (_country(phrase, tokens[-1], ctx), sector) if sector else None


def _title_sector(tokens: list[Token], lang: str) -> str | None:
    """The sector of a title read from its end, longest first (``Arab League Secretary General`` -> GOV);
    ``ELI`` for a former office-holder (``Former prime minister``, ``Ousted President``)."""
    kb = load_kb()
    for n in range(min(len(tokens), 6), 0, -1):
        words = " ".join(t.text for t in tokens[-n:])
        sector = kb.sector_word(words, lang) or ("GOV" if kb.role_word(words, lang) else None)
        if sector is None and n == 1:
            sector = kb.sector_word(tokens[-1].lemma_, lang)
        if sector:
            former = any(t.pos_ in ("ADJ", "VERB") and kb.sector_word(t.text, lang) == "ELI" for t in tokens[:-n])
            return "ELI" if former else sector
    return None


# --- coding any phrase -----------------------------------------------------------------------


QUANTIFIERS = {"dizaine", "vingtaine", "trentaine", "centaine", "millier", "milliers", "plusieurs", "quelques",
               "nombreux", "nombreuses", "certains", "certaines", "several", "some", "many", "dozens", "hundreds"}


# heads that name a part of a group: the group's sector is theirs ("un membre du Parlement", "members of the army")
PARTITIVES = {"membre", "member", "partie", "part", "représentant", "representative", "délégation", "delegation"}


def _phrase_tokens(span: Span) -> list[Token]:
    tokens = list(span)
    while tokens and (tokens[0].pos_ in ("DET", "ADP", "PUNCT", "NUM") or tokens[0].lower_ in POSSESSIVES
                      or tokens[0].lower_ in QUANTIFIERS or tokens[0].like_num):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ == "PUNCT":
        tokens = tokens[:-1]
    return tokens


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc_text(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]


def _role(tokens: list[Token], lang: str) -> str | None:
    """The office named at the start of the phrase (``ministre de la défense`` ...), longest first."""
    kb = load_kb()
    words = [t for t in tokens if not (t.pos_ == "ADJ" and kb.demonym(t.text))]
    for end in range(min(len(words), 8), 0, -1):
        role = kb.role_word(" ".join(t.text for t in words[:end]), lang)
        if role is None and end == 1:
            role = kb.role_word(words[0].lemma_, lang)
        if role:
            return role
    return None


def _sector(tokens: list[Token], root: Token, lang: str) -> str | None:
    """The sector a phrase's words signal: a sector phrase opening it, else one ending at its head
    (``Palestinian armed groups``, ``Cairo's security chief``), its head, a compound before the head
    (``border patrol agents``), or for a partitive head the complement (``a member of the parliament``)."""
    kb = load_kb()
    for end in range(min(len(tokens), 6), 1, -1):
        sector = kb.sector_word(" ".join(t.text for t in tokens[:end]), lang)
        if sector:
            return sector
    at = next((n for n, t in enumerate(tokens) if t.i == root.i), None)
    if at is not None:
        for start in range(max(0, at - 5), at):
            sector = kb.sector_word(" ".join(t.text for t in tokens[start:at + 1]), lang)
            if sector:
                return sector
    sector = kb.sector_word(root.lemma_, lang) or kb.sector_word(root.text, lang)
    if sector or at is None:
        return sector
    if root.pos_ == "PROPN":  # an unknown name under its title ("suspected British militant Haroon Aswad")
        for end in range(at, 0, -1):
            sector = _title_sector(tokens[:end], lang)
            if sector:
                return sector
    compounds = [t for t in tokens[:at] if t.head.i == root.i and t.dep_ in ("compound", "nmod") and t.pos_ in (
        "NOUN", "PROPN")]
    for start in range(len(compounds)):
        sector = kb.sector_word(" ".join(t.text for t in compounds[start:]), lang)
        if sector:
            return sector
    if root.lemma_.lower() in PARTITIVES:
        for child in root.children:
            if child.dep_ in ("nmod", "prep") and child.i > root.i:
                noun = child if child.dep_ == "nmod" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ == "NOUN":
                    return kb.sector_word(noun.lemma_, lang) or kb.sector_word(noun.text, lang)
    return None


STANCE_PREFIXES = frozenset({"pro", "anti"})


def stance_word(token: Token) -> bool:
    """A demonym naming a stance toward a country, not its nationality: "pro-Iranian", "anti-Syrian" (split by
    the tokenizer as "pro", "-", "Iranian")."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in STANCE_PREFIXES


def _country(span: Span, root: Token, ctx: Context) -> str | None:
    """The country a common-noun phrase belongs to: demonym, a named country or capital inside, a possessive."""
    kb = load_kb()
    own = [t for t in span if _own(t, span)]
    for first, second in pairwise(own):  # "South African", "North Korean"
        if root.i not in (first.i, second.i) and second.i == first.i + 1 and \
                second.pos_ in ("ADJ", "NOUN", "PROPN", "X") and not stance_word(second):
            code = kb.demonym(f"{first.text} {second.text}")
            if code:
                return code
    for token in own:
        if token.i != root.i and token.pos_ in ("ADJ", "NOUN", "PROPN", "X") and not stance_word(token):
            code = kb.demonym(token.text)
            if code:
                return code
    for token in own:
        if token.i == root.i:
            continue
        mention = mention_at(ctx, token.idx, token.idx + len(token))
        if mention is not None and mention.country and mention.span[0] >= span.start_char:
            return mention.country
    for token in own:
        if token.pos_ == "PROPN" and token.i != root.i:
            inside = mention_at(ctx, token.idx, token.idx + len(token))
            if inside is not None and inside.label == "PER":
                continue  # a person's name ("l'abbé Pierre") is no place to look up
            actor = match_name(token.text, None, document_date(ctx, token.idx))
            # a bare word that happens to be some town's name is no evidence of a country, save as the
            # complement of the phrase's noun ("le parquet de Belfort", "the police of Lyon")
            if actor and actor.country and (actor.kind != "place" or _complements(token, root)):
                return actor.country
    for token in own:  # a name of several words inside the phrase ("Parlement du Pays de Galles")
        if token.i != root.i and token.dep_ in ("nmod", "pobj") and token.text[:1].isupper():
            words = [t for t in token.subtree if span.start <= t.i < span.end]
            while words and words[0].dep_ in ("case", "det") and words[0].i < token.i:
                words = words[1:]
            if len(words) > 1:
                actor = match_name(_text(words), None, document_date(ctx, token.idx))
                if actor and actor.country and (actor.kind != "place" or _complements(token, root)):
                    return actor.country
    for token in span:
        if token.lower_ in POSSESSIVES:
            owner = _resolve_token(token, ctx)
            if owner is not None and owner.country:
                return owner.country
    return None


# dependents that open a clause of their own: what lies under them is not the phrase's own
CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "csubj"})


def _own(token: Token, span: Span) -> bool:
    """True when no verb or clause of the phrase stands between the token and the phrase's top
    (``hackers capable of launching cyber warfare against the United States``: not the hackers' country)."""
    while span.start <= token.head.i < span.end and token.head.i != token.i:
        if token.dep_ in CLAUSE_DEPS:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return False
    return True


def _complements(token: Token, root: Token) -> bool:
    """True when the token is the prepositional complement of ``root`` (UD ``nmod``, or ``prep`` + ``pobj``)."""
    head = token.head
    return (head.i == root.i and token.dep_ == "nmod") or (token.dep_ == "pobj" and head.dep_ == "prep"
                                                             and head.head.i == root.i)


def _inner_sector(span: Span, root: Token, ctx: Context) -> str | None:
    """The sector of an organisation named inside the phrase (``des délégués de Force ouvrière`` -> LAB)."""
    for token in span:
        if token.i == root.i:
            continue
        mention = mention_at(ctx, token.idx, token.idx + len(token))
        if mention is not None and mention.sector and mention.label == "ORG" and mention.span[0] >= span.start_char:
            # the members of an alliance or of the UN are states, not its forces ("les membres de l'OTAN")
            return mention.sector if mention.country not in INTERGOVERNMENTAL else None
    return None


def _resolve_token(token: Token, ctx: Context) -> Participant | None:
    from veille.link.coref import resolve  # coref codes its clusters with this module

    return resolve(token, ctx)


def _participant(actor: Actor, span: Span) -> Participant:
    return Participant(actor.name, (span.start_char, span.end_char), actor.country, actor.sector, actor.wikidata)


def _named(span: Span, root: Token, ctx: Context, tokens: list[Token]) -> Actor | None:
    mention = mention_at(ctx, root.idx, root.idx + len(root))
    date = document_date(ctx, span.start_char)
    if mention is not None and (mention.entity_id or mention.country):
        kb = load_kb()
        entity = kb.entity(mention.entity_id) if mention.entity_id else None
        if entity is not None:
            actor = actor_of(entity, date)
        else:
            kind = "capital" if mention.country and kb.capital_of(mention.text) else "place"
            actor = Actor(mention.name or mention.text, mention.country, mention.sector, mention.wikidata,
                          mention.entity_id, kind if mention.label in ("LOC", "GPE") else "unknown")
        return actor
    if mention is not None and mention.label == "PER":
        return Actor(mention.name or mention.text, None, mention.sector, None, mention.entity_id, "person")
    if root.pos_ == "PROPN" or (tokens and tokens[0].text[:1].isupper()):
        actor = match_name(_text(tokens), None, date)
        if actor is None and normalise(_text(tokens)) in ("nord", "sud"):
            return _half(normalise(_text(tokens)), ctx)
        return actor
    return None


def _half(point: str, ctx: Context, mentions: list[Mention] | None = None) -> Actor | None:
    """``le Nord`` in a story about ``la Corée du Nord``: the country of the document named with that point."""
    kb = load_kb()
    for mention in ctx.mentions if mentions is None else mentions:
        if mention.country and mention.entity_id == f"country:{mention.country}" and \
                normalise(mention.name or "").endswith(f"du {point}"):
            entity = kb.entity(mention.entity_id)
            if entity is not None:
                return actor_of(entity)
    return None


def code_phrase(span: Span, ctx: Context) -> Participant | None:
    """Code a noun phrase as an actor (name, country, sector, Wikidata id), or None when nothing is known.

    Names go through the knowledge base; a capital or seat acting is its government; a role with a
    country (``le président russe``) is the office-holder at the document's date; a common noun gets
    its sector from its head (``la police`` -> COP) and its country from a demonym, a named place,
    a possessive, or the document's home country; a pronoun is resolved through the coref clusters.
    """
    if len(span) == 0:
        return None
    root = span.root
    if len(span) == 1 and (root.pos_ == "PRON" or root.lower_ in PRONOUNS):
        return _resolve_token(root, ctx)
    tokens = _phrase_tokens(span)
    if not tokens:
        return None
    lang = ctx.lang or "fr"
    actor = _named(span, root, ctx, tokens)
    if actor is not None:
        if actor.kind == "place":
            actor.sector = None
        return _participant(acting(actor, root, _text(tokens), lang), span)
    kb = load_kb()
    sector = _sector(tokens, root, lang) or _inner_sector(span, root, ctx)
    role = _role(tokens, lang)
    country = _country(span, root, ctx)
    if country is None and root.pos_ in ("NOUN", "PROPN") and root.text[:1].isupper():
        # "les Américains", "les Russes": the people of a country, for that country
        country = kb.demonym(root.text)
    if role and country:
        person = kb.person_for_role(country, role, document_date(ctx, span.start_char))
        if person is not None:
            return _participant(actor_of(person, document_date(ctx, span.start_char)), span)
    if sector or country:
        if sector is not None and country is None:
            country = home_country(ctx)
        return Participant(strip_determiner(_text(tokens)), (span.start_char, span.end_char), country,
                           sector or ("GOV" if role else None), None)
    return _resolve_token(root, ctx)
