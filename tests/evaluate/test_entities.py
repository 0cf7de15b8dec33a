import pytest

from veille.evaluate import evaluate


def _ent(start: int, end: int, label: str, qid: str | None = None) -> dict:
    item = {"span": [start, end], "label": label, "name": "x"}
    if qid:
        item["wikidata"] = qid
    return item


def _doc(*entities: dict) -> dict:
    return {"id": "d", "text": "x" * 100, "entities": list(entities)}


@pytest.mark.parametrize(
    ("gold", "pred", "level", "tp_fp_fn"),
    [
        ([_ent(0, 5, "PER")], [_ent(0, 5, "PER")], "label", (1, 0, 0)),
        ([_ent(0, 5, "PER")], [_ent(0, 5, "ORG")], "span", (1, 0, 0)),
        ([_ent(0, 5, "PER")], [_ent(0, 5, "ORG")], "label", (0, 1, 1)),
        ([_ent(0, 5, "PER")], [_ent(0, 4, "PER")], "span", (0, 1, 1)),
        # LOC≈GPE: the gold knows no GPE, so a predicted GPE is a LOC
        ([_ent(0, 5, "LOC")], [_ent(0, 5, "GPE")], "label", (1, 0, 0)),
        ([_ent(0, 5, "LOC")], [_ent(0, 5, "GPE")], "LOC", (1, 0, 0)),
        # a gold that uses GPE keeps the two apart
        ([_ent(0, 5, "LOC"), _ent(10, 15, "GPE")], [_ent(0, 5, "GPE"), _ent(10, 15, "GPE")], "label", (1, 1, 1)),
        ([_ent(0, 5, "PER"), _ent(10, 15, "ORG")], [_ent(0, 5, "PER")], "ORG", (0, 0, 1)),
        ([_ent(0, 5, "PER"), _ent(10, 15, "ORG")], [_ent(0, 5, "PER")], "PER", (1, 0, 0)),
        # linking: same span and same QID; predicted links only count at gold-linked spans
        ([_ent(0, 5, "PER", "Q1"), _ent(10, 15, "LOC", "Q2")], [_ent(0, 5, "PER", "Q1"), _ent(10, 15, "LOC", "Q9")],
         "wikidata", (1, 1, 1)),
        ([_ent(0, 5, "PER", "Q1"), _ent(10, 15, "LOC")], [_ent(0, 5, "ORG", "Q1"), _ent(10, 15, "LOC", "Q2")],
         "wikidata", (1, 0, 0)),
        ([_ent(0, 5, "PER", "Q1")], [_ent(0, 4, "PER", "Q1"), _ent(20, 25, "PER", "Q3")], "wikidata", (0, 0, 1)),
    ],
)
def test_entity_counts(gold: list[dict], pred: list[dict], level: str, tp_fp_fn: tuple[int, int, int]) -> None:
    score = evaluate([_doc(*gold)], [_doc(*pred)]).section("entities").row(level).score
    assert (score.tp, score.fp, score.fn) == tp_fp_fn


def test_loc_gpe_note_only_when_gold_lacks_gpe() -> None:
    assert evaluate([_doc(_ent(0, 5, "LOC"))], [_doc()]).section("entities").notes
    assert not evaluate([_doc(_ent(0, 5, "GPE"))], [_doc()]).section("entities").notes


def test_scores_add_up_over_documents() -> None:
    gold = [{**_doc(_ent(0, 5, "PER")), "id": "a"}, {**_doc(_ent(0, 5, "PER"), _ent(6, 9, "ORG")), "id": "b"}]
    pred = [{**_doc(_ent(0, 5, "PER")), "id": "a"}, {**_doc(_ent(0, 5, "ORG")), "id": "b"}]
    row = evaluate(gold, pred).section("entities").row("label")
    assert (row.score.tp, row.score.fp, row.score.fn) == (1, 1, 2)
    assert (row.precision, row.recall) == pytest.approx((0.5, 1 / 3))


def test_linking_restricted_to_known_qids() -> None:
    from veille.evaluate.entities import score_entities

    gold = _doc(_ent(0, 5, "PER", "Q1"), _ent(10, 15, "LOC", "Q2"), _ent(20, 25, "LOC", "Q3"))
    # Q3 is not known: left out; Q2 found at an overlapping span; Q1 linked to the wrong QID
    pred = _doc(_ent(0, 5, "PER", "Q9"), _ent(10, 14, "LOC", "Q2"))
    row = score_entities([(gold, pred)], known={"Q1", "Q2"}).row("wikidata in KB")
    assert (row.score.tp, row.score.fp, row.score.fn) == (1, 1, 1)


def test_no_kb_row_without_gold_links() -> None:
    section = evaluate([_doc(_ent(0, 5, "PER"))], [_doc()]).section("entities")
    assert "wikidata in KB" not in [row.level for row in section.rows]
