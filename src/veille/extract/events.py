"""PLOVER events: trigger, actor and recipient, modality, date, place, source, codes.

    for event in find_events(doc, ctx): ...   # the pipeline's last step

Triggers are language data (``event_triggers``); roles come from the parse (``event_roles``), and are
coded by the actor linker; modality from the parse and cues (``event_modality``); the date from the
time expressions of the clause or sentence; the place from the gazetteer; the source from ``selon X``
and from the quotes; one real-world event is kept once per document (``veille.link.clusters``).
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from veille.extract.context import Context
from veille.extract.event_modality import clause_chain, find_modality, reported
from veille.extract.event_roles import find_roles, inner_recipients, phrase, with_conjuncts
from veille.extract.event_triggers import Rule, is_passive, load_cues, match_trigger, prep_children
from veille.knowledge.plover import event_codes
from veille.link.clusters import merge_events
from veille.records import Event, Location, Mention, Participant, Quote, Timex

__all__ = ["EXTRACTOR", "VERSION", "find_events"]

EXTRACTOR, VERSION = "events", "1"

# a speech act's content is not a second event: "a menacé d'attaquer", "promised to strengthen"
SPEECH_ACTS = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT", "ACCUSE"})
VERBAL = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"})
DATE_TYPES = frozenset({"DATE", "TIME"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
FIRST_PERSON = frozenset({"je", "j'", "nous", "i", "we", "me", "us"})
CUE_DEPS = frozenset({"amod", "compound", "nmod:poss", "poss", "nn", "nmod", "pobj", "flat:name"})


@cache
def _reporting_verbs(lang: str) -> frozenset[str]:
    try:
        return frozenset(importlib.import_module(f"veille.lang.{lang}.reporting").VERBS)
    except (ModuleNotFoundError, AttributeError):
        return frozenset()


@cache
def _coder() -> Callable[[Span, Context], Participant | None] | None:
    try:
        return importlib.import_module("veille.link.actors").code_phrase
    except (ModuleNotFoundError, AttributeError):
        return None


@cache
def _stance_word() -> Callable[[Token], bool] | None:
    try:
        return importlib.import_module("veille.link.actors").stance_word
    except (ModuleNotFoundError, AttributeError):
        return None


@cache
def _ethnic_words(lang: str) -> frozenset[str]:
    return frozenset(load_cues(lang).get("ethnic_words", ())) if lang in ("fr", "en") else frozenset()


@cache
def _gazetteer() -> Any:
    try:
        return importlib.import_module("veille.knowledge").load_kb()
    except (ModuleNotFoundError, AttributeError, ImportError):
        return None


def _demonym(token: Token) -> str | None:
    """The country a demonym names, unless it names a stance toward that country ("pro-Iranian Hizbollah",
    "anti-Syrian journalist": the word split as "pro", "-", "Iranian")."""
    kb = _gazetteer()
    if kb is None or not hasattr(kb, "demonym") or token.pos_ not in ("ADJ", "NOUN", "PROPN", "X"):
        return None
    stance = _stance_word()
    return None if stance is not None and stance(token) else kb.demonym(token.text)


def _country_cue(span: Span, ctx: Context) -> str | None:
    """The country a modifier of the phrase names: a demonym (``Israeli President X``, ``les forces serbes``)
    or a named country or body (``Iran's religious leader``, ``European Community foreign ministers``)."""
    root_ent = next((e for e in span.ents if e.start <= span.root.i < e.end), None)
    for token in span:
        if token.i == span.root.i or (root_ent is not None and root_ent.start <= token.i < root_ent.end):
            continue
        code = _demonym(token)
        if code:
            return code
    coder = _coder()
    if coder is None:
        return None
    for ent in span.ents:
        if ent == root_ent or ent.label_ not in ("GPE", "ORG", "LOC") or ent.root.dep_ not in CUE_DEPS:
            continue
        coded = coder(ent, ctx)
        if coded is not None and coded.country:
            return coded.country
    return None


def _ethnic_home(span: Span, ctx: Context) -> str | None:
    """The state an ethnic group named by its origin lives in: the place its phrase names ("ethnic Albanians in
    south Serbia" → SRB), else None, for the document's home country to fill ("ethnic Turks" in Sweden)."""
    coder = _coder()
    for prep in span.root.children:
        if prep.dep_ != "prep" or prep.lower_ != "in" or coder is None:
            continue
        for place in prep.children:
            if place.dep_ == "pobj" and place.ent_type_ in PLACE_LABELS:
                coded = coder(place.doc[place.left_edge.i:place.i + 1], ctx)
                if coded is not None and coded.country:
                    return coded.country
    return None


def _participant(span: Span, ctx: Context) -> Participant | None:
    coder = _coder()
    if coder is None:  # no actor linker installed: keep the mention, uncoded
        return Participant(name=span.text, span=(span.start_char, span.end_char))
    coded = coder(span, ctx)
    if coded is not None and coded.wikidata is None and _ethnic_group(span.root, ctx.lang):  # an origin, no state
        coded.country = _ethnic_home(span.root.doc[span.root.left_edge.i:span.root.right_edge.i + 1], ctx)
        return coded
    if (coded is None or coded.wikidata is None) and span.root.pos_ == "PROPN":  # an unknown person
        coded = _by_role(span, ctx) or coded
    if coded is None:  # a people named by its demonym ("168 Liberians", "les Serbes"), or qualified by one
        code = _demonym(span.root) or _country_cue(span, ctx)  # ("Serb forces", "Ibo traditional elders")
        if code:
            return Participant(name=span.text, span=(span.start_char, span.end_char), country=code)
        return None
    if coded.wikidata is None or coded.country is None:  # not a known entity: the phrase's own cue decides
        code = _country_cue(span, ctx)
        if code:
            coded.country = code
    return coded


def _private(participant: Participant, doc: Doc) -> bool:
    """A private person: a bare name or a pronoun the linker knows nothing of (no country, sector, entity,
    no title or role beside the name)."""
    if participant.country or participant.sector or participant.wikidata or participant.span is None:
        return False
    span = doc.char_span(*participant.span, alignment_mode="expand")
    if span is None or _organisation(span.root):
        return False
    if not all(t.pos_ in ("PROPN", "PRON") for t in span if t.pos_ != "DET"):
        return False
    kb = _gazetteer()
    if kb is None or not hasattr(kb, "sector_word"):
        return True
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    return not any(kb.sector_word(t.text, lang) or kb.role_word(t.text, lang) for t in span)  # "President X"


def _name_phrase(token: Token) -> Span | None:
    """A name whose last word the parser took for a pronoun ("Kim Jong Un" with "Un" as subject): the name."""
    doc = token.doc
    if token.pos_ != "PRON" or not token.is_title or token.i == 0 or doc[token.i - 1].pos_ != "PROPN":
        return None
    start = token.i - 1
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return doc[start:token.i + 1]


def _role_phrase(role: Token, name: Span) -> Span:
    """The whole phrase of a role word, without the name it stands beside, cut at the first punctuation."""
    doc = role.doc
    start, end = role.left_edge.i, role.right_edge.i + 1
    if name.start > role.i:
        end = min(end, name.start)
    elif name.end <= role.i:
        start = max(start, name.end)
    for i in range(role.i + 1, end):
        if doc[i].is_punct:
            end = i
            break
    for i in range(role.i - 1, start - 1, -1):
        if doc[i].is_punct:
            start = i + 1
            break
    while start < role.i and doc[start].dep_ == "case":
        start += 1
    return doc[start:end]


def _by_role(span: Span, ctx: Context) -> Participant | None:
    """A person the linker does not know, coded by the role beside the name: "la porte-parole du
    département d'État, Jalina Porter", "Philippe Barret, un des conseillers du ministre"."""
    root = span.root
    doc = span.doc
    roles = [c for c in root.children if c.pos_ in ("NOUN", "PRON", "NUM") and (c.dep_ == "appos" or (
        c.dep_ == "nmod" and not any(g.dep_ == "case" for g in c.children)  # ", un des conseillers"
        and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","))]
    if root.dep_ in ("appos", "nmod", "flat:name") and root.head.pos_ == "NOUN" and root.head.i < root.i:
        roles.append(root.head)
    coder = _coder()
    for role in roles:
        if role.pos_ in ("PRON", "NUM"):  # "un des conseillers du ministre"
            role = next((c for c in role.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), role)
        role_phrase = _role_phrase(role, span)
        coded = coder(role_phrase, ctx) if coder is not None else None
        if coded is not None and (coded.country or coded.sector):
            country = (_country_cue(role_phrase, ctx) if coded.wikidata is None else None) or coded.country
            return Participant(name=span.text, span=(span.start_char, span.end_char), country=country,
                               sector=coded.sector, wikidata=None)
    return None


def _speaker_span(token: Token, quote: Quote) -> Span | None:
    """The mention of who says "nous" or "je": the quote's speaker span, or where its speaker's name is written
    (the speaker span may be the pronoun itself)."""
    doc = token.doc
    if quote.speaker is not None and not (quote.speaker[0] <= token.idx < quote.speaker[1]):
        return doc.char_span(*quote.speaker, alignment_mode="expand")
    name = quote.speaker_name
    if not name:
        return None
    at = doc.text.rfind(name, 0, quote.span[0])
    if at < 0:
        at = doc.text.find(name)
    return doc.char_span(at, at + len(name), alignment_mode="expand") if at >= 0 else None


def _quote_of(start: int, ctx: Context) -> Quote | None:
    for quote in ctx.quotes:
        if quote.span[0] <= start < quote.span[1] or (quote.cue and quote.cue[0] <= start < quote.cue[1]):
            return quote
    return None


def _organisation(token: Token) -> bool:
    """A name the parser's NER calls an organisation ("la FNEC"), or an acronym ("le PC"): a political actor even
    unlinked."""
    return token.ent_type_ == "ORG" or (token.is_upper and len(token.text) > 1 and token.ent_type_ == "MISC")


def _common(token: Token, persons: frozenset[str] | None) -> bool:
    """A common noun kept as a participant the linker could not code: any noun or object pronoun, or with
    ``persons``, only a noun for people ("deux individus", not "les flammes")."""
    if persons is not None:
        return token.pos_ == "NOUN" and token.lemma_.lower() in persons
    # a number of people as the object ("killing 20", "arresting 12"), a clitic the tagger took for an article
    # ("une patrouille l'arrête")
    return token.pos_ == "NOUN" or (token.pos_ in ("PRON", "NUM", "DET") and token.dep_ in ("obj", "dobj", "iobj"))


def _latter(token: Token, ctx: Context) -> Span | None:
    """The person a demonstrative of the latter ("celui-ci", "celle-ci": ``latter_pronouns``) designates: the last
    person named before it, in its sentence or the one before."""
    doc = token.doc
    words = load_cues(ctx.lang if ctx.lang in ("fr", "en") else doc.lang_).get("latter_pronouns", ())
    form = "".join(t.text for t in doc[token.i:token.i + 3]).lower()
    if token.pos_ not in ("PRON", "PROPN") or not any(form.startswith(w) for w in words):
        return None
    sent = token.sent
    start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    named = [m for m in ctx.mentions if m.label in ("PER", "PERSON") and start <= m.span[0] and m.span[1] <= token.idx]
    if not named:
        return None
    last = max(named, key=lambda m: m.span[0])
    return doc.char_span(*last.span, alignment_mode="expand")


def _code_all(tokens: list[Token], ctx: Context, quote: Quote | None, keep_names: bool = False,
              keep_common: bool = False, persons: frozenset[str] | None = None) -> list[Participant]:
    found: list[Participant] = []
    for token in tokens:
        span = _name_phrase(token) or phrase(token)
        while len(span) > 1 and span[-1].tag_ == "POS":  # "North Korea's" -> "North Korea"
            span = span[:-1]
        if token.lower_ in FIRST_PERSON and quote is not None and not token.text.isupper():  # "US" is a country
            speaker = _speaker_span(token, quote)
            if speaker is not None:
                span = speaker
        latter = _latter(token, ctx)
        if latter is not None:  # "… a nommé Jean-Pierre Raffarin. Celui-ci s'est lancé": the last one named
            span = latter
        participant = _participant(span, ctx)
        if latter is not None and participant is not None:  # the mention is the pronoun's
            last = token
            while last.i + 1 < len(token.doc) and token.doc[last.i + 1].lower_ in ("-", "ci", "-ci"):  # "Celui-ci"
                last = token.doc[last.i + 1]
            participant.span = (token.idx, last.idx + len(last.text))
        unknown = participant is None or not (participant.country or participant.sector or participant.wikidata)
        if unknown and quote is not None and token.pos_ == "PRON" and token.dep_.startswith("nsubj"):
            speaker = _speaker_span(token, quote)  # "Iraq said it would allow": "it" is who speaks
            if speaker is not None:
                participant = _participant(speaker, ctx) or participant
        if participant is None and (keep_names or _organisation(token)) and token.pos_ == "PROPN":  # coded later
            participant = Participant(name=span.text, span=(span.start_char, span.end_char))
        if participant is None and keep_common and _common(token, persons):  # "le chauffeur", "l'arrête"
            participant = Participant(name=span.text, span=(span.start_char, span.end_char))
        if participant is not None and all(p.span != participant.span for p in found):
            found.append(participant)
    return found


def _trigger_span(token: Token, rule: Rule, used: list[Token]) -> tuple[int, int]:
    if rule.pos == "noun":
        words = [token, *(c for c in token.children if c.dep_ == "amod" and c.i == token.i + 1)]
    else:
        words = [token, *(c for c in token.children if c.dep_.startswith("aux") and c.i < token.i)]
    start = min(w.idx for w in words)
    end = max(w.idx + len(w.text) for w in words)
    return start, end


def _in_subtree(span: tuple[int, int], head: Token) -> bool:
    left, right = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    return left <= span[0] and span[1] <= right


def _date(token: Token, ctx: Context) -> tuple[str | None, str | None]:
    sent = token.sent
    lo, hi = sent.start_char, sent.end_char
    candidates = [t for t in ctx.timexes if t.type in DATE_TYPES and t.value and lo <= t.span[0] < hi
                  and t.how != "unresolved" and not t.value.endswith("_REF")]
    if not candidates:
        return None, None
    chain = clause_chain(token)
    clause = chain[-1]
    inside = [t for t in candidates if _in_subtree(t.span, clause)]
    if not inside:
        return None, None
    best: Timex = min(inside, key=lambda t: abs(t.span[0] - token.idx))
    value = best.value.split("T", 1)[0] if best.value else None
    return value, best.how


def _place_token(token: Token, cues: dict[str, Any]) -> Token | None:
    """The head of the place phrase of the trigger's clause: "à Pyongyang", "in Baghdad"."""
    preps = set(cues.get("place_preps", ()))
    for link in clause_chain(token):
        for prep, comp in prep_children(link):
            if prep in preps and comp.ent_type_ in ("LOC", "GPE", "FAC"):
                return comp
    return None


def _place(comp: Token | None) -> Location | None:
    """Where the event happened, resolved to the gazetteer where it knows the place."""
    if comp is None:
        return None
    name = phrase(comp).text
    kb = _gazetteer()
    entry = kb.place(name) if kb is not None and hasattr(kb, "place") else None
    if entry is None:
        return Location(name=name)
    if isinstance(entry, Location):
        return entry
    return Location(name=getattr(entry, "name", name), country=getattr(entry, "country", None),
                    geonameid=getattr(entry, "geonameid", None), lat=getattr(entry, "lat", None),
                    lon=getattr(entry, "lon", None))


def _host(place: Token, actors: list[Participant], ctx: Context) -> list[Participant]:
    """The host of a visit: the government of the country or capital visited, when it is not the visitor's."""
    host = _participant(phrase(place), ctx)
    if host is None or host.country is None or any(a.country == host.country for a in actors):
        return []
    host.sector = host.sector or "GOV"
    return [host]


def _is_country(mention: Mention) -> bool:
    kb = _gazetteer()
    if kb is None or not hasattr(kb, "country") or not mention.country:
        return False
    country = kb.country(mention.country)
    names = {n.casefold() for n in (*getattr(country, "names_fr", ()), *getattr(country, "names_en", ()))}
    return bool(country) and (mention.name or mention.text).casefold() in names


def _context_recipient(token: Token, actors: list[Participant], ctx: Context) -> list[Participant]:
    """Who an event with no recipient in its clause is aimed at, from the context: the named person,
    organisation, country or government nearest the trigger in its sentence, else the last one named in the
    two sentences before it (same paragraph)."""
    sent = token.sent
    taken = {a.span for a in actors if a.span}
    names = {(a.name or "").casefold() for a in actors}
    doc = token.doc
    start = sent.start_char
    for _ in range(2):
        previous = doc[max(doc.char_span(start, start + 1, alignment_mode="expand").start - 1, 0)].sent \
            if start > 0 else None
        if previous is None or "\n" in doc.text[previous.start_char:start]:
            break
        start = previous.start_char

    times = [t.span for t in ctx.timexes]

    def usable(m: Mention) -> bool:
        if m.span in taken or any(a[0] <= m.span[0] < a[1] for a in taken):
            return False
        if any(t[0] <= m.span[0] < t[1] for t in times):  # "Mardi", "Noël": a time, not a participant
            return False
        if (m.name or m.text).casefold() in names or not (start <= m.span[0] < sent.end_char):
            return False
        if m.label in ("PER", "PERSON", "ORG"):
            return m.country is not None or m.label == "ORG"
        return m.label in ("GPE", "LOC") and (m.sector == "GOV" or _is_country(m))

    candidates = [m for m in ctx.mentions if usable(m)]
    inside = [m for m in candidates if m.span[0] >= sent.start_char]
    if inside:
        best = min(inside, key=lambda m: abs(m.span[0] - token.idx))
    else:
        before = [m for m in candidates if m.span[0] < sent.start_char]
        if not before:
            return []
        best = max(before, key=lambda m: m.span[0])
    return [Participant(name=best.name or best.text, span=best.span, country=best.country, sector=best.sector,
                        wikidata=best.wikidata)]


def _implicit_actors(token: Token, rule: Rule, cues: dict[str, Any]) -> list[Participant]:
    """The agent an arrest or a conviction told with no agent implies: the police, the courts (country later
    from the document's home country); the trigger is passive, an infinitive or a noun, or its subject was lost
    by the parser."""
    table = cues.get("implicit_actors", {})
    implied = table.get(f"{rule.category}/{rule.mode}") or table.get(rule.lemma)
    if not implied:
        return []
    if implied.get("passive") and not is_passive(token):  # "sont poursuivis", not "poursuit ses efforts"
        return []
    return [Participant(name=implied["name"], span=None, country=None, sector=implied["sector"])]


def _source(token: Token, cues: dict[str, Any], actors: list[Participant], quote: Quote | None,
            reporting: frozenset[str]) -> tuple[int, int] | None:
    """The source the outlet credits: "selon X", a reporting clause, or the quote's credited agency."""
    words = set(cues.get("source_words", ()))
    for t in token.sent:
        if t.lower_ in words:
            head = t.head if t.dep_ in ("case", "prep", "mark") else t
            if t.lower_ == "according":  # according to X
                head = next((g for c in t.children for g in c.children if c.dep_ == "pobj"), t)
            end_tok = head.right_edge
            return t.idx, end_tok.idx + len(end_tok.text)
    if quote is not None and quote.source is not None:
        return quote.source
    current = token
    for _ in range(5):
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in reporting:
            speakers = [c for c in current.head.children if c.dep_ in ("nsubj",)]
            if speakers:
                span = phrase(speakers[0])
                start, end = span.start_char, span.end_char
                if not any(p.span and p.span[0] <= start < p.span[1] for p in actors) and speakers[0].pos_ != "PRON":
                    return start, end
            return None
        if current.head is current:
            break
        current = current.head
    return None


def _embedded(token: Token, triggers: dict[int, Rule], intent_heads: set[str] | frozenset[str] = frozenset(),
              reason_preps: frozenset[str] = frozenset()) -> bool:
    """Whether a trigger is the content of another event: the object of a speech act ("a menacé
    d'attaquer"), or an infinitive of purpose or intent under an event ("telephoned X to discuss"). A verb
    coordinated with another is embedded as its first conjunct is ("to protect them and prevent a war"); an
    intent ("offered its troops to help") holds as its content only the xcomp that the intent head gives way to;
    the clause of a speech act's noun is its content too ("insisted on its demands that X grant"). An event noun
    given as the reason (``reason_preps``: "réclame Carlos pour la prise d'otages") is no content."""
    if token.pos_ == "NOUN" and any(c.dep_ == "case" and c.lower_ in reason_preps for c in token.children):
        return False
    first = token
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    current = first
    for _ in range(3):
        dep = current.dep_
        if dep not in ("xcomp", "ccomp", "obl:arg", "obj", "dobj", "pobj", "pcomp", "prep", "advcl", "acl"):
            return False
        current = current.head
        head_rule = triggers.get(current.i)
        if head_rule is None or current.i == token.i:
            continue
        if head_rule.category in SPEECH_ACTS and current.pos_ == "VERB":
            return current.lemma_.lower() not in intent_heads or dep != "xcomp"
        if dep in ("xcomp", "advcl") and "Inf" in first.morph.get("VerbForm"):
            return True
    return False


def _threat_mode(token: Token, cues: dict[str, Any]) -> str | None:
    words = [w.lemma_.lower() for w in token.subtree]
    for mode, cue_words in cues.get("threat_modes", {}).items():
        if any(w in cue_words for w in words):
            return mode
    return None


def _intent(token: Token, category: str, cues: dict[str, Any], reporting: frozenset[str] = frozenset()
            ) -> str | None:
    """The category of an act only announced or offered, where the language's data codes it as the intent
    (``will support``, ``is ready to contribute`` → AGREE; ``may halt`` → THREATEN), else None."""
    intent = cues.get("intent")
    if not intent or token.pos_ != "VERB":
        return None
    target = next((k for k in ("AGREE", "THREATEN") if category in intent.get(k, ())), None)
    if target is None:
        return None
    auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if auxes & set(intent.get("aux", ())):
        return target
    if (auxes & set(intent.get("reported_aux", ())) and reported(token, reporting)  # "said it would allow"
            and category not in intent.get("announced_as_done", ())):  # "announced it would prohibit aid"
        return target
    if target == "THREATEN" and auxes & set(intent.get("threat_aux", ())):
        return target
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in intent.get("heads", ()):
        return target
    return None


def _demands(doc: Doc, cues: dict[str, Any], reporting: frozenset[str], taken: set[int]
             ) -> list[tuple[Token, Rule, list[Token]]]:
    """Statements that are demands: a reporting verb whose reported clause says what someone must do
    ("declared that China must drop barriers", "reiterated that Libya should hand over")."""
    modals = set(cues.get("demand_modals", ()))
    if not modals:
        return []
    found = []
    for token in doc:
        if token.i in taken or token.pos_ != "VERB" or token.lemma_.lower() not in reporting:
            continue
        for clause in token.children:
            if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
                found.append((token, Rule("verb", token.lemma_.lower(), "REQUEST"), [clause]))
                break
    return found


def _claim(token: Token, category: str, triggers: dict[int, Rule], cues: dict[str, Any]) -> bool:
    """What protesters demand or denounce while protesting, told by a participle of the protest ("blocked
    roads demanding that he be reinstated"): the protest's claim, no event of its own."""
    if token.dep_ != "advcl" or "Part" not in token.morph.get("VerbForm") or any(
            c.dep_.startswith("nsubj") for c in token.children):
        return False
    head_rule = triggers.get(token.head.i)
    return head_rule is not None and category in cues.get("claims", {}).get(head_rule.category, ())


def _session(token: Token, actors: list[Participant], cues: dict[str, Any]) -> bool:
    """One body that meets with no one in the clause ("the Cabinet met on Sunday and decided"): a session of
    its own, no consultation, which takes two sides."""
    if len(actors) != 1 or token.lemma_.lower() not in cues.get("session_verbs", ()):
        return False
    places = set(cues.get("place_preps", ()))

    def partner(child: Token) -> bool:  # "with X", "X" met; not "in Geneva", "on Sunday"
        if child.dep_ not in ("dobj", "obj", "prep", "obl", "dative"):
            return False
        if child.dep_ != "prep":
            return True
        return child.lower_ not in places and not any(g.ent_type_ in DATE_TYPES for g in child.children)

    return not any(partner(c) for c in token.children)


def _adjectival(token: Token) -> bool:
    """A participle used as an adjective ("un dialogue sérieux et soutenu", "the US-led war"): no event, unless
    it names its agent ("les civils expulsés par les Serbes")."""
    if token.pos_ != "VERB" or ("Part" not in token.morph.get("VerbForm") and token.dep_ != "amod"):
        return False
    if any(c.lower_ == "en" and c.dep_ in ("mark", "case") for c in token.children):  # a gerund: "en dénonçant"
        return False
    if any(c.dep_ in ("obl:agent", "agent") for c in token.children):
        return False
    if token.dep_ == "amod":
        return True
    if token.dep_ != "conj" or any(c.dep_.startswith(("aux", "nsubj")) for c in token.children):
        return False
    before = token.doc[token.i - 2] if token.i >= 2 else None  # "sérieux et soutenu"
    return token.head.pos_ == "ADJ" or (before is not None and before.pos_ == "ADJ"
                                         and token.doc[token.i - 1].dep_ == "cc")


def _held_stance(token: Token, rule: Rule, cues: dict[str, Any]) -> bool:
    """A stance told as held since some time, in the imperfect: a state, not an act ("qui était soutenu par les
    communistes depuis sa nomination"); ``stance_categories`` and ``state_preps`` in the language's cues."""
    if rule.category not in cues.get("stance_categories", ()) or token.pos_ != "VERB":
        return False
    words = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
    if not any("Imp" in t.morph.get("Tense") for t in words):
        return False
    return any(p in cues.get("state_preps", ()) for p, _ in prep_children(token))


def _same_act(token: Token, category: str, triggers: dict[int, Rule]) -> bool:
    """A participle that goes on telling the act of its head ("shelled the town, killing 20"), a verb
    coordinated with one of the same category and sharing its subject ("killing or wounding 50"), or a clause
    of the same category whose pronoun subject is the head's own ("killed 23 people when they blew themselves
    up")."""
    if token.dep_ not in ("advcl", "conj") or "Inf" in token.morph.get("VerbForm"):
        return False
    head_rule = triggers.get(token.head.i)
    if head_rule is None or head_rule.category != category:
        return False
    subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    return not subjects or (token.dep_ == "advcl" and all(c.pos_ == "PRON" for c in subjects))


def _events(doc: Doc, ctx: Context) -> Iterator[Event]:
    lang = ctx.lang if ctx.lang in ("fr", "en") else doc.lang_
    cues = load_cues(lang)
    reporting = _reporting_verbs(lang)
    consumed: set[int] = set()
    matches: list[tuple[Token, Rule, list[Token]]] = []
    for token in doc:
        found = match_trigger(token, lang)
        if found is None:
            continue
        rule, used = found
        matches.append((token, rule, used))
        if rule.pos == "verb":
            consumed.update(t.i for t in used)
    demands = _demands(doc, cues, reporting, {token.i for token, _, _ in matches})
    matches.extend((token, rule, []) for token, rule, _ in demands)
    # what a demand asks for is its content, not a second event: "said that the US must be ready to mediate"
    demanded = {t.i for _, _, clause in demands for t in clause[0].subtree}
    triggers = {token.i: rule for token, rule, _ in matches}
    intent_heads = set(cues.get("intent", {}).get("heads", ()))
    reason_preps = frozenset(cues.get("reason_preps", ()))
    found: list[tuple[int, Event]] = []
    covered: set[int] = set()
    for token, rule, used in matches:
        if token.lemma_.lower() in intent_heads and any(  # "plans to impose": the planned act is the event
                c.dep_ == "xcomp" and c.i in triggers for c in token.children):
            continue
        if (token.i in consumed or token.i in demanded or _embedded(token, triggers, intent_heads, reason_preps)
                or _same_act(token, rule.category, triggers) or _claim(token, rule.category, triggers, cues)
                or _adjectival(token) or _held_stance(token, rule, cues)):
            continue
        actor_heads, recipient_heads = find_roles(token, rule, cues, used)
        quote = _quote_of(token.idx, ctx)
        persons = frozenset(cues.get("person_nouns", ()))
        keep_actor = rule.category in cues.get("common_actors", ())
        actors = _code_all(actor_heads, ctx, quote, keep_common=keep_actor, persons=persons)
        if not actors and all(t.pos_ == "NOUN" for t in actor_heads):  # none, or "une opération"
            actors = _implicit_actors(token, rule, cues)
        if not actors or all(_private(a, doc) for a in actors):  # no political actor acts
            continue
        if all(a.sector in cues.get("interviewers", {}).get(rule.category, ()) for a in actors):
            continue  # reporters who meet people interview them: "rencontrés par les journalistes"
        any_noun = rule.category in cues.get("common_recipients", ())
        recipients = [r for r in _code_all(recipient_heads, ctx, quote, keep_names=True, keep_common=True,
                                           persons=None if any_noun else persons)  # else only people
                      if all(r.span != a.span for a in actors)]
        if not recipients and _session(token, actors, cues):  # "Israel's Cabinet met Sunday": no one consulted
            continue
        if not recipients:  # no role holds an actor: the first named one inside the complements
            for head in inner_recipients(token, actor_heads, used):
                recipients = [r for r in _code_all(with_conjuncts(head), ctx, quote)
                              if all(r.span != a.span for a in actors)]
                if recipients:
                    break
        if not recipients and rule.category in cues.get("context_recipients", ()):
            recipients = _context_recipient(token, actors, ctx)
        place_token = _place_token(token, cues)
        if rule.category == "CONSULT" and rule.mode == "visit":
            home = {a.country for a in actors}  # a town of the visitor's own country is where, not whom, he visits
            recipients = [r for r in recipients if r.sector or r.wikidata or r.country not in home]
            if not recipients and place_token is not None:
                recipients = _host(place_token, actors, ctx)  # a visit to a capital or country meets its government
        required = rule.recip or f"{rule.category}/{rule.mode}" in cues.get("required_recipients", ())
        if required and not recipients:  # a trip that meets no one is no visit ("se rend au centre de Sangatte")
            continue
        negated, hypothetical, future = find_modality(token, cues, reporting)
        date, how = _date(token, ctx)
        historical = False
        if date and ctx.published and date[:4].isdigit() and ctx.published[:4].isdigit():
            historical = int(date[:4]) < int(ctx.published[:4]) - 1
            future = future or date[:10] > ctx.published[:10]
        category, mode, cameo_code = rule.category, rule.mode, rule.cameo
        intended = _intent(token, category, cues, reporting)
        if intended is not None:  # the statement of intent is the act, done now
            category, mode, cameo_code = intended, None, None
            future = hypothetical = False
            if category == "AGREE" and negated:  # "said it would not allow": a refusal (CAMEO 12)
                category, negated = "REJECT", False
        if category == "THREATEN" and mode is None:
            mode = _threat_mode(token, cues)
        cameo, quad, intensity = event_codes(category, mode, cameo_code)
        if rule.pos == "noun":  # the light verb of an event noun is no event of its own: "gave a warm welcome"
            covered.update(t.i for t in used if t.i == token.head.i and t.pos_ == "VERB")
        found.append((token.i, Event(
            ctx.doc_id, _trigger_span(token, rule, used), category, EXTRACTOR, VERSION, mode=mode,
            actor=actors, recipient=recipients, date=date, date_how=how,
            location=_place(place_token), negated=negated, hypothetical=hypothetical,
            future=future and not historical, historical=historical,
            attributed_to=_source(token, cues, actors, quote, reporting),
            quote=quote.span if quote is not None and category in VERBAL else None,
            cameo=cameo, quad_class=quad, intensity=intensity,
        )))
    yield from (event for i, event in found if i not in covered)


NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "ISM", "IMG"})


def home_country(events: list[Event], mentions: list[Mention] = ()) -> str | None:
    """The country most of a document's coded participants and linked mentions belong to, when one holds at
    least half of them."""
    coded = [p.country for e in events for p in (*e.actor, *e.recipient)]
    coded += [m.country for m in mentions]
    counts = Counter(c for c in coded if c and c not in NON_STATE)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if 2 * n >= sum(counts.values()) else None


def _fill_home(events: list[Event], mentions: list[Mention] = (), default: str | None = None,
               doc: Doc | None = None) -> None:
    """Participants the linker could not place (a local person, "le tribunal") take the document's home country,
    else the language's default (French local news that names no place: France). A body with a sector but no
    country takes instead the one state country of the other side of its event ("Kim a félicité les officiers")."""
    home = home_country(events, mentions) or default
    # one mention in two events is one actor: "a félicité les officiers pour un défilé" (both events' officers)
    by_span = {p.span: p.country for e in events for p in (*e.actor, *e.recipient) if p.span and p.country}
    for event in events:
        for side, other in ((event.actor, event.recipient), (event.recipient, event.actor)):
            partner = {p.country for p in other} - {None}
            for participant in side:
                if participant.country is not None or _place_name(participant, doc):
                    continue
                if participant.span in by_span:
                    participant.country = by_span[participant.span]
                elif participant.sector is not None and len(partner) == 1 and not partner & NON_STATE:
                    # "Kim a félicité les officiers": a body of no stated country is its counterpart's
                    participant.country = next(iter(partner))
                    by_span[participant.span] = participant.country
                elif home is not None:
                    participant.country = home


def _place_name(participant: Participant, doc: Doc | None) -> bool:
    """A place or people name the gazetteer does not know ("Afganistan"): not the home country's."""
    if doc is None or participant.span is None or participant.sector is not None:  # "le parquet de Belfort"
        return False
    span = doc.char_span(*participant.span, alignment_mode="expand")
    if span is None or span.root.ent_type_ not in ("GPE", "LOC", "NORP"):
        return False
    return not _ethnic_group(span.root, doc.lang_)  # "ethnic Albanians": people of the home country


def _ethnic_group(token: Token, lang: str) -> bool:
    """A people named by its origin ("ethnic Albanians"), not by its state."""
    words = _ethnic_words(lang)
    return any(c.lower_ in words for c in token.children)


def find_events(doc: Doc, ctx: Context) -> Iterator[Event]:
    """PLOVER events of a document, each real-world event once."""
    events = list(_events(doc, ctx))
    lang = ctx.lang if ctx.lang in ("fr", "en") else doc.lang_
    _fill_home(events, ctx.mentions, load_cues(lang).get("default_home_country") if lang in ("fr", "en") else None,
               doc)
    yield from merge_events(events)
