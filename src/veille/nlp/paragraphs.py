"""Parsing a text paragraph by paragraph, into one Doc with the text's exact characters and offsets.

The statistical parser reads a line break as whitespace, so it sometimes runs a paragraph's last sentence
into the next paragraph ("… du RPR.\\nL'opposition déposera …" with "RPR." read as an abbreviation), and a
subject of one paragraph becomes an object of the other. Each paragraph is parsed as its own text; the
parts are joined again with ``Doc.from_docs``, so offsets into the original text stay valid.

    docs = parse_texts(nlp, ["Titre\\n\\nPremier paragraphe.\\nSecond."])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["paragraphs", "parse_texts"]

# a blank line, or a line break after a finished sentence, ends a paragraph; the break stays with the paragraph
_BREAK = re.compile(r"(?:(?<=[.!?…»\"”])[ \t]*\n|\n[ \t]*\n)\s*")


def paragraphs(text: str) -> list[str]:
    """``text`` cut after each paragraph break; the parts join back into ``text``."""
    parts, start = [], 0
    for match in _BREAK.finditer(text):
        if match.end() < len(text) and text[start:match.end()].strip():
            parts.append(text[start:match.end()])
            start = match.end()
    parts.append(text[start:])
    return parts


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """One Doc per text, each paragraph parsed alone."""
    texts = list(texts)
    pieces = [paragraphs(text) for text in texts]
    flat = (part for parts in pieces for part in parts)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for parts in pieces:
        chunk = [next(docs) for _ in parts]
        yield chunk[0] if len(chunk) == 1 else Doc.from_docs(chunk, ensure_whitespace=False)
