"""The actor knowledge base (countries, seats, organisations, office-holders) and the gazetteer."""

from veille.knowledge.base import Country, Entity, KnowledgeBase, Role, kb_sizes, load_kb
from veille.knowledge.names import normalise

__all__ = ["Country", "Entity", "KnowledgeBase", "Role", "kb_sizes", "load_kb", "normalise"]
