from __future__ import annotations

import time

import pytest

from veille.errors import FetchError
from veille.ingest import fetch as fetch_module
from veille.ingest.fetch import FetchSettings, PageFetcher, check_address, decode_body, sniff_binary

PAGE = "<html><head><title>Essai</title></head><body><p>Le conseil municipal a voté le budget.</p></body></html>"


def fetcher(**overrides: object) -> PageFetcher:
    settings = dict(timeout=1.0, retries=1, backoff=0.01, politeness=0.0, allow_private=True, max_bytes=1_000_000)
    settings.update(overrides)
    return PageFetcher(FetchSettings(**settings))  # type: ignore[arg-type]


def test_fetches_a_page(server) -> None:
    url = server.add("/page", PAGE)
    with fetcher() as f:
        response = f.fetch(url)
    assert response.status == 200
    assert "budget" in response.text()
    assert response.content_type == "text/html"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "/relative"])
def test_refuses_other_schemes(url: str) -> None:
    with fetcher() as f, pytest.raises(FetchError, match="refused scheme"):
        f.fetch(url)


def test_refuses_loopback_by_default(server) -> None:
    url = server.add("/page", PAGE)
    with PageFetcher(FetchSettings(timeout=1.0)) as f, pytest.raises(FetchError, match="not a public address"):
        f.fetch(url)
    assert server.hits["/page"] == 0


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "0.0.0.0"])
def test_check_address_refuses_private_hosts(host: str) -> None:
    with pytest.raises(FetchError, match="not a public address"):
        check_address(host)
    assert check_address(host, allow_private=True)


def test_every_redirect_hop_is_checked(server, monkeypatch) -> None:
    port = server.base.rsplit(":", 1)[1]
    server.add("/hop", b"", status=302, headers={"Location": f"http://localhost:{port}/page"})
    server.add("/page", PAGE)
    real = fetch_module.check_address

    def first_hop_allowed(host: str, port: int | None = None, allow_private: bool = False) -> list[str]:
        return real(host, port, allow_private=host == "127.0.0.1")

    monkeypatch.setattr(fetch_module, "check_address", first_hop_allowed)
    with PageFetcher(FetchSettings(timeout=1.0, politeness=0.0)) as f, pytest.raises(FetchError, match="localhost"):
        f.fetch(server.url("/hop"))
    assert server.hits["/hop"] == 1
    assert server.hits["/page"] == 0


def test_follows_redirects(server) -> None:
    server.add("/old", b"", status=301, headers={"Location": "/new"})
    server.add("/new", PAGE)
    with fetcher() as f:
        response = f.fetch(server.url("/old"))
    assert response.url == server.url("/new")
    assert response.redirects == [server.url("/old")]


def test_redirect_loop_is_refused(server) -> None:
    server.add("/a", b"", status=302, headers={"Location": "/b"})
    server.add("/b", b"", status=302, headers={"Location": "/a"})
    with fetcher() as f, pytest.raises(FetchError, match="redirect loop"):
        f.fetch(server.url("/a"))


def test_too_many_redirects(server) -> None:
    for i in range(10):
        server.add(f"/r{i}", b"", status=302, headers={"Location": f"/r{i + 1}"})
    with fetcher(max_redirects=3) as f, pytest.raises(FetchError, match="too many redirects"):
        f.fetch(server.url("/r0"))


def test_server_error_is_retried_then_reported(server) -> None:
    url = server.add("/broken", "oops", status=500)
    with fetcher(retries=2) as f, pytest.raises(FetchError, match=r"HTTP 500 .* \(after 3 attempts\)"):
        f.fetch(url)
    assert server.hits["/broken"] == 3


def test_transient_error_then_success(server) -> None:
    calls = []

    def flaky(h) -> None:
        calls.append(1)
        body = b"busy" if len(calls) == 1 else PAGE.encode()
        h.send_response(503 if len(calls) == 1 else 200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    url = server.handle("/flaky", flaky)
    slept: list[float] = []
    with fetcher(retries=3, backoff=0.5) as f:
        f.sleep = slept.append
        assert "budget" in f.fetch(url).text()
    assert slept == [0.5]


def test_not_found_is_not_retried(server) -> None:
    with fetcher(retries=3) as f, pytest.raises(FetchError, match="HTTP 404"):
        f.fetch(server.url("/missing"))
    assert server.hits["/missing"] == 1


def test_server_that_never_answers_times_out(server) -> None:
    def silent(h) -> None:
        server.stop.wait(10)

    url = server.handle("/silent", silent)
    started = time.monotonic()
    with fetcher(timeout=0.3, retries=1) as f, pytest.raises(FetchError, match="timed out"):
        f.fetch(url)
    assert time.monotonic() - started < 2.5


def test_fifty_megabyte_page_is_cut_off(server) -> None:
    def huge(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()  # no Content-Length: the size is only known by reading
        chunk = b"<p>" + b"a" * 65_530 + b"</p>"
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            h.wfile.write(chunk)

    url = server.handle("/huge", huge)
    with fetcher(max_bytes=2_000_000) as f, pytest.raises(FetchError, match="body too large: more than 2000000"):
        f.fetch(url)


def test_declared_size_over_the_cap_is_refused_before_reading(server) -> None:
    def declared(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(50 * 1024 * 1024))
        h.end_headers()
        h.wfile.write(b"<html>")

    url = server.handle("/declared", declared)
    with fetcher() as f, pytest.raises(FetchError, match="Content-Length 52428800"):
        f.fetch(url)


def test_binary_served_as_html_is_refused(server) -> None:
    url = server.add("/image", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with fetcher() as f, pytest.raises(FetchError, match=r"binary content \(PNG image\) served as text/html"):
        f.fetch(url)


def test_unexpected_content_type_is_refused(server) -> None:
    url = server.add("/doc", b"%PDF-1.4 ...", content_type="application/pdf")
    with fetcher() as f, pytest.raises(FetchError, match="unexpected content type 'application/pdf'"):
        f.fetch(url)


def test_wrong_declared_encoding_is_overridden(server) -> None:
    latin = "<html><body><p>L'été à Genève, la fête a réuni des élus.</p></body></html>".encode("latin-1")
    url = server.add("/latin", latin, content_type="text/html; charset=utf-8")
    mislabelled = server.add("/utf8", "<p>Réunion à Genève</p>".encode(), content_type="text/html; charset=iso-8859-1")
    with fetcher() as f:
        assert "L'été à Genève, la fête" in f.fetch(url).text()
        assert "Réunion à Genève" in f.fetch(mislabelled).text()


def test_politeness_delay_per_host(server) -> None:
    url = server.add("/page", PAGE)
    slept: list[float] = []
    with fetcher(politeness=5.0) as f:
        f.sleep = slept.append
        f.fetch(url)
        f.fetch(url)
    assert len(slept) == 1 and 4.0 < slept[0] <= 5.0


def test_decode_body_and_sniffing() -> None:
    assert decode_body("<meta charset='windows-1252'><p>\u2019été</p>".encode("cp1252")).endswith("’été</p>")
    assert sniff_binary(b"%PDF-1.7\n") == "PDF"
    assert sniff_binary(b"\x00\x01\x02\x03binary") == "binary data"
    assert sniff_binary("<p>Bonjour à tous</p>".encode()) is None
