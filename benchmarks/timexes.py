"""Time-expression tagging, veille against dateparser, on the shared gold files.

    .venv/bin/python benchmarks/timexes.py                      # both systems, three files
    .venv/bin/python benchmarks/timexes.py --only veille --errors ../shared/eval/fr-timebank-dev.jsonl

Prints strict/overlap span P/R/F1 and value F1 per system and file (the Duckling file: the
fraction of values right), and the time per document (median, p90). veille's time is the
tagger's alone; the spaCy parse that gives it the tense is done before the clock starts.
dateparser's ``search_dates`` returns substrings and datetimes: each substring is located in the
text after the previous one, and valued as a date (or date-time when it has a time of day).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from veille.evaluate.timexes import score_timexes
from veille.extract.timex_tense import tense_function
from veille.extract.timexes import tag_timexes

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FILES = ["fr-timebank-dev.jsonl", "tempeval3-en-dev.jsonl", "duckling-fr-time.json"]


def _veille(doc: dict[str, Any], tense_of) -> tuple[list[dict], float]:
    start = time.perf_counter()
    found = tag_timexes(doc["text"], doc["lang"], doc.get("published"), tense_of, doc["id"])
    elapsed = time.perf_counter() - start
    return [{"span": list(t.span), "type": t.type, "value": t.value} for t in found], elapsed


def _dateparser(doc: dict[str, Any]) -> tuple[list[dict], float]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if doc.get("published"):
        settings["RELATIVE_BASE"] = datetime.fromisoformat(doc["published"][:19])
    start = time.perf_counter()
    try:
        found = search_dates(doc["text"], languages=[doc["lang"]], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; count them as nothing found
        found = []
    elapsed = time.perf_counter() - start
    out, cursor = [], 0
    for substring, moment in found:
        at = doc["text"].find(substring, cursor)
        if at < 0:
            continue
        cursor = at + len(substring)
        has_time = (moment.hour, moment.minute) != (0, 0)
        value = moment.strftime("%Y-%m-%dT%H:%M") if has_time else moment.date().isoformat()
        out.append({"span": [at, cursor], "type": "TIME" if has_time else "DATE", "value": value})
    return out, elapsed


def _times(seconds: list[float]) -> str:
    if not seconds:
        return "n/a"
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))]
    return f"median {statistics.median(ms):.2f} ms, p90 {p90:.2f} ms per document"


def _jsonl(path: Path, systems: list[str], errors: bool) -> None:
    from veille.nlp import load_pipeline

    gold = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    nlp = load_pipeline(gold[0]["lang"])
    docs = list(nlp.pipe([g["text"] for g in gold]))
    for system in systems:
        pairs, seconds = [], []
        for g, parsed in zip(gold, docs, strict=True):
            if system == "veille":
                pred, elapsed = _veille(g, tense_function(parsed, g["lang"]))
            else:
                pred, elapsed = _dateparser(g)
            pairs.append((g, {"id": g["id"], "timexes": pred}))
            seconds.append(elapsed)
            if errors and system == "veille":
                _print_errors(g, pred)
        section = score_timexes(pairs)
        rows = "  ".join(f"{r.level} P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f}" for r in section.rows)
        print(f"{path.name:26} {system:10} {rows}")
        print(f"{'':26} {'':10} {_times(seconds)}")


def _print_errors(gold: dict, pred: list[dict]) -> None:
    text = gold["text"]
    g = {(tuple(t["span"])): t for t in gold["timexes"]}
    p = {(tuple(t["span"])): t for t in pred}
    for span in sorted(set(g) | set(p)):
        a, b = g.get(span), p.get(span)
        if a and b and a["value"] == b["value"]:
            continue
        ctx = text[max(0, span[0] - 30):span[0]].replace("\n", " ")
        mark = "MISS" if not b else "EXTRA" if not a else "VALUE"
        gv = f"{a['type']} {a['value']}" if a else ""
        pv = f"{b['type']} {b['value']}" if b else ""
        print(f"  {mark:5} {gold.get('published')} {text[span[0]:span[1]]!r:40} gold {gv:28} pred {pv:28} | {ctx}")


def _ahead(_offset: int) -> str:
    return "future"


def _duckling(path: Path, systems: list[str], errors: bool) -> None:
    from veille.evaluate.duckling import score_duckling_with

    for system in systems:
        seconds: list[float] = []

        def timed(text: str, anchor: str, system: str = system, seconds: list[float] = seconds) -> list[dict]:
            if system == "veille":
                start = time.perf_counter()
                found = tag_timexes(text, "fr", anchor, _ahead)  # as `veille eval` reads Duckling: looking ahead
                seconds.append(time.perf_counter() - start)
                return [{"span": list(t.span), "type": t.type, "value": t.value, "mod": t.mod} for t in found]
            pred, elapsed = _dateparser({"text": text, "lang": "fr", "published": anchor, "id": ""})
            seconds.append(elapsed)
            return pred

        report = score_duckling_with(path, timed, errors=errors and system == "veille")
        section = report.section("duckling")
        acc = section.accuracy("value").score
        found = section.row("found")
        print(f"{path.name:26} {system:10} values right {acc.accuracy:.3f} ({acc.correct}/{acc.total})  "
              f"found P {found.precision:.3f} R {found.recall:.3f}")
        print(f"{'':26} {'':10} {_times(seconds)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[EVAL / f for f in FILES])
    parser.add_argument("--only", choices=["veille", "dateparser"])
    parser.add_argument("--errors", action="store_true", help="print veille's errors")
    args = parser.parse_args(argv)
    systems = [args.only] if args.only else ["veille", "dateparser"]
    for path in args.files:
        if not path.exists():
            print(f"{path}: not found", file=sys.stderr)
            continue
        if path.suffix == ".json":
            _duckling(path, systems, args.errors)
        else:
            _jsonl(path, systems, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
