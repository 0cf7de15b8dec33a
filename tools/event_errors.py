"""Where event points are lost: per gold file, the missed, spurious, wrongly typed and wrong-dyad events.

    .venv/bin/python tools/event_errors.py ../shared/eval/fr-timebank-dev.jsonl [--pred cached.jsonl]

For analysis only: it prints the sentences of the gold file, which stay out of the project.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from veille.evaluate.assignment import best_pairs
from veille.evaluate.events import _distinct, event_level, score_events
from veille.evaluate.runner import read_jsonl


def _sentence(text: str, span: list[int] | None) -> str:
    if not span:
        return ""
    stop = text.rfind(". ", 0, span[0])
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, span[0]) + 1)
    ends = [i for i in (text.find(". ", span[1]), text.find("\n", span[1])) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].replace("\n", " ")[:300]


def _who(parts: list[dict[str, Any]] | None, text: str) -> str:
    out = []
    for part in parts or []:
        span = part.get("span")
        mention = text[span[0]:span[1]] if span else "-"
        out.append(f"{mention}={part.get('country')}/{part.get('sector')}")
    return ",".join(out) or "∅"


def _show(event: dict[str, Any], text: str) -> str:
    span = event.get("trigger")
    trig = text[span[0]:span[1]] if span else "?"
    flags = "".join(f[0] for f in ("negated", "hypothetical", "future") if event.get(f))
    return (f"{event.get('type')}/{event.get('mode')} «{trig}» A[{_who(event.get('actor'), text)}] "
            f"R[{_who(event.get('recipient'), text)}] {event.get('date')} {flags}")


def _predict(gold: list[dict[str, Any]], cache: Path | None) -> list[dict[str, Any]]:
    if cache and cache.exists():
        return list(read_jsonl(cache))
    from veille.pipeline import annotate_format

    pred = list(annotate_format(gold))
    if cache:
        cache.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), encoding="utf-8")
    return pred


def report(gold_path: Path, cache: Path | None, together: list[tuple[dict, dict]]) -> Counter[str]:
    gold_docs = list(read_jsonl(gold_path))
    pred_docs = {p["id"]: p for p in _predict(gold_docs, cache)}
    together.extend((g, pred_docs.get(g["id"], {})) for g in gold_docs if "events" in g)
    kinds: Counter[str] = Counter()
    for doc in gold_docs:
        if "events" not in doc:
            continue
        text = doc["text"]
        gold = _distinct(doc.get("events") or [])
        pred = _distinct(pred_docs.get(doc["id"], {}).get("events") or [])
        levels = {(i, j): event_level(g, p) for i, g in enumerate(gold) for j, p in enumerate(pred)}
        scale = min(len(gold), len(pred)) + 1
        weights = {k: sum(scale ** n for n in range(lv)) for k, lv in levels.items() if lv}
        pairs = best_pairs(weights)
        paired_g = {i for i, _ in pairs}
        paired_p = {j for _, j in pairs}
        lines = []
        for i, j in pairs:
            if levels[(i, j)] == 1:
                kinds["wrong dyad"] += 1
                lines.append(f"  DYAD  gold {_show(gold[i], text)}\n        pred {_show(pred[j], text)}"
                             f"\n        | {_sentence(text, gold[i].get('trigger'))}")
        for i, g in enumerate(gold):
            if i not in paired_g:
                kinds["missed"] += 1
                lines.append(f"  MISS  {_show(g, text)}\n        | {_sentence(text, g.get('trigger'))}")
        for j, p in enumerate(pred):
            if j not in paired_p:
                kinds["spurious"] += 1
                lines.append(f"  SPUR  {_show(p, text)}\n        | {_sentence(text, p.get('trigger'))}")
        if lines:
            print(f"# {doc['id']}")
            print("\n".join(lines))
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, help="folder for cached predictions (re-used when present)")
    args = parser.parse_args()
    together: list[tuple[dict, dict]] = []
    for path in args.gold:
        cache = args.cache / f"{path.stem}.pred.jsonl" if args.cache else None
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
        print(f"=== {path.name}: {dict(report(path, cache, together))}")
    if len(args.gold) > 1:  # the files together: pooled counts, so each event weighs the same
        for row in score_events(together).rows:
            c = row.score
            print(f"=== together {row.level}: P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} "
                  f"(tp {c.tp} fp {c.fp} fn {c.fn})")


if __name__ == "__main__":
    main()
