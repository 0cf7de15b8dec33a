"""French cues of reported speech: verbs (reporting.txt), conjunctions, prepositions, media words."""

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
    """Infinitives a present-tense form may belong to, for forms the lemmatizer missed ("indique", "analysent")."""
    guesses = []
    if form.endswith("ent"):
        guesses.append(form[:-2] + "r")  # soulignent -> souligner
    if form.endswith("e"):
        guesses.append(form + "r")  # indique -> indiquer
    if form.endswith("it"):
        guesses.append(form[:-1] + "re")  # écrit -> écrire
    return tuple(guesses)

# verbs whose reported content may be an infinitive clause: "a promis de renforcer"
INFINITIVE_VERBS = frozenset({
    "affirmer", "annoncer", "assurer", "avouer", "déclarer", "démentir", "dire", "estimer", "jurer",
    "menacer", "nier", "parler", "prétendre", "promettre", "reconnaître", "reconnaitre", "reprocher",
    "s'engager", "engager", "proposer", "exhorter", "appeler",
})
# "d" and "qu" as tokenizers leave them when the apostrophe stands apart ("qu ' il")
INFINITIVE_MARKERS = frozenset({"de", "d'", "d’", "d", "à"})

# verbs reporting an infinitive with no preposition: "a nié avoir vu", "affirme être innocent"
BARE_INFINITIVE_VERBS = frozenset({
    "admettre", "affirmer", "assurer", "avouer", "certifier", "confirmer", "croire", "déclarer", "dire",
    "estimer", "indiquer", "jurer", "nier", "penser", "prétendre", "reconnaître", "reconnaitre", "démentir",
})

# verbs reporting what a prepositional object names: "a appelé à une trêve", "insiste sur la souffrance"
PREPOSITION_OBJECT_VERBS: dict[str, str] = {"appeler": "à", "insister": "sur", "plaider": "pour"}

# verbs whose noun object states what was said: "a dénoncé l'action de la gauche"
NOUN_OBJECT_VERBS = frozenset({"dénoncer", "évoquer", "exprimer", "saluer", "réclamer", "qualifier"})

# whether an incise puts its subject after the verb ("», a déclaré X") rather than before ('", X said')
INCISE_INVERTED = True

# the conjunction joining two speakers ("A et B")
AND = frozenset({"et"})

COMPLEMENTIZERS = frozenset({"que", "qu'", "qu’", "qu"})

# prepositions crediting words to someone: "selon X, ...", "d'après X", "pour X, ..."
SOURCE_PREPOSITIONS = ("selon", "d'après", "d’après", "d' après", "de l'avis de", "de l' avis de", "pour")

# a source preposition with a relative pronoun: "Pellard, pour qui l'art roman est un sacerdoce"
SOURCE_RELATIVES = frozenset({"pour qui", "selon qui", "d'après qui", "d’après qui"})

# a speaker that is a medium is the source the outlet credits, not the one who spoke
MEDIA = frozenset({
    "agence", "afp", "ap", "associated press", "reuters", "kcna", "yonhap", "tass", "ria", "xinhua",
    "presse", "journal", "quotidien", "hebdomadaire", "télévision", "radio", "chaîne", "médias", "média",
    "site", "magazine",
})

IMPERSONAL = frozenset({"on", "ce", "cela", "ça", "c'", "c’", "rien", "personne", "nul", "chacun", "l'on", "l’on"})

# subjects that credit nobody in particular: "ceux qui estiment que ..."
GENERIC_SUBJECTS = frozenset({"ceux", "celles", "celui", "celle", "ce", "cela", "ça", "rien", "personne", "nul",
                              "chacun", "on", "tout", "tous"})
RELATIVE_PRONOUNS = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})

# things that "reveal" or "show" without speaking: polls, studies, figures, customs
NON_SPEAKERS = frozenset({
    "sondage", "étude", "enquête", "chiffre", "statistique", "bilan", "tradition", "usage", "vraisemblance",
    "évidence", "apparence", "loi", "règle", "règlement", "article", "texte", "calcul", "estimation", "mesure",
    "analyse", "expérience", "histoire", "logique", "principe", "habitude", "coutume", "idée",
    "résolution", "programme", "plan", "proposition", "traité",
})

PRONOUN_GENDER: dict[str, str | None] = {
    "il": "m", "-il": "m", "elle": "f", "-elle": "f", "lui": "m", "ils": "m", "-ils": "m",
    "elles": "f", "-elles": "f", "celui-ci": "m", "celle-ci": "f", "ce dernier": "m", "cette dernière": "f",
    "eux": "m",
}

# pronouns that may stand for an organisation as well as a person
BODY_PRONOUNS = frozenset({"ils", "-ils", "elles", "-elles", "elle", "-elle"})

PLURAL_PRONOUNS = frozenset({"ils", "-ils", "elles", "-elles", "eux"})

TITLE_GENDER: dict[str, str | None] = {
    "m.": "m", "monsieur": "m", "mme": "f", "madame": "f", "mlle": "f", "mademoiselle": "f", "me": None,
    "dr": None, "docteur": None, "général": "m", "colonel": "m",
}

# nouns designating a person or a body that may speak: "pour l'avocate, ...", "a expliqué le maire"
PERSON_NOUNS = frozenset({
    "avocat", "avocate", "président", "présidente", "maire", "adjoint", "adjointe", "ministre", "expert",
    "experte", "procureur", "procureure", "juge", "porte-parole", "directeur", "directrice", "responsable",
    "syndicat", "médecin", "praticien", "prévenu", "prévenue", "souverain", "souveraine", "secrétaire",
    "député", "députée", "sénateur", "sénatrice", "préfet", "préfète", "chef", "dirigeant", "dirigeante",
    "leader", "général", "commandant", "diplomate", "ambassadeur", "ambassadrice", "habitant", "habitante",
    "témoin", "victime", "policier", "policiers", "gendarme", "enquêteur", "enquêteurs", "spécialiste",
    "analyste", "professeur", "chercheur", "chercheuse", "élu", "élue", "élus", "conseiller", "conseillère",
    "gouvernement", "ministère", "kremlin", "armée", "police", "parquet", "organisateur", "organisateurs",
    "patron", "patronne", "gérant", "gérante", "entraîneur", "sœur", "frère", "père", "mère", "fils", "fille",
    "femme", "homme", "source", "sources", "observateur", "observateurs", "proche", "proches", "auteur",
})

# nouns of the local branch of a body: "la section CFDT du centre hospitalier" is that section, not the union
BRANCH_NOUNS = frozenset({"section", "antenne", "fédération", "délégation", "cellule", "union"})

# endings that make a pet form of a first name: "Pierrot" (Pierre); not "-ette" or "-on",
# which make names of their own ("Paulette", "Marion")
PET_NAME_ENDINGS = frozenset({"ot", "ounet"})

# "dit" after a name gives a nickname, not a report: "Victor Hespel, dit le Grand Rouquin"
NICKNAME_CUES = frozenset({"dit", "dite", "dits", "dites"})

# nouns of kinship and the tie they name: "sa sœur" of a named person is the relative the knowledge base knows
KIN_NOUNS: dict[str, str] = {
    "sœur": "sister", "soeur": "sister", "frère": "brother", "épouse": "wife", "femme": "wife", "mari": "husband",
    "époux": "husband", "fille": "daughter", "fils": "son", "père": "father", "mère": "mother",
}

# nouns of PERSON_NOUNS (or beside them) that name a body, not a person: "l'ambassade" is not the person just named
BODIES = frozenset({
    "gouvernement", "ministère", "kremlin", "armée", "police", "parquet", "syndicat", "source", "sources",
    "ambassade", "municipalité", "mairie", "préfecture", "commission", "conseil", "direction", "association",
    "entreprise", "société", "tribunal", "cour", "justice", "état", "agence", "assemblée", "parti",
})
