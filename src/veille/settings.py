"""One table of settings over the packaged defaults file (``settings.toml``).

    from veille.settings import get_settings
    get_settings().batch_size

Each setting can be overridden by an environment variable ``VEILLE_<NAME>``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.resources import files
from typing import Any

import tomllib

from veille.errors import ConfigError

__all__ = ["Settings", "describe", "get_settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    batch_size: int
    max_bytes: int
    max_chars: int
    repeated_line_docs: int
    repeated_line_max_chars: int
    languages: str
    spacy_models: str
    fetch_timeout: float
    fetch_retries: int
    politeness_delay: float
    allow_private: bool
    user_agent: str

    @property
    def annotated_languages(self) -> tuple[str, ...]:
        return tuple(lang.strip() for lang in self.languages.split(",") if lang.strip())

    @property
    def models(self) -> dict[str, str]:
        """The spaCy package chosen per language (``fr=fr_core_news_sm,en=en_core_web_sm``)."""
        chosen = {}
        for item in self.spacy_models.split(","):
            lang, sep, name = item.partition("=")
            if item.strip() and not (sep and lang.strip() and name.strip()):
                raise ConfigError(f"spacy_models: {item.strip()!r} is not LANG=PACKAGE")
            if sep:
                chosen[lang.strip()] = name.strip()
        return chosen


def _defaults() -> dict[str, Any]:
    return tomllib.loads(files("veille").joinpath("settings.toml").read_text("utf-8"))["settings"]


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        return type(default)(raw)
    except ValueError as exc:
        raise ConfigError(f"VEILLE_{name.upper()}={raw!r} is not a valid {type(default).__name__}") from exc


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, from the defaults file's comments."""
    text = files("veille").joinpath("settings.toml").read_text("utf-8")
    defaults = _defaults()
    helps = {}
    for line in text.splitlines():
        name, sep, rest = line.partition("=")
        if sep and name.strip() in defaults:
            helps[name.strip()] = rest.partition("#")[2].strip()
    return [(name, value, helps.get(name, "")) for name, value in defaults.items()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings: packaged defaults, overridden by ``VEILLE_*`` environment variables."""
    values = _defaults()
    names = {f.name for f in fields(Settings)}
    for name in names:
        raw = os.environ.get(f"VEILLE_{name.upper()}")
        if raw is not None:
            values[name] = _coerce(name, raw, values[name])
    return Settings(**{name: values[name] for name in names})
