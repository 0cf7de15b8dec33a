import json

import pytest

from veille.errors import FormatError
from veille.evaluate import (
    Accuracy,
    AccuracyLine,
    Counts,
    Ratios,
    Report,
    Row,
    Section,
    evaluate,
    render,
    report_to_json,
)

REPORT = Report(gold="gold.jsonl", pred="pipeline", documents=3, missing=1, sections=[
    Section("quotes", [Row("content", Counts(9, 3, 5))], [AccuracyLine("speaker", Accuracy(6, 9)),
                                                          AccuracyLine("kind", Accuracy())], documents=3),
    Section("coref", [Row("MUC", Ratios(1, 2, 1, 4))], notes=["a note"], documents=2),
])


def test_render_is_an_aligned_table() -> None:
    text = render(REPORT)
    lines = text.splitlines()
    assert lines[0] == "gold gold.jsonl, pred pipeline, 3 documents, 1 without prediction"
    assert lines[1].split() == ["task", "level", "P", "R", "F1", "tp", "fp", "fn"]
    assert lines[3].split() == ["quotes", "content", "75.0", "64.3", "69.2", "9", "3", "5"]
    assert lines[4].split() == ["speaker", "accuracy", "66.7", "6/9"]
    assert lines[5].split() == ["kind", "accuracy", "n/a", "0/0"]
    assert lines[6].split() == ["coref", "MUC", "50.0", "25.0", "33.3", "P", "1/2", "R", "1/4"]
    assert lines[-1] == "note: coref: a note"
    # numbers are right-aligned under their headers
    assert lines[1].index("F1") + 2 == lines[3].index("69.2") + 4 == lines[4].index("66.7") + 4
    assert lines[1].index(" P ") + 2 == lines[3].index("75.0") + 4 == lines[6].index("50.0") + 4


def test_report_to_json() -> None:
    data = report_to_json(REPORT)
    json.dumps(data)
    quotes = data["sections"][0]
    assert quotes["rows"][0] == {"level": "content", "precision": 0.75, "recall": 9 / 14,
                                 "f1": pytest.approx(2 * 0.75 * (9 / 14) / (0.75 + 9 / 14)), "tp": 9, "fp": 3,
                                 "fn": 5}
    assert quotes["accuracies"][1] == {"name": "kind", "accuracy": None, "correct": 0, "total": 0}
    assert data["sections"][1]["rows"][0]["p_den"] == 2


def test_only_keys_in_the_gold_are_scored() -> None:
    gold = [{"id": "a", "text": "abc", "quotes": []}, {"id": "b", "text": "abc", "events": []}]
    pred = [{"id": "a", "text": "abc", "entities": [{"span": [0, 1], "label": "PER"}], "quotes": [], "events": []}]
    report = evaluate(gold, pred)
    assert [s.task for s in report.sections] == ["quotes", "events", "participants"]
    assert report.section("quotes").documents == 1
    assert report.missing == 1
    # annotated and none there, none predicted: perfect
    assert report.section("events").row("full").f1 == 1.0


def test_missing_documents_predict_nothing() -> None:
    gold = [{"id": "a", "text": "abc", "quotes": [{"content": [0, 2], "kind": "direct", "speaker_name": "X"}]}]
    score = evaluate(gold, []).section("quotes").row("content").score
    assert (score.tp, score.fp, score.fn) == (0, 0, 1)


@pytest.mark.parametrize(
    ("gold", "pred", "message"),
    [
        ([{"id": "a"}, {"id": "a"}], [], "appears twice"),
        ([{"text": "x"}], [], "not an object with an id"),
        ([{"id": "a", "timexes": []}, {"id": "b", "timexes": [{"span": [0], "type": "DATE"}]}], [],
         "timexes, document 'b': timex span is not a"),
        ([{"id": "a", "quotes": []}], [{"id": "a", "quotes": [{"content": "0-3"}]}], "quotes"),
        ([{"id": "a", "events": [{"type": "AGREE"}]}], [{"id": "a", "events": ["AGREE"]}], "events"),
        ([{"id": "a", "text": "Le 18 juin."}], [{"id": "a", "text": "Le 18 juin"}], "another text"),
    ],
)
def test_malformed_items_raise_format_error(gold: list, pred: list, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        evaluate(gold, pred)


def test_exported_names_are_sorted_and_real() -> None:
    import veille.evaluate as package

    assert package.__all__ == sorted(package.__all__)
    assert all(hasattr(package, name) for name in package.__all__)
