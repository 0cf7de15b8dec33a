import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from veille.errors import ConfigError, FormatError, UnreadableInput
from veille.evaluate import read_jsonl, run_eval
from veille.evaluate.scoring import DERIVED
from veille.records import Annotation, Document, Mention

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
GOLD_FILES = sorted(EVAL.glob("*.jsonl")) if EVAL.is_dir() else []


def _write(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    return path


def test_run_eval_scores_a_prediction_file_without_spacy(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "a", "text": "Il a dit « oui ».", "quotes": [
        {"content": [11, 14], "kind": "direct", "speaker_name": "Il"}]}])
    pred = _write(tmp_path / "pred.jsonl", [{"id": "a", "text": "Il a dit « oui ».", "quotes": []}])
    report = run_eval(gold, pred)
    assert report.gold == str(gold) and report.pred == str(pred)
    assert report.section("quotes").row("content").score.fn == 1


def test_scoring_a_prediction_file_loads_no_spacy(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "a", "text": "x", "events": []}])
    code = ("import sys; from veille.evaluate import run_eval; run_eval(sys.argv[1], sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m == 'spacy' or m == 'veille.pipeline'))")
    done = subprocess.run([sys.executable, "-c", code, str(gold)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "x"}\n{"id": "b", "text": \n', r"gold.jsonl:2: not JSON"),
        ('{"id": "a"}\n\n[1, 2]\n', r"gold.jsonl:3: not a JSON object with the field 'id'"),
        ('{"text": "x"}\n', r"gold.jsonl:1: not a JSON object with the field 'id'"),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        run_eval(path, path)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        list(read_jsonl(tmp_path / "absent.jsonl"))
    (tmp_path / "latin1.jsonl").write_bytes('{"id": "é"}\n'.encode("latin-1"))
    with pytest.raises(FormatError, match="not UTF-8"):
        list(read_jsonl(tmp_path / "latin1.jsonl"))


def test_duckling_json_needs_its_scorer(tmp_path: Path) -> None:
    path = tmp_path / "duckling.json"
    path.write_text("{}", encoding="utf-8")
    try:
        import veille.evaluate.duckling  # noqa: F401
    except ModuleNotFoundError:
        with pytest.raises(ConfigError, match=r"veille\.evaluate\.duckling"):
            run_eval(path)
    else:
        pytest.skip("the Duckling scorer is installed; its own tests cover it")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_against_itself_scores_one(path: Path) -> None:
    report = run_eval(path, path)
    keys = {key for item in read_jsonl(path) for key in ("entities", "coref", "timexes", "quotes", "events")
            if key in item}
    keys |= {name for name, (key, _) in DERIVED.items() if key in keys}
    assert {s.task for s in report.sections} == keys
    for section in report.sections:
        for row in section.rows:
            assert (row.precision, row.recall, row.f1) == (1.0, 1.0, 1.0), (section.task, row.level)
        for line in section.accuracies:
            assert line.accuracy == 1.0, (section.task, line.name)


def test_gold_files_are_there() -> None:
    if not GOLD_FILES:
        pytest.skip("../shared/eval is absent")
    assert len(GOLD_FILES) >= 6


class PlaceFinder:
    """Annotates every "Paris" as a GPE, through the same interface as the pipeline's Annotator."""

    def annotate(self, documents: Iterable[Document]) -> Iterator[Annotation]:
        for document in documents:
            spans = [(m.start(), m.end()) for m in re.finditer("Paris", document.text)]
            yield Annotation(document, [Mention(document.id, s, "GPE", "Paris", "test", "0") for s in spans])


def test_run_eval_annotates_the_gold_texts_when_no_prediction_file(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [
        {"id": "a", "text": "De Paris à Lyon.", "entities": [{"span": [3, 8], "label": "LOC"},
                                                               {"span": [11, 15], "label": "LOC"}]},
        {"id": "b", "text": "Paris, Paris.", "entities": [{"span": [0, 5], "label": "LOC"}]},
    ])
    report = run_eval(gold, annotator=PlaceFinder())  # type: ignore[arg-type]
    assert report.pred == "pipeline"
    score = report.section("entities").row("label").score
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
