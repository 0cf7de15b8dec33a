"""Shared fixtures: the spaCy pipelines (loaded once), the shared evaluation data, stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from veille.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The shared gold files (``../shared/eval``), or a skip when they are not beside the checkout."""
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/eval is not present")
    return SHARED_EVAL


@pytest.fixture(scope="session")
def fr_nlp():
    from veille.nlp import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def en_nlp():
    from veille.nlp import load_pipeline

    return load_pipeline("en")


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Set VEILLE_* variables for one test: ``settings_env.setenv("VEILLE_MAX_BYTES", "10")``."""
    get_settings.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'veille.db'}"


def postgres_url() -> str | None:
    return os.environ.get("VEILLE_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[str]:
    """A fresh, empty database: SQLite in a temporary folder, and PostgreSQL when a server is given."""
    if request.param == "sqlite":
        yield sqlite_url
        return
    url = postgres_url()
    if not url:
        if os.environ.get("VEILLE_REQUIRE_POSTGRES"):
            pytest.fail("VEILLE_REQUIRE_POSTGRES is set but VEILLE_TEST_POSTGRES_URL is not")
        pytest.skip("no PostgreSQL server: set VEILLE_TEST_POSTGRES_URL (.ci/run starts one)")
    from sqlalchemy import create_engine

    from veille.store.schema import metadata

    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    yield url
    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
