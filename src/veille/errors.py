"""One exception tree for veille.

    VeilleError
    ├── ConfigError            a setting or option is wrong
    ├── ModelMissing           a spaCy model or optional package is not installed
    ├── InputError             a document or file cannot be read
    │   ├── UnreadableInput    missing, a directory, permission denied, binary
    │   ├── DecodeError        bytes that are not text in any encoding we try
    │   ├── EmptyInput         nothing left once cleaned
    │   └── FormatError        malformed JSONL, feed or archive record
    ├── FetchError             a URL could not be fetched (status, timeout, size, refused address)
    ├── ExtractError           an extractor failed on a document
    └── StoreError             the database refused a write or a read
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodeError",
    "EmptyInput",
    "ExtractError",
    "FetchError",
    "FormatError",
    "InputError",
    "ModelMissing",
    "StoreError",
    "UnreadableInput",
    "VeilleError",
]


class VeilleError(Exception):
    """Base of every error veille raises on purpose."""


class ConfigError(VeilleError):
    pass


class ModelMissing(VeilleError, ImportError):
    pass


class InputError(VeilleError):
    pass


class UnreadableInput(InputError):
    pass


class DecodeError(InputError):
    pass


class EmptyInput(InputError):
    pass


class FormatError(InputError):
    pass


class FetchError(VeilleError):
    pass


class ExtractError(VeilleError):
    pass


class StoreError(VeilleError):
    pass
