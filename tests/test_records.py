from __future__ import annotations

import json

import pytest

from veille.records import (
    Document,
    Event,
    Location,
    Mention,
    OffsetMap,
    Participant,
    Quote,
    Timex,
    content_id,
    from_format,
    to_format,
)


def test_content_id_depends_on_text_and_source() -> None:
    assert content_id("a") == content_id("a")
    assert content_id("a") != content_id("b")
    assert content_id("a", "x.org") != content_id("a", "y.org")


@pytest.mark.parametrize("offset, raw", [(0, 10), (4, 14), (5, 20), (6, 21), (8, 23)])
def test_offset_map_to_raw(offset: int, raw: int) -> None:
    # clean "abcd\nefgh" made of raw[10:14] and raw[20:24]
    offsets = OffsetMap([(0, 10, 4), (5, 20, 4)])
    assert offsets.to_raw(offset) == raw


def test_offset_map_span_ending_a_segment_stays_in_it() -> None:
    offsets = OffsetMap([(0, 10, 4), (5, 20, 4)])
    assert offsets.raw_span((0, 4)) == (10, 14)
    assert offsets.raw_span((5, 9)) == (20, 24)
    assert OffsetMap.from_json(json.loads(json.dumps(offsets.to_json()))) == offsets


def test_format_round_trip() -> None:
    doc = Document.from_text("Le président russe a dénoncé hier l'OTAN.", id="d1", lang="fr", published="1999-05-19")
    records = [
        Mention("d1", (36, 40), "ORG", "OTAN", "entities", "1", name="OTAN", country="IGO"),
        Timex("d1", (29, 33), "DATE", "1999-05-18", "timexes", "1", how="relative"),
        Quote("d1", (0, 10), "indirect", "quotes", "1", cue=(19, 28), speaker_name="Vladimir Poutine"),
        Event("d1", (21, 28), "ACCUSE", "events", "1", mode="disapprove",
              actor=[Participant("Vladimir Poutine", (3, 18), "RUS", "GOV")],
              recipient=[Participant("OTAN", (36, 40), "IGO", None)], date="1999-05-18", date_how="text",
              location=Location("Moscou", "RUS", 524901)),
    ]
    data = to_format(doc, records)
    assert data["entities"] == [{"span": [36, 40], "label": "ORG", "name": "OTAN", "country": "IGO"}]
    assert data["events"][0]["actor"][0]["country"] == "RUS"
    assert data["coref"] == []
    assert data["timexes"][0]["how"] == "relative" and data["events"][0]["date_how"] == "text"
    back = from_format(json.loads(json.dumps(data)))
    assert to_format(back.document, back.records) == data
