"""Quotation marks paired in a text: « », “ ”, ‘ ’ and straight quotes, nested, across paragraphs.

    for mark in find_marks(text):
        text[mark.content[0]:mark.content[1]]   # the quoted words, without the marks

Unbalanced marks are not guessed at: a quote left open or closed twice is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteMark", "find_marks"]

PAIRS = {"«": "»", "“": "”", "‘": "’", '"': '"', "„": "“"}
CLOSERS = {"»", "”", "’"}


@dataclass(slots=True, frozen=True)
class QuoteMark:
    """A quoted stretch: ``open``/``close`` are the indices of its marks, ``content`` what lies between."""

    open: int
    close: int
    content: tuple[int, int]
    depth: int


def _content(text: str, open_: int, close: int) -> tuple[int, int]:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1  # '"We will sign," said X': the comma belongs to the sentence around the quote
    return (start, end)


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _opens_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def find_marks(text: str) -> list[QuoteMark]:
    """Every balanced quotation in ``text``, outer ones first within each position, sorted by opening."""
    stack: list[tuple[str, int]] = []
    found: list[QuoteMark] = []
    straight_ok = text.count('"') % 2 == 0  # an odd count cannot be paired without guessing
    for i, ch in enumerate(text):
        if ch == '"':
            if not straight_ok:
                continue
            if stack and stack[-1][0] == '"':
                _, start = stack.pop()
                found.append(QuoteMark(start, i, _content(text, start, i), len(stack)))
            else:
                stack.append((ch, i))
        elif ch == "‘" or ch == "’":
            if ch == "’" and stack and stack[-1][0] == "‘" and not _is_apostrophe(text, i):
                _, start = stack.pop()
                found.append(QuoteMark(start, i, _content(text, start, i), len(stack)))
            elif ch == "‘" and not _is_apostrophe(text, i):
                stack.append((ch, i))
        elif ch in PAIRS and not (ch == "“" and stack and stack[-1][0] == "„"):
            # French style repeats « at the head of each paragraph of a quote running on
            if ch == "«" and stack and stack[-1][0] == "«" and _opens_paragraph(text, i):
                continue
            stack.append((ch, i))
        elif ch in CLOSERS or ch == "“":
            opener = next((k for k, (o, _) in enumerate(reversed(stack)) if PAIRS[o] == ch), None)
            if opener is None:
                continue  # a stray closing mark: ignore it rather than pair it with a guess
            depth = len(stack) - 1 - opener
            # marks opened inside and never closed are unbalanced: drop them
            del stack[depth + 1:]
            _, start = stack.pop()
            found.append(QuoteMark(start, i, _content(text, start, i), depth))
    found.sort(key=lambda m: (m.open, m.depth))
    return found
