"""The store on SQLite, and on PostgreSQL when a server is given (``.ci/run`` starts one)."""

from __future__ import annotations

import pytest

from veille.errors import ConfigError
from veille.records import (
    Annotation,
    CorefCluster,
    Document,
    Event,
    Location,
    Mention,
    Participant,
    Quote,
    Timex,
)
from veille.store import Store


def sample() -> Annotation:
    doc = Document.from_text("Moscou a dénoncé hier les frappes de l'OTAN. -AFP", lang="fr", published="2024-06-19",
                             source="Exemple", title="Moscou dénonce")
    doc.credits = ["AFP"]
    records = [
        Mention(doc.id, (0, 6), "GPE", "Moscou", "entities", "1", name="Moscou", country="RUS", sector="GOV"),
        CorefCluster(doc.id, [(0, 6), (39, 43)], "coref", "1", name="Russie"),
        Timex(doc.id, (17, 21), "DATE", "2024-06-18", "timexes", "1", how="relative"),
        Quote(doc.id, (22, 43), "indirect", "quotes", "1", cue=(9, 16), speaker=(0, 6), speaker_name="Moscou"),
        Event(doc.id, (9, 16), "ACCUSE", "events", "1", mode="disapprove",
              actor=[Participant("Russie", (0, 6), "RUS", "GOV")], recipient=[Participant("OTAN", (39, 43), "IGO")],
              date="2024-06-18", date_how="relative", location=Location("Moscou", "RUS", 524901, 55.75, 37.62),
              attributed_to=None, cameo="11", quad_class=3, intensity=-2.0),
    ]
    return Annotation(doc, records)


def test_write_and_read_back(store_url: str) -> None:
    store = Store(store_url)
    annotation = sample()
    assert store.write([annotation]) == 1
    back = store.annotation(annotation.document.id)
    assert back is not None
    assert back.document.text == annotation.document.text
    assert back.document.credits == ["AFP"]
    assert back.document.offsets == annotation.document.offsets
    assert sorted(map(repr, back.records)) == sorted(map(repr, annotation.records))
    assert store.record_counts() == {"mentions": 1, "clusters": 1, "timexes": 1, "quotes": 1, "events": 1}
    store.close()


def test_writing_twice_adds_nothing(store_url: str) -> None:
    store = Store(store_url)
    annotation = sample()
    assert store.write([annotation, annotation]) == 1
    assert store.write([annotation]) == 0
    assert store.count() == 1
    assert store.record_counts()["events"] == 1
    store.close()


def test_failed_documents_are_kept_with_stage_and_reason(store_url: str) -> None:
    store = Store(store_url)
    failed = Document.failed("a.bin", "read", "binary content, not text")
    store.write([Annotation(failed)])
    [doc] = store.documents(status="failed")
    assert (doc.origin, doc.stage, doc.reason) == ("a.bin", "read", "binary content, not text")
    store.close()


def test_state(store_url: str) -> None:
    store = Store(store_url)
    assert store.get_state("feed:x") is None
    store.set_state("feed:x", {"etag": "abc"})
    store.set_state("feed:x", {"etag": "def"})
    assert store.get_state("feed:x") == {"etag": "def"}
    store.close()


def test_document_by_unique_prefix(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    annotation = sample()
    store.write([annotation])
    assert store.document(annotation.document.id[:6]).id == annotation.document.id
    assert store.document("zzz") is None


def test_bad_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Store("nosuchdialect://x")


def test_queries_for_the_api(store_url: str) -> None:
    store = Store(store_url)
    assert store.last_stored() is None
    annotation = sample()
    store.write([annotation])
    doc = annotation.document
    ((found_doc, event),) = store.events(type="accuse", country="RUS", since="2024-06", until="2024-06-18")
    assert found_doc.id == doc.id and event.recipient[0].name == "OTAN"
    assert store.events(country="FRA") == [] and store.events(since="2024-06-19") == []
    assert store.events(until="2024-05") == [] and len(store.events(until="2024")) == 1
    ((_, quote),) = store.quotes(speaker="mosc")
    assert quote.speaker_name == "Moscou" and store.quotes(speaker="Paris") == []

    cursor = store.last_stored()
    assert cursor is not None and cursor[1] == doc.id
    assert [d.id for _, d in store.documents_since(None)] == [doc.id]
    assert store.documents_since(cursor) == []
    later = Document.from_text("Le maire a inauguré la médiathèque.", lang="fr")
    store.write([Annotation(later)])
    assert [d.id for _, d in store.documents_since(cursor)] == [later.id]
    store.close()
