from __future__ import annotations

import pytest

from veille.clean.language import detect_language


@pytest.mark.parametrize("text, lang", [
    ("Le président russe est arrivé mardi à Pyongyang pour une visite d'État.", "fr"),
    ("The Russian president arrived in Pyongyang on Tuesday for a state visit.", "en"),
    ("Der russische Präsident ist am Dienstag in Pjöngjang angekommen.", "de"),
])
def test_detect_language(text: str, lang: str) -> None:
    code, confidence = detect_language(text)
    assert code == lang
    assert 0.5 < confidence <= 1.0


def test_no_words_no_language() -> None:
    assert detect_language("12 345 -- 678") == (None, 0.0)
