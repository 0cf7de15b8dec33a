"""End to end through the command line: ingest the bundled example, show it, annotate, re-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.cli import build_parser, main
from veille.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def test_ingest_bundled_example_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'veille.db'}"
    assert main(["ingest", str(EXAMPLES), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "read 6 documents: 6 stored, 0 duplicates skipped, 0 failed" in out

    store = Store(url)
    docs = store.documents()
    assert len(docs) == 6
    assert {d.lang for d in docs} == {"fr"} and {d.source for d in docs} == {"Est Républicain"}
    assert all(d.published and d.published.startswith(("1999", "2002", "2003")) for d in docs)
    counts = store.record_counts()
    assert counts["mentions"] > 30
    # every stored record points at characters of its document's clean text
    for doc in docs:
        for record in store.records(doc.id):
            start, end = record.span
            assert 0 <= start < end <= len(doc.text)
            if hasattr(record, "text") and hasattr(record, "label"):
                assert doc.text[start:end] == record.text

    # re-running is idempotent
    assert main(["ingest", str(EXAMPLES), "--db", url]) == 0
    assert "0 stored, 6 duplicates skipped" in capsys.readouterr().out
    assert store.count() == 6 and store.record_counts() == counts

    assert main(["show", "--db", url]) == 0
    listing = capsys.readouterr().out
    assert "6 documents in" in listing
    assert main(["show", docs[0].id[:10], "--db", url]) == 0
    shown = capsys.readouterr().out
    assert docs[0].text in shown and "entity" in shown


def test_ingest_records_bad_input_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Le maire de Belfort a inauguré mardi la nouvelle médiathèque.", "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "residue.txt").write_text("Partager sur Facebook\n© Reuters", "utf-8")
    (folder / "lines.jsonl").write_text('{"text": "The mayor opened the library."}\n{"id": 3}\n', "utf-8")
    (folder / "german.txt").write_text("Der Bürgermeister hat am Dienstag die neue Bibliothek eröffnet.", "utf-8")
    url = f"sqlite:///{tmp_path / 'veille.db'}"
    assert main(["ingest", str(folder), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "read 7 documents: 3 stored, 0 duplicates skipped, 4 failed" in out
    assert "stored without annotation (language not annotated): de: 1" in out
    assert "failed [read]" in out and "binary content" in out and "empty file" in out
    assert "failed [clean]" in out and "no text left" in out
    assert "has no text" in out
    store = Store(url)
    assert store.count(status="failed") == 4
    langs = sorted(d.lang for d in store.documents(status="ok"))
    assert langs == ["de", "en", "fr"]
    # the second run adds nothing and still reports the failures
    assert main(["ingest", str(folder), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "0 stored, 3 duplicates skipped, 4 failed" in out
    assert store.count() == 7


def test_annotate_writes_format_without_changing_text(tmp_path: Path) -> None:
    source = EXAMPLES / "fr-timebank-sample.jsonl"
    out = tmp_path / "pred.jsonl"
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    gold = [json.loads(line) for line in source.read_text("utf-8").splitlines()]
    pred = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [p["id"] for p in pred] == [g["id"] for g in gold]
    assert [p["text"] for p in pred] == [g["text"] for g in gold]
    assert all({"entities", "coref", "timexes", "quotes", "events"} <= set(p) for p in pred)


def test_annotate_reports_a_malformed_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{broken\n', "utf-8")
    assert main(["annotate", str(bad), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "bad.jsonl:2: not JSON" in capsys.readouterr().err
    bad.write_text('{"text": "ok"}\n{"id": "no-text"}\n', "utf-8")
    assert main(["annotate", str(bad), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "bad.jsonl:2: not a JSON object with the field 'text'" in capsys.readouterr().err


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    readme = (ROOT / "README.md").read_text("utf-8")
    for name, sub in commands.items():
        assert sub.description or sub.format_help()
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert f"veille {name}" in readme, f"README does not document `veille {name}`"
    capsys.readouterr()


def test_export_jsonl_and_events_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    from veille.records import Annotation, Document, Event, Participant

    url = f"sqlite:///{tmp_path / 'veille.db'}"
    store = Store(url)
    doc = Document.from_text("Titre.\nMoscou a dénoncé hier les frappes. Autre phrase.", lang="fr",
                             published="2024-06-19", url="https://example.org/a")
    doc.credits = ["AFP"]
    event = Event(doc.id, (14, 23), "ACCUSE", "events", "1", actor=[Participant("Russie", (7, 13), "RUS", "GOV")],
                  date="2024-06-18", date_how="relative", cameo="11", quad_class=3)
    store.write([Annotation(doc, [event])])

    out = tmp_path / "events.csv"
    assert main(["export", "--format", "events-csv", "-o", str(out), "--db", url]) == 0
    with out.open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["type"], row["actor_country"], row["event_date"], row["trigger"]) == ("ACCUSE", "RUS", "2024-06-18",
                                                                                      "a dénoncé")
    assert row["evidence"] == "Moscou a dénoncé hier les frappes."
    assert row["credits"] == "AFP" and row["url"] == "https://example.org/a"

    assert main(["export", "--db", url]) == 0
    [line] = capsys.readouterr().out.splitlines()
    item = json.loads(line)
    assert item["text"] == doc.text and item["events"][0]["type"] == "ACCUSE" and item["credits"] == ["AFP"]


def test_eval_gold_against_itself(shared_eval: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = shared_eval / "seed.jsonl"
    assert main(["eval", str(gold), str(gold)]) == 0
    out = capsys.readouterr().out
    assert "quotes" in out and "events" in out and "100.0" in out
    assert main(["eval", str(gold), str(gold), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_eval_pools_several_gold_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "a", "text": "Moscou a dénoncé hier les frappes.", "lang": "fr",
                                 "events": []}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "b", "text": "Il pleut sur Nancy.", "lang": "fr", "events": []}) + "\n",
                      encoding="utf-8")
    assert main(["eval", str(first), "--also", str(second), "--json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [r["gold"] for r in reports] == [str(first), str(second), "pooled: a.jsonl + b.jsonl"]
    assert [r["documents"] for r in reports] == [1, 1, 2]
    events = next(s for s in reports[2]["sections"] if s["task"] == "events")
    fp = sum(next(s for s in r["sections"] if s["task"] == "events")["rows"][0]["fp"] for r in reports[:2])
    assert events["rows"][0]["fp"] == fp
    assert main(["eval", str(first), str(first), "--also", str(second)]) == 2
