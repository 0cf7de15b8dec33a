"""Actor and recipient of an event trigger, read off the dependency parse.

    actors, recipients = find_roles(trigger_token, rule, cues)   # lists of head tokens

Handles subject and object, the passive (``a été reçu par``), prepositional recipients (``avec``,
``à``, ``contre``, ``auprès de``), coordinated actors, subjects shared through infinitives and
relative clauses, and nominal events (``la visite de Poutine à Pyongyang``, ``les frappes russes``).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from veille.extract.event_triggers import Rule, is_passive, objects, prep_children, verb_lemma

__all__ = ["find_roles", "inner_recipients", "phrase", "with_conjuncts"]

SUBJECT_DEPS = ("nsubj", "csubj", "expl:subj")
PASSIVE_SUBJECT_DEPS = ("nsubj:pass", "nsubjpass")
RELATIVE = frozenset({"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "who", "which", "that"})
CLIMB_DEPS = ("xcomp", "advcl", "conj", "ccomp", "acl", "parataxis")
PHRASE_DEPS = frozenset({
    "det", "amod", "compound", "flat", "flat:name", "flat:foreign", "fixed", "nummod", "poss", "nmod:poss",
    "nmod", "prep", "nn",
})
TIME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "X", "NUM"})
ACTOR_LABELS = frozenset({"PER", "PERSON", "ORG", "GPE", "LOC", "NORP"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod:poss", "poss", "nn"})
GOVERNED_DEPS = frozenset({"obj", "dobj", "obl:arg", "obl", "obl:mod", "pobj"})
GENITIVE = frozenset({"of", "de", "du", "des", "d"})
ADVERBIAL_CLITICS = frozenset({"y", "en"})  # "afin d'y manifester": a place or a quantity, not a participant
INNER_DEPS = frozenset({"obj", "dobj", "ccomp", "xcomp", "obl", "obl:arg", "nmod", "prep", "pobj", "iobj", "dative"})


@cache
def _kb() -> Any:
    """The knowledge base, or None where the knowledge package cannot load (roles then use no lexicon)."""
    try:
        return importlib.import_module("veille.knowledge").load_kb()
    except (ModuleNotFoundError, AttributeError, ImportError):
        return None


def _demonym(token: Token) -> str | None:
    kb = _kb()
    return kb.demonym(token.text) if kb is not None else None


def _institution(token: Token, head: Token, used: list[Token] | tuple[Token, ...]) -> bool:
    """A common noun for a state body that complements a direct complement of the trigger or of a trigger word:
    "une motion de censure contre la politique du gouvernement" is aimed at the government."""
    owner = token.head
    return (token.pos_ == "NOUN" and token.dep_.startswith("nmod") and owner.pos_ == "NOUN" and owner != head
            and (owner.head == head or owner.head in used)
            and _kb() is not None and _kb().sector_word(token.lemma_.lower(), token.doc.lang_) is not None)


def with_conjuncts(token: Token) -> list[Token]:
    """A head and the heads coordinated with it: ``Moscou et Pyongyang`` → both."""
    return [token, *(c for c in token.conjuncts if c.pos_ in NOMINAL or c.pos_ == "ADJ")]


def _entity(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def phrase(token: Token) -> Span:
    """The noun phrase of a head token: its named entity, else the head with its determiners, modifiers and
    one level of genitive complement, cut at the first comma."""
    doc = token.doc
    keep = [token]
    for child in token.children:
        if child.dep_ == "nmod" and child.i < token.i and not any(c.dep_ == "case" for c in child.children):
            keep.extend(child.subtree)  # a name before its noun: "European Community foreign ministers"
        elif child.dep_ in PHRASE_DEPS:
            keep.extend(child.subtree if child.dep_ not in ("nmod", "prep") else _genitive(child))
    ent = _entity(token)
    if ent is not None:
        keep.extend(ent)
    start, end = min(t.i for t in keep), max(t.i for t in keep) + 1
    while start < token.i and (doc[start].is_punct or doc[start].dep_ == "case"):
        start += 1
    for i in range(token.i + 1, end):
        if doc[i].text in (",", ";", "(", "—", "–", "«", "»", '"'):
            end = i
            break
    i = token.i - 1
    while i >= start:
        if doc[i].text == ")" and _opening(doc, i, start) is not None:  # "the Hizbollah (Party of God) group"
            i = _opening(doc, i, start) - 1
            continue
        if doc[i].text in (",", ";", ")", "—", "–", "«", "»", '"'):
            start = i + 1
            break
        i -= 1
    return doc[start:end]


def _opening(doc: Doc, close: int, start: int) -> int | None:
    """The opening bracket of a short aside that closes at ``close`` (an acronym, a translation)."""
    for i in range(close - 1, max(start, close - 6) - 1, -1):
        if doc[i].text == "(":
            return i
        if doc[i].is_punct:
            return None
    return None


def _genitive(child: Token) -> list[Token]:
    """A genitive complement ("de l'OTAN", "of Defence") without what hangs off it."""
    if child.dep_ == "prep":
        if child.lower_ != "of":
            return []
        objs = [c for c in child.children if c.dep_ == "pobj"]
        return [child, *(t for o in objs for t in _flat(o))]
    cases = [c for c in child.children if c.dep_ == "case"]
    if not cases or cases[0].lower_.rstrip("'’") not in ("de", "du", "des", "d"):
        return []
    return _flat(child)


def _flat(token: Token) -> list[Token]:
    return [token, *(t for c in token.children if c.dep_ in ("det", "case", "amod", "compound", "flat",
                                                                "flat:name", "fixed", "nn", "poss")
                     for t in c.subtree)]


def _subjects(verb: Token, passive: bool) -> list[Token]:
    if passive:
        found = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    else:  # a passive subject of a verb that is not passive is its subject (a parse error)
        found = [c for c in verb.children if c.dep_.startswith(SUBJECT_DEPS)
                 and (c.dep_ not in PASSIVE_SUBJECT_DEPS or not is_passive(verb))]
    if not found:
        found = _stranded_subjects(verb)
    resolved = []
    for s in found:
        if s.lower_ in RELATIVE and verb.dep_ in ("acl:relcl", "relcl", "acl"):
            resolved.append(verb.head)
        elif s.lower_ in RELATIVE and s.dep_.startswith("nsubj"):
            resolved.append(_antecedent(s) or s)
        else:
            resolved.append(s)
    return resolved


def _stranded_subjects(verb: Token) -> list[Token]:
    """The subject of a subordinate clause that the parser hung on the main verb together with the clause's
    conjunction: in "… alors que 17 automobilistes et deux chauffeurs sont poursuivis", "alors que" marks
    "automobilistes" and both nouns depend on the main verb; they are the subject of "poursuivis"."""
    if verb.dep_ not in ("advcl", "conj") or "Fin" not in {f for t in [verb, *verb.children]
                                                           for f in t.morph.get("VerbForm")}:
        return []
    first = min(t.i for t in verb.subtree)
    nouns: list[Token] = []
    for i in range(first - 1, max(verb.head.i, first - 12), -1):
        token = verb.doc[i]
        if token.is_punct:
            return []
        if token.pos_ in ("NOUN", "PROPN") and token.head == verb.head \
                and not any(c.dep_ == "case" for c in token.children):
            nouns.insert(0, token)
        if token.dep_ == "mark" and token.head in nouns:
            return nouns
    return []


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative subject follows when the parser did not attach its clause to it: "la gendarmerie de
    Giromagny qui a ouvert une enquête" → "gendarmerie"."""
    if relative.i == 0:
        return None
    noun = relative.doc[relative.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ in ("nmod", "flat:name", "flat", "compound") and noun.head.i < noun.i:
        noun = noun.head
    return noun


def _agents(token: Token, cues: dict[str, Any]) -> list[Token]:
    agent_deps = set(cues.get("passive_agent_deps", ()))
    found = []
    for child in token.children:
        if child.dep_ not in agent_deps:
            continue
        if child.pos_ == "ADP":  # English "by" carries its object
            found.extend(c for c in child.children if c.dep_ == "pobj")
        else:
            found.append(child)
    if not found:
        found = [c for p, c in prep_children(token) if p in cues.get("agent_preps", ())]
    return found


def _controller(verb: Token, request_heads: bool, occasions: frozenset[str] = frozenset()) -> list[Token]:
    """The subject an infinitive, a participle or a shared-subject conjunct inherits from its head.

    An aim set on the occasion of a clause's act is its subject's: "Lors d'une réunion visant à féliciter
    ses officiers, M. Kim a ..." (``occasions``: the words that open such a frame, "lors", "during")."""
    if _gerund(verb):  # "en dénonçant", "en rejetant": the subject of the verb the gerund modifies
        head = verb.head
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") and not is_passive(head):
                subjects = _subjects(head, False)
                if subjects:
                    return subjects
            if head.head.i == head.i:
                break
            head = head.head
        return []
    current = verb
    for _ in range(3):
        infinitive = "Inf" in current.morph.get("VerbForm")
        adverb = current.pos_ == "ADV" and current.dep_ == "advmod" and current is not verb  # "afin de manifester"
        if (current.dep_ not in CLIMB_DEPS and not (infinitive and current.dep_ in ("obl:arg", "obl")) and not adverb)\
                or current.head.i == current.i:
            return []
        head = current.head
        if current.dep_ in ("acl",) and head.pos_ in NOMINAL:
            clause = _occasion_clause(head, occasions) if current is not verb else None
            return _subjects(clause, False) if clause is not None and not is_passive(clause) else []
        if current.dep_ == "xcomp" and request_heads:
            objs = objects(head)
            if objs:
                return objs
        if current.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
            head = head.head  # "is ready to contribute", "is willing to send"
        subjects = _subjects(head, is_passive(head))
        if subjects and not is_passive(head):
            return subjects
        if current.dep_ not in ("xcomp", "conj", "advcl", "obl:arg", "obl", "advmod"):
            return []
        current = head
    return []


def _occasion_clause(noun: Token, occasions: frozenset[str]) -> Token | None:
    """The verb of the clause a noun frames as its occasion ("lors d'une réunion", "au cours d'une visite")."""
    token = noun
    for _ in range(2):
        marked = token.lower_ in occasions or any(
            c.dep_ in ("case", "advmod", "fixed") and c.lower_ in occasions for c in token.children)
        head = token.head
        if marked:
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            return head if head.pos_ in ("VERB", "AUX") else None
        if head.i == token.i:
            return None
        token = head
    return None


def _gerund(verb: Token) -> bool:
    """A French gerund: "en" and a present participle."""
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") and any(
        c.lower_ == "en" and c.dep_ in ("mark", "case") for c in verb.children)


def _recipient_preps(rule: Rule, cues: dict[str, Any]) -> set[str]:
    by_category = cues.get("recipient_preps_by_category", {})
    return set(by_category.get(rule.category, cues.get("recipient_preps", ())))


def _verb_roles(verb: Token, rule: Rule, cues: dict[str, Any], used: list[Token]) -> tuple[list[Token], list[Token]]:
    passive = is_passive(verb)
    if passive and verb.lemma_.lower() in cues.get("stative_participles", ()) and not _agents(verb, cues):
        passive = False  # "Israel is opposed to French mediation": a stance of its subject, not a passive
        actors = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        recipients = []
    elif passive:
        actors = _agents(verb, cues)
        recipients = _subjects(verb, True)
        if not recipients and verb.dep_ == "conj":  # the patient of the first of two passive participles
            recipients = _subjects(verb.head, True)
    else:
        actors = _subjects(verb, False)
        if not actors:
            actors = _controller(verb, rule.category != "REQUEST", frozenset(cues.get("occasion_words", ())))
        recipients = [o for o in objects(verb) if o not in used]
        if not recipients and not used:  # an object shared by coordinated verbs: "killed or wounded 30 people"
            recipients = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                          and not any(g.dep_.startswith(SUBJECT_DEPS) for g in c.children) for o in objects(c)]
        # a nominal object the parser took for a predicate: "condamne Franck à deux mois"
        recipients += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("PROPN", "PRON")]
    if not passive or not recipients:
        preps = _recipient_preps(rule, cues)
        recipients += [c for p, c in prep_children(verb) if p in preps and c.pos_ in NOMINAL and c not in used]
        recipients += [c for c in verb.children if c.dep_ in ("iobj", "dative") and c.pos_ in NOMINAL]
        # the complements of a light verb's noun: "remettre sa démission au président", "open an inquiry into X",
        # its genitive first: "tighten the blockade of Serbia in the Adriatic"
        genitives = [c for u in used if u.pos_ == "NOUN" for p, c in prep_children(u)
                     if p in GENITIVE and c.pos_ in ("PROPN", "NOUN") and _named_actor(c)]
        recipients += genitives or [c for u in used for p, c in prep_children(u) if p in preps
                                    and c.pos_ in NOMINAL and c not in used]
    # "complained to the United Nations over Israeli air raids": who is complained of, not to whom
    topics = set(cues.get("topic_preps_by_category", {}).get(rule.category, ()))
    about = [n for p, c in prep_children(verb) if p in topics for n in _named_in(c)]
    if about:
        recipients = about[:1]
    # "a dénoncé la fourniture par Washington": the recipient is the agent of a nominal object
    for obj in list(recipients):
        inner = [c for p, c in prep_children(obj) if p in cues.get("agent_preps", ())]
        # or of a participle that qualifies it: "son veto à une réduction d'impôts adoptée par le Congrès"
        inner += [a for c in obj.children if c.dep_ in ("acl", "amod") and c.pos_ == "VERB" for a in _agents(c, cues)]
        if inner and obj.pos_ == "NOUN":
            recipients.remove(obj)
            recipients.extend(inner)
    if not recipients:
        recipients = _inner_recipient(verb, actors)
    return actors, recipients


def _named_in(head: Token) -> list[Token]:
    """The first name or demonym inside a phrase, standing with the noun it qualifies ("Israeli air raids")."""
    for token in head.subtree:
        ent = _entity(token) if token.ent_type_ in ACTOR_LABELS else None
        if ent is not None:
            root = ent.root
            return [root.head if root.dep_ in MODIFIER_DEPS | {"amod"} and root.head.pos_ == "NOUN" else root]
    return []


def _named_actor(token: Token) -> bool:
    """A name, or a noun a demonym or name qualifies: "Serbia", "Serbian forces", "the Hutu majority"."""
    return token.ent_type_ in ACTOR_LABELS or any(
        c.dep_ in MODIFIER_DEPS and c.ent_type_ in ACTOR_LABELS for c in token.children)


def inner_recipients(head: Token, actors: list[Token], used: list[Token] | tuple[Token, ...] = ()) -> list[Token]:
    """Named actors inside the complements of a trigger, in order (``denounced Serbia's suppression``,
    ``demanded that the Sudanese government ...``, ``bombardements sur la Yougoslavie``): a demonym or
    name that modifies a noun stands with that noun (``the Sudanese government``, ``Jordan's King``). A
    state body named by a common noun counts too when it complements a noun ("la politique du gouvernement")."""
    taken = {t.i for a in actors for t in a.subtree} | {head.i} | {t.i for t in used}
    found: list[Token] = []
    for child in head.children:
        purpose = child.dep_ == "advcl" and "Inf" in child.morph.get("VerbForm")  # "blocked a road to protest X"
        if (child.dep_ not in INNER_DEPS and not purpose) or (child.i in taken and child not in used):
            continue
        for token in _complement_tokens(child, used):
            if token.i not in taken and not token.ent_type_ and _institution(token, head, used):
                if token not in found:
                    found.append(token)
                continue
            if token.i in taken or not token.ent_type_ or token.ent_type_ not in ACTOR_LABELS:
                continue
            ent = _entity(token)
            if ent is None:
                continue
            root = ent.root
            owner = root.head
            if (root.dep_ in MODIFIER_DEPS and owner.i not in taken and owner.i != head.i
                    and (root.ent_type_ == "NORP" or owner.pos_ == "PROPN")):
                root = owner
            if root.i not in taken and root not in found:
                found.append(root)
    return found


AGAINST = frozenset({"contre", "envers", "encontre", "against"})


def _complement_tokens(child: Token, used: list[Token] | tuple[Token, ...]) -> list[Token]:
    """The words of a trigger's complement to search for a recipient. Of a trigger word ("motion" in "déposer
    une motion"), only what a complement against someone holds: "une motion contre la politique du
    gouvernement", not "des essais à un moment donné entre l'investiture du président"."""
    if child not in used:
        return list(child.subtree)
    return [t for c in child.children if any(m.dep_ == "case" and m.lower_ in AGAINST for m in c.children)
            for t in c.subtree]


def _inner_recipient(head: Token, actors: list[Token]) -> list[Token]:
    return inner_recipients(head, actors)[:1]


def _noun_roles(noun: Token, rule: Rule, cues: dict[str, Any], used: list[Token]
                ) -> tuple[list[Token], list[Token]]:
    actor_preps = set(cues.get("agent_preps", ())) if rule.agent_par else set(cues.get("noun_actor_preps", ()))
    preps = prep_children(noun)
    # "leur retrait du Kosovo": a possessive determiner is the actor, and "du Kosovo" is no actor
    possessive = any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)
    actors = [] if possessive else [c for p, c in preps if p in actor_preps and c.pos_ in NOMINAL and c not in used]
    actors += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
    told = _participle_roles(noun, used, cues, rule)  # "la procédure lancée contre lui par les communistes"
    if not actors and not possessive:
        actors = told[0]
    if not actors and not rule.agent_par and not possessive:  # "les frappes russes", not "militaro-technique"
        actors = [c for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > noun.i and _demonym(c)]
    # the event noun is a complement of a verb: "a ordonné des frappes", "est arrivé pour une visite", but not
    # of a verb whose subject does not do it ("dissuader une attaque", "a dénoncé les frappes")
    blockers = set(cues.get("noun_event_blockers", ()))
    frame = noun.head  # "a évoqué la crise lors d'une rencontre avec X", "au cours d'une visite"
    framed = (noun.dep_ in ("nmod", "obl:arg", "obl") and frame.lemma_.lower() in cues.get("event_frames", ())
              and frame.dep_ in ("obl:mod", "obl", "advmod"))
    if not actors and (noun.dep_ in GOVERNED_DEPS or framed):
        verb = noun.head.head if noun.dep_ == "pobj" or framed else noun.head
        actors = _blamed(noun, verb, cues)
        if not actors and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in blockers:
            actors = _subjects(verb, False) if not is_passive(verb) else _agents(verb, cues)
            if not actors:
                actors = _controller(verb, True)
    recipient_preps = _recipient_preps(rule, cues) - actor_preps
    recipients = [c for p, c in preps if p in recipient_preps and c.pos_ in NOMINAL and c not in actors]
    if not recipients and told[0]:
        recipients = told[1]
    if not recipients and noun.head in used and noun.head.pos_ == "VERB":  # "gave a warm welcome to X"
        recipients = [c for p, c in prep_children(noun.head) if p in recipient_preps and c.pos_ in NOMINAL
                      and c not in actors]
    if not recipients:
        recipients = _inner_recipient(noun, actors + list(used))
    return actors, recipients


def _participle_roles(noun: Token, used: list[Token], cues: dict[str, Any], rule: Rule
                      ) -> tuple[list[Token], list[Token]]:
    """The agent and the target a participle gives a nominal event, on the noun or on the complement that
    completes the trigger: "la procédure de destitution lancée contre lui par les communistes", "les frappes
    menées par l'OTAN contre la Serbie"."""
    preps = _recipient_preps(rule, cues) - set(cues.get("agent_preps", ()))
    for head in (noun, *(u for u in used if u.pos_ == "NOUN" and u.head == noun)):
        for child in head.children:
            if child.dep_ not in ("acl", "amod") or child.pos_ != "VERB" or child.i < head.i:
                continue
            agents = [a for a in _agents(child, cues) if a.pos_ in NOMINAL]
            if agents:
                return agents, [c for p, c in prep_children(child) if p in preps and c.pos_ in NOMINAL]
    return [], []


def _between(noun: Token, cues: dict[str, Any]) -> list[Token]:
    """The coordinated parties of a nominal event said to be "entre X et Y" (``between_preps``): a meeting or a
    clash, where one side acts on the other (``between_categories``), not a standing relation ("le partenariat
    entre Moscou et Pyongyang prévoit ...")."""
    for prep, comp in prep_children(noun):
        if prep in cues.get("between_preps", ()) and comp.pos_ in NOMINAL:
            return with_conjuncts(comp)
    return []


def _blamed(noun: Token, verb: Token, cues: dict[str, Any]) -> list[Token]:
    """Who did the act a verb of praise, blame or justice gives as its cause: its object, or its passive
    subject ("réclame Carlos pour la prise d'otages", "a félicité l'armée pour un défilé", "a été condamné
    pour l'attaque")."""
    if verb_lemma(verb) not in cues.get("cause_heads", ()) or not any(
            c.dep_ in ("case", "prep") and c.lower_ in cues.get("cause_preps", ()) for c in noun.children):
        return []
    if is_passive(verb):
        return _subjects(verb, True)
    # a name the parser took for a predicate is the object too: "réclame Carlos"
    return objects(verb) or [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "PROPN"]


def find_roles(token: Token, rule: Rule, cues: dict[str, Any], used: list[Token] | None = None
               ) -> tuple[list[Token], list[Token]]:
    """Head tokens of the actors and recipients of a trigger, each with its coordinated heads."""
    if rule.pos == "noun":
        actors, recipients = _noun_roles(token, rule, cues, used or [])
    else:
        actors, recipients = _verb_roles(token, rule, cues, used or [])
    taken = set(used or ())  # the words of a multiword trigger ("visite d'État") are no participants
    between = _between(token, cues) if rule.pos == "noun" and not actors and rule.category in cues.get(
        "between_categories", ()) else []
    if len(between) > 1:  # "la rencontre entre X et Y": the first named is the actor, the others the recipients
        actors, recipients = between[:1], [*between[1:], *(r for r in recipients if r not in between)]
    else:
        actors = [c for a in actors for c in with_conjuncts(a)]
    actors = [named_title(c) for c in actors if c not in taken]
    recipients = [named_title(r) for r in recipients]
    recipients = [c for r in recipients for c in with_conjuncts(r) if c not in actors and c not in taken]
    return _unique(actors), _unique(recipients)


def named_title(token: Token) -> Token:
    """The name that directly follows a title noun, standing for the person: "le président Jacques Chirac" →
    "Jacques", so the participant is coded from the person rather than from whichever president the
    document names elsewhere."""
    if token.pos_ != "NOUN":
        return token
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i == token.i + 1 and child.ent_type_ == "PER":
            return child
    return token


def _unique(tokens: list[Token]) -> list[Token]:
    seen, out = set(), []
    for t in tokens:
        if t.ent_type_ in TIME_LABELS and not (t.pos_ == "NUM" and t.dep_ in ("obj", "dobj")):  # "arresting 12"
            continue
        if t.pos_ == "PRON" and t.lower_ in ADVERBIAL_CLITICS:
            continue
        ent = _entity(t)
        key = ent.start if ent is not None else t.i
        if key not in seen and t.i not in seen:
            seen.add(key)
            seen.add(t.i)
            out.append(t)
    return out
