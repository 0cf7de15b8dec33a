"""Language identification with lingua over a few candidate languages (fast, offline).

    detect_language("Le président russe est arrivé.")  # -> ("fr", 0.98)
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["CANDIDATES", "detect_language"]

# the languages veille annotates and the ones most often met beside them in French and English news;
# a small candidate set keeps detection under a millisecond per document
CANDIDATES = (
    Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.ARABIC, Language.RUSSIAN, Language.UKRAINIAN,
)
SAMPLE_CHARS = 1000


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).with_preloaded_language_models().build()


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and confidence of the text's language; (None, 0.0) when there are no words."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(best.value, 4)
