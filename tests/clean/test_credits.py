from __future__ import annotations

import pytest

from veille.clean.credits import agencies, find_credits


@pytest.mark.parametrize("line, codes", [
    ("PARIS (AFP) - Le président est arrivé.", ["AFP"]),
    ("qui constituent une menace pour la Corée du Sud et le Japon. -AP", ["AP"]),
    ("Le texte a été adopté (avec Reuters)", ["REUTERS"]),
    ("Les combats ont repris — AFP/Reuters", ["AFP", "REUTERS"]),
    ("Selon l'agence, les négociations continuent.", []),
    ("Le Japon a protesté.", []),
    ("APPLE a publié ses résultats", []),
])
def test_find_credits(line: str, codes: list[str]) -> None:
    assert [c.code for c in find_credits(line)] == codes


def test_state_affiliated_agencies_are_marked() -> None:
    table = agencies()
    assert table["KCNA"].state_affiliated and table["KCNA"].country == "PRK"
    assert not table["AFP"].state_affiliated
