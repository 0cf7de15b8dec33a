from __future__ import annotations

from veille.extract.context import Context
from veille.pipeline import Annotator, annotate_format
from veille.records import Document, Mention


def explode(doc, ctx: Context):
    if "boum" in doc.text:
        raise ValueError("cannot handle boum")
    yield Mention(ctx.doc_id, (0, 2), "MISC", doc.text[:2], "test", "1")


def drop_first(doc, ctx: Context):
    del ctx.mentions[:1]  # a step may edit earlier records
    return ()


def test_a_failing_step_costs_one_document_not_the_batch(fr_nlp) -> None:
    annotator = Annotator(steps=[("explode", "tests.test_pipeline:explode")])
    docs = [Document.from_text(t, lang="fr") for t in ("Un texte calme.", "Un texte qui fait boum.", "Encore un.")]
    results = list(annotator.annotate(docs))
    assert [a.document.status for a in results] == ["ok", "failed", "ok"]
    assert results[1].document.stage == "explode"
    assert "cannot handle boum" in results[1].document.reason
    assert len(results[0].records) == 1 and len(results[2].records) == 1


def test_steps_may_edit_the_context(fr_nlp) -> None:
    annotator = Annotator(steps=[("explode", "tests.test_pipeline:explode"),
                                 ("drop", "tests.test_pipeline:drop_first")])
    [result] = annotator.annotate([Document.from_text("Un texte.", lang="fr")])
    assert result.records == []


def test_documents_in_other_languages_are_not_annotated() -> None:
    annotator = Annotator(steps=[("explode", "tests.test_pipeline:explode")])
    [result] = annotator.annotate([Document.from_text("Ein ruhiger Text.", lang="de")])
    assert result.records == [] and result.document.meta["annotated"] is False
    assert annotator.counts["skipped_language"] == 1


def test_annotate_format_keeps_the_text(fr_nlp) -> None:
    item = {"id": "d1", "text": "Vladimir Poutine est arrivé à Pyongyang.", "lang": "fr", "published": None}
    [out] = annotate_format([item])
    assert out["id"] == "d1" and out["text"] == item["text"]
    assert {"entities", "coref", "timexes", "quotes", "events"} <= set(out)
    names = {item["text"][e["span"][0]:e["span"][1]] for e in out["entities"]}
    assert "Vladimir Poutine" in names
