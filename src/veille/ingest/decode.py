"""Bytes to text: BOMs, UTF-8, then a detected encoding; binary content is refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from veille.errors import DecodeError, UnreadableInput

__all__ = ["decode_text", "looks_binary"]

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# magic numbers of common binary formats met where text was expected
MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh", b"RIFF")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: known binary magic, NUL bytes, or mostly control bytes."""
    head = data[:8192]
    if any(head.startswith(magic) for magic in MAGIC):
        return True
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes; raises UnreadableInput for binary data and DecodeError when no encoding fits."""
    if looks_binary(data):
        raise UnreadableInput("binary content, not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declared encoding: fall through to detection
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not text in any encoding tried (utf-8, declared, detected)")
    return str(best)
