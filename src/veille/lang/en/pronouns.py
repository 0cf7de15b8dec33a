"""English pronouns and possessive determiners as coreference reads them: person, gender, number.

Each entry is ``word: (person, gender, number)``; ``None`` where the form does not say.
Possessive determiners give the person and number of the possessor.
"""

from __future__ import annotations

Features = tuple[int, str | None, str | None]

PERSONAL: dict[str, Features] = {
    "i": (1, None, "Sing"), "me": (1, None, "Sing"), "myself": (1, None, "Sing"),
    "you": (2, None, None), "yourself": (2, None, "Sing"),
    "he": (3, "Masc", "Sing"), "him": (3, "Masc", "Sing"), "himself": (3, "Masc", "Sing"),
    "she": (3, "Fem", "Sing"), "her": (3, "Fem", "Sing"), "herself": (3, "Fem", "Sing"),
    "it": (3, "Neut", "Sing"), "itself": (3, "Neut", "Sing"),
    "we": (1, None, "Plur"), "us": (1, None, "Plur"), "ourselves": (1, None, "Plur"),
    "they": (3, None, "Plur"), "them": (3, None, "Plur"), "themselves": (3, None, "Plur"),
}
CLITICS: dict[str, Features] = {}
POSSESSIVES: dict[str, Features] = {
    "my": (1, None, "Sing"), "your": (2, None, None), "his": (3, "Masc", "Sing"), "her": (3, "Fem", "Sing"),
    "its": (3, "Neut", "Sing"), "our": (1, None, "Plur"), "their": (3, None, "Plur"),
}
RELATIVES: dict[str, Features] = {
    "who": (3, None, None), "whom": (3, None, None), "whose": (3, None, None), "which": (3, "Neut", None),
    "that": (3, None, None), "where": (3, None, None),
}
DEMONSTRATIVES: dict[str, Features] = {"this": (3, "Neut", "Sing"), "that": (3, "Neut", "Sing")}
HEADED_DEMONSTRATIVES: dict[str, Features] = {"those": (3, None, "Plur")}
IMPERSONAL_VERBS = frozenset({"rain", "snow", "seem", "appear"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
DEMONSTRATIVE_DETERMINERS = frozenset({"this", "that", "these", "those"})
TIME_NOUNS = frozenset({"hour", "minute", "second", "day", "night", "morning", "evening", "afternoon", "week",
                        "month", "year", "century", "decade", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "time", "moment", "today", "yesterday", "tomorrow",
                        "weekend"})
TITLE_GENDER = {"mr": "Masc", "mr.": "Masc", "mrs": "Fem", "mrs.": "Fem", "ms": "Fem", "ms.": "Fem",
                "miss": "Fem", "sir": "Masc", "lady": "Fem"}
STOP_MODIFIERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                            "our", "my", "your", "of", "and", "'s", ",", "-"})

# elided clitics a noun phrase ends before (French "n'", "s'"); none in English
ELIDED_CLITICS: frozenset[str] = frozenset()

# conjunctions that close an enumeration: "A, B and C" is one phrase, "A, B" an apposition
ENUMERATION_CONJUNCTIONS = frozenset({"and", "or", "nor"})

# the indefinite subject ("one"): it takes up an earlier one, never a noun phrase
INDEFINITE_PRONOUNS = frozenset({"one"})

# head nouns of demonstrative phrases that take up a place name: "this country", "the town"
PLACE_NOUNS = {"country": "country", "nation": "country", "city": "town", "town": "town", "village": "town",
               "capital": "town"}

# "the latter": the person named last
LAST_NAMED = frozenset({"latter"})

# streets: the name after them is part of the street's name, not a mention
STREET_NOUNS = frozenset({"street", "avenue", "road", "boulevard", "lane"})

# prepositions whose phrase after a noun is mostly the verb's adjunct: a noun phrase ends before them
ADJUNCT_PREPOSITIONS = frozenset({"with"})

# adverbs of quantity that belong to the phrase they open ("more than 150 visitors", "about 300 people")
QUANTITY_ADVERBS = frozenset({"about", "around", "nearly", "almost", "some", "over"})

# adjectives that may stand before a determiner inside the phrase ("all the toys", "both the men")
PREDETERMINERS = frozenset({"all", "both", "half"})
