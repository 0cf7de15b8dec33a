"""A real HTTP server (uvicorn on 127.0.0.1) over a store filled with a few hand-made records."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")

from veille.records import Annotation, Document, Event, Mention, Participant, Quote, Timex  # noqa: E402
from veille.serve.api import create_app  # noqa: E402
from veille.store import Store  # noqa: E402

TEXT = ("Sommet à Pyongyang.\n"
        "Moscou a dénoncé mardi les frappes sur Kharkiv. « Nous ne céderons pas », a déclaré Vladimir Poutine.\n"
        "La police a interpellé dix manifestants à Paris.")


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def sample_annotation() -> Annotation:
    doc = Document.from_text(TEXT, lang="fr", published="2024-06-19", source="Est Républicain",
                             url="https://www.estrepublicain.fr/monde/a.html", title="Sommet à Pyongyang")
    doc.credits = ["AFP"]
    russia = Participant("Russie", span(TEXT, "Moscou"), "RUS", "GOV")
    police = Participant("police", span(TEXT, "La police"), "FRA", "COP")
    records = [
        Mention(doc.id, span(TEXT, "Moscou"), "LOC", "Moscou", "test", "1", country="RUS", sector="GOV"),
        Mention(doc.id, span(TEXT, "Vladimir Poutine"), "PER", "Vladimir Poutine", "test", "1", country="RUS"),
        Timex(doc.id, span(TEXT, "mardi"), "DATE", "2024-06-18", "test", "1", how="relative"),
        Quote(doc.id, span(TEXT, "Nous ne céderons pas"), "direct", "test", "1", cue=span(TEXT, "a déclaré"),
              speaker=span(TEXT, "Vladimir Poutine"), speaker_name="Vladimir Poutine", speaker_wikidata="Q7747"),
        Event(doc.id, span(TEXT, "a dénoncé"), "ACCUSE", "test", "1", actor=[russia], date="2024-06-18",
              date_how="relative", cameo="11", quad_class=3),
        Event(doc.id, span(TEXT, "a interpellé"), "COERCE", "test", "1", mode="arrest", actor=[police],
              date="2024-06-19", date_how="publication", cameo="17", quad_class=4),
    ]
    return Annotation(doc, records)


@dataclass
class Served:
    base: str
    store: Store
    text: str = TEXT


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    store = Store(f"sqlite:///{tmp_path / 'veille.db'}")
    store.write([sample_annotation(), Annotation(Document.failed("https://example.org/x", "fetch", "HTTP 500"))])
    sock = free_socket()
    config = uvicorn.Config(create_app(store, poll_seconds=0.1), log_level="warning", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the server did not start"
    try:
        yield Served(f"http://127.0.0.1:{sock.getsockname()[1]}", store)
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()
