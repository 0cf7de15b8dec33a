from __future__ import annotations

from pathlib import Path

import pytest

from veille.errors import ConfigError, FormatError
from veille.ingest.feeds import FeedReader, MemoryState, parse_feed, read_feed_list, watch
from veille.ingest.fetch import FetchSettings, PageFetcher
from veille.store import Store


def article(title: str, sentence: str) -> str:
    body = " ".join([sentence] * 6)
    return (f"<html><head><title>{title}</title><meta name='author' content='Camille Rivière'>"
            "<meta property='article:published_time' content='2025-02-11T09:30:00+01:00'></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p><p>{sentence}</p></article></body></html>")


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
                      "<pubDate>Tue, 11 Feb 2025 08:30:00 GMT</pubDate></item>" for path, title in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Le Courrier de '
            f"Valmorie</title><link>{base}/</link>{entries}</channel></rss>")


def conditional(server, path: str, body: str, etag: str, content_type: str = "application/rss+xml") -> None:
    """Serve ``body`` at ``path`` with an ETag, answering 304 to a matching If-None-Match."""

    def answer(h) -> None:
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        data = body.encode()
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("ETag", etag)
        h.send_header("Last-Modified", "Tue, 11 Feb 2025 08:30:00 GMT")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    server.handle(path, answer)


@pytest.fixture
def fetcher():
    with PageFetcher(FetchSettings(timeout=0.5, retries=0, politeness=0.0, allow_private=True)) as f:
        yield f


@pytest.fixture
def store(settings_env, sqlite_url):
    settings_env.setenv("VEILLE_LANGUAGES", "none")  # stored, not annotated: no spaCy in these tests
    s = Store(sqlite_url)
    yield s
    s.close()


def feeds_file(tmp_path: Path, *urls: str) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text("# sources suivies\n\n" + "\n".join(urls) + "\n")
    return path


ITEMS = [("/a/pont", "Le pont rouvre"), ("/a/budget", "Le budget est voté")]


def serve_articles(server) -> None:
    server.add("/a/pont", article("Le pont rouvre", "Le pont de Castelbrune a rouvert à la circulation lundi."))
    server.add("/a/budget", article("Le budget est voté", "Le conseil régional a voté son budget pour l'année."))
    server.add("/a/ecole", article("Une école neuve", "Une école neuve ouvrira ses portes dans le quartier nord."))


def test_watch_once_ingests_items_then_conditional_get(server, fetcher, store, tmp_path) -> None:
    serve_articles(server)
    conditional(server, "/rss", rss(server.base, ITEMS), etag='"v1"')
    path = feeds_file(tmp_path, server.url("/rss"))
    first = watch(path, store, once=True, fetcher=fetcher)
    assert first[0].summary.stored == 2
    docs = {d.url: d for d in store.documents()}
    assert set(docs) == {server.url("/a/pont"), server.url("/a/budget")}
    doc = docs[server.url("/a/pont")]
    assert doc.title == "Le pont rouvre" and doc.published.startswith("2025-02-11") and doc.meta["feed"]
    assert "round 1: 1 sources (1 changed" in first[0].render()
    state = store.get_state("feed:" + server.url("/rss"))
    assert state["etag"] == '"v1"' and len(state["seen"]) == 2

    second = watch(path, store, once=True, fetcher=fetcher)
    assert second[0].polls[0].status == "not-modified"
    assert server.request_headers["/rss"][-1]["if-none-match"] == '"v1"'
    assert server.hits["/a/pont"] == 1

    conditional(server, "/rss", rss(server.base, [("/a/ecole", "Une école neuve"), *ITEMS]), etag='"v2"')
    third = watch(path, store, once=True, fetcher=fetcher)
    assert third[0].summary.stored == 1
    assert server.hits["/a/pont"] == 1 and server.hits["/a/ecole"] == 1
    assert store.count() == 3


def test_atom_feed() -> None:
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Dépêches</title>'
            '<entry><id>urn:uuid:1</id><title>Crue</title><link href="https://depeches.example/crue"/>'
            "<updated>2025-05-02T07:40:00Z</updated><author><name>Léa Dumas</name></author></entry></feed>")
    [item] = parse_feed(atom.encode())
    assert (item.key, item.url, item.title, item.published, item.author) == (
        "urn:uuid:1", "https://depeches.example/crue", "Crue", "2025-05-02T07:40:00+00:00", "Léa Dumas")


@pytest.mark.parametrize(("body", "reason"), [
    (b"ceci n'est pas du XML, juste du texte", "not a valid feed"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "binary content (PNG image)"),
    (b'{"items": []}', "not a valid feed"),
])
def test_not_a_feed_is_recorded(server, fetcher, store, tmp_path, body: bytes, reason: str) -> None:
    server.add("/rss", body, content_type="application/rss+xml")
    [report] = watch(feeds_file(tmp_path, server.url("/rss")), store, once=True, fetcher=fetcher)
    assert report.polls[0].status == "failed" and reason in report.polls[0].reason
    [failed] = store.documents(status="failed")
    assert failed.stage in ("feed", "fetch") and reason in failed.reason and failed.origin == server.url("/rss")


def test_half_xml_feed_keeps_the_items_before_the_break(server, fetcher, store, tmp_path) -> None:
    serve_articles(server)
    whole = rss(server.base, ITEMS)
    server.add("/rss", whole[: whole.index("<item>", whole.index("</item>"))] + "<item><title>Le bud",
               content_type="application/rss+xml")
    [report] = watch(feeds_file(tmp_path, server.url("/rss")), store, once=True, fetcher=fetcher)
    assert report.polls[0].status == "new"
    assert [d.url for d in store.documents(status="ok")] == [server.url("/a/pont")]


def test_failing_item_pages_are_recorded_and_retried(server, fetcher, store, tmp_path) -> None:
    serve_articles(server)
    server.add("/a/budget", "erreur", status=500)
    server.add("/a/loop", b"", status=302, headers={"Location": "/a/loop"})
    server.add("/a/image", b"\x00\x01binary" * 50, content_type="text/html")
    items = [*ITEMS, ("/a/loop", "Boucle"), ("/a/image", "Image")]
    conditional(server, "/rss", rss(server.base, items), etag='"v1"')
    path = feeds_file(tmp_path, server.url("/rss"))
    [first] = watch(path, store, once=True, fetcher=fetcher)
    reasons = {origin: (stage, reason) for origin, stage, reason in first.summary.failed}
    assert reasons[server.url("/a/budget")][0] == "fetch" and "HTTP 500" in reasons[server.url("/a/budget")][1]
    assert "redirect loop" in reasons[server.url("/a/loop")][1]
    assert "binary content" in reasons[server.url("/a/image")][1]
    assert store.count(status="ok") == 1 and store.count(status="failed") == 3

    server.add("/a/budget", article("Le budget est voté", "Le conseil régional a voté son budget pour l'année."))
    conditional(server, "/rss", rss(server.base, items), etag='"v2"')
    [second] = watch(path, store, once=True, fetcher=fetcher)
    assert second.summary.stored == 1  # the page that failed is fetched again and now stored
    assert server.hits["/a/pont"] == 1
    assert store.count(status="ok") == 2


def test_feed_server_that_never_answers(server, fetcher, store, tmp_path) -> None:
    server.handle("/slow", lambda h: server.stop.wait(10))
    serve_articles(server)
    conditional(server, "/rss", rss(server.base, ITEMS), etag='"v1"')
    [report] = watch(feeds_file(tmp_path, server.url("/slow"), server.url("/rss")), store, once=True, fetcher=fetcher)
    assert [p.status for p in report.polls] == ["failed", "new"]
    assert "timed out" in report.polls[0].reason
    assert store.count(status="ok") == 2


LIVE = ('<html><head><title>Crue, en direct</title></head><body><h1>Crue, en direct</h1><div class="live">{}'
        "</div></body></html>")
POST = ('<div class="post" id="p{0}"><time datetime="2025-05-02T0{0}:00:00Z">0{0}:00</time>'
        "<p>Point de situation numéro {0} : le niveau du fleuve continue de monter à Castelbrune.</p></div>")


def test_live_page_adds_only_new_updates(server, fetcher, store, tmp_path) -> None:
    server.add("/direct", LIVE.format(POST.format(2) + POST.format(1)))
    path = feeds_file(tmp_path, server.url("/direct"))
    [first] = watch(path, store, once=True, fetcher=fetcher)
    assert first.polls[0].kind == "live" and first.summary.stored == 3  # the page and two updates
    server.add("/direct", LIVE.format(POST.format(3) + POST.format(2) + POST.format(1)))
    [second] = watch(path, store, once=True, fetcher=fetcher)
    assert second.summary.stored == 1
    updates = [d for d in store.documents() if d.parent_id]
    assert sorted(d.published for d in updates) == [f"2025-05-02T0{i}:00:00+00:00" for i in (1, 2, 3)]
    assert len({d.parent_id for d in updates}) == 1


def test_plain_html_page_in_the_feed_list_is_refused(server, fetcher) -> None:
    server.add("/page", article("Le pont rouvre", "Le pont de Castelbrune a rouvert à la circulation lundi."))
    poll = FeedReader(fetcher, MemoryState()).poll(server.url("/page"))
    assert poll.status == "failed" and "neither an RSS/Atom feed nor a live page" in poll.reason


def test_watch_runs_rounds_at_an_interval(server, fetcher, store, tmp_path, monkeypatch) -> None:
    serve_articles(server)
    conditional(server, "/rss", rss(server.base, ITEMS), etag='"v1"')
    waits: list[float] = []
    monkeypatch.setattr("veille.ingest.feeds.time.sleep", waits.append)
    reports = []
    watch(feeds_file(tmp_path, server.url("/rss")), store, interval=60, rounds=3, fetcher=fetcher,
          on_round=reports.append)
    assert [r.number for r in reports] == [1, 2, 3] and len(waits) == 2 and all(0 < w <= 60 for w in waits)
    assert server.hits["/rss"] == 3


def test_feed_list(tmp_path) -> None:
    path = feeds_file(tmp_path, "https://a.example/rss  # Le Courrier", "https://b.example/atom",
                      "https://a.example/rss")
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/atom"]
    (tmp_path / "empty.txt").write_text("# rien\n")
    with pytest.raises(ConfigError, match="lists no URL"):
        read_feed_list(tmp_path / "empty.txt")
    with pytest.raises(ConfigError, match="cannot read"):
        read_feed_list(tmp_path / "absent.txt")


def test_parse_feed_refuses_non_feeds() -> None:
    with pytest.raises(FormatError, match="not"):
        parse_feed(b"<html><body><p>Bonjour</p></body></html>")
