"""The ``veille`` command: thin subcommands over importable functions.

    veille ingest examples/            # read, clean, annotate and store (also URLs, .warc.gz)
    veille watch feeds.txt --once      # poll feeds and live pages, ingest what is new
    veille show [DOC_ID]               # what the store holds
    veille serve --port 8000           # the HTTP API and the analysts' web page
    veille annotate IN.jsonl -o OUT.jsonl
    veille eval GOLD.jsonl [PRED.jsonl]   # --also GOLD2.jsonl ...: each file, then all pooled
    veille bench --docs 2000 --processes 2   # speed against bare spaCy, per stage and per model
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from veille import __version__
from veille.errors import ConfigError, VeilleError
from veille.settings import describe, get_settings

__all__ = ["build_parser", "main"]

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        COMMANDS[name] = func
        return func

    return register


def _store(args: argparse.Namespace) -> Any:
    from veille.store import Store

    return Store(args.db or get_settings().db)


# --- ingest ------------------------------------------------------------------------------


@command("ingest")
def run_ingest(args: argparse.Namespace) -> int:
    from veille.ingest.batch import ingest, read_sources

    store = _store(args)
    progress = not args.quiet and sys.stderr.isatty()
    summary = ingest(read_sources(args.paths), store, progress=progress)
    print(summary.render())
    if not args.quiet:
        print(f"store: {store.safe_url} — {store.count()} documents; "
              + ", ".join(f"{n} {name}" for name, n in store.record_counts().items()))
    return 0


@command("watch")
def run_watch(args: argparse.Namespace) -> int:
    from veille.ingest.feeds import watch

    store = _store(args)
    watch(args.feeds, store, once=args.once, interval=args.interval, on_round=lambda report: print(report.render(),
                                                                                                   flush=True))
    return 0


# --- show --------------------------------------------------------------------------------


def _excerpt(text: str, span: tuple[int, int] | None, width: int = 80) -> str:
    if span is None:
        return "-"
    piece = " ".join(text[span[0]:span[1]].split())
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def render_annotation(annotation: Any) -> str:
    """A document's clean text and every record with its span and the text it covers."""
    from veille.records import CorefCluster, Event, Mention, Quote, Timex

    doc, text = annotation.document, annotation.document.text
    out = [f"document {doc.id}  [{doc.status}{' at ' + doc.stage if doc.stage else ''}]",
           f"  origin: {doc.origin or '-'}   url: {doc.url or '-'}",
           f"  title: {doc.title or '-'}   source: {doc.source or '-'}   published: {doc.published or '-'}",
           f"  language: {doc.lang or '-'}"
           + (f" ({doc.lang_confidence:.2f})" if doc.lang_confidence is not None else "")
           + f"   credits: {', '.join(doc.credits) or '-'}"]
    if doc.reason:
        out.append(f"  reason: {doc.reason}")
    out += ["", text, ""]
    for record in annotation.records:
        span = f"[{record.span[0]}:{record.span[1]}]"
        if isinstance(record, Mention):
            codes = " ".join(c for c in (record.country, record.sector, record.wikidata) if c)
            out.append(f"entity  {span:>13} {record.label:<5} {_excerpt(text, record.span)!r}"
                       + (f" -> {record.name}" if record.name and record.name != record.text else "")
                       + (f" ({codes})" if codes else ""))
        elif isinstance(record, CorefCluster):
            if len(record.spans) < 2:
                continue  # an entity mentioned once
            out.append(f"coref   {span:>13} " + " = ".join(repr(_excerpt(text, s, 30)) for s in record.spans))
        elif isinstance(record, Timex):
            out.append(f"timex   {span:>13} {record.type:<8} {_excerpt(text, record.span)!r} = {record.value}"
                       f" ({record.how})")
        elif isinstance(record, Quote):
            out.append(f"quote   {span:>13} {record.kind:<8} {record.speaker_name or '?'}: "
                       f"{_excerpt(text, record.span)!r} (cue {_excerpt(text, record.cue, 30)!r})")
        elif isinstance(record, Event):
            def side(ps: list[Any]) -> str:
                return "+".join(f"{p.name or '?'}[{p.country or '-'} {p.sector or '-'}]" for p in ps) or "-"

            flags = ",".join(f for f in ("negated", "hypothetical", "future", "historical") if getattr(record, f))
            out.append(f"event   {span:>13} {record.type}{'/' + record.mode if record.mode else ''} "
                       f"{side(record.actor)} -> {side(record.recipient)} date={record.date or '-'}"
                       + (f" [{flags}]" if flags else "") + f" {_excerpt(text, record.span, 30)!r}")
    return "\n".join(out)


@command("show")
def run_show(args: argparse.Namespace) -> int:
    store = _store(args)
    if args.stories:
        return _show_stories(store, args.limit)
    if args.doc_id:
        annotation = store.annotation(args.doc_id)
        if annotation is None:
            print(f"no document with id {args.doc_id!r} in {store.safe_url}", file=sys.stderr)
            return 1
        print(render_annotation(annotation))
        return 0
    docs = store.documents(status=args.status, limit=args.limit)
    if not docs:
        print(f"{store.safe_url} holds no documents; run `veille ingest PATH` first")
        return 0
    for doc in docs:
        if args.full:
            annotation = store.annotation(doc.id)
            print(render_annotation(annotation))
            print()
            continue
        records = store.records(doc.id) if doc.status == "ok" else []
        kinds: dict[str, int] = {}
        for record in records:
            kinds[type(record).__name__.lower()] = kinds.get(type(record).__name__.lower(), 0) + 1
        counts = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "no records"
        label = doc.title or doc.origin or ""
        status = doc.status if doc.status == "ok" else f"failed at {doc.stage}: {doc.reason}"
        print(f"{doc.id[:12]}  {doc.lang or '--':<3} {status:<4} {label[:60]!r}  {counts}")
    print(f"\n{store.count()} documents in {store.safe_url}; `veille show ID` prints one with its records")
    return 0


def _show_stories(store: Any, limit: int | None) -> int:
    stories = store.stories(limit=limit)
    for story in stories:
        first = story.documents[0]
        print(f"{story.copies} copies, {len(story.outlets)} outlets: {(first.title or first.origin or '')[:70]!r}")
        for doc in story.documents:
            print(f"  {doc.id[:12]}  {doc.source or '--'}  {doc.url or doc.origin or ''}")
        for reprint in story.reprints:
            print(f"  (reprint)     {reprint.get('source') or '--'}  {reprint.get('url') or ''}")
    noun = "story" if len(stories) == 1 else "stories"
    print(f"{len(stories)} {noun} published more than once in {store.safe_url}")
    return 0


@command("serve")
def run_serve(args: argparse.Namespace) -> int:
    from veille.serve.api import serve

    store = _store(args)
    print(f"serving {store.safe_url} on http://{args.host}:{args.port}/ (the API under /api/, docs at /docs)")
    serve(store, host=args.host, port=args.port)
    return 0


# --- annotate ----------------------------------------------------------------------------


def annotate_file(source: Path, out: TextIO) -> int:
    """Annotate a FORMAT.md JSONL file, writing predictions in FORMAT.md; returns the document count."""
    from veille.evaluate.runner import read_jsonl
    from veille.pipeline import annotate_format

    n = 0
    for item in annotate_format(read_jsonl(source, required="text")):
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


@command("annotate")
def run_annotate(args: argparse.Namespace) -> int:
    if args.output == "-":
        n = annotate_file(Path(args.input), sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            n = annotate_file(Path(args.input), out)
    print(f"annotated {n} documents -> {args.output}", file=sys.stderr)
    return 0


# --- eval --------------------------------------------------------------------------------


@command("eval")
def run_eval_command(args: argparse.Namespace) -> int:
    from veille.evaluate import render, report_to_json, run_eval, run_pooled

    if args.also:
        if args.pred:
            raise ConfigError("--also scores gold files annotated now: give no PRED file")
        reports = run_pooled([Path(args.gold), *map(Path, args.also)])
        if args.json:
            print(json.dumps([report_to_json(r) for r in reports], indent=2, ensure_ascii=False))
        else:
            print("\n\n".join(render(r) for r in reports))
        return 0
    report = run_eval(Path(args.gold), Path(args.pred) if args.pred else None)
    print(json.dumps(report_to_json(report), indent=2, ensure_ascii=False) if args.json else render(report))
    return 0


# --- bench -------------------------------------------------------------------------------


@command("bench")
def run_bench_command(args: argparse.Namespace) -> int:
    from veille.run.bench import DEFAULT_CORPUS, DEFAULT_GOLD, load_texts, render_bench, report_to_dict, run_bench

    corpus = args.corpus or DEFAULT_CORPUS
    gold = None if args.no_eval else Path(args.gold or DEFAULT_GOLD)
    report = run_bench(load_texts(corpus), docs=args.docs, models=args.model, processes=args.processes,
                       batch_size=args.batch_size, gold=gold, corpus=corpus, repeat=args.repeat)
    print(json.dumps(report_to_dict(report), indent=2) if args.json else render_bench(report))
    return 0


# --- export ------------------------------------------------------------------------------


@command("export")
def run_export(args: argparse.Namespace) -> int:
    from veille.serve.export import export_events_csv, export_jsonl

    exporter = export_events_csv if args.format == "events-csv" else export_jsonl
    store = _store(args)
    if args.output == "-":
        n = exporter(store, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            n = exporter(store, out)
    unit = "events" if args.format == "events-csv" else "documents"
    print(f"exported {n} {unit} -> {args.output}", file=sys.stderr)
    return 0


# --- kb --------------------------------------------------------------------------------


@command("kb")
def run_kb(args: argparse.Namespace) -> int:
    from veille.knowledge import load_kb
    from veille.link.names import match_name

    if not args.names:
        for kind, n in load_kb().sizes().items():
            print(f"{kind:<28} {n:>7}")
        return 0
    for name in args.names:
        actor = match_name(name, args.label, args.date)
        if actor is None:
            print(f"{name}\tnot in the knowledge base")
            continue
        print("\t".join([name, actor.name, actor.kind, actor.country or "-", actor.sector or "-",
                         actor.wikidata or "-", actor.entity_id or "-"]))
    return 0


# --- settings ----------------------------------------------------------------------------


@command("settings")
def run_settings(args: argparse.Namespace) -> int:
    current = get_settings()
    for name, default, help_text in describe():
        value = getattr(current, name)
        changed = "" if value == default else f"   (default {default!r})"
        print(f"{name:<24} {value!r:<40} {help_text}{changed}")
    return 0


# --- parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="veille", description="News in, sourced event data out.")
    parser.add_argument("--version", action="version", version=f"veille {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and warnings")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="SQLAlchemy URL of the store (default: VEILLE_DB or sqlite:///veille.db)")

    p = sub.add_parser("ingest", help="read files and folders (.txt, .jsonl, .html), web pages (URLs) and WARC/ARC "
                                      "archives, annotate and store them")
    p.add_argument("paths", nargs="+", help="files, folders, http(s) URLs or .warc[.gz]/.arc[.gz] files")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or store totals")
    db_option(p)

    p = sub.add_parser("watch", help="poll RSS/Atom feeds and live pages, ingesting what is new each round")
    p.add_argument("feeds", help="a text file with one feed or live page URL per line ('#' comments)")
    p.add_argument("--once", action="store_true", help="one round, then exit (for a cron job)")
    p.add_argument("--interval", type=float, default=300.0, help="seconds between rounds (default 300)")
    db_option(p)

    p = sub.add_parser("show", help="list stored documents, or print one with its records")
    p.add_argument("doc_id", nargs="?", help="a document id (or a unique prefix)")
    p.add_argument("--status", choices=["ok", "failed"], help="only documents with this status")
    p.add_argument("--limit", type=int, help="at most this many documents")
    p.add_argument("--full", action="store_true", help="print every listed document with its records")
    p.add_argument("--stories", action="store_true",
                   help="list the stories published more than once, with each copy's outlet and URL")
    db_option(p)

    p = sub.add_parser("serve", help="serve the HTTP API and the analysts' web page over the store")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    db_option(p)

    p = sub.add_parser("annotate", help="annotate a FORMAT.md JSONL file, writing predictions as FORMAT.md")
    p.add_argument("input", help="FORMAT.md JSONL file")
    p.add_argument("-o", "--output", required=True, help="output JSONL file ('-' for stdout)")

    p = sub.add_parser("eval", help="score predictions against a gold file (annotating it when no PRED)")
    p.add_argument("gold", help="gold FORMAT.md JSONL file (or Duckling's JSON time corpus)")
    p.add_argument("pred", nargs="?", help="predicted FORMAT.md JSONL file")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--also", action="append", metavar="GOLD",
                   help="another gold file (repeatable): each file is scored, then all of them pooled")

    p = sub.add_parser("bench", help="measure the pipeline's speed per stage against bare spaCy nlp.pipe")
    p.add_argument("corpus", nargs="*", help="FORMAT.md JSONL or .txt files (default: the French dev gold texts)")
    p.add_argument("--docs", type=int, default=2000, help="documents to annotate, cycling over the corpus (2000)")
    p.add_argument("--model", action="append", help="spaCy package for French (repeatable: sm vs md)")
    p.add_argument("--processes", type=int, default=1, help="also annotate on a pool of N processes")
    p.add_argument("--repeat", type=int, default=3,
                   help="timed rounds of the one-worker and the N-worker pools, best kept (3)")
    p.add_argument("--batch-size", type=int, help="documents per nlp.pipe batch (default: setting batch_size)")
    p.add_argument("--gold", help="gold file scored for each model (default: fr-timebank-dev.jsonl)")
    p.add_argument("--no-eval", action="store_true", help="speed only, no eval figures")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = sub.add_parser("export", help="export the store: FORMAT.md JSONL per document, or a CSV table of events")
    p.add_argument("--format", choices=["jsonl", "events-csv"], default="jsonl", help="what to write")
    p.add_argument("-o", "--output", default="-", help="output file ('-' for stdout, the default)")
    db_option(p)

    p = sub.add_parser("kb", help="the knowledge base's size by kind, or what names link to")
    p.add_argument("names", nargs="*", help="names to link (name, kind, country, sector, Wikidata id, entity id)")
    p.add_argument("--label", choices=["PER", "ORG", "LOC", "GPE", "MISC"], help="the NER label of the names")
    p.add_argument("--date", help="the date roles are resolved at (ISO; default: today)")

    sub.add_parser("settings", help="print the settings, their values and what they do")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except VeilleError as exc:
        print(f"veille {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head or less that closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
