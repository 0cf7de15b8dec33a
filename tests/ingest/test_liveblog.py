from __future__ import annotations

import json

import pytest

from veille.errors import FormatError
from veille.ingest.liveblog import find_updates, is_liveblog, read_liveblog, update_key

URL = "https://direct.example/valmorie-sommet"


def live_page(updates: list[tuple[str, str, str, str]], broken: bool = False) -> str:
    blocks = "".join(
        f'<article class="post" id="{anchor}"><time datetime="{when}">{when[11:16]}</time>'
        f"<h3>{title}</h3><p>{body}{'</span> & <b>' if broken else '</p>'}</article>"
        for anchor, when, title, body in updates
    )
    return (
        "<html><head><title>Sommet de Castelbrune, en direct</title>"
        '<meta property="og:description" content="Suivez le sommet régional minute par minute."></head>'
        '<body><div class="cookies">En poursuivant votre navigation, vous acceptez les cookies.</div>'
        '<header><h1>Sommet de Castelbrune, en direct</h1><time datetime="2025-03-04T08:00:00+01:00">'
        "4 mars</time><span>Mise à jour automatique</span></header>"
        f'<main><div class="live-feed">{blocks}</div></main><footer>Tous droits réservés</footer>'
        + ("" if broken else "</body></html>")
    )


UPDATES = [
    ("post-3", "2025-03-04T11:20:00+01:00", "Déclaration commune",
     "Les deux délégations ont signé une déclaration commune sur la gestion du fleuve."),
    ("post-2", "2025-03-04T10:05:00+01:00", "Arrivée du ministre",
     "Le ministre valmorien des Affaires étrangères est arrivé au palais des congrès."),
    ("post-1", "2025-03-04T09:15:00+01:00", "Ouverture",
     "La séance d'ouverture a commencé avec vingt minutes de retard."),
]


def test_one_document_per_update_linked_to_the_page() -> None:
    docs = read_liveblog(live_page(UPDATES), URL, source="Direct Exemple")
    page, updates = docs[0], docs[1:]
    assert page.meta["liveblog"] is True and page.title == "Sommet de Castelbrune, en direct"
    assert "minute par minute" in page.text
    assert [d.published for d in updates] == [u[1] for u in UPDATES]
    assert [d.title for d in updates] == [u[2] for u in UPDATES]
    assert all(d.parent_id == page.id for d in updates)
    assert updates[0].text == "Déclaration commune\nLes deux délégations ont signé une déclaration commune sur la " \
                              "gestion du fleuve."
    assert updates[0].url == URL + "#" + UPDATES[0][0] or updates[0].url.startswith(URL + "#")
    assert all("cookies" not in d.text and "11:20" not in d.text for d in updates)
    assert {d.source for d in docs} == {"Direct Exemple"}


def test_polling_again_adds_only_new_updates() -> None:
    first = read_liveblog(live_page(UPDATES), URL)
    seen = [update_key(d) for d in first]
    newer = ("post-4", "2025-03-04T12:02:00+01:00", "Conférence de presse",
             "Une conférence de presse commune est annoncée pour le début d'après-midi.")
    second = read_liveblog(live_page([newer, *UPDATES]), URL, seen=seen)
    assert [d.title for d in second] == ["Conférence de presse"]
    assert second[0].parent_id == first[0].id
    assert read_liveblog(live_page([newer, *UPDATES]), URL, seen=[*seen, update_key(second[0])]) == []


def test_ids_are_stable_across_polls() -> None:
    a = read_liveblog(live_page(UPDATES), URL)
    b = read_liveblog(live_page(UPDATES), URL)
    assert [d.id for d in a] == [d.id for d in b]


def test_jsonld_live_blog_posting() -> None:
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Crue du fleuve, en direct",
            "coverageStartTime": "2025-05-02T06:00:00Z",
            "liveBlogUpdate": [
                {"@type": "BlogPosting", "headline": "Évacuations", "datePublished": "2025-05-02T07:40:00Z",
                 "url": "https://crue.example/direct#u2",
                 "articleBody": "<p>Trois villages de la vallée ont été évacués dans la nuit.</p>"},
                {"@type": "BlogPosting", "headline": "Alerte", "datePublished": "2025-05-02T06:10:00Z",
                 "url": "https://crue.example/direct#u1",
                 "articleBody": "La préfecture a relevé le niveau d'alerte à l'orange."},
            ]}
    html = (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
            "<body><h1>Crue du fleuve</h1><p>Le direct.</p></body></html>")
    updates = find_updates(html)
    assert [(u.time, u.title, u.text) for u in updates] == [
        ("2025-05-02T07:40:00+00:00", "Évacuations", "Trois villages de la vallée ont été évacués dans la nuit."),
        ("2025-05-02T06:10:00+00:00", "Alerte", "La préfecture a relevé le niveau d'alerte à l'orange."),
    ]
    docs = read_liveblog(html, "https://crue.example/direct")
    assert docs[1].url == "https://crue.example/direct#u2"


def test_clock_times_at_block_starts_use_the_page_date() -> None:
    html = ('<html><head><meta property="article:published_time" content="2025-06-18T07:00:00+02:00">'
            "<title>Visite d'État, le direct</title></head><body><h1>Visite d'État</h1><div id='live'>"
            "<p>14h32 - Le cortège présidentiel est arrivé sur la place centrale.</p>"
            "<p>13h05 - Les deux dirigeants déjeunent au palais, selon la présidence.</p>"
            "<p>Un paragraphe sans heure qui n'est pas une mise à jour.</p>"
            "<p>09:50 Départ de la délégation de l'aéroport militaire.</p></div></body></html>")
    updates = find_updates(html, "https://visite.example/direct")
    assert [(u.time, u.text[:20]) for u in updates] == [
        ("2025-06-18T14:32:00", "Le cortège président"),
        ("2025-06-18T13:05:00", "Les deux dirigeants "),
        ("2025-06-18T09:50:00", "Départ de la délégat"),
    ]


def test_an_ordinary_article_is_not_a_live_blog() -> None:
    html = ("<html><body><article><h1>Budget voté</h1><time datetime='2025-01-09'>9 janvier</time>"
            "<p>Le conseil a voté le budget. Il entre en vigueur en mars.</p></article></body></html>")
    assert not is_liveblog(html)
    assert read_liveblog(html, "https://journal.example/budget") == []


def test_broken_html_still_yields_updates() -> None:
    docs = read_liveblog(live_page(UPDATES, broken=True), URL)
    assert len(docs) == 4
    assert "déclaration commune" in docs[1].text


@pytest.mark.parametrize("html", ["", "   ", "du texte sans balise"])
def test_not_html_is_a_format_error(html: str) -> None:
    with pytest.raises(FormatError):
        find_updates(html)
    assert not is_liveblog(html)
