"""French pronouns and possessive determiners as coreference reads them: person, gender, number.

Each entry is ``word: (person, gender, number)``; ``None`` where the form does not say (``leur``:
either gender). Possessive determiners give the person and number of the possessor, not of the
thing possessed (``ses`` = one possessor, ``leurs`` = several).
"""

from __future__ import annotations

Features = tuple[int, str | None, str | None]

# subject, object and stressed personal pronouns (the elided forms are written as spaCy tokens them)
PERSONAL: dict[str, Features] = {
    "je": (1, None, "Sing"), "j'": (1, None, "Sing"), "j": (1, None, "Sing"), "me": (1, None, "Sing"),
    "m'": (1, None, "Sing"), "m": (1, None, "Sing"), "moi": (1, None, "Sing"),
    "tu": (2, None, "Sing"), "te": (2, None, "Sing"), "t'": (2, None, "Sing"), "toi": (2, None, "Sing"),
    "il": (3, "Masc", "Sing"), "-il": (3, "Masc", "Sing"), "-t-il": (3, "Masc", "Sing"),
    "elle": (3, "Fem", "Sing"), "-elle": (3, "Fem", "Sing"), "-t-elle": (3, "Fem", "Sing"),
    "lui": (3, None, "Sing"), "soi": (3, None, "Sing"),
    "nous": (1, None, "Plur"), "-nous": (1, None, "Plur"),
    "vous": (2, None, "Plur"), "-vous": (2, None, "Plur"),
    "ils": (3, "Masc", "Plur"), "-ils": (3, "Masc", "Plur"), "-t-ils": (3, "Masc", "Plur"),
    "elles": (3, "Fem", "Plur"), "-elles": (3, "Fem", "Plur"), "eux": (3, "Masc", "Plur"),
    "on": (3, None, None), "-on": (3, None, None), "-t-on": (3, None, None),
}

# third-person object clitics, a mention only when they stand for an argument of a verb
CLITICS: dict[str, Features] = {
    "le": (3, "Masc", "Sing"), "la": (3, "Fem", "Sing"), "l'": (3, None, "Sing"), "l": (3, None, "Sing"),
    "les": (3, None, "Plur"), "leur": (3, None, "Plur"), "y": (3, None, None), "en": (3, None, None),
}

POSSESSIVES: dict[str, Features] = {
    "mon": (1, None, "Sing"), "ma": (1, None, "Sing"), "mes": (1, None, "Sing"),
    "ton": (2, None, "Sing"), "ta": (2, None, "Sing"), "tes": (2, None, "Sing"),
    "son": (3, None, "Sing"), "sa": (3, None, "Sing"), "ses": (3, None, "Sing"),
    "notre": (1, None, "Plur"), "nos": (1, None, "Plur"),
    "votre": (2, None, "Plur"), "vos": (2, None, "Plur"),
    "leur": (3, None, "Plur"), "leurs": (3, None, "Plur"),
}

# relative pronouns: they corefer with the noun phrase their clause modifies
RELATIVES: dict[str, Features] = {
    "qui": (3, None, None), "que": (3, None, None), "qu'": (3, None, None), "qu": (3, None, None),
    "dont": (3, None, None), "où": (3, None, None),
    "lequel": (3, "Masc", "Sing"), "laquelle": (3, "Fem", "Sing"),
    "lesquels": (3, "Masc", "Plur"), "lesquelles": (3, "Fem", "Plur"),
    "auquel": (3, "Masc", "Sing"), "auxquels": (3, "Masc", "Plur"), "auxquelles": (3, "Fem", "Plur"),
    "duquel": (3, "Masc", "Sing"), "desquels": (3, "Masc", "Plur"), "desquelles": (3, "Fem", "Plur"),
}

# demonstrative pronouns that stand alone (``cela``) or head a relative clause (``ce qui``, ``celui que``)
DEMONSTRATIVES: dict[str, Features] = {
    "cela": (3, None, "Sing"), "ça": (3, None, "Sing"), "ceci": (3, None, "Sing"),
    "celui-ci": (3, "Masc", "Sing"), "celle-ci": (3, "Fem", "Sing"), "ceux-ci": (3, "Masc", "Plur"),
    "celles-ci": (3, "Fem", "Plur"), "celui-là": (3, "Masc", "Sing"), "celle-là": (3, "Fem", "Sing"),
}
HEADED_DEMONSTRATIVES: dict[str, Features] = {
    "ce": (3, None, "Sing"), "c'": (3, None, "Sing"), "celui": (3, "Masc", "Sing"), "celle": (3, "Fem", "Sing"),
    "ceux": (3, "Masc", "Plur"), "celles": (3, "Fem", "Plur"),
}

# a subject "il" of these verbs is impersonal ("il faut", "il y a", "il semble")
IMPERSONAL_VERBS = frozenset({"falloir", "pleuvoir", "neiger", "sembler", "paraître", "agir", "rester",
                              "exister", "manquer", "suffire", "arriver", "valoir"})

# the articles and determiners that make a noun phrase definite (for head matching)
DEFINITE = frozenset({"le", "la", "l'", "l", "les", "du", "des", "au", "aux", "ce", "cet", "cette", "ces"})
DEMONSTRATIVE_DETERMINERS = frozenset({"ce", "cet", "cette", "ces"})

# head nouns of time phrases, which are not entities
TIME_NOUNS = frozenset({"heure", "minute", "seconde", "jour", "journée", "nuit", "matin", "soir", "soirée",
                        "semaine", "mois", "an", "année", "siècle", "décennie", "lundi", "mardi", "mercredi",
                        "jeudi", "vendredi", "samedi", "dimanche", "fois", "instant", "moment", "veille",
                        "lendemain", "week-end", "aujourd'hui", "hier", "demain", "début", "fin", "mi"})

# titles before a name: the gender they give the person
TITLE_GENDER = {"m.": "Masc", "m": "Masc", "monsieur": "Masc", "mme": "Fem", "madame": "Fem",
                "mlle": "Fem", "mademoiselle": "Fem"}

# words that do not tell two noun phrases apart when their heads match
STOP_MODIFIERS = frozenset({"le", "la", "l'", "l", "les", "un", "une", "des", "du", "de", "d'", "d", "au",
                            "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre",
                            "nos", "votre", "vos", "mon", "ma", "mes", "à", "en", "et", "'", ",", "-"})

# elided clitics and negations the parser may hang on a noun ("l' alternance s' ...", "le président n' ..."):
# a noun phrase ends before them
ELIDED_CLITICS = frozenset({"n'", "s'", "c'", "j'", "m'", "t'", "qu'", "n", "s", "c", "j", "m", "t", "qu"})

# conjunctions that close an enumeration: "A , B et C" is one phrase, "A , B" an apposition
ENUMERATION_CONJUNCTIONS = frozenset({"et", "ou", "ni"})

# the indefinite subject: "on" takes up an earlier "on", never a noun phrase
INDEFINITE_PRONOUNS = frozenset({"on", "-on", "-t-on", "l'on", "l’on"})

# head nouns of demonstrative phrases that take up a place name: "ce pays" a country, "cette commune" a town
PLACE_NOUNS = {"pays": "country", "nation": "country", "ville": "town", "commune": "town", "village": "town",
               "localité": "town", "bourg": "town", "cité": "town", "capitale": "town", "agglomération": "town"}

# "ce dernier", "cette dernière": the person named last
LAST_NAMED = frozenset({"dernier", "dernière", "derniers", "dernières"})

# streets: the name after them is part of the street's name ("la rue du Tramway"), not a mention
STREET_NOUNS = frozenset({"rue", "avenue", "boulevard", "impasse", "allée", "quai", "ruelle"})

# prepositions whose phrase after a noun is mostly the verb's adjunct, though the parser hangs it on
# the noun ("une charte forestière avec l'ONF", "aux fenêtres des maisons sur le parcours"): a noun
# phrase ends before them
ADJUNCT_PREPOSITIONS = frozenset({"avec", "sur"})

# adverbs of quantity that belong to the phrase they open ("plus de 150 visiteurs", "environ 1,2 km",
# "tant de remises en cause")
QUANTITY_ADVERBS = frozenset({"plus", "moins", "environ", "quelque", "tant", "autant", "beaucoup", "trop"})

# adjectives that may stand before a determiner inside the phrase ("tous ces vieux jouets")
PREDETERMINERS = frozenset({"tout", "toute", "tous", "toutes"})
