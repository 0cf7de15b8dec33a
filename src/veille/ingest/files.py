"""Reading local files and folders into Documents: ``.txt``, ``.jsonl`` (FORMAT.md fields), ``.html``.

    for document in read_paths(["examples/"]):
        ...

A file or line that cannot be read becomes a failed Document with the stage ``read`` and the
reason, so it is recorded and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from veille.errors import EmptyInput, InputError, UnreadableInput
from veille.ingest.decode import decode_text
from veille.ingest.pages import read_page
from veille.records import Document
from veille.settings import get_settings

__all__ = ["READERS", "read_file", "read_paths"]

STAGE = "read"


def _read_bytes(path: Path) -> bytes:
    limit = get_settings().max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnreadableInput(f"file of {size} bytes is over the limit of {limit} (VEILLE_MAX_BYTES)")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read file: {exc.strerror or exc}") from exc


def title_of(text: str) -> str | None:
    """A plain text's first line when it is short enough to be a headline."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= 200 else None


def read_text_file(path: Path) -> Iterator[Document]:
    text = decode_text(_read_bytes(path))
    if not text.strip():
        raise EmptyInput("empty file")
    yield Document.from_text(text, source=path.parent.name or None, title=title_of(text), origin=str(path))


def read_html_file(path: Path) -> Iterator[Document]:
    yield read_page(_read_bytes(path), url=None, origin=str(path))


JSONL_FIELDS = ("lang", "published", "source", "url", "title", "author")


def read_jsonl_file(path: Path) -> Iterator[Document]:
    text = decode_text(_read_bytes(path))
    seen_any = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        origin = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document.failed(origin, STAGE, f"invalid JSON on line {number}: {exc.msg}", raw_text=line)
            continue
        if not isinstance(item, dict):
            yield Document.failed(origin, STAGE, f"line {number} is not a JSON object", raw_text=line)
            continue
        body = item.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Document.failed(origin, STAGE, f"line {number} has no text", raw_text=line)
            continue
        fields = {key: item[key] for key in JSONL_FIELDS if isinstance(item.get(key), str)}
        fields.setdefault("title", title_of(body))
        meta = {"external_id": str(item["id"])} if item.get("id") is not None else {}
        yield Document.from_text(body, origin=origin, meta=meta, **fields)
    if not seen_any:
        raise EmptyInput("empty file")


READERS: dict[str, Callable[[Path], Iterator[Document]]] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
}


def read_file(path: Path) -> Iterator[Document]:
    """Documents of one file; failures come out as failed Documents, never as exceptions."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield Document.failed(str(path), STAGE, f"unsupported file type {path.suffix or '(none)'!r}; "
                                                f"expected one of {', '.join(sorted(READERS))}")
        return
    try:
        yield from reader(path)
    except InputError as exc:
        yield Document.failed(str(path), STAGE, str(exc))


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in READERS:
                yield child
    else:
        yield path


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Documents of files and folders (recursively, sorted); missing paths become failed Documents."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Document.failed(str(path), STAGE, "no such file or folder")
            continue
        for file in _walk(path):
            yield from read_file(file)


