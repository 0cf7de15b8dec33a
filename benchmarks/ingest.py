"""Reading speed: HTML page extraction (trafilatura) and WARC reading, on local files.

    .venv/bin/python benchmarks/ingest.py                 # 300 pages, a 600-record gzipped WARC
    .venv/bin/python benchmarks/ingest.py --pages 1000 --size short

The pages are built from the texts of ``../shared/eval/fr-timebank-dev.jsonl`` wrapped in a news
page template with navigation, a cookie banner, sharing links and a footer, so trafilatura has real
boilerplate to remove; nothing is fetched. ``--size news`` (the default) gives each page the weight
of a real news site's article page (about 150 KB of HTML: a menu of a few hundred links, inline
scripts and JSON-LD, teasers of related articles, reader comments, a long footer);
``--size short`` keeps only the article and a thin template. The WARC holds one request and one response record per
page, plus non-HTML and non-200 responses that the reader must skip. Prints pages/s, records/s and
the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import tempfile
import time
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest.pages import read_page
from veille.ingest.warc import read_warc

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

TEMPLATE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Est Républicain"><meta name="author" content="Rédaction">
<meta property="article:published_time" content="{date}"></head><body>
<div id="cookie">Nous utilisons des cookies. <button>Accepter</button> <button>Refuser</button></div>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><time datetime="{date}">{date}</time>{paragraphs}
<div class="share">Partager sur Facebook · Twitter · Envoyer par e-mail</div></article>
<aside>Lire aussi : d'autres articles</aside><footer>© Est Républicain — mentions légales</footer></body></html>"""


SECTIONS = ["Monde", "France", "Région", "Économie", "Sport", "Culture", "Sciences", "Santé", "Opinions", "Vidéos"]


def page_weight(i: int) -> dict[str, str]:
    """The markup a real article page carries around its text (menus, scripts, teasers, comments)."""
    menu = "".join(f'<li><a href="/{s.lower()}/{k}" class="menu__link menu__link--{k}">{s} {k}</a></li>'
                   for s in SECTIONS for k in range(30))
    pushes = "".join(f"dataLayer.push({{'event':'view','slot':'ad-{k}','size':[300,250],'page':{i}}});"
                     for k in range(400))
    script = f"<script>window.dataLayer=window.dataLayer||[];{pushes}</script>"
    jsonld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
              f'"headline":"Article {i}","publisher":{{"@type":"Organization","name":"Est Républicain"}}}}</script>')
    teasers = "".join(f'<div class="teaser"><a href="/region/{i}-{k}.html"><img src="/img/{k}.jpg" alt=""><h3>Titre '
                      f"d'un autre article numéro {k}</h3></a><p>Résumé de l'article {k} en quelques mots.</p></div>"
                      for k in range(40))
    comments = "".join(f'<div class="comment"><b>lecteur{k}</b> <time>il y a {k} h</time><p>Commentaire de lecteur '
                       f"numéro {k} sur cet article.</p><a href='#'>Répondre</a> <a href='#'>Signaler</a></div>"
                       for k in range(25))
    footer = "".join(f'<a href="/info/{k}">Rubrique {k}</a> ' for k in range(150))
    return {"menu": f"<ul class='menu'>{menu}</ul>", "script": script + jsonld,
            "after": f"<section class='related'>{teasers}</section><section class='comments'>{comments}</section>",
            "footer": footer}


def pages(count: int, size: str = "news") -> list[tuple[str, bytes]]:
    items = [json.loads(line) for line in (EVAL / "fr-timebank-dev.jsonl").read_text("utf-8").splitlines()]
    out = []
    for i in range(count):
        item = items[i % len(items)]
        lines = [line for line in item["text"].splitlines() if line.strip()]
        body = "".join(f"<p>{escape(line)} ({i})</p>" for line in lines)
        html = TEMPLATE.format(title=escape(lines[0][:80]), date=item.get("published") or "2000-01-01",
                               paragraphs=body)
        if size == "news":
            weight = page_weight(i)
            html = (html.replace("</head>", weight["script"] + "</head>")
                    .replace("</nav>", weight["menu"] + "</nav>")
                    .replace("<aside>", weight["after"] + "<aside>")
                    .replace("</footer>", weight["footer"] + "</footer>"))
        out.append((f"https://www.estrepublicain.fr/a/{i}.html", html.encode("utf-8")))
    return out


def write_warc(path: Path, docs: list[tuple[str, bytes]]) -> int:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        count = 0
        for url, body in docs:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.estrepublicain.fr")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            count += 2
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://www.estrepublicain.fr/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG" + bytes(500)), http_headers=image))
        return count + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--size", choices=["news", "short"], default="news")
    args = parser.parse_args()
    docs = pages(args.pages, args.size)
    kb = sum(len(body) for _, body in docs) / len(docs) / 1024
    words = sum(len(d.text.split()) for d in [read_page(docs[0][1], url=docs[0][0])])
    print(f"{len(docs)} {args.size} pages of {kb:.0f} KB of HTML on average ({words} words of article in the first)")

    start = time.perf_counter()
    extracted = [read_page(body, url=url) for url, body in docs]
    elapsed = time.perf_counter() - start
    ok = sum(d.status == "ok" for d in extracted)
    print(f"pages: {len(docs)} extracted ({ok} ok) in {elapsed:.2f} s: {len(docs) / elapsed:.1f} pages/s, "
          f"{1000 * elapsed / len(docs):.1f} ms/page, {kb * len(docs) / 1024 / elapsed:.1f} MB of HTML/s")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        records = write_warc(path, docs)
        start = time.perf_counter()
        read = list(read_warc(path))
        elapsed = time.perf_counter() - start
    print(f"warc: {records} records ({path.name}, {len(read)} documents kept) in {elapsed:.2f} s: "
          f"{records / elapsed:.1f} records/s, {len(read) / elapsed:.1f} documents/s (extraction included)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
