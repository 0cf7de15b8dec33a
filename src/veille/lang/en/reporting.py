"""English cues of reported speech: verbs (reporting.txt), conjunctions, prepositions, media words."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AND",
    "BARE_INFINITIVE_VERBS",
    "BODIES",
    "BODY_PRONOUNS",
    "BRANCH_NOUNS",
    "COMPLEMENTIZERS",
    "GENERIC_SUBJECTS",
    "IMPERSONAL",
    "INCISE_INVERTED",
    "INFINITIVE_MARKERS",
    "INFINITIVE_VERBS",
    "KIN_NOUNS",
    "MEDIA",
    "NICKNAME_CUES",
    "NON_SPEAKERS",
    "NOUN_OBJECT_VERBS",
    "PERSON_NOUNS",
    "PET_NAME_ENDINGS",
    "PLURAL_PRONOUNS",
    "PREPOSITION_OBJECT_VERBS",
    "PRONOUN_GENDER",
    "RELATIVE_PRONOUNS",
    "SOURCE_PREPOSITIONS",
    "SOURCE_RELATIVES",
    "TITLE_GENDER",
    "VERBS",
    "lemma_guesses",
]


def _lemmas(name: str) -> frozenset[str]:
    lines = (Path(__file__).with_name(name).read_text(encoding="utf-8")).splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


VERBS = _lemmas("reporting.txt")


def lemma_guesses(form: str) -> tuple[str, ...]:
    """Base forms an inflected form may belong to, for forms the lemmatizer missed ("tweets", "warned")."""
    guesses = []
    if form.endswith("s"):
        guesses.append(form[:-1])
    if form.endswith("ed"):
        guesses.extend((form[:-2], form[:-1]))
    return tuple(guesses)

# verbs whose reported content may be an infinitive clause: "promised to strengthen"
INFINITIVE_VERBS = frozenset({"promise", "vow", "threaten", "deny", "claim", "pledge", "urge", "warn"})
INFINITIVE_MARKERS = frozenset({"to"})

# verbs reporting an infinitive with no marker (none in English: "claimed to be" has its "to")
BARE_INFINITIVE_VERBS: frozenset[str] = frozenset()

# verbs reporting what a prepositional object names: "called for a truce", "insisted on his innocence"
PREPOSITION_OBJECT_VERBS: dict[str, str] = {"call": "for", "insist": "on", "urge": "for"}

NOUN_OBJECT_VERBS = frozenset({"denounce", "decry", "criticize", "call", "describe"})

# whether an incise puts its subject after the verb ("», a déclaré X") rather than before ('", X said')
INCISE_INVERTED = False

# the conjunction joining two speakers ("A et B")
AND = frozenset({"and"})

COMPLEMENTIZERS = frozenset({"that"})

SOURCE_PREPOSITIONS = ("according to",)

# a source preposition with a relative pronoun: "Smith, for whom the reform is unjust"
SOURCE_RELATIVES = frozenset({"for whom"})

MEDIA = frozenset({
    "agency", "afp", "ap", "associated press", "reuters", "kcna", "yonhap", "tass", "xinhua", "press",
    "newspaper", "television", "radio", "media", "broadcaster", "magazine", "website",
})

IMPERSONAL = frozenset({"it", "one", "this", "that", "nobody", "nothing", "everyone", "everybody"})

# subjects that credit nobody in particular: "those who believe that ..."
GENERIC_SUBJECTS = frozenset({"those", "anyone", "anybody", "nobody", "nothing", "everyone", "everybody", "one",
                              "it", "this", "that"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# things that "reveal" or "show" without speaking: polls, studies, figures, customs
NON_SPEAKERS = frozenset({
    "poll", "survey", "study", "figure", "statistic", "tally", "tradition", "custom", "law", "rule", "article",
    "analysis", "estimate", "calculation", "evidence", "history", "logic", "principle", "idea",
    "resolution", "program", "programme", "plan", "bill", "proposal", "draft", "treaty",
})

PRONOUN_GENDER: dict[str, str | None] = {"he": "m", "him": "m", "she": "f", "her": "f", "they": None, "them": None}

# pronouns that may stand for an organisation as well as a person
BODY_PRONOUNS = frozenset({"they", "them"})

PLURAL_PRONOUNS = frozenset({"they", "them"})

TITLE_GENDER: dict[str, str | None] = {
    "mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "dr.": None, "gen.": "m",
}

PERSON_NOUNS = frozenset({
    "lawyer", "president", "mayor", "minister", "expert", "prosecutor", "judge", "spokesman", "spokeswoman",
    "spokesperson", "director", "official", "officials", "doctor", "leader", "general", "commander",
    "diplomat", "ambassador", "resident", "witness", "victim", "police", "officer", "analyst", "professor",
    "researcher", "government", "ministry", "army", "source", "sources", "sister", "brother", "chief",
    "secretary", "senator", "governor", "aide", "adviser", "advisor", "observer", "observers",
})

# nouns of the local branch of a body set before its name ("la section CFDT du centre hospitalier"); English sets
# them after the name ("the Unite branch at the hospital"), which is not read as a branch
BRANCH_NOUNS: frozenset[str] = frozenset()

# endings that make a pet form of a first name: "Billy" (Bill), "Johnny" (John), "Tommy" (Tom)
PET_NAME_ENDINGS = frozenset({"y", "ie", "my", "ny", "by"})

# words after a name that give a nickname, not a report (none in English: "known as" is no verb)
NICKNAME_CUES: frozenset[str] = frozenset()

# nouns of kinship and the tie they name: "his sister" of a named person is the relative the knowledge base knows
KIN_NOUNS: dict[str, str] = {
    "sister": "sister", "brother": "brother", "wife": "wife", "husband": "husband", "daughter": "daughter",
    "son": "son", "father": "father", "mother": "mother",
}

# nouns of PERSON_NOUNS (or beside them) that name a body, not a person: "l'ambassade" is not the person just named
BODIES = frozenset({
    "government", "ministry", "army", "police", "source", "sources", "embassy", "council", "court",
    "agency", "party", "company", "commission", "committee", "office", "department", "administration",
})
