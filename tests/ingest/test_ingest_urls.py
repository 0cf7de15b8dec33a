"""`veille ingest URL...` end to end against a local server: every bad answer is recorded, the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.cli import main
from veille.store import Store

ARTICLE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Budget voté à Belfort</title>
<meta name="author" content="Jeanne Martin"><meta property="article:published_time" content="2024-03-12T18:00:00+01:00">
</head><body><nav><a href="/">Accueil</a> <a href="/region">Région</a></nav><article><h1>Budget voté à Belfort</h1>
<p>Le conseil municipal de Belfort a voté mardi soir le budget de la ville pour l'année 2024, après trois heures
de débats animés entre la majorité et l'opposition.</p>
<p>Le maire a défendu une hausse des investissements dans les écoles et les transports, tandis que l'opposition
a dénoncé une augmentation de la dette.</p></article><footer>Mentions légales</footer></body></html>"""

BROKEN = """<html><head><title>Inondations dans le Doubs</title><meta charset=utf-8><body><div class=main><p>Les
pompiers du Doubs sont intervenus plus de cent fois dans la nuit de dimanche à lundi après les fortes pluies & les
orages qui ont touché le département.<p>Plusieurs routes restent coupées ce lundi matin, selon la préfecture, qui
appelle les automobilistes à la prudence.</span></div></b><p>Les secours restent mobilisés<table><tr><td>Crue<td"""

# an unclosed <title> swallows the whole page, as it does in a browser: nothing to extract
UNREADABLE = """<html><head><title>Inondations dans le Doubs<body><p>Les pompiers sont intervenus cent fois.</p>"""

LATIN = ARTICLE.replace("utf-8", "iso-8859-1").replace("Belfort", "Montbéliard").encode("latin-1")


@pytest.fixture
def env(settings_env: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    settings_env.setenv("VEILLE_ALLOW_PRIVATE", "1")  # the test server is on 127.0.0.1
    settings_env.setenv("VEILLE_FETCH_TIMEOUT", "0.5")
    settings_env.setenv("VEILLE_FETCH_RETRIES", "1")
    settings_env.setenv("VEILLE_POLITENESS_DELAY", "0")
    settings_env.setenv("VEILLE_MAX_BYTES", "2000000")
    return settings_env


def test_bad_answers_are_recorded_and_the_run_goes_on(server, env, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    good = server.add("/budget.html", ARTICLE)
    broken = server.add("/inondations.html", BROKEN)
    latin = server.add("/latin.html", LATIN, content_type="text/html; charset=utf-8")  # declared wrong
    unreadable = server.add("/titre.html", UNREADABLE)
    failing = server.add("/error.html", "oops", status=500)
    server.add("/loop-a", b"", status=302, headers={"Location": "/loop-b"})
    server.add("/loop-b", b"", status=302, headers={"Location": "/loop-a"})
    binary = server.add("/photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)

    def silent(h) -> None:
        server.stop.wait(10)

    def huge(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + b"a" * 65_530 + b"</p>"
        try:
            for _ in range(50 * 1024 * 1024 // len(chunk)):
                h.wfile.write(chunk)
        except OSError:
            pass

    hanging = server.handle("/silent.html", silent)
    oversized = server.handle("/huge.html", huge)
    urls = [good, failing, server.url("/loop-a"), binary, hanging, oversized, broken, latin, unreadable]

    db = f"sqlite:///{tmp_path / 'veille.db'}"
    # a document stored by an earlier run must survive everything below
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("Le préfet du Territoire de Belfort a présenté lundi le plan de prévention des crues.", "utf-8")
    assert main(["ingest", str(earlier), "--db", db, "--quiet"]) == 0
    store = Store(db)
    (kept,) = store.documents()

    assert main(["ingest", *urls, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "read 9 documents: 3 stored, 0 duplicates skipped, 6 failed" in out
    assert "HTTP 500" in out and "redirect loop" in out and "binary content (PNG image)" in out
    assert "timed out" in out and "body too large" in out
    assert f"failed [extract] {unreadable}: no article text found" in out

    failed = {d.origin: d for d in store.documents(status="failed")}
    assert set(failed) == {failing, server.url("/loop-a"), binary, hanging, oversized, unreadable}
    assert {d.stage for d in failed.values()} == {"fetch", "extract"}
    assert all(d.reason for d in failed.values())

    ok = {d.origin: d for d in store.documents(status="ok")}
    assert ok[good].title == "Budget voté à Belfort" and ok[good].url == good
    assert ok[good].published is not None and ok[good].published.startswith("2024-03-12")
    assert "conseil municipal" in ok[good].text and "Accueil" not in ok[good].text
    assert "pompiers du Doubs" in ok[broken].text  # broken HTML still gives its text
    assert "Montbéliard a voté" in ok[latin].text  # a wrong declared charset is overridden
    assert store.document(kept.id).text == kept.text

    # running again adds nothing and reports the same failures without fetching the good pages twice
    hits = server.hits["/budget.html"]
    assert main(["ingest", good, broken, latin, failing, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "0 stored, 3 duplicates skipped, 1 failed" in out
    assert store.count() == 10 and store.count(status="failed") == 6
    assert server.hits["/budget.html"] == hits + 1  # fetched to learn its id, not stored again
