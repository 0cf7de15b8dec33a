"""Spans as FORMAT.md writes them (``[start, end]``), read into tuples and compared."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veille.errors import FormatError

__all__ = ["overlap", "span_of"]


def span_of(value: Any, what: str = "span") -> tuple[int, int]:
    """A ``(start, end)`` tuple from a two-item list; FormatError otherwise."""
    if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != 2:
        raise FormatError(f"{what} is not a [start, end] pair: {value!r}")
    start, end = value
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise FormatError(f"{what} is not a pair of integers: {value!r}")
    return (start, end)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """The number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
