"""Where quote points are lost: per gold file, missed, spurious and boundary-mismatched quotes and wrong speakers.

    .venv/bin/python tools/quote_errors.py ../shared/eval/seed.jsonl ../shared/eval/fr-timebank-dev.jsonl \
        --cache /tmp/quote-cache [--quiet]

With ``--cache`` the spaCy Docs and the records of the steps before quotes are kept, so that a change
to the quote extractor is scored again in seconds. Several files are also scored together (pooled
counts, each quote weighing the same). For analysis only: it prints sentences of the gold files,
which stay out of the project.
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from veille.evaluate.quotes import fold_name, quote_pairs, score_quotes
from veille.evaluate.runner import read_jsonl
from veille.extract.context import Context
from veille.extract.quotes import find_quotes
from veille.records import from_format, to_format

Prepared = list[tuple[dict[str, Any], Doc, Context]]


def _prepare(gold_docs: list[dict[str, Any]], cache: Path | None) -> Prepared:
    """Docs and contexts as the quote step receives them, from the cache when it holds them."""
    if cache and cache.exists():
        lang_docs, contexts = pickle.loads(cache.read_bytes())
        from veille.nlp import load_pipeline

        out: Prepared = []
        for gold, (lang, data), ctx in zip(gold_docs, lang_docs, contexts, strict=True):
            doc = next(iter(DocBin().from_bytes(data).get_docs(load_pipeline(lang).vocab)))
            out.append((gold, doc, ctx))
        return out
    from veille.nlp import load_pipeline
    from veille.nlp.paragraphs import parse_texts
    from veille.pipeline import STEPS, load_step

    steps = [(n, load_step(t)) for n, t in STEPS[:[n for n, _ in STEPS].index("quotes")]]
    out = []
    for gold in gold_docs:
        document = from_format(gold).document
        lang = document.lang or "fr"
        doc = next(parse_texts(load_pipeline(lang), [document.text]))
        ctx = Context(doc_id=document.id, lang=lang, published=document.published)
        for _, step in steps:
            for record in list(step(doc, ctx)):
                ctx.add(record)
        out.append((gold, doc, ctx))
    if cache:
        blobs = []
        for gold, doc, _ in out:
            bin_ = DocBin(store_user_data=True)
            bin_.add(doc)
            blobs.append((gold.get("lang") or "fr", bin_.to_bytes()))
        cache.write_bytes(pickle.dumps((blobs, [c for _, _, c in out])))
    return out


def _predict(gold: dict[str, Any], doc: Doc, ctx: Context) -> dict[str, Any]:
    document = from_format(gold).document
    quotes = list(find_quotes(doc, ctx))
    return to_format(document, quotes)


def _sentence(text: str, span: list[int] | None) -> str:
    if not span:
        return ""
    start = max(text.rfind(". ", 0, span[0]) + 2, text.rfind("\n", 0, span[0]) + 1, 0)
    ends = [i for i in (text.find(". ", span[1]), text.find("\n", span[1])) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].replace("\n", " ⏎ ")[:400]


def _cut(text: str, span: list[int] | None, n: int = 90) -> str:
    if not span:
        return "-"
    s = text[span[0]:span[1]].replace("\n", " ⏎ ")
    return s if len(s) <= n else s[:n // 2] + " … " + s[-n // 2:]


def _show(q: dict[str, Any], text: str) -> str:
    return (f"{q.get('kind')} [{_cut(text, q.get('content'))}] cue={_cut(text, q.get('cue'), 30)!r} "
            f"spk={_cut(text, q.get('speaker'), 40)!r}→{q.get('speaker_name')!r}")


def report(prepared: Prepared, together: list[tuple[dict, dict]], quiet: bool) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for gold_doc, doc, ctx in prepared:
        if "quotes" not in gold_doc:
            continue
        pred_doc = _predict(gold_doc, doc, ctx)
        together.append((gold_doc, pred_doc))
        text = gold_doc["text"]
        gold, pred = gold_doc.get("quotes") or [], pred_doc.get("quotes") or []
        pairs = quote_pairs([tuple(q["content"]) for q in gold], [tuple(q["content"]) for q in pred])
        lines = []
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if fold_name(g.get("speaker_name")) != fold_name(p.get("speaker_name")):
                kinds["wrong speaker"] += 1
                lines.append(f"  SPKR  gold {_show(g, text)}\n        pred {_show(p, text)}")
            elif list(g["content"]) != list(p["content"]):
                kinds["boundary"] += 1
                lines.append(f"  BOUND gold {_show(g, text)}\n        pred {_show(p, text)}")
        paired_g, paired_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in paired_g:
                kinds["missed"] += 1
                kinds[f"missed {g.get('kind')}"] += 1
                lines.append(f"  MISS  {_show(g, text)}\n        | {_sentence(text, g.get('content'))}")
        for j, p in enumerate(pred):
            if j not in paired_p:
                kinds["spurious"] += 1
                lines.append(f"  SPUR  {_show(p, text)}\n        | {_sentence(text, p.get('content'))}")
        if lines and not quiet:
            print(f"# {gold_doc['id']}")
            print("\n".join(lines))
    return kinds


def _print_scores(label: str, pairs: list[tuple[dict, dict]]) -> None:
    section = score_quotes(pairs)
    for row in section.rows:
        c = row.score
        print(f"=== {label} {row.level}: P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} "
              f"(tp {c.tp} fp {c.fp} fn {c.fn})")
    for line in section.accuracies:
        print(f"=== {label} {line.name} accuracy: {line.score.accuracy:.3f} ({line.score.correct}/{line.score.total})")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, help="folder for the parsed documents (re-used when present)")
    parser.add_argument("--quiet", action="store_true", help="only the scores")
    args = parser.parse_args()
    together: list[tuple[dict, dict]] = []
    for path in args.gold:
        cache = args.cache / f"{path.stem}.quotes-input.pickle" if args.cache else None
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
        gold_docs = list(read_jsonl(path))
        mine: list[tuple[dict, dict]] = []
        kinds = report(_prepare(gold_docs, cache), mine, args.quiet)
        together.extend(mine)
        print(f"=== {path.name}: {dict(kinds)}")
        _print_scores(path.stem, mine)
    if len(args.gold) > 1:
        _print_scores("together", together)


if __name__ == "__main__":
    main()
