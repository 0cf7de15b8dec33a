"""Loading the spaCy pipeline per language."""

from veille.nlp.models import load_pipeline, model_name

__all__ = ["load_pipeline", "model_name"]
