"""Quotes with their speakers: direct (in quotation marks), indirect (reported clauses), mixed.

    for quote in find_quotes(doc, ctx):
        quote.span, quote.kind, quote.cue, quote.speaker_name

Reporting verbs come from the language data (``veille.lang.<lang>.reporting``); the reported
clause and the speaker come from the dependency parse; quotation marks are paired in the text.
"""

from __future__ import annotations

import importlib
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from spacy.tokens import Doc, Span, Token

from veille.extract.context import Context
from veille.extract.quote_marks import QuoteMark, find_marks
from veille.extract.quote_speakers import Speaker, mention_at, nearest_person, resolve_speaker, speaker_phrase
from veille.nlp.text import doc_text, token_from, tokens_after, tokens_before
from veille.records import Quote

__all__ = ["find_quotes", "reporting_lexicon"]

EXTRACTOR, VERSION = "quotes", "1"

HARD_STOPS = {".", "!", "?", ";", "…"}
OPENERS = {"«", "“", '"', "‘"}
CLITICS = {"-t", "-il", "-elle", "-ils", "-elles", "-on", "t", "il", "elle", "ils", "elles", "-t-il", "-t-elle"}
RELATIVE_LEADS = frozenset({"ce", "cela", "ça", "qui", "que", "qu'", "qu’", "dont", "which", "who", "what", "this"})
# a quote standing alone is someone's words only if it reads as a statement, not as a heading
MIN_STANDALONE_WORDS = 4
CONTINUATION_CHARS = 1500


@cache
def reporting_lexicon(lang: str) -> ModuleType | None:
    """The reporting-speech data of a language (``veille.lang.<lang>.reporting``), or None."""
    try:
        return importlib.import_module(f"veille.lang.{lang}.reporting")
    except ModuleNotFoundError:
        return None


@dataclass(slots=True)
class _Found:
    content: tuple[int, int]
    kind: str
    cue: tuple[int, int] | None
    subject: Span | None = None
    verb: int | None = None
    source: tuple[int, int] | None = None
    inherit: bool = False
    marks: list[QuoteMark] = field(default_factory=list)


def _is_reporting(tok: Token, lex: ModuleType, incise: bool = False) -> bool:
    """Whether a token is a reporting verb; in an incise ("», analyse le propriétaire") a form the tagger
    took for a noun counts too."""
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ in ("NOUN", "ADJ") and (
            incise or tok.dep_ in ("ROOT", "parataxis"))) and not _verb_before_que(tok, lex):
        return False
    lemma = tok.lemma_.lower()
    if lemma in lex.VERBS or tok.lower_ in lex.VERBS or lemma in lex.INFINITIVE_VERBS:
        return True
    return any(guess in lex.VERBS for guess in lex.lemma_guesses(tok.lower_))


def _verb_before_que(tok: Token, lex: ModuleType) -> bool:
    """A verb the tagger took for a noun, shown by the conjunction after it: "l'Assemblée nationale juge que"."""
    doc = tok.doc
    return tok.pos_ == "NOUN" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in lex.COMPLEMENTIZERS and (
        doc[tok.i + 1].pos_ == "SCONJ") and not any(c.dep_ == "det" for c in tok.children)


def _stray_que(tok: Token, lex: ModuleType) -> bool:
    """A reporting verb right before its conjunction, the clause parsed as no complement of it ("Elle a déclaré
    que les forces … anéantiraient …" with the conjunction hung on the final stop)."""
    doc = tok.doc
    return tok.pos_ == "VERB" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in lex.COMPLEMENTIZERS and (
        doc[tok.i + 1].pos_ == "SCONJ") and doc[tok.i + 1].head.i > tok.i + 1


def _noun_before(tok: Token) -> Token | None:
    """The head of the noun phrase right before a token: "le président de l'Assemblée nationale" before "juge"."""
    if tok.i == 0:
        return None
    word = tok.doc[tok.i - 1]
    while word.dep_ in ("amod", "nmod", "flat:name", "flat", "compound", "det", "case") and (
            word.i > word.head.i or word.head.i < tok.i) and not word.head.is_punct and word.head.i != word.i:
        word = word.head
    return word if word.pos_ in ("NOUN", "PROPN", "PRON") and word.i < tok.i else None


def _lemma(tok: Token, lex: ModuleType) -> str:
    """A reporting verb's infinitive, where the lemmatizer left a form ("reproche" -> "reprocher")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.VERBS:
        return lemma
    return next((g for g in lex.lemma_guesses(tok.lower_) if g in lex.VERBS), lemma)


def _cue_start(verb: Token) -> int:
    """Token index where the verb group starts: its auxiliaries and the clitics between them."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].head.i == verb.i and (
        doc[start - 1].dep_.startswith("aux") or (doc[start - 1].text.startswith("-")
        and doc[start - 1].lower_.lstrip("-") in CLITICS)
    ):
        start -= 1
    return start


def _cue_span(verb: Token) -> tuple[int, int]:
    """The cue: the verb with its auxiliaries and inverted clitics ("a déclaré", "a-t-il ajouté")."""
    doc = verb.doc
    start, end = _cue_start(verb), verb.i + 1
    while end < len(doc) and doc[end].text.startswith("-") and doc[end].lower_.lstrip("-") in CLITICS:
        end += 1
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def _apart(doc: Doc, a: int, b: int) -> bool:
    """Whether a sentence end or a paragraph break stands between tokens ``a`` and ``b``: a parse that links
    them runs on across sentences."""
    lo, hi = min(a, b), max(a, b)
    return any(t.text in HARD_STOPS or "\n" in t.text for t in doc[lo + 1:hi])


def _same_sentence(subject: Token, verb: Token) -> Token | None:
    """A subject within the verb's sentence: the subject itself, else the part of its phrase after the last
    break before the verb ("-AP ⏎ Kim a déclaré" parsed as one name), else None."""
    doc = verb.doc
    if not _apart(doc, subject.i, verb.i):
        return subject
    if subject.i > verb.i:
        return None
    start = _clause_start(doc, verb.i)
    inside = [t for t in subject.subtree if start <= t.i < verb.i and not t.is_space and not t.is_punct]
    return inside[0] if inside else None


def _subject(verb: Token) -> Token | None:
    """The subject of a reporting verb, climbing from participles and infinitives to their governor, within
    the verb's sentence."""
    seen = 0
    tok = verb
    doc = verb.doc
    while seen < 4:
        subjects = [_same_sentence(c, verb) for c in tok.children if c.dep_.startswith("nsubj")
                    or c.dep_ == "expl:subj"]
        subjects = [c for c in subjects if c is not None]
        subjects = [c for c in subjects if c.lower_ not in ("-t", "t")] or subjects
        nominal = [c for c in subjects if c.pos_ in ("NOUN", "PROPN") and c.i < tok.i]
        if nominal:
            return nominal[0]  # "le médecin évoque-t-il ...": the clitic repeats the subject
        clitic = _clitic_subject(tok)
        if clitic is not None:
            return clitic
        if subjects and subjects[0].lower_ in ("-t", "t"):
            return None
        if subjects:
            return subjects[0]
        # "avant d'indiquer", "ajoutant que", "a promis de": the subject is the governing verb's
        if tok.dep_ in ("advcl", "xcomp", "conj", "acl") and tok.head.i != tok.i and not _apart(doc, tok.head.i,
                                                                                               verb.i):
            tok = tok.head
            seen += 1
            continue
        return None
    return None


def _surface_subject(verb: Token, ctx: Context) -> Token | None:
    """When the parse gives no subject: the first person (else body) named in the sentence before the verb."""
    doc = verb.doc
    start = _clause_start(doc, _cue_start(verb))
    for labels in (("PER",), ("ORG",)):
        for tok in doc[start:verb.i]:
            if mention_at(ctx, tok.idx, tok.idx + len(tok), labels) is not None:
                return tok
    pronouns = [t for t in doc[start:verb.i] if t.pos_ == "PRON" and t.dep_.startswith("nsubj")]
    return pronouns[0] if pronouns else None


DAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "monday",
                  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"})


def _inverted_subject(verb: Token, stop: int, ctx: Context) -> Token | None:
    """The subject after the verb in an incise: "a déclaré samedi l'Agence", "a déclaré à Tirana le commandant"."""
    doc = verb.doc
    i = verb.i + 1
    while i < stop:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-",):
            if tok.text == ",":
                i += 1
                continue
            return None
        if tok.text.startswith("-") and tok.lower_.lstrip("-") in CLITICS and tok.lower_ != "-t":
            return tok
        if tok.dep_ == "mark" or tok.pos_ == "SCONJ":
            return None  # "rappela que le ...": the reported clause begins, its subject is not the speaker
        if tok.text == "-" and i + 1 < stop and doc[i + 1].lower_ in CLITICS and doc[i + 1].lower_ != "t":
            return doc[i + 1]  # "évoque -t - il"
        m = mention_at(ctx, tok.idx, tok.idx + len(tok), ("PER", "ORG"))
        if m is not None:
            return tok
        if tok.pos_ == "ADP" and tok.head.i > tok.i:
            if tok.head.pos_ == "NOUN" and not tok.morph.get("Definite") and not any(
                    c.dep_ == "det" for c in tok.head.children):
                i = tok.head.i + 1  # "précise avec fierté Mahmoud Sellami": a bare manner noun, the name is next
                continue
            i = max(i + 1, tok.head.right_edge.i + 1 if tok.head.i < stop else i + 1)  # "à Tirana", "au cours de"
            continue
        if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in DAYS or tok.pos_ in ("ADV", "DET") or (
                tok.lower_ in ("t", "-t")):
            i += 1
            continue
        if tok.pos_ in ("PRON", "PROPN") or (tok.pos_ == "NOUN" and tok.dep_ not in ("obl", "obl:mod", "obl:arg")
                                              and not any(c.dep_ == "case" for c in tok.children)):
            return tok
        i += 1
    return None


def _clitic_subject(verb: Token) -> Token | None:
    """The inverted subject clitic of a verb: "-il" of "a-t-il ajouté", "il" of "évoque -t - il"."""
    doc = verb.doc
    for c in sorted(verb.children, key=lambda t: -t.i):
        low = c.lower_.lstrip("-")
        if c.text.startswith("-") and low in CLITICS and low != "t":
            return c
        if low in CLITICS and low != "t" and c.i > 0 and doc[c.i - 1].text == "-":
            return c
    start, end = _cue_start(verb), min(len(doc), verb.i + 4)
    for tok in doc[start:end]:
        if tok.i > 0 and doc[tok.i - 1].text == "-" and tok.lower_ in CLITICS and tok.lower_ != "t":
            return tok
    return None


def _incise_subject(verb: Token, stop: int, ctx: Context) -> Token | None:
    """The subject of a verb in an incise: its inverted clitic ("a-t-il ajouté") or the phrase after it."""
    return _clitic_subject(verb) or _inverted_subject(verb, stop, ctx)


def _is_media(phrase: Span | None, lex: ModuleType) -> bool:
    if phrase is None:
        return False
    words = phrase.text.lower().replace("’", "'").split()
    text = " ".join(words)
    return any(w in lex.MEDIA for w in words) or any(" " in m and m in text for m in lex.MEDIA)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of tokens [start, end) without edge punctuation, or None when empty."""
    while start < end and ((doc[start].is_punct and doc[start].text not in "«“\"‘") or doc[start].is_space):
        start += 1
    while end > start and ((doc[end - 1].is_punct and doc[end - 1].text not in "»”\"’") or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def _clause_end(doc: Doc, i: int) -> int:
    """Token index where the sentence holding token ``i`` ends (exclusive)."""
    j = i
    while j < len(doc) and doc[j].text not in HARD_STOPS and "\n" not in doc[j].text:
        j += 1
    return j


def _clause_start(doc: Doc, i: int) -> int:
    j = i
    while j > 0 and doc[j - 1].text not in HARD_STOPS and "\n" not in doc[j - 1].text:
        j -= 1
    return j


def _complement(verb: Token, lex: ModuleType, inside: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports: its que-clause, its infinitive, or its object."""
    doc = verb.doc
    lemma = _lemma(verb, lex)
    for child in verb.rights:
        if child.dep_ not in ("ccomp", "advcl", "xcomp", "obj", "acl", "acl:relcl", "dobj", "parataxis"):
            continue
        left = child.left_edge
        marks = [t for t in child.subtree if t.i < child.i and t.lower_ in lex.COMPLEMENTIZERS
                 and (t.head.i == child.i or t.i == left.i)]
        if not marks and child.dep_ == "ccomp":
            # "reconnaît qu ' elle ...": the conjunction parsed as hanging on the verb
            marks = [t for t in doc[verb.i + 1:left.i] if t.lower_ in lex.COMPLEMENTIZERS and t.head.i == verb.i]
        if marks and marks[0].i - verb.i <= 25:
            start = marks[0].i + 1
            while start < child.i and doc[start].text in ("'", "’"):
                start += 1
            return _report_range(child, start, lex, inside)
        if child.dep_ == "ccomp" and frozenset({"that"}) == lex.COMPLEMENTIZERS and child.pos_ in ("VERB", "AUX"):
            return _report_range(child, left.i, lex, inside)
        if lemma in lex.INFINITIVE_VERBS and child.morph.get("VerbForm") == ["Inf"]:
            markers = [t for t in child.lefts if t.lower_ in lex.INFINITIVE_MARKERS]
            if markers:
                return _report_range(child, markers[-1].i + 1, lex, inside)
        if (lemma in lex.BARE_INFINITIVE_VERBS and _infinitive(child)
                and child.dep_ in ("xcomp", "ccomp", "obj") and all(
                    t.pos_ in ("ADV", "AUX", "PART") or t.i == child.i or (t.dep_ == "obj" and t.pos_ == "PRON")
                    for t in doc[verb.i + 1:child.left_edge.i + 1])):
            # "a nié avoir vu", "reconnaissent avoir gardé": the infinitive right after the verb, up to the
            # end of its phrase ("... et ressentent": a verb of the speaker's own comes next)
            start, end = _report_range(child, child.left_edge.i, lex, inside)
            end = min(end, child.right_edge.i + 1)
            finite = [t.i for t in doc[start:end] if t.pos_ == "CCONJ" and t.head.morph.get("VerbForm") == ["Fin"]]
            return (start, finite[0] if finite else end)
        if lemma in lex.NOUN_OBJECT_VERBS and child.dep_ in ("obj", "dobj") and child.pos_ in ("NOUN", "PROPN"):
            rng = _report_range(child, left.i, lex, inside)
            # a noun object is a report only when it quotes: "a salué ce « moment important »"
            if any(t.text in "«“\"" for t in doc[rng[0]:rng[1]]):
                return rng
    # "informe ses allocataires que ...": the que-clause parsed as hanging on the object
    for child in verb.rights:
        if child.dep_ in ("obj", "iobj", "obl:arg", "dobj"):
            for clause in child.rights:
                marks = [t for t in clause.lefts if t.lower_ in lex.COMPLEMENTIZERS and t.pos_ == "SCONJ"]
                if clause.dep_ in ("acl:relcl", "acl", "ccomp") and marks and not doc[marks[0].i - 1].is_punct:
                    return _report_range(clause, marks[0].i + 1, lex, inside)
    # "a appelé à une trêve", "insiste sur la souffrance de son client": what is asked for or stressed
    preposition = lex.PREPOSITION_OBJECT_VERBS.get(lemma)
    if preposition is not None:
        for child in verb.rights:
            cases = [c for c in child.lefts if c.dep_ == "case"]
            if (child.pos_ == "NOUN" and child.dep_.startswith("obl") and cases and cases[0].lower_ == preposition
                    and child.morph.get("VerbForm") != ["Inf"]):
                return _report_range(child, cases[-1].i + 1, lex, inside)
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if child.dep_ == "prep" and child.lower_ == preposition and objects:
                return _report_range(objects[0], child.i + 1, lex, inside)  # "called for a truce"
    if _verb_before_que(verb, lex) or _stray_que(verb, lex):
        # "l'Assemblée nationale juge que ...": parsed as a noun, its clause hangs elsewhere
        return _report_range(doc[verb.i + 1].head, verb.i + 2, lex, inside) if doc[verb.i + 1].head.i > verb.i else None
    # "a parlé de renforcer": the infinitive hangs on a preposition
    if lemma in lex.INFINITIVE_VERBS:
        for child in verb.rights:
            if child.morph.get("VerbForm") == ["Inf"] and any(t.lower_ in lex.INFINITIVE_MARKERS for t in child.lefts):
                marker = max(t.i for t in child.lefts if t.lower_ in lex.INFINITIVE_MARKERS)
                return _report_range(child, marker + 1, lex, inside)
    return None


def _opens_quote(doc: Doc, i: int) -> bool:
    """Whether the first token from ``i`` that is not a space opens a quotation."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i < len(doc) and doc[i].text in OPENERS


def _infinitive(tok: Token) -> bool:
    """An infinitive, simple or compound: "vendre", "avoir vu", "être innocent"."""
    return tok.morph.get("VerbForm") == ["Inf"] or any(
        c.dep_ in ("aux", "aux:tense", "cop") and c.morph.get("VerbForm") == ["Inf"] and c.i < tok.i
        for c in tok.children)


def _report_range(head: Token, start: int, lex: ModuleType, inside: list[tuple[int, int]]) -> tuple[int, int]:
    """From ``start`` to the end of the sentence, cut before a further report or a credit."""
    doc = head.doc
    end = max(head.right_edge.i + 1, _clause_end(doc, start))
    for tok in doc[start + 1:end]:
        if any(a <= tok.idx < b for a, b in inside):
            continue
        if tok.text == ":" and _opens_quote(doc, tok.i + 1):
            end = tok.i  # "rappela que ... : « ... »": the quote after the colon is a report of its own
            break
        report = _is_reporting(tok, lex) and tok.i > head.i and (
            tok.dep_ in ("advcl", "conj", "parataxis") or doc[tok.i - 1].text == ","
            or (doc[tok.i - 1].dep_.startswith("aux") and doc[tok.i - 2].text == ",")
        )
        if tok.lower_ in lex.RELATIVE_PRONOUNS and tok.dep_.startswith("nsubj") and doc[tok.i - 1].text == "," and any(
                _is_reporting(t, lex) for t in doc[tok.i + 1:min(end, tok.i + 7)]):
            end = tok.i  # "..., laquelle a nié avoir vu ...": a report of its own, by the relative's antecedent
            break
        if report or (_source_word(doc, tok.i, lex) is not None and doc[tok.i - 1].text == ","):
            end = tok.i
            while end > start and (doc[end - 1].dep_.startswith("aux") or doc[end - 1].pos_ == "ADV"):
                end -= 1
            break
    end = min(end, _clause_end(doc, start))
    return (start, end)


TRAILING = frozenset({"ADV", "ADP", "DET", "NOUN", "PROPN", "NUM", "PUNCT", "SPACE"})


def _fronted_subject_first(verb: Token) -> tuple[int, int] | None:
    """The clause before a closing credit whose subject comes first ("The talks failed, the minister said"):
    a comma, the subject, the verb, then at most a time or place to the end of the sentence."""
    doc = verb.doc
    subjects = [c for c in verb.lefts if c.dep_.startswith("nsubj")]
    if not subjects:
        return None
    comma = subjects[0].left_edge.i - 1
    if comma < 1 or doc[comma].text != "," or any(t.dep_ in ("ccomp", "dobj", "obj", "xcomp") for t in verb.rights):
        return None
    end = _clause_end(doc, verb.i)
    if any(t.pos_ not in TRAILING for t in doc[verb.i + 1:end]):
        return None
    start = _clause_start(doc, comma)
    if comma - start < 3 or doc[comma - 1].text in "»”\"" or not any(
            t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") != ["Ger"] for t in doc[start:comma]):
        return None
    return (start, comma)


def _fronted(verb: Token, lex: ModuleType, ctx: Context) -> tuple[int, int] | None:
    """The clause before an incise whose subject follows the verb: "Moscou et Pyongyang mènent ..., a-t-il
    ajouté", "... en raison d'une bronchite, a affirmé l'ambassade", "... de travaux confirme André Kaufmann"."""
    doc = verb.doc
    cue_start = _cue_start(verb)
    comma = cue_start > 0 and doc[cue_start - 1].text == ","
    start = _clause_start(doc, cue_start - 1 if comma else cue_start)
    stop = cue_start - 1 if comma else cue_start
    colons = [t.i for t in doc[start:stop] if t.text == ":"]
    if colons:
        start = colons[-1] + 1
    if stop - start < 3 or doc[stop - 1].text in "»”\"":
        return None  # "« ... », a-t-il dit" is a direct quote
    if comma and verb.lower_ in lex.NICKNAME_CUES and mention_at(
            ctx, doc[stop - 1].idx, doc[stop - 1].idx + len(doc[stop - 1]), ("PER",)) is not None:
        return None  # "l'arrestation de Victor Hespel, dit Le Grand Rouquin": a nickname, not a report
    if verb.morph.get("VerbForm") != ["Fin"] and not any(c.dep_.startswith("aux") for c in verb.children):
        return None  # "..., estimant ...": a gerund adds to the sentence, it does not report it
    if not any(t.morph.get("VerbForm") == ["Fin"] for t in doc[start:stop]):
        return None  # "Dans un communiqué, a ..." is no clause
    if any(c.dep_.startswith("nsubj") and start <= c.i < verb.i and c.lower_ not in ("-t", "t") for c in verb.children):
        return None
    end = _clause_end(doc, verb.i)
    if any(c.morph.get("VerbForm") == ["Inf"] and c.dep_ in ("xcomp", "obj", "ccomp") for c in verb.rights):
        return None  # "a promis de ...": the infinitive is the report
    subject = _incise_subject(verb, end, ctx)
    if subject is None:
        return None
    if not comma and mention_at(ctx, subject.idx, subject.idx + len(subject), ("PER", "ORG")) is None:
        return None  # without a comma only a name after the verb shows the inversion
    return (start, stop)


@cache
def _source_forms(prepositions: tuple[str, ...]) -> tuple[frozenset[str], tuple[tuple[str, int, list[str], str], ...]]:
    """The source prepositions as the tokenizer may split them, and every prefix their first token can be."""
    forms = []
    for prep in prepositions:
        words = [w.strip() for w in prep.replace("'", "' ").replace("’", "’ ").split()]
        forms.append((prep, len(words), words, prep.replace(" ", "")))
    prefixes = frozenset(joined[:k] for *_, joined in forms for k in range(1, len(joined) + 1))
    return prefixes, tuple(forms)


def _source_word(doc: Doc, i: int, lex: ModuleType) -> int | None:
    """If a source preposition ("selon", "d'après", "according to") starts at token ``i``: its length in tokens."""
    prefixes, forms = _source_forms(tuple(lex.SOURCE_PREPOSITIONS))
    if doc[i].lower_.strip() not in prefixes:
        return None
    for _prep, n, words, joined in forms:
        got = [t.lower_ for t in doc[i:i + n]]
        if [w.strip() for w in got] == words or "".join(got).replace(" ", "") == joined:
            return n
        if "".join(t.lower_ for t in doc[i:i + n + 1]).replace(" ", "") == joined:
            return n + 1  # "de l ' avis de": the apostrophe split from its article
    return None


def _inside(doc: Doc, spans: list[tuple[int, int]]) -> bytearray:
    """For each token: 1 if it starts inside one of the character ``spans``."""
    inside = bytearray(len(doc))
    if spans:
        starts = [t.idx for t in doc]
        for a, b in spans:
            first, stop = bisect_left(starts, a), bisect_left(starts, b)
            inside[first:stop] = b"\x01" * (stop - first)
    return inside


def _reported(doc: Doc, ctx: Context, lex: ModuleType, direct: list[tuple[int, int]]) -> Iterator[_Found]:
    """Indirect and mixed reports: reporting verb + clause, and "selon X" credits."""
    text = doc_text(doc)
    inside = _inside(doc, direct)
    for tok in doc:
        if tok.idx >= len(text) or inside[tok.i] or not _is_reporting(tok, lex):
            continue
        rng = _complement(tok, lex, direct)
        fronted = rng is None
        subject_first = False
        if fronted:
            rng = _fronted(tok, lex, ctx)
            if rng is None and not lex.INCISE_INVERTED:
                rng = _fronted_subject_first(tok)
                subject_first = rng is not None
        if rng is None:
            continue
        content = _trim(doc, *rng)
        if content is None or rng[1] - rng[0] < 2:
            continue
        if _passive(tok):
            continue  # "sont appelés à", "est observé": the subject is not the one speaking
        if tok.dep_ in ("acl", "amod") and tok.morph.get("VerbForm") == ["Part"] and not any(
                c.dep_.startswith("aux") for c in tok.children):
            continue  # "l'idée avouée de saborder": a participle describing a noun reports nothing
        if subject_first:
            subject = _subject(tok)
        elif fronted:
            subject = _incise_subject(tok, _clause_end(doc, tok.i), ctx)
        else:
            subject = _noun_before(tok) if _verb_before_que(tok, lex) else _subject(tok)
            if subject is None and tok.i + 1 < len(doc):
                subject = _inverted_subject(tok, rng[0], ctx) or _surface_subject(tok, ctx)
        subject = _agent(subject, lex) if subject is not None else None
        if subject is None:
            continue  # nobody is credited ("ceux qui estiment", "ce sondage révèle")
        yield _Found(content, "indirect", _cue_span(tok), speaker_phrase(subject, ctx) if subject else None,
                     verb=tok.i)
    for tok in doc:
        if inside[tok.i]:
            continue
        if tok.i + 1 < len(doc) and f"{tok.lower_} {doc[tok.i + 1].lower_}" in lex.SOURCE_RELATIVES:
            found = _relative_credit(doc, ctx, lex, tok.i, 2)
            if found is not None:
                yield found
            continue
        n = _source_word(doc, tok.i, lex)
        if n is None:
            continue
        if lex.SOURCE_PREPOSITIONS[-1] == "pour" and tok.lower_ == "pour" and not _clause_initial(doc, tok.i):
            continue
        found = _credited(doc, ctx, lex, tok.i, n)
        if found is not None:
            yield found


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "aux:pass" or c.dep_ == "auxpass" for c in verb.children)


def _agent(subject: Token, lex: ModuleType) -> Token | None:
    """Who a subject credits: a relative pronoun stands for its antecedent; generic pronouns and
    things that do not speak ("ceux qui", "ce sondage") credit nobody."""
    if subject.lower_ in lex.RELATIVE_PRONOUNS:
        verb = subject.head
        if verb.dep_ not in ("acl:relcl", "relcl") or verb.head.i == verb.i:
            return None
        subject = verb.head
    if subject.lower_ in lex.GENERIC_SUBJECTS or subject.lemma_.lower() in lex.NON_SPEAKERS:
        return None
    if subject.pos_ == "PRON" and subject.morph.get("Person") in (["1"], ["2"]):
        return None  # "« nous exhortons »": the quoted speaker's own words, credited by the text around them
    if any(t.lower_ in lex.IMPERSONAL for t in subject.doc[subject.i + 1:subject.i + 3]) and subject.lower_ in (
            "l", "l'", "l’", "'", "’"):
        return None  # "l' on", split by the tokenizer
    if subject.pos_ == "NUM" or subject.text == "%" or any(c.text == "%" for c in subject.children):
        return None  # "63 % d'entre eux pensent que": a share of a poll, not someone speaking
    return subject


def _speaks(credit: Span, ctx: Context, lex: ModuleType, strict: bool = False) -> bool:
    """Whether a credited phrase ("selon X") names or designates someone who can speak; ``strict``
    ("pour X, ...") wants a person or an organisation, not any proper noun."""
    if mention_at(ctx, credit.start_char, credit.end_char, ("PER", "ORG")) is not None:
        return True
    root = credit.root
    words = {root.lower_, root.lemma_.lower()}
    return bool(words & (lex.PERSON_NOUNS | set(lex.PRONOUN_GENDER))) or _is_media(credit, lex) or (
        root.pos_ == "PROPN" and not strict)


def _clause_initial(doc: Doc, i: int) -> bool:
    """Whether token ``i`` starts its sentence, a conjunction aside ("Et de l'avis de ...")."""
    if i > 0 and doc[i - 1].pos_ == "CCONJ" and doc[i - 1].text[:1].isupper():
        i -= 1
    return i == 0 or doc[i - 1].text in HARD_STOPS or "\n" in doc[i - 1].text or doc[i - 1].is_space


def _relative_credit(doc: Doc, ctx: Context, lex: ModuleType, i: int, n: int) -> _Found | None:
    """"X pour qui CLAUSE": the clause is the view of X, someone who can speak, up to the next comma."""
    before = i - 1
    while before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0 or not _speaks(doc[before:before + 1], ctx, lex, strict=True):
        return None  # "il a quitté la ville pour qui voulait l'entendre"
    end = i + n
    while end < len(doc) and doc[end].text != "," and doc[end].text not in HARD_STOPS and "\n" not in doc[end].text:
        end += 1
    content = _trim(doc, i + n, end)
    said = doc.char_span(*content, alignment_mode="expand") if content else None
    if content is None or said is None or not any(t.pos_ in ("VERB", "AUX") for t in said):
        return None
    cue = (doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1]))
    return _Found(content, "indirect", cue, speaker_phrase(doc[before], ctx))


def _credited(doc: Doc, ctx: Context, lex: ModuleType, i: int, n: int) -> _Found | None:
    """A "selon X, ..." / "..., selon X" / "pour X, ..." credit as a quote (X its speaker)."""
    j = i + n
    k = j
    while k < len(doc) and doc[k].text not in (",", ".", ";", ":", "!", "?") and "\n" not in doc[k].text:
        k += 1
    if k == j or k - j > 14:
        return None
    credit = doc[j:k]
    cue = (doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1]))
    is_pour = doc[i].lower_ == "pour"
    if not _speaks(credit, ctx, lex, strict=is_pour):
        return None  # "selon la tradition", "selon toute vraisemblance"
    if is_pour and (doc[k].text != "," or doc[j].lower_ in ("qui", "que", "quoi")):
        return None
    start_clause = _clause_start(doc, i)
    end_clause = _clause_end(doc, i)
    if _clause_initial(doc, i) or (i > 0 and doc[i - 1].text == ":"):
        if k >= len(doc) or doc[k].text != ",":
            return None
        content = _trim(doc, k + 1, end_clause)
    elif i > 0 and doc[i - 1].text == "," and k >= end_clause:
        content = _trim(doc, start_clause, i - 1)
    else:
        return None
    if content is None:
        return None
    said = doc.char_span(*content, alignment_mode="expand")
    if said is None or not any(t.pos_ in ("VERB", "AUX") for t in said):
        return None  # "Pour la Finlande, le commissaire sortant": a list, not a statement
    root = credit.root
    return _Found(content, "indirect", cue, speaker_phrase(root, ctx), source=None,
                  verb=None if not _is_media(credit, lex) else -1)


def _incise(mark: QuoteMark, doc: Doc, ctx: Context, lex: ModuleType) -> tuple[Token, Token | None] | None:
    """A reporting verb right after a quote ("», a-t-il ajouté", "» commentait X"): the verb and its subject."""
    first_after = tokens_after(doc, mark.close)
    after = list(doc[first_after:first_after + 8])
    for n, tok in enumerate(after):
        if tok.text in HARD_STOPS or tok.text in "«“\"" or "\n" in tok.text:
            return None
        if tok.morph.get("PronType") == ["Rel"] or tok.lower_ in RELATIVE_LEADS or tok.text in ("–", "—", "("):
            return None  # "» – ce qui suggère": a comment on the quote, not an incise
        if _is_reporting(tok, lex, incise=n == 0 or (n == 1 and after[0].text == ",")) or tok.lower_ in lex.VERBS:
            subject = _subject(tok)
            if subject is None or (subject.i < tok.i and (subject.idx < mark.close or lex.INCISE_INVERTED)):
                subject = _incise_subject(tok, _clause_end(doc, tok.i), ctx) or subject
            return tok, subject
        if tok.pos_ == "VERB" and n > 0 and not tok.text.startswith("-"):
            return None
        if lex.INCISE_INVERTED and tok.pos_ in ("PROPN", "NOUN", "DET"):
            return None  # "» Laurent Fabius se dit ...": a new sentence, the incise inverts its subject
    return None


def _intro(mark: QuoteMark, doc: Doc, ctx: Context, lex: ModuleType) -> tuple[str, Token | None, Token | None]:
    """What stands before a quote in its sentence: its kind, cue verb and speaker token.

    Kinds: ``start`` (nothing), ``colon`` ("X explique : «"), ``incise`` ("», ont-ils souligné, «"),
    ``joined`` ("» , mais «"), ``inside`` (words of the sentence around it).
    """
    before = doc[:tokens_before(doc, mark.open)]
    first = len(before)
    while first > 0 and not (before[first - 1].text in HARD_STOPS or "\n" in before[first - 1].text
                             or before[first - 1].text in "»”"):
        first -= 1
    after_quote = first > 0 and before[first - 1].text in "»”"
    intro = [t for t in before[first:] if not t.is_space]
    if not intro:
        return _previous_sentence(list(before[max(0, first - 8):first]), ctx, lex)
    if intro[-1].text == ":":
        verbs = [t for t in intro if _is_reporting(t, lex)]
        if verbs:
            subject = _subject(verbs[-1]) or _inverted_subject(verbs[-1], intro[-1].i, ctx)
            return "colon", verbs[-1], subject or _surface_subject(verbs[-1], ctx)
        people = [t for t in intro if mention_at(ctx, t.idx, t.idx + len(t), ("PER", "ORG"))]
        words = doc.char_span(*mark.content, alignment_mode="expand")
        if words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words):
            return "inside", None, None  # "Thierry Pellard : « L'héritier des imagiés »": a heading
        if people:
            return "colon", None, _first_conjunct(people[-1], ctx)
        pronouns = [t for t in intro if t.pos_ == "PRON" and t.dep_.startswith("nsubj")]
        return "colon", None, pronouns[0] if pronouns else None
    if after_quote:
        words = [t for t in intro if not t.is_punct]
        if all(t.pos_ == "CCONJ" for t in words):
            return "joined", None, None
        verbs = [t for t in words if _is_reporting(t, lex)]
        # "» explique X , le « ...": after a determiner the quote belongs to a noun phrase, not to an incise
        if verbs and len(words) <= 8 and words[-1].pos_ not in ("DET", "ADP") and all(
                t.pos_ in ("AUX", "ADV", "PRON", "VERB", "PROPN", "DET", "ADJ", "NOUN") for t in words
        ) and words[0] in (verbs[0], *verbs[0].lefts):
            verb = verbs[0]
            return "incise", verb, _subject(verb) or _inverted_subject(verb, mark.open, ctx)
    return "inside", None, None


def _first_conjunct(tok: Token, ctx: Context) -> Token:
    """The first of coordinated people: "Marie Durand et Paul Girard :" -> "Marie"."""
    while tok.dep_ in ("flat:name", "flat", "conj") and tok.head.i < tok.i and mention_at(
            ctx, tok.head.idx, tok.head.idx + len(tok.head), ("PER",)) is not None:
        tok = tok.head
    return tok


def _previous_sentence(before: list[Token], ctx: Context, lex: ModuleType) -> tuple[str, Token | None, Token | None]:
    """A sentence ending on a reporting verb introduces the quote after it: "Hervé Mangin confirme. « ... »"."""
    words = [t for t in before[-8:] if not t.is_space]
    if len(words) < 2 or words[-1].text not in (".", ":"):
        return "start", None, None
    tail = words[:-1]
    while tail and (tail[-1].pos_ == "ADV" or tail[-1].ent_type_ in ("DATE", "TIME")):
        tail.pop()
    if tail and _is_reporting(tail[-1], lex) and not any(c.dep_ in ("obj", "ccomp") for c in tail[-1].children):
        verb = tail[-1]
        return "start", verb, _subject(verb) or _surface_subject(verb, ctx)
    return "start", None, None


def _joins_next(mark: QuoteMark, following: QuoteMark | None, doc: Doc) -> bool:
    """Whether only a comma or a conjunction stands between a quote and the next: "« ... », mais « ... »"."""
    if following is None:
        return False
    between = doc[tokens_after(doc, mark.close):tokens_before(doc, following.open)]
    return len(between) <= 3 and all((t.is_punct and t.text in ",;") or t.pos_ == "CCONJ" or t.is_space
                                     for t in between) and "\n" not in doc_text(doc)[mark.close:following.open]


def _direct(doc: Doc, ctx: Context, lex: ModuleType, marks: list[QuoteMark]) -> Iterator[_Found]:
    """Direct quotes and quoted fragments."""
    for n, mark in enumerate(marks):
        content = mark.content
        if content[1] <= content[0]:
            continue
        words = doc_text(doc)[content[0]:content[1]].split()
        incise = _incise(mark, doc, ctx, lex)
        kind, verb, subject = _intro(mark, doc, ctx, lex)
        close_tok = token_from(doc, mark.close)
        ends_sentence = close_tok is None or close_tok.i + 1 >= len(doc) or any(
            t.text in HARD_STOPS or "\n" in t.text or t.is_space for t in doc[close_tok.i + 1:close_tok.i + 2]
        )
        statement = len(words) >= MIN_STANDALONE_WORDS and any(
            t.pos_ in ("VERB", "AUX") for t in doc.char_span(*content, alignment_mode="expand") or []
        )
        if incise is not None:
            verb, subject = incise
            phrase = speaker_phrase(subject, ctx) if subject is not None else None
            if kind == "inside":
                opening = token_from(doc, mark.open)
                assert opening is not None, "a quote mark lies inside its own Doc"
                start = _clause_start(doc, opening.i)
                reporting_before = any(_is_reporting(t, lex) for t in doc[start:opening.i])
                if _is_media(phrase, lex) and reporting_before:
                    # "M. Kim a exprimé sa « ... », a déclaré l'Agence": the agency is the source
                    yield _Found(content, "fragment", None, None, source=(phrase.start_char, phrase.end_char),
                                 marks=[mark])
                    continue
                if reporting_before:
                    yield _Found(content, "fragment", None, None, marks=[mark])
                    continue
                # "La fraternité prônée par Emmaüs «a fait déplacer des montagnes», a déclaré X"
                lead = _trim(doc, start, opening.i)
                mixed = (lead[0], mark.close + 1) if lead else content
                yield _Found(mixed, "mixed", _cue_span(verb), phrase, verb=verb.i, marks=[mark])
                continue
            yield _Found(content, "direct", _cue_span(verb), phrase, verb=verb.i, marks=[mark],
                         inherit=phrase is None)
        elif kind in ("colon", "incise") or (kind == "start" and verb is not None):
            phrase = speaker_phrase(subject, ctx) if subject is not None else None
            yield _Found(content, "direct", _cue_span(verb) if verb is not None else None, phrase,
                         verb=verb.i if verb is not None else None, inherit=phrase is None, marks=[mark])
        elif kind in ("start", "joined") and statement and (
                ends_sentence or kind == "joined" or _joins_next(mark, marks[n + 1] if n + 1 < len(marks) else None,
                                                                 doc)):
            yield _Found(content, "direct", None, None, inherit=True, marks=[mark])
        else:
            yield _Found(content, "fragment", None, None, marks=[mark])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _governor(mark: QuoteMark, doc: Doc, lex: ModuleType) -> Token | None:
    """The reporting verb a quoted fragment depends on, in the same sentence, before it."""
    span = doc.char_span(*mark.content, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if _is_reporting(tok, lex) and tok.idx < mark.open:
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    start = _clause_start(doc, span.start)
    verbs = [t for t in doc[start:span.start] if _is_reporting(t, lex)]
    return verbs[-1] if verbs else None


def _child_towards(verb: Token, tok: Token | None) -> Token | None:
    """The child of ``verb`` whose subtree holds ``tok``, if any."""
    while tok is not None and tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok
        tok = tok.head
    return None


def _assemble(doc: Doc, ctx: Context, lex: ModuleType) -> list[_Found]:
    marks = [m for m in find_marks(doc_text(doc)) if m.depth == 0]
    quoted = [m.content for m in marks]
    direct = list(_direct(doc, ctx, lex, marks))
    # a reporting verb inside a direct quote is the speaker's own words, not a report
    direct_spans = [f.content for f in direct if f.kind == "direct"]
    incise_verbs = {f.verb for f in direct if f.kind in ("direct", "mixed") and f.verb is not None}
    # ... unless the verb reports a clause of its own before the quote: "rappela que ... : « ... »"
    opened = {f.verb: f.content[0] for f in direct if f.kind == "direct" and f.verb is not None}
    reported = [r for r in _reported(doc, ctx, lex, direct_spans)
                if r.verb not in incise_verbs or r.content[1] <= opened.get(r.verb, -1)]
    by_verb = {f.verb: f for f in reported if f.verb is not None and f.verb >= 0}
    found = [f for f in direct if f.kind in ("direct", "mixed")]
    for frag in (f for f in direct if f.kind == "fragment"):
        host = next((r for r in reported if _overlap(r.content, frag.content) > 0), None)
        if host is None:
            verb = _governor(frag.marks[0], doc, lex)
            if verb is None or verb.i in incise_verbs or _passive(verb):
                continue  # scare quotes, titles, slogans: nobody is reported to say them
            host = by_verb.get(verb.i)
            if host is None:
                subject = (_subject(verb) or _inverted_subject(verb, frag.marks[0].open, ctx)
                           or _surface_subject(verb, ctx))
                subject = _agent(subject, lex) if subject is not None else None
                if subject is None:
                    continue
                start = verb.i + 1
                holder = _child_towards(verb, token_from(doc, frag.marks[0].open))
                if holder is not None and holder.left_edge.i > verb.i:
                    start = holder.left_edge.i
                while start < len(doc) and (doc[start].pos_ in ("ADV", "AUX", "PART") or
                                            doc[start].lower_ in lex.COMPLEMENTIZERS or
                                            doc[start].text in ("'", "’") or
                                            doc[start].text.startswith("-") or
                                            (doc[start - 1].text == "-" and doc[start].lower_ in CLITICS)):
                    start += 1
                stop = _report_range(verb, start, lex, [m.content for m in marks])[1]
                end = max(frag.marks[0].close + 1, doc[stop - 1].idx + len(doc[stop - 1]))
                host = _Found((doc[start].idx, end), "mixed", _cue_span(verb),
                              speaker_phrase(subject, ctx) if subject else None, verb=verb.i)
                reported.append(host)
                by_verb[verb.i] = host
        host.content = (min(host.content[0], frag.content[0]), max(host.content[1], frag.marks[0].close + 1))
        host.marks.append(frag.marks[0])
        host.source = host.source or frag.source
    for r in reported:
        if r.verb == -1:
            continue  # "selon l'AP": a credit to a medium, not a quote
        inside = [q for q in quoted if r.content[0] <= q[0] and q[1] <= r.content[1]]
        if inside:
            covered = sum(b - a for a, b in inside)
            if len(inside) == 1 and covered >= 0.85 * (r.content[1] - r.content[0]):
                r.kind, r.content = "direct", inside[0]
            else:
                r.kind = "mixed"
        if r.subject is not None:
            # "juge que ... «trois inconvénients»: elle «...», «...» et «...»": quotes that only join the first
            # are pieces of the reported clause
            pieces = [f for f in found if f.cue is None and f.subject is None and f.kind == "direct"
                      and r.content[0] <= f.content[0] and f.content[1] <= r.content[1]]
            if pieces and r.kind == "mixed":
                found = [f for f in found if f not in pieces]
                r.marks.extend(m for f in pieces for m in f.marks)
        clash = next((f for f in found if _overlap(f.content, r.content) > 0), None)
        if clash is not None:
            if clash.subject is None and not clash.cue and r.subject is not None:
                clash.subject, clash.cue, clash.inherit = r.subject, r.cue, False
            continue
        found.append(r)
    # credits to media in a sentence are the source of the quotes there
    for r in reported:
        if r.verb == -1 and r.subject is not None:
            for f in found:
                if _overlap(f.content, r.content) > 0 and f.source is None:
                    f.source = (r.subject.start_char, r.subject.end_char)
    found.sort(key=lambda f: f.content[0])
    kept: list[_Found] = []
    for f in found:
        if kept and _overlap(kept[-1].content, f.content) > 0:
            a, b = kept[-1].content, f.content
            if (b[1] - b[0]) > (a[1] - a[0]) and not kept[-1].marks:
                kept[-1] = f
            continue
        kept.append(f)
    return kept


def _first_person(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether quoted words speak in the first person singular ("j'ai gagné", "mon pays")."""
    words = doc.char_span(*content, alignment_mode="expand")
    return words is not None and any(
        t.morph.get("Person") == ["1"] and t.morph.get("Number") == ["Sing"] and t.pos_ in ("PRON", "DET")
        for t in words)


def find_quotes(doc: Doc, ctx: Context) -> Iterator[Quote]:
    """Quotes of a document in text order, each with its cue, speaker and source where the text gives them."""
    lex = reporting_lexicon(ctx.lang or doc.lang_)
    if lex is None:
        return
    history: list[Speaker] = []
    last: Speaker | None = None
    last_end = -1
    for f in _assemble(doc, ctx, lex):
        speaker: Speaker | None = None
        if f.subject is not None:
            speaker = resolve_speaker(f.subject, ctx, lex, history)
            if speaker is None:
                continue  # impersonal "on": not annotated
        elif f.inherit or (f.cue is not None and f.kind != "indirect"):
            if last is None and f.inherit and _first_person(doc, f.content):
                # "« J'ai gagné tous mes procès »" opening the quotes of an interview: the person just named
                near = nearest_person(f.content[0], doc, ctx, lex)
                if near is None or near.span is None or f.content[0] - near.span[1] > CONTINUATION_CHARS:
                    continue
                speaker = Speaker(None, near.name, near.wikidata, near.gender)
            elif last is None or f.content[0] - last_end > CONTINUATION_CHARS:
                continue
            else:
                speaker = Speaker(None, last.name, last.wikidata, last.gender)
        if speaker is None or not speaker.name:
            continue
        if speaker.span is not None:
            history.append(speaker)
        last, last_end = speaker, f.content[1]
        yield Quote(ctx.doc_id, f.content, "direct" if f.kind == "fragment" else f.kind, EXTRACTOR, VERSION,
                    cue=f.cue, speaker=speaker.span, speaker_name=speaker.name, speaker_wikidata=speaker.wikidata,
                    source=f.source)
