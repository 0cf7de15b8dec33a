"""A Doc's text and token offsets, computed once per Doc.

spaCy builds ``doc.text`` anew on every access (a join over all tokens), so code that reads it
per token or per quote mark is quadratic; these keep the first result in ``doc.user_data``.

    text = doc_text(doc)
    tok = token_from(doc, char)      # the first token starting at or after ``char``
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

__all__ = ["doc_text", "token_from", "token_starts", "tokens_after", "tokens_before"]

_TEXT = "veille.text"
_STARTS = "veille.token_starts"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token (``tok.idx``), in order, built once per Doc."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = [t.idx for t in doc]
    return starts


def token_from(doc: Doc, char: int) -> Token | None:
    """The first token whose start is at or after ``char`` (None when there is none)."""
    i = bisect_left(token_starts(doc), char)
    return doc[i] if i < len(doc) else None


def tokens_before(doc: Doc, char: int) -> int:
    """How many tokens start before ``char``: ``doc[:n]`` are those tokens."""
    return bisect_left(token_starts(doc), char)


def tokens_after(doc: Doc, char: int) -> int:
    """The index of the first token starting after ``char``: ``doc[i:]`` are those tokens."""
    return bisect_right(token_starts(doc), char)
