"""Plan, strategic objective and concept pages: rendering, acronyms, reach (search, sitemap,
API), charts with CSV downloads, and constant query counts."""

import csv
import io
import uuid
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction

from plan.blocks import IndicatorBlock
from plan.models import Institution, PlanPage, StrategicObjectivePage

from ..utils import (
    EXAMPLE_SERIES,
    count_queries,
    make_chart_examples,
    make_institution,
    make_plan,
    make_standard_page,
    measured_indicator,
    publish,
    soup,
)
from ..utils.sitemaps import sitemap_files

PLAN = "/es/plan-nacional/"
OBJECTIVE_2 = "/es/plan-nacional/prevencion-y-sensibilizacion/"


def spanish_plan():
    return PlanPage.objects.get(locale__language_code="es")


def objective(number, language="es"):
    return StrategicObjectivePage.objects.get(locale__language_code=language, number=number)


def add_measured_indicator(page, institutions, measurements=((2018, 3), (2019, 7))):
    """Gives the first intermediate objective of `page` an indicator with data."""
    raw = [dict(block) for block in page.intermediate_objectives.raw_data]
    raw[0]["value"]["indicators"].append(
        {
            "type": "item",
            "id": str(uuid.uuid4()),
            "value": measured_indicator([i.id for i in institutions], measurements),
        }
    )
    page.intermediate_objectives = raw
    return publish(page)


@pytest.mark.django_db
def test_plan_page_shows_the_plan_and_its_objectives(client):
    page = soup(client.get(PLAN))

    assert page.h1.get_text(" ", strip=True).startswith(
        "Plan Nacional de Acción contra la Trata de Personas 2017-2021"
    )
    facts = page.select_one(".summary-list").get_text(" ", strip=True)
    assert "2017\u20132021" in facts and "7 de junio de 2017" in facts  # en dash
    assert "Decreto Supremo N° 017-2017-IN" in facts
    cards = page.select(".objective-card .card__link")
    assert [card["href"] for card in cards] == [
        "/es/plan-nacional/gobernanza-institucional/",
        "/es/plan-nacional/prevencion-y-sensibilizacion/",
        "/es/plan-nacional/atencion-proteccion-y-reintegracion/",
        "/es/plan-nacional/fiscalizacion-y-persecucion/",
    ]
    assert len(page.select(".institution-list li")) == 25
    statistics = page.select_one('section[aria-labelledby="statistics-heading"]')
    assert statistics.p.get_text(" ", strip=True) == (
        "Todavía no se han publicado aquí cifras de estadística ni de presupuesto. "
        "Las cifras solo aparecen con su fuente oficial."
    )


@pytest.mark.django_db
def test_objective_page_lists_every_intermediate_objective_and_indicator(client):
    page = soup(client.get(OBJECTIVE_2))

    assert "Objetivo estratégico 2" in page.h1.get_text()
    assert len(page.select(".intermediate-objective")) == 4
    assert len(page.select(".indicator")) == 7
    # The fourth has no statement in the source, and the page says so.
    fourth = page.select(".intermediate-objective")[3].get_text(" ", strip=True)
    assert "no incluye el enunciado" in fourth


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "acronym", "title"),
    [
        (OBJECTIVE_2, "MINSA", "Ministerio de Salud"),
        ("/en/national-plan/prevention-and-awareness-raising/", "MINSA", "Ministry of Health"),
        (PLAN, "PNAT", "Plan Nacional de Acción contra la Trata de Personas 2017-2021"),
    ],
)
def test_acronyms_are_marked_up_with_their_full_name(client, path, acronym, title):
    page = soup(client.get(path))

    assert any(
        abbr.get_text() == acronym and abbr["title"] == title
        for abbr in page.select("main abbr[title]")
    )


@pytest.mark.django_db
def test_renaming_an_institution_updates_every_page(client):
    institution = make_institution(acronym="MIEJ", name="Ministerio de Ejemplo")
    plan = make_plan(objectives=["Que el MIEJ coordine la respuesta."])
    institution.name = "Ministerio de Ejemplo renombrado"
    institution.save()

    for page in [plan, *plan.get_children()]:
        html = soup(client.get(page.url))
        assert html.select_one('main abbr[title="Ministerio de Ejemplo renombrado"]'), page.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("servidumbre", "/es/conceptos/servidumbre-por-deudas/"),
        ("cooperacion internacional", "/es/plan-nacional/gobernanza-institucional/"),
        ("registro unico de victimas", "/es/plan-nacional/gobernanza-institucional/"),
    ],
)
def test_objectives_and_concepts_are_found_by_site_search(client, query, expected):
    page = soup(client.get("/es/buscar/", {"q": query}))

    assert expected in [a["href"] for a in page.select(".result-list a")]


@pytest.mark.django_db
def test_objectives_and_concepts_are_in_the_sitemap(client):
    xml = "".join(sitemap_files(client).values())

    for path in [
        "/es/plan-nacional/fiscalizacion-y-persecucion/",
        "/en/national-plan/oversight-and-prosecution/",
        "/es/conceptos/explotacion-laboral/",
        "/en/concepts/labor-exploitation/",
    ]:
        assert path in xml


@pytest.mark.django_db
def test_api_exposes_the_structured_fields(client):
    objectives = client.get(
        "/api/v2/pages/",
        {
            "type": "plan.StrategicObjectivePage",
            "fields": "number,statement,intermediate_objectives",
            "locale": "es",
        },
    ).json()["items"]
    plan = client.get(
        "/api/v2/pages/",
        {
            "type": "plan.PlanPage",
            "fields": "name,legal_instrument,approval_date,responsible_institutions",
            "locale": "en",
        },
    ).json()["items"][0]
    concept = client.get(
        "/api/v2/pages/",
        {
            "type": "concepts.ConceptPage",
            "fields": "short_definition,related_concept_links",
            "slug": "trata-de-personas",
        },
    ).json()["items"][0]

    assert [item["number"] for item in objectives] == [1, 2, 3, 4]
    first_io = objectives[0]["intermediate_objectives"][0]["value"]
    assert first_io["code"] == "OI1" and len(first_io["indicators"]) == 2
    assert plan["approval_date"] == "2017-06-07"
    assert plan["responsible_institutions"][3]["value"] == {
        "id": plan["responsible_institutions"][3]["value"]["id"],
        "acronym": "MINJUS",
        "name": "Ministry of Justice and Human Rights",
    }
    assert concept["short_definition"].startswith("Se considera")
    assert concept["related_concept_links"]


@pytest.mark.django_db
def test_indicator_with_measurements_shows_progress_and_its_data(client):
    page = add_measured_indicator(
        objective(1), [Institution.objects.get(locale__language_code="es", acronym="MIMP")]
    )

    html = soup(client.get(page.get_url()))
    chart = html.select_one(".indicator .chart")

    assert chart.select_one("svg[role='img'] title") is not None
    rows = [row.get_text(" ", strip=True) for row in chart.select("tbody tr")]
    assert rows == ["2017 (línea de base) 2", "2018 3", "2019 7"]
    assert "Meta 2021" in chart.select_one(".chart__target-label").get_text()
    assert html.select_one(
        ".indicator abbr[title='Ministerio de la Mujer y Poblaciones Vulnerables']"
    )

    response = client.get(chart.select_one("a.chart__download")["href"])
    assert response["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        ["Año", "regiones"],
        ["2017 (línea de base)", "2"],
        ["2018", "3"],
        ["2019", "7"],
    ]


@pytest.mark.django_db
def test_data_series_block_renders_a_chart_table_and_csv(client):
    series_page, _objective = make_chart_examples()

    html = soup(client.get(series_page.get_url()))
    assert len(html.select(".chart rect.chart__bar")) == 3
    assert html.select_one(".chart rect.chart__bar--negative") is not None
    assert html.select_one(".chart__source").get_text() == (
        "Fuente: Datos de ejemplo para las pruebas automáticas"
    )

    csv_url = html.select_one("a.chart__download")["href"]
    assert csv_url == f"/es/datos/{series_page.id}/example-series.csv"
    rows = list(csv.reader(io.StringIO(client.get(csv_url).content.decode())))
    assert rows == [["Etiqueta", "casos"], ["2018", "120"], ["2019", "-15"], ["2020", "340.5"]]


@pytest.mark.django_db
def test_csv_of_unknown_blocks_and_private_pages_is_not_found(client):
    page = make_standard_page(
        title="Privada",
        body=[{"type": "data_series", "id": "secret", "value": EXAMPLE_SERIES}],
    )
    assert client.get(f"/es/datos/{page.id}/nope.csv").status_code == 404
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get(f"/es/datos/{page.id}/secret.csv").status_code == 404


def test_indicator_needs_both_value_and_year():
    block = IndicatorBlock()
    value = block.to_python(
        {
            "statement": "x",
            "baseline_value": "3",
            "baseline_year": None,
            "measurements": [],
            "institutions": [],
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_indicator_measures_each_year_once():
    block = IndicatorBlock()
    value = block.to_python(
        {
            "statement": "x",
            "measurements": [{"year": 2019, "value": "1"}, {"year": 2019, "value": "2"}],
            "institutions": [],
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_plan_cannot_end_before_it_starts():
    plan = make_plan(start_year=2020, end_year=2024)
    plan.end_year = 2010
    with pytest.raises(ValidationError):
        plan.full_clean()


@pytest.mark.django_db
def test_plan_page_costs_the_same_however_big_the_plan(client, django_assert_max_num_queries):
    first = make_institution(acronym="PRIMERA", name="Primera institución")
    plan = make_plan(
        objectives=["Primer objetivo.", "Segundo objetivo."],
        responsible_institutions=[("institution", first)],
    )
    before = count_queries(client, plan.url, django_assert_max_num_queries)
    institution = make_institution(acronym="NUEVA", name="Institución nueva")
    plan.responsible_institutions.append(("institution", institution))
    publish(plan)
    for number in (5, 6):
        extra = StrategicObjectivePage(
            title=f"Objetivo {number}",
            slug=f"objetivo-{number}",
            description="Prueba.",
            number=number,
            statement="Enunciado de prueba.",
        )
        plan.add_child(instance=extra)
        publish(extra)

    after = count_queries(client, plan.url, django_assert_max_num_queries)

    assert after == before
    assert before <= 18


@pytest.mark.django_db
def test_objective_page_costs_the_same_however_many_indicators(
    client, django_assert_max_num_queries
):
    page = objective(1)
    before = count_queries(client, page.get_url(), django_assert_max_num_queries)
    institutions = Institution.objects.filter(locale=page.locale)[:5]
    for _ in range(3):
        page = add_measured_indicator(page, institutions)

    after = count_queries(client, page.get_url(), django_assert_max_num_queries)

    assert after <= before + 1  # the institutions of all indicators: one query, once any exist
    assert before <= 18


@pytest.mark.django_db
def test_an_indicator_shows_its_source_and_data_date_under_its_chart(client):
    page = objective(1)
    raw = [dict(block) for block in page.intermediate_objectives.raw_data]
    sourced = measured_indicator([]) | {
        "source": "Fuente de ejemplo (no oficial)",
        "data_date": "2019-12-31",
    }
    raw[0]["value"]["indicators"] = [{"type": "item", "id": str(uuid.uuid4()), "value": sourced}]
    page.intermediate_objectives = raw
    publish(page)

    chart = soup(client.get(page.get_url())).select_one(".indicator .chart")
    lines = [line.get_text(" ", strip=True) for line in chart.select(".chart__source")]
    assert lines == ["Fuente: Fuente de ejemplo (no oficial)", "Datos al 31 de diciembre de 2019"]


@pytest.mark.django_db
def test_a_data_series_shows_its_data_date_only_when_given(client):
    dated = make_standard_page(
        title="Serie fechada",
        body=[
            {
                "type": "data_series",
                "id": "dated",
                "value": EXAMPLE_SERIES | {"data_date": "2020-06-30"},
            }
        ],
    )
    lines = soup(client.get(dated.get_url())).select(".chart__source")
    assert [line.get_text(" ", strip=True) for line in lines][1:] == [
        "Datos al 30 de junio de 2020"
    ]

    undated = make_standard_page(
        title="Serie sin fecha",
        body=[{"type": "data_series", "id": "undated", "value": EXAMPLE_SERIES}],
    )
    assert len(soup(client.get(undated.get_url())).select(".chart__source")) == 1


@pytest.mark.django_db
def test_the_initial_indicators_name_only_the_source_the_seed_gives():
    for page in StrategicObjectivePage.objects.all():
        for item in page.intermediate_objectives.raw_data:
            for indicator in item["value"]["indicators"]:
                assert indicator["value"]["source"] == "PNAT 2017-2021"
                assert indicator["value"]["data_date"] is None


@pytest.mark.django_db
def test_the_objective_editor_collapses_indicators_under_their_statement(admin_client):
    """The admin's block definitions, as the editor page sends them to the browser: indicators
    collapsed and summarised by their statement, each value in a row with its year."""
    response = admin_client.get(f"/admin/pages/{objective(1).pk}/edit/")
    assert response.status_code == 200
    definitions = unescape(response.content.decode())
    assert definitions.count('"labelFormat": "{statement}"') == 1
    # Baseline, target and the source with its date: three rows of two fields.
    assert definitions.count('"classname": "w-field-row"') == 3
    # The indicators' list is the only block of the editor that opens collapsed.
    assert definitions.count('"collapsed": true') == 1
