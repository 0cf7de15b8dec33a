"""The HTTP API and the analysts' web page over a store.

    veille serve --db sqlite:///veille.db --port 8000     # then open http://127.0.0.1:8000/

    GET /api/status                       documents and records held
    GET /api/documents?status=&limit=     stored documents (failed ones with their stage and reason)
    GET /api/documents/{id}               one document: its clean text and every record (FORMAT.md)
    GET /api/events?type=&country=&since=&until=&limit=&offset=
                                          events with their codes, participants and evidence sentence
    GET /api/quotes?speaker=&limit=       quotes with their speakers and the quoted words
    GET /api/stories                      stories published more than once, with every copy
    GET /api/stream                       server-sent events: each document as it is stored

The web page (``serve/static/``, plain HTML and JavaScript, no build step) reads the same API.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from importlib.resources import files
from typing import Any

from veille.errors import ModelMissing
from veille.records import Document, Quote, to_format
from veille.serve.export import event_row, evidence_sentence
from veille.store import Store

__all__ = ["create_app", "serve"]

try:
    from fastapi import FastAPI, HTTPException, Query
    from fastapi.responses import FileResponse, StreamingResponse
except ImportError as exc:  # pragma: no cover - the serve extra is not installed
    raise ModelMissing("the web server needs FastAPI: pip install 'veille[serve]'") from exc

STATIC = files("veille.serve").joinpath("static")


def _document_summary(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "status": doc.status, "stage": doc.stage, "reason": doc.reason, "title": doc.title,
            "source": doc.source, "url": doc.url or None, "origin": doc.origin, "published": doc.published,
            "lang": doc.lang, "parent_id": doc.parent_id, "credits": doc.credits}


def _quote_row(doc: Document, quote: Quote) -> dict[str, Any]:
    start, end = quote.span
    speaker = doc.text[quote.speaker[0]:quote.speaker[1]] if quote.speaker else None
    return {"doc_id": doc.id, "published": doc.published, "source": doc.source, "url": doc.url,
            "kind": quote.kind, "content": doc.text[start:end], "speaker": quote.speaker_name or speaker,
            "speaker_text": speaker, "speaker_wikidata": quote.speaker_wikidata,
            "credited_to": doc.text[quote.source[0]:quote.source[1]] if quote.source else None,
            "evidence": evidence_sentence(doc.text, start, end), "start": start, "end": end}


def create_app(store: Store, poll_seconds: float = 1.0) -> FastAPI:
    """The API and web page over ``store``; ``poll_seconds`` paces the stream of new documents."""
    app = FastAPI(title="veille", description="Sourced event data from the news", version="1")

    @app.get("/api/status")
    def status() -> dict[str, Any]:
        return {"documents": store.count(), "failed": store.count(status="failed"), "records": store.record_counts()}

    @app.get("/api/documents")
    def list_documents(status: str | None = Query(None, pattern="^(ok|failed)$"),
                       limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
        return [_document_summary(doc) for doc in store.documents(status=status, limit=limit)]

    @app.get("/api/documents/{doc_id}")
    def get_document(doc_id: str) -> dict[str, Any]:
        annotation = store.annotation(doc_id)
        if annotation is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        doc = annotation.document
        item = to_format(doc, annotation.records) if doc.status == "ok" else {"id": doc.id, "text": doc.text}
        return {**_document_summary(doc), **item}

    @app.get("/api/events")
    def list_events(type: str | None = None, country: str | None = Query(None, min_length=3, max_length=3),
                    since: str | None = None, until: str | None = None,
                    limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        found = store.events(type=type, since=since, until=until, country=country, limit=limit, offset=offset)
        return [event_row(doc, event) for doc, event in found]

    @app.get("/api/quotes")
    def list_quotes(speaker: str | None = None, limit: int = Query(100, ge=1, le=1000),
                    offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return [_quote_row(doc, quote) for doc, quote in store.quotes(speaker=speaker, limit=limit, offset=offset)]

    @app.get("/api/stories")
    def list_stories(limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
        return [{"group_id": s.group_id, "copies": s.copies, "outlets": s.outlets,
                 "documents": [_document_summary(d) for d in s.documents], "reprints": s.reprints}
                for s in store.stories(limit=limit)]

    @app.get("/api/stream")
    async def stream(from_start: bool = False) -> StreamingResponse:
        start = None if from_start else store.last_stored()  # fixed before the client hears the stream is open

        async def documents() -> AsyncIterator[str]:
            cursor = start
            yield "retry: 3000\n\n"
            while True:
                for position, doc in await asyncio.to_thread(store.documents_since, cursor):
                    cursor = position
                    yield f"event: document\ndata: {json.dumps(_document_summary(doc), ensure_ascii=False)}\n\n"
                yield ": waiting\n\n"  # a comment keeps proxies from closing an idle stream
                await asyncio.sleep(poll_seconds)

        return StreamingResponse(documents(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        types = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}
        suffix = name[name.rfind("."):] if "." in name else ""
        path = STATIC.joinpath(name)
        if "/" in name or suffix not in types or not path.is_file():
            raise HTTPException(404, f"no file {name!r}")
        return FileResponse(str(path), media_type=types[suffix])

    return app


def serve(store: Store, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API and web page until interrupted."""
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover
        raise ModelMissing("the web server needs uvicorn: pip install 'veille[serve]'") from exc
    uvicorn.run(create_app(store), host=host, port=port, log_level="info")
