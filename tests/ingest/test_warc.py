from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest.warc import WarcReader, is_archive, read_warc


def page(i: int) -> bytes:
    return (f"<html><head><title>Conseil municipal, séance {i}</title></head><body><article><h1>Séance {i}</h1>"
            f"<p>Le conseil municipal de Castelbrune s'est réuni pour la séance numéro {i} de l'année. Les élus ont "
            "débattu du budget des écoles, de la réfection du pont et de l'éclairage public du quartier nord.</p>"
            "<p>La maire a annoncé que les travaux commenceraient au printemps, après l'avis de la commission.</p>"
            "</article></body></html>").encode()


def write_warc(path: Path, gz: bool = True, pages: int = 5) -> Path:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)

    def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        write(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

    def write(record) -> None:
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools payloads to temporary files

    write(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    for i in range(pages):
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.lemonde.fr")], is_http_request=True)
        write(writer.create_warc_record(f"https://www.lemonde.fr/a/{i}.html", "request", http_headers=req))
        response(f"https://www.lemonde.fr/a/{i}.html", page(i))
    response("https://www.lemonde.fr/missing", b"<html>introuvable</html>", status="404 Not Found")
    response("https://www.lemonde.fr/old", b"", status="301 Moved Permanently")
    response("https://www.lemonde.fr/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
    response("https://www.lemonde.fr/fake.html", b"\x89PNG\r\n\x1a\n" + bytes(200))
    path.write_bytes(buf.getvalue())
    return path


def write_arc(path: Path, pages: int = 3, gz: bool = False) -> Path:
    header_body = b"1 0 Tests\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [b"filedesc://" + path.name.encode() + b" 0.0.0.0 20250101000000 text/plain "
           + str(len(header_body)).encode() + b"\n" + header_body + b"\n"]
    for i in range(pages):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page(i)
        out.append(f"https://www.lefigaro.fr/b/{i}.html 192.0.2.1 20250101000000 text/html {len(http)}\n".encode()
                   + http + b"\n")
    http = b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n\r\n<html>erreur</html>"
    out.append(f"https://www.lefigaro.fr/err 192.0.2.1 20250101000000 text/html {len(http)}\n".encode() + http + b"\n")
    # a gzipped ARC is one gzip member per record
    path.write_bytes(b"".join(gzip.compress(record) for record in out) if gz else b"".join(out))
    return path


@pytest.mark.parametrize("gz", [True, False])
def test_reads_http_200_html_responses_only(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("news.warc.gz" if gz else "news.warc"), gz=gz)
    reader = WarcReader()
    docs = list(reader.read(path))
    ok = [d for d in docs if d.status == "ok"]
    assert [d.url for d in ok] == [f"https://www.lemonde.fr/a/{i}.html" for i in range(5)]
    assert all(d.source == "Le Monde" and "budget des écoles" in d.text for d in ok)
    assert ok[0].title in ("Séance 0", "Conseil municipal, séance 0")
    assert ok[0].meta["fetched"].startswith("20")
    failed = [d for d in docs if d.status == "failed"]
    assert [(d.url, d.stage, d.reason) for d in failed] == [
        ("https://www.lemonde.fr/fake.html", "extract", "binary content served as HTML")]
    assert reader.counts["skipped: HTTP 404"] == 1 and reader.counts["skipped: HTTP 301"] == 1
    assert reader.counts["skipped: not HTML"] == 1
    assert reader.counts["skipped: not a response"] == 6  # warcinfo and requests
    assert reader.counts["kept"] == 5


@pytest.mark.parametrize("cut", [0.5, 0.8])
def test_truncated_gzip_keeps_pages_before_the_damage(tmp_path: Path, cut: float) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", pages=20).read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: int(len(whole) * cut)])
    docs = list(read_warc(path))
    ok = [d for d in docs if d.status == "ok"]
    assert 3 < len(ok) < 20
    assert docs[-1].status == "failed" and docs[-1].stage == "warc" and docs[-1].origin == str(path)
    assert "truncated" in docs[-1].reason and f"the {len(ok)} pages before it are kept" in docs[-1].reason


def test_truncated_plain_warc(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc", gz=False, pages=10).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) // 2])
    docs = list(read_warc(path))
    assert 2 < sum(d.status == "ok" for d in docs) < 10
    assert docs[-1].status == "failed" and docs[-1].stage == "warc"


@pytest.mark.parametrize("name", ["old.arc", "old.arc.gz"])
def test_reads_arc_files(tmp_path: Path, name: str) -> None:
    path = write_arc(tmp_path / name, gz=name.endswith(".gz"))
    reader = WarcReader()
    docs = list(reader.read(path))
    assert [d.url for d in docs] == [f"https://www.lefigaro.fr/b/{i}.html" for i in range(3)]
    assert {d.source for d in docs} == {"Le Figaro"}
    assert reader.counts["skipped: HTTP 500"] == 1


def test_one_gzip_member_for_the_whole_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "whole.arc.gz"
    path.write_bytes(gzip.compress(write_arc(tmp_path / "x.arc").read_bytes()))
    docs = list(read_warc(path))
    assert docs[-1].status == "failed" and docs[-1].stage == "warc"
    assert "gzip" in docs[-1].reason


def test_not_an_archive_and_missing_file(tmp_path: Path) -> None:
    text = tmp_path / "notes.warc"
    text.write_text("ceci n'est pas une archive\n" * 5)
    assert [(d.status, d.stage) for d in read_warc(text)] == [("failed", "warc")]
    assert "not a WARC or ARC file" in next(read_warc(text)).reason
    missing = next(read_warc(tmp_path / "absent.warc.gz"))
    assert missing.status == "failed" and "cannot read archive" in missing.reason


def test_oversized_record_is_refused(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "news.warc.gz", pages=2)
    docs = list(WarcReader(max_bytes=100).read(path))
    assert {d.reason for d in docs if d.status == "failed"} == {"response body over the 100-byte limit"}


def test_archive_suffixes() -> None:
    assert all(is_archive(p) for p in ["a.warc", "b.WARC.GZ", "c.arc", "d.arc.gz"])
    assert not any(is_archive(p) for p in ["a.html", "b.gz", "warc.txt"])
