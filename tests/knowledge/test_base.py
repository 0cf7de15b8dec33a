import pytest

from veille.cli import main
from veille.knowledge import kb_sizes, load_kb


def test_kb_loads_once_per_process() -> None:
    assert load_kb() is load_kb()


def test_sizes_by_kind() -> None:
    sizes = load_kb().sizes()
    assert sizes == kb_sizes(load_kb().data)
    assert sizes["countries"] >= 249
    assert sizes["intergovernmental bodies"] >= 20
    assert sizes["agencies and media"] >= 8
    assert sizes["persons"] >= 100
    assert sizes["cities and places"] >= 1000
    assert sizes["Wikidata ids"] == len(load_kb().wikidata_ids())


def test_kb_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb"]) == 0
    assert "countries" in capsys.readouterr().out
    assert main(["kb", "Moscou", "Zzyzxqw"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t")[3] == "RUS"
    assert "not in the knowledge base" in out[1]
