"""Coreference on the French model: names, short names and subject pronouns form one cluster."""

from __future__ import annotations

from veille.pipeline import Annotator
from veille.records import CorefCluster, Document, Quote


def annotate(text: str, published: str | None = "2024-06-19") -> list:
    document = Document.from_text(text, lang="fr", published=published)
    [annotation] = list(Annotator().annotate([document]))
    return annotation.records


def test_name_short_name_and_pronoun_are_one_cluster(fr_nlp) -> None:
    text = ("Le président russe Vladimir Poutine est arrivé mardi à Pyongyang. "
            "M. Poutine a rencontré Kim Jong-un. Il a déclaré que la visite était historique.")
    records = annotate(text)
    clusters = [r for r in records if isinstance(r, CorefCluster)]
    putin = [c for c in clusters if any(text[s:e] == "Vladimir Poutine" for s, e in c.spans)]
    assert putin, clusters
    covered = {text[s:e] for s, e in putin[0].spans}
    assert {"Vladimir Poutine", "Il"} <= covered
    quotes = [r for r in records if isinstance(r, Quote)]
    assert any(q.speaker_name == "Vladimir Poutine" for q in quotes)


def test_a_pronoun_far_from_any_person_stays_alone(fr_nlp) -> None:
    text = ("Jean Dupont a visité l'usine. La production a augmenté. Les ventes aussi. "
            "Le marché reste calme. Les prix sont stables. Il pleut sur la ville.")
    clusters = [r for r in annotate(text) if isinstance(r, CorefCluster)]
    assert not any(any(text[s:e] == "Il" for s, e in c.spans) for c in clusters)
