"""The search page: services and pages grouped by kind with counts and a filter, snippets
with the searched words marked, zero-result help, editors' synonyms and promotions, the
type-ahead's JSON and the query reports, which keep no personal data."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission, User
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from concepts.models import ConceptPage
from search.models import SearchSynonym, ZeroResultQuery

from ..utils import make_standard_page
from ..utils.directory import make_service, region


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def kind_counts(response):
    return [link.get_text() for link in html(response).select(".search-kinds__link")]


@pytest.mark.django_db
def test_results_are_grouped_by_kind_with_counts(client):
    response = client.get("/es/buscar/", {"q": "trata"})
    page = html(response)

    headings = [heading.get_text() for heading in page.select(".search-group h2")]
    assert headings[0].startswith("Conceptos (")
    counts = kind_counts(response)
    assert counts[0].startswith("Todas (")
    assert any(count.startswith("Plan y objetivos (") for count in counts)
    total = int(counts[0].split("(")[1].rstrip(")"))
    assert total == sum(int(count.split("(")[1].rstrip(")")) for count in counts[1:])


@pytest.mark.django_db
def test_pages_beyond_the_first_batch_are_found_and_counted(client, monkeypatch):
    # The first batch is one Elasticsearch request; with a batch of two, "trata" (found on
    # many pages) needs the second request, and shows the same results.
    in_one_batch = client.get("/es/buscar/", {"q": "trata"})
    monkeypatch.setattr("search.results.FIRST_BATCH", 2)
    in_two_batches = client.get("/es/buscar/", {"q": "trata"})

    assert int(kind_counts(in_one_batch)[0].split("(")[1].rstrip(")")) > 2
    assert kind_counts(in_two_batches) == kind_counts(in_one_batch)
    titles = [link.get_text() for link in html(in_one_batch).select(".card__link")]
    assert [link.get_text() for link in html(in_two_batches).select(".card__link")] == titles


@pytest.mark.django_db
def test_a_kind_filter_lists_that_kind_only(client):
    make_service(
        "Albergue de prueba en Loreto", types=("albergue",), locations=[{"region": region("16")}]
    )

    response = client.get("/es/buscar/", {"q": "albergue", "kind": "services"})
    page = html(response)

    titles = [link.get_text() for link in page.select(".result-list .card__link")]
    assert titles == [
        "Albergue de prueba en Loreto",
        "Servicio de ejemplo: albergue temporal en Loreto",
    ]
    assert page.select_one('[aria-current="page"]').get_text() == "Servicios (2)"
    assert (
        page.select_one(".result-list .card__link")["href"]
        == "/es/servicios/albergue-de-prueba-en-loreto/"
    )


@pytest.mark.django_db
def test_a_confidential_address_is_never_matched_nor_shown(client):
    make_service(
        "Albergue reservado de prueba",
        types=("albergue",),
        locations=[
            {
                "region": region("16"),
                "is_confidential": True,
                "district": "Zorritos",
                "address_1": "Jirón Marcador 123",
            }
        ],
    )

    for text in ("zorritos", "marcador", "jiron marcador"):
        assert (
            "Albergue reservado de prueba"
            not in client.get("/es/buscar/", {"q": text}).content.decode()
        )
    found = client.get("/es/buscar/", {"q": "albergue reservado"}).content.decode()
    assert "Albergue reservado de prueba" in found
    assert "Marcador" not in found and "Zorritos" not in found


@pytest.mark.django_db
def test_snippets_mark_the_searched_words_in_any_form(client):
    page = html(client.get("/es/buscar/", {"q": "deudas"}))

    marked = [mark.get_text().lower() for mark in page.select(".result-list mark")]
    assert marked and all(word.startswith("deud") for word in marked)


@pytest.mark.django_db
def test_a_body_only_match_shows_the_passage_around_it(client):
    make_standard_page(
        title="Página larga",
        description="Una descripción sin la palabra.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>" + "relleno " * 80 + "El colibrí vuela. " + "relleno " * 80 + "</p>",
            }
        ],
    )

    text = html(client.get("/es/buscar/", {"q": "colibri"})).select_one(".card__text")

    assert text.select_one("mark").get_text() == "colibrí"
    assert text.get_text().startswith("… ") and text.get_text().endswith(" …")


@pytest.mark.django_db
def test_marked_snippets_stay_escaped(client):
    make_standard_page(title="Escapes", description="Si a < b & c, ganso.")

    content = client.get("/es/buscar/", {"q": "ganso"}).content.decode()

    assert "Si a &lt; b &amp; c, <mark>ganso</mark>." in content


@pytest.mark.django_db
def test_zero_results_suggest_a_spelling_concepts_and_the_hotlines(client):
    page = html(client.get("/es/buscar/", {"q": "explotasion"}))

    suggestion = page.select_one(".zero-results__suggestion")
    assert suggestion.get_text(" ", strip=True) == "¿Quisiste decir explotacion ?"
    assert suggestion.a["href"] == "?q=explotacion"
    concepts = [link.get_text() for link in page.select(".zero-results .card__link")]
    assert len(concepts) == 6 and "Trata de personas" in concepts
    assert page.select(".zero-results .hotline-list a[href^='tel:']")


@pytest.mark.django_db
def test_no_spelling_is_suggested_that_would_find_nothing_either(client):
    page = html(client.get("/es/buscar/", {"q": "qwxzyk"}))

    assert page.select_one(".zero-results__suggestion") is None
    assert page.select(".zero-results .hotline-list a")


@pytest.mark.django_db
def test_synonyms_are_the_editors_list(client):
    assert (
        "Trata de personas"
        in html(client.get("/es/buscar/", {"q": "tráfico de personas"}))
        .select_one(".card__link")
        .get_text()
    )

    SearchSynonym.objects.create(language="es", terms="gorrión, servidumbre")
    response = client.get("/es/buscar/", {"q": "gorrion"})

    assert html(response).select_one(".card__link").get_text() == "Servidumbre por deudas"


@pytest.mark.django_db
def test_promoted_results_come_first_in_the_visitors_language(client, spanish, english):
    concept = ConceptPage.objects.get(locale=spanish, slug="servidumbre-por-deudas")
    english_concept = concept.get_translation(english)
    query = Query.get("ayuda urgente")
    SearchPromotion.objects.create(
        query=query, page=concept, description="Lo que hay que saber.", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=english_concept, sort_order=1)

    page = html(client.get("/es/buscar/", {"q": "Ayuda urgente"}))

    promoted = page.select(".result-list--promoted .card__link")
    assert [link.get_text() for link in promoted] == ["Servidumbre por deudas"]


@pytest.mark.django_db
def test_queries_are_counted_without_personal_data(client):
    client.get("/es/buscar/", {"q": "Albergue 987 654 321 ana@correo.invalid"})
    client.get("/es/buscar/", {"q": "albergue"})
    client.get("/es/buscar/", {"q": "qwxzyk 12345678"})
    client.get("/es/buscar/", {"q": "albergue", "page": "2"})

    assert {(query.query_string, query.hits) for query in Query.objects.all()} == {
        ("albergue", 2),
        ("qwxzyk", 1),
    }
    # The first query found nothing (the number and address are words to match too).
    assert set(ZeroResultQuery.objects.values_list("query_string", "hits")) == {
        ("albergue", 1),
        ("qwxzyk", 1),
    }
    stored = [field.name for field in QueryDailyHits._meta.get_fields()] + [
        field.name for field in ZeroResultQuery._meta.get_fields()
    ]
    assert not {"ip", "ip_address", "user", "user_agent", "session"} & set(stored)
    assert client.get("/es/buscar/", {"q": "albergue"}).cookies == {}


@pytest.mark.django_db
def test_the_zero_result_report_is_for_those_allowed(client):
    ZeroResultQuery.add_hit("qwxzyk", datetime.date.today())
    editor = User.objects.create_user("editora", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    refused = client.get("/admin/reports/searches-without-results/")
    assert refused.status_code == 302
    assert "qwxzyk" not in refused.content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_zeroresultquery"))
    response = client.get("/admin/reports/searches-without-results/")
    assert response.status_code == 200
    assert "qwxzyk" in response.content.decode()


@pytest.mark.django_db
def test_suggestions_are_titles_and_addresses_of_public_pages_as_json(client):
    private = make_standard_page(title="Explotación interna", description="Solo para el equipo.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/es/buscar/sugerencias/", {"q": "explotacion"})

    assert response.status_code == 200
    assert response.cookies == {}
    titles = [item["title"] for item in response.json()["suggestions"]]
    assert "Explotación laboral" in titles and "Explotación sexual" in titles
    assert "Explotación interna" not in titles
    assert {
        "title": "Explotación laboral",
        "url": "/es/conceptos/explotacion-laboral/",
    } in response.json()["suggestions"]
    english = client.get("/en/search/suggestions/", {"q": "explo"}).json()["suggestions"]
    assert english and all(item["url"].startswith("/en/") for item in english)


@pytest.mark.django_db
def test_suggestions_complete_the_last_word_and_list_services(client):
    titles = [
        item["title"]
        for item in client.get("/es/buscar/sugerencias/", {"q": "servidum"}).json()["suggestions"]
    ]
    assert titles == ["Servidumbre por deudas"]

    services = client.get("/es/buscar/sugerencias/", {"q": "linea 18"}).json()["suggestions"]
    assert {"title": "Línea 1818", "url": "/es/servicios/linea-1818/"} in services
    assert not Page.objects.filter(title="Línea 1818").exists()


@pytest.mark.django_db
def test_english_search_shows_spanish_services_not_yet_translated(client, english):
    untranslated = make_service("Albergue zorzal sin traducir", types=("albergue",))
    translated = make_service("Albergue zorzal traducido", types=("albergue",))
    translation = translated.copy_for_translation(english)
    translation.name = "Zorzal shelter, translated"
    translation.save()

    page = html(client.get("/en/search/", {"q": "zorzal"}))

    cards = {card.select_one(".card__link").get_text(): card for card in page.select(".card")}
    # The Spanish original of a translated service is not shown beside its translation.
    assert set(cards) == {untranslated.name, translation.name}
    assert cards[untranslated.name]["lang"] == "es"
    assert cards[untranslated.name].select_one("a")["href"] == (
        "/en/services/albergue-zorzal-sin-traducir/"
    )
    assert not cards[translation.name].has_attr("lang")
    # Spanish search shows Spanish services only.
    spanish_page = html(client.get("/es/buscar/", {"q": "zorzal"}))
    assert {link.get_text() for link in spanish_page.select(".card__link")} == {
        untranslated.name,
        translated.name,
    }


@pytest.mark.django_db
def test_english_suggestions_name_the_language_of_an_untranslated_service(client):
    make_service("Albergue zorzal sin traducir", types=("albergue",))

    suggestions = client.get("/en/search/suggestions/", {"q": "zorz"}).json()["suggestions"]

    assert suggestions == [
        {
            "title": "Albergue zorzal sin traducir",
            "url": "/en/services/albergue-zorzal-sin-traducir/",
            "lang": "es",
        }
    ]


@pytest.mark.django_db
def test_an_edited_synonym_or_promotion_shows_on_the_next_search(client, spanish):
    client.get("/es/buscar/", {"q": "gorrion"})  # the synonyms and promotions are now cached
    synonym = SearchSynonym.objects.create(language="es", terms="gorrión, servidumbre")

    first = html(client.get("/es/buscar/", {"q": "gorrion"})).select_one(".card__link")
    assert first.get_text() == "Servidumbre por deudas"

    synonym.terms = "gorrión, datos abiertos"
    synonym.save()
    first = html(client.get("/es/buscar/", {"q": "gorrion"})).select_one(".card__link")
    assert first.get_text() == "Datos abiertos"

    concept = ConceptPage.objects.get(locale=spanish, slug="servidumbre-por-deudas")
    promotion = SearchPromotion.objects.create(
        query=Query.get("gorrion"), page=concept, sort_order=0
    )
    promoted = html(client.get("/es/buscar/", {"q": "gorrion"})).select(
        ".result-list--promoted .card__link"
    )
    assert [link.get_text() for link in promoted] == ["Servidumbre por deudas"]

    promotion.delete()
    page = html(client.get("/es/buscar/", {"q": "gorrion"}))
    assert not page.select(".result-list--promoted")
