"""A local HTTP server on 127.0.0.1 that each test fills with its own routes."""

from __future__ import annotations

import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class LocalServer:
    """Routes by path; a route is a fixed answer or a function of the request handler."""

    base: str = ""
    routes: dict[str, Handler] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    request_headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, status: int = 200,
            content_type: str | None = "text/html; charset=utf-8", headers: dict[str, str] | None = None) -> str:
        """Serve a fixed answer at ``path``; returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body

        def answer(h: BaseHTTPRequestHandler) -> None:
            h.send_response(status)
            if content_type:
                h.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                h.send_header(name, value)
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)

        self.routes[path] = answer
        return self.url(path)

    def handle(self, path: str, handler: Handler) -> str:
        """Serve ``path`` with a function of the request handler; returns its URL."""
        self.routes[path] = handler
        return self.url(path)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # a client that drops a kept-alive connection is ordinary here
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _handler_class(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class RequestHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.hits[self.path] += 1
            server.request_headers.setdefault(self.path, []).append({k.lower(): v for k, v in self.headers.items()})
            route = server.routes.get(self.path)
            try:
                if route is None:
                    body = b"not found"
                    self.send_response(404)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    return RequestHandler


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A threaded HTTP server on a free port of 127.0.0.1, stopped after the test."""
    local = LocalServer()
    httpd = QuietServer(("127.0.0.1", 0), _handler_class(local))
    local.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        local.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
