"""Reading files: every kind of bad input becomes a failed Document with stage and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.ingest.files import read_paths


def read_one(path: Path):
    docs = list(read_paths([path]))
    assert len(docs) == 1
    return docs[0]


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Un titre\nLe maire a inauguré la nouvelle école mardi.", "utf-8")
    doc = read_one(path)
    assert doc.status == "ok"
    assert doc.title == "Un titre"
    assert doc.text == doc.raw_text
    assert doc.origin == str(path)


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le député a évoqué la sécurité à l'école élémentaire, été comme hiver.".encode("latin-1"))
    doc = read_one(path)
    assert doc.status == "ok"
    assert "député" in doc.text and "sécurité" in doc.text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Le préfet a reçu les élus.".encode("utf-16"))
    assert read_one(path).text == "Le préfet a reçu les élus."


@pytest.mark.parametrize("name, content, reason", [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("nul.txt", b"abc\x00\x00\x00def" * 20, "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("empty.jsonl", b"\n\n", "empty"),
    ("image.html", b"GIF89a\x01\x00\x01\x00\x00\x00\x00", "binary"),
    ("plain.html", b"no markup at all here", "not HTML"),
    ("data.pdf", b"%PDF-1.4", "unsupported file type"),
])
def test_bad_files_fail_at_read_with_a_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    doc = read_one(path)
    assert doc.status == "failed"
    assert doc.stage == "read"
    assert reason in doc.reason


def test_missing_path(tmp_path: Path) -> None:
    doc = read_one(tmp_path / "nowhere.txt")
    assert (doc.status, doc.stage, doc.reason) == ("failed", "read", "no such file or folder")


def test_file_over_the_size_limit(tmp_path: Path, settings_env) -> None:
    settings_env.setenv("VEILLE_MAX_BYTES", "100")
    path = tmp_path / "big.txt"
    path.write_text("mot " * 100, "utf-8")
    doc = read_one(path)
    assert doc.status == "failed" and "over the limit" in doc.reason


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", "utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    # tests may run as root, who reads any file: refuse the read the way the OS would
    monkeypatch.setattr(Path, "read_bytes", refuse)
    doc = read_one(path)
    assert doc.status == "failed" and doc.reason == "cannot read file: Permission denied"


def test_jsonl_lines_good_and_bad(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Le maire a inauguré l'école.", "lang": "fr", "published": "2024-06-18",
                    "source": "Le Quotidien"}),
        "{not json",
        json.dumps({"id": "x2", "title": "sans texte"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "The mayor opened the school.", "lang": "en"}),
    ]
    path.write_text("\n".join(lines), "utf-8")
    docs = list(read_paths([path]))
    assert [d.status for d in docs] == ["ok", "failed", "failed", "failed", "ok"]
    assert docs[0].published == "2024-06-18" and docs[0].source == "Le Quotidien" and docs[0].lang == "fr"
    assert docs[0].meta["external_id"] == "x1"
    assert "invalid JSON on line 2" in docs[1].reason
    assert "line 3 has no text" in docs[2].reason
    assert docs[1].origin.endswith("docs.jsonl:2")


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Titre</title><meta property='article:published_time' content='2024-06-18'></head>"
        "<body><nav>Accueil | Monde</nav><article><h1>Le conseil adopte le budget</h1>"
        "<p>Le conseil municipal a adopté mardi soir le budget de la commune après trois heures de débat.</p>"
        "<p>L'opposition a voté contre, estimant que les investissements prévus étaient insuffisants.</p>"
        "</article></body></html>", "utf-8")
    doc = read_one(path)
    assert doc.status == "ok"
    assert "budget de la commune" in doc.text
    assert "Accueil" not in doc.text
    assert doc.published == "2024-06-18"


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("deux", "utf-8")
    (tmp_path / "1.txt").write_text("un", "utf-8")
    (tmp_path / ".hidden.txt").write_text("caché", "utf-8")
    (tmp_path / "notes.md").write_text("ignored in folders", "utf-8")
    assert [d.text for d in read_paths([tmp_path])] == ["un", "deux"]
