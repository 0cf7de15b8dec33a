"""Duckling's French corpus: its answers written as TIMEX3 values, and the score over the shared file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.evaluate.duckling import accepted_values, mod_fits, score_duckling, score_duckling_with

REF = "2013-02-12T04:30"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "duckling-fr-time.json"


def test_instants_at_their_grain() -> None:
    assert accepted_values({"type": "instant", "value": [2013, 2, 11, 0, 0, 0], "grain": "Day"}, REF) == {
        "2013-02-11"}
    assert accepted_values({"type": "instant", "value": [2013, 2, 11, 0, 0, 0], "grain": "Week"}, REF) == {
        "2013-W07"}
    assert accepted_values({"type": "instant", "value": [2012, 0, 0, 0, 0, 0], "grain": "Year"}, REF) == {"2012"}
    assert "2013-02-12T15:00" in accepted_values(
        {"type": "instant", "value": [2013, 2, 12, 15, 0, 0], "grain": "Minute"}, REF)


def test_intervals_as_season_part_of_day_or_duration() -> None:
    summer = {"type": "interval", "start": [2013, 6, 21, 0, 0, 0], "end": [2013, 9, 24, 0, 0, 0], "grain": "Day"}
    assert "2013-SU" in accepted_values(summer, REF)
    evening = {"type": "interval", "start": [2013, 12, 24, 18, 0, 0], "end": [2013, 12, 25, 0, 0, 0],
               "grain": "Hour"}
    assert "2013-12-24TEV" in accepted_values(evening, REF)
    weeks = {"type": "interval", "start": [2013, 1, 28, 0, 0, 0], "end": [2013, 2, 11, 0, 0, 0], "grain": "Week"}
    assert "P2W" in accepted_values(weeks, REF)


def test_score_counts_right_values_and_negatives(tmp_path: Path) -> None:
    corpus = {"reference_time": "2013-02-12T04:30:00-02:00 (Tuesday)", "negative_examples": ["deux trois"],
              "examples": [{"type": "instant", "value": [2013, 2, 11, 0, 0, 0], "grain": "Day",
                            "texts": ["hier", "la semaine"]}]}
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(corpus), encoding="utf-8")
    report = score_duckling(path)
    section = report.section("duckling")
    assert (section.accuracy("value").score.correct, section.accuracy("value").score.total) == (1, 2)
    always = score_duckling_with(path, lambda text, anchor: [{"value": "2013-02-11"}])
    assert always.section("duckling").row("found").score.fp == 1


@pytest.mark.skipif(not CORPUS.exists(), reason="shared Duckling corpus absent")
def test_shared_corpus_scores() -> None:
    acc = score_duckling(CORPUS).section("duckling").accuracy("value").score
    assert acc.total == 467
    assert acc.accuracy > 0.5


def test_mods_weekends_and_next_units() -> None:
    end_of_march = {"type": "interval", "start": [2013, 3, 21, 0, 0, 0], "end": [2013, 4, 1, 0, 0, 0],
                    "grain": "Day"}
    assert mod_fits(end_of_march, "2013-03", "END")
    assert not mod_fits(end_of_march, "2013-03", "START") and not mod_fits(end_of_march, "2013-04", "END")
    weekend = {"type": "interval", "start": [2013, 2, 15, 18, 0, 0], "end": [2013, 2, 18, 0, 0, 0],
               "grain": "Hour"}
    assert "2013-W07-WE" in accepted_values(weekend, REF)
    next_days = {"type": "interval", "start": [2013, 2, 13, 0, 0, 0], "end": [2013, 2, 16, 0, 0, 0],
                 "grain": "Day"}
    assert "P3D" in accepted_values(next_days, REF)
