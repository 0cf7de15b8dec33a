from __future__ import annotations

import pytest

from veille.ingest.outlets import find_outlet, mark_outlet, outlets, site_domain
from veille.records import Document


@pytest.mark.parametrize(("url", "name", "state"), [
    ("https://www.lemonde.fr/international/article/2024/06/19/x.html", "Le Monde", False),
    ("https://tass.com/politics/1", "TASS", True),
    ("https://francais.rt.com/international/1", "RT", True),
    ("http://www.kcna.kp/fr/article/q/abc.kcmsf", "Korean Central News Agency", True),
    ("https://www.bbc.co.uk/news/world-1", "BBC", False),
    ("https://french.news.cn/20240619/x/c.html", "Xinhua", True),
    ("https://m.france24.com/fr/asie-pacifique/x", "France 24", False),
])
def test_outlet_from_url(url: str, name: str, state: bool) -> None:
    outlet = find_outlet(url)
    assert outlet is not None and outlet.known
    assert (outlet.name, outlet.state_affiliated) == (name, state)


def test_unlisted_site_falls_back_to_metadata_then_domain() -> None:
    outlet = find_outlet("https://actu.journal-local.example.com/a/1", site_name="Le Journal local")
    assert outlet is not None and not outlet.known
    assert (outlet.name, outlet.domain) == ("Le Journal local", "example.com")
    assert find_outlet("https://news.petit-site.co.uk/x").name == "petit-site.co.uk"
    assert find_outlet("https://cache.example.net/x", site_name="Global Times").state_affiliated


def test_no_url_no_outlet() -> None:
    assert find_outlet(None) is None
    assert find_outlet("not a url at all") is None


def test_mark_outlet_sets_source_and_meta() -> None:
    doc = Document.from_text("Texte.", url="https://www.ria.ru/20240619/x.html", source="ria.ru")
    mark_outlet(doc)
    assert doc.source == "RIA Novosti"
    assert doc.meta["outlet"]["state_affiliated"] is True
    assert doc.meta["outlet"]["country"] == "RUS"


def test_data_file_is_well_formed() -> None:
    table = outlets()
    assert len(table) > 50
    for domain, outlet in table.items():
        assert domain == domain.lower() and "." in domain and " " not in domain
        assert outlet.country is None or (len(outlet.country) == 3 and outlet.country.isupper())
        if outlet.state_affiliated:
            assert outlet.basis, f"{domain} is marked state-affiliated without a basis"
    assert site_domain("https://127.0.0.1:8000/x") == "127.0.0.1"
