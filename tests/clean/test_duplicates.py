from __future__ import annotations

from veille.clean.duplicates import DuplicateFinder, normalize, shingles
from veille.records import Document

WIRE = (
    "Le ministre des Transports de la République de Valmorie a annoncé mardi la fermeture provisoire du port "
    "de Castelbrune après l'échouage d'un cargo chargé de céréales à l'entrée du chenal principal. Les autorités "
    "portuaires estiment que les opérations de remorquage dureront au moins trois jours, le temps de décharger "
    "une partie de la cargaison sur des barges. Aucun blessé n'est à déplorer parmi les vingt membres d'équipage, "
    "selon un communiqué de la capitainerie publié dans la matinée. Les exportations de blé de la région, qui "
    "transitent à plus de moitié par ce port, pourraient être retardées d'une semaine, a prévenu la chambre de "
    "commerce locale."
)
OTHER = (
    "La fédération de football de Valmorie a désigné lundi un nouvel entraîneur pour l'équipe nationale, un "
    "ancien milieu de terrain qui a passé dix saisons dans le championnat voisin. Il succède à un technicien "
    "limogé après trois défaites consécutives en phase qualificative. Le nouveau sélectionneur dirigera son "
    "premier match amical le mois prochain contre une sélection régionale, a précisé la fédération dans un "
    "communiqué, sans donner la durée de son contrat ni son salaire."
)


def doc(text: str, source: str, url: str) -> Document:
    return Document.from_text(text, source=source, url=url)


def test_reprints_of_a_wire_story_are_grouped() -> None:
    finder = DuplicateFinder()
    first = doc(WIRE + " (AFP)", "Le Quotidien du Port", "https://quotidien.example/a")
    reprint = doc("PORTS. " + WIRE.replace("mardi", "ce mardi") + " Lire aussi notre dossier.",
                  "La Gazette", "https://gazette.example/b")
    unrelated = doc(OTHER, "La Gazette", "https://gazette.example/c")
    assert finder.check(first) == ("new", first.id)
    assert finder.check(reprint) == ("near", first.id)
    assert finder.check(unrelated) == ("new", unrelated.id)
    copies = finder.reach(first.id)
    assert [(c.source, c.url, c.kind) for c in copies] == [
        ("Le Quotidien du Port", "https://quotidien.example/a", "new"),
        ("La Gazette", "https://gazette.example/b", "near"),
    ]
    assert finder.outlets(first.id) == ["Le Quotidien du Port", "La Gazette"]


def test_exact_duplicates_ignore_case_and_spacing() -> None:
    finder = DuplicateFinder()
    original = doc(WIRE, "A", "https://a.example/1")
    copy = doc("  " + WIRE.upper().replace(" ", "\n  "), "B", "https://b.example/2")
    finder.check(original)
    assert finder.check(copy) == ("exact", original.id)
    assert finder.check(original) == ("exact", original.id)  # the same document seen twice
    assert {c.source for c in finder.reach(original.id)} == {"A", "B"}


def test_short_texts_are_only_matched_exactly() -> None:
    finder = DuplicateFinder()
    a = doc("Le port de Castelbrune reste fermé ce mardi soir.", "A", "https://a.example/1")
    b = doc("Le port de Castelbrune reste fermé ce mercredi soir.", "B", "https://b.example/2")
    assert finder.check(a)[0] == "new"
    assert finder.check(b)[0] == "new"


def test_seeded_from_stored_documents_across_runs() -> None:
    stored = doc(WIRE, "Le Quotidien du Port", "https://quotidien.example/a")
    later = DuplicateFinder()
    assert later.seed([(stored.id, stored.text, stored.id, stored.url, stored.source)]) == 1
    reprint = doc(WIRE + " Notre correspondant à Castelbrune.", "La Gazette", "https://gazette.example/b")
    assert later.check(reprint) == ("near", stored.id)
    exact = doc(WIRE, "Le Courrier", "https://courrier.example/c")
    assert later.check(exact) == ("exact", stored.id)
    assert len(later.reach(stored.id)) == 3


def test_normalize_and_shingles() -> None:
    assert normalize("  Le PORT,\n fermé !") == "le port fermé"
    assert shingles("un deux trois", size=5) == {b"un deux trois"}
    assert len(shingles("a b c d e f g", size=5)) == 3
    assert shingles("") == set()


def test_ingest_groups_reprints_and_shows_their_reach(tmp_path, capsys) -> None:
    import json

    from veille.cli import main
    from veille.store import Store

    items = [
        {"text": WIRE + " (AFP)", "source": "Le Quotidien du Port", "url": "https://quotidien.example/a", "lang": "fr"},
        {"text": "PORTS. " + WIRE.replace("mardi", "ce mardi"), "source": "La Gazette",
         "url": "https://gazette.example/b", "lang": "fr"},
        {"text": WIRE + " (AFP)", "source": "Le Courrier", "url": "https://courrier.example/c", "lang": "fr"},
        {"text": OTHER, "source": "La Gazette", "url": "https://gazette.example/d", "lang": "fr"},
    ]
    source = tmp_path / "wire.jsonl"
    source.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), "utf-8")
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    assert main(["ingest", str(source), "--db", db, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "3 stored, 1 duplicates skipped" in out and "near-duplicates grouped" in out

    (story,) = Store(db).stories()
    assert story.copies == 3
    assert story.outlets == ["Le Quotidien du Port", "La Gazette", "Le Courrier"]
    assert main(["show", "--stories", "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "3 copies, 3 outlets" in shown and "https://courrier.example/c" in shown and "(reprint)" in shown
    assert "1 story published more than once" in shown
