"""The HTTP API against a real server on 127.0.0.1."""

from __future__ import annotations

import json

import httpx

from veille.records import Annotation, Document


def get(served, path: str, **params: object) -> object:
    response = httpx.get(served.base + path, params=params, timeout=5)
    response.raise_for_status()
    return response.json()


def test_status_and_documents(served) -> None:
    status = get(served, "/api/status")
    assert status["documents"] == 2 and status["failed"] == 1
    assert status["records"]["events"] == 2 and status["records"]["quotes"] == 1
    failed = get(served, "/api/documents", status="failed")
    assert [(d["origin"], d["stage"], d["reason"]) for d in failed] == [("https://example.org/x", "fetch", "HTTP 500")]


def test_one_document_with_its_records(served) -> None:
    (doc,) = get(served, "/api/documents", status="ok")
    text = served.text
    full = get(served, f"/api/documents/{doc['id'][:10]}")
    assert full["text"] == text and full["title"] == "Sommet à Pyongyang" and full["credits"] == ["AFP"]
    assert {e["type"] for e in full["events"]} == {"ACCUSE", "COERCE"}
    (quote,) = full["quotes"]
    start, end = quote["content"]
    assert text[start:end] == "Nous ne céderons pas"
    response = httpx.get(served.base + "/api/documents/nope", timeout=5)
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_events_filters(served) -> None:
    events = get(served, "/api/events")
    assert [e["type"] for e in events] == ["ACCUSE", "COERCE"]
    accuse = events[0]
    assert accuse["actor"] == "Russie" and accuse["actor_country"] == "RUS" and accuse["trigger"] == "a dénoncé"
    assert accuse["evidence"] == "Moscou a dénoncé mardi les frappes sur Kharkiv."
    assert [e["type"] for e in get(served, "/api/events", type="coerce")] == ["COERCE"]
    assert [e["type"] for e in get(served, "/api/events", country="rus")] == ["ACCUSE"]
    assert [e["type"] for e in get(served, "/api/events", since="2024-06-19")] == ["COERCE"]
    assert [e["type"] for e in get(served, "/api/events", until="2024-06-18")] == ["ACCUSE"]
    assert len(get(served, "/api/events", since="2024-06", until="2024-06")) == 2
    assert get(served, "/api/events", since="2025") == []
    assert len(get(served, "/api/events", limit=1, offset=1)) == 1
    assert httpx.get(served.base + "/api/events", params={"limit": 0}, timeout=5).status_code == 422


def test_quotes_and_stories(served) -> None:
    (quote,) = get(served, "/api/quotes", speaker="poutine")
    assert quote["speaker"] == "Vladimir Poutine" and quote["content"] == "Nous ne céderons pas"
    assert quote["speaker_wikidata"] == "Q7747"
    assert get(served, "/api/quotes", speaker="Macron") == []
    assert get(served, "/api/stories") == []


def test_stream_sends_documents_as_they_are_stored(served) -> None:
    with httpx.Client(timeout=5) as client, client.stream("GET", served.base + "/api/stream") as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = response.iter_lines()
        assert next(lines) == "retry: 3000"
        new = Document.from_text("Le maire de Belfort a inauguré la médiathèque.", lang="fr", title="Médiathèque")
        served.store.write([Annotation(new)])
        data = None
        for line in lines:
            if line.startswith("data: "):
                data = json.loads(line.removeprefix("data: "))
                break
    assert data is not None and data["id"] == new.id and data["title"] == "Médiathèque"


def test_static_files(served) -> None:
    page = httpx.get(served.base + "/", timeout=5)
    assert page.status_code == 200 and "<title>veille" in page.text
    assert httpx.get(served.base + "/static/app.js", timeout=5).headers["content-type"].startswith("text/javascript")
    assert httpx.get(served.base + "/static/../api.py", timeout=5).status_code == 404
    assert httpx.get(served.base + "/static/nothing.js", timeout=5).status_code == 404
