"""The relevance table: what a query must show first, and what must be in its first three.

One table for every backend: the suite runs it on SQLite, on PostgreSQL and (in .ci/run) on
Elasticsearch, whichever WAGTAILSEARCH_BACKENDS selects. Misspelled queries find nothing as
typed; the table then follows the page's "Did you mean…?" suggestion, as a visitor would.
"""

import pytest
from wagtail.models import Locale

from search.results import run_search
from search.spelling import did_you_mean
from search.views import site_query

from ..utils.directory import make_service, region

SHELTERS = "Albergue o casa refugio"

# One case a line: language|query|expected first result ("-": nothing found)|titles also expected
# among the first three. Lines starting with "#" say what the cases below cover.
TABLE = """
# The six concepts, by name, part of it, a synonym, without accents or in capitals.
es|trata|Trata de personas|Denunciar un caso de trata
es|trata de personas|Trata de personas
es|tráfico de personas|Trata de personas
es|TRAFICO DE PERSONAS|Trata de personas
es|servidumbre|Servidumbre por deudas
es|deuda|Servidumbre por deudas
es|deudas impagables|-
es|explotacion laboral|Explotación laboral
es|trabajo forzoso|Explotación laboral
es|explotación sexual|Explotación sexual|Explotación sexual de niños, niñas y adolescentes
es|ESNNA|Explotación sexual de niños, niñas y adolescentes
es|venta de niños|Venta de niños, niñas y adolescentes
es|VENTA DE NINOS|Venta de niños, niñas y adolescentes
# The plan and its four strategic objectives.
es|plan nacional|Plan nacional 2017-2021
es|gobernanza|Gobernanza institucional
es|prevencion sensibilizacion|Prevención y sensibilización
es|reintegración|Atención, protección y reintegración
es|persecucion|Fiscalización y persecución
# Services by type and region.
es|albergue loreto|Albergue de prueba en Loreto|Servicio de ejemplo: albergue temporal en Loreto
es|albergues|Albergue de prueba en Lima|Albergue de prueba en Loreto
es|refugio loreto|Albergue de prueba en Loreto
es|línea 1818|Línea 1818
es|linea 100|Línea 100
es|asistencia legal lima|Servicio de ejemplo: asistencia legal en Lima
# Other pages.
es|navegación privada|Navegar de forma segura
es|ofertas de trabajo engañosas|Campaña de ejemplo: ofertas de trabajo engañosas
es|denunciar|Denunciar un caso de trata
es|datos abiertos|Datos abiertos
# Misspellings: the suggestion is followed.
es|servidunbre|Servidumbre por deudas
es|explotasion laboral|Explotación laboral
es|gobernansa|Gobernanza institucional
# English.
en|human trafficking|Human trafficking
en|trafficking in persons|Human trafficking
en|debt bondage|Debt bondage
en|debts|Debt bondage
en|forced labour|Labor exploitation
en|sexual exploitation|Sexual exploitation|Sexual exploitation of children and adolescents
en|sale of children|Sale of children and adolescents
en|prevention|Prevention and awareness-raising
en|oversight|Oversight and prosecution
en|shelter loreto|Example service: temporary shelter in Loreto
en|browse safely|Browse safely
en|report a case|Report a case of trafficking
en|goverance|Institutional governance
"""


def parse_table(table):
    cases = []
    for line in table.strip().splitlines():
        if line.startswith("#"):
            continue
        language, query, first, *in_top_three = (cell.strip() for cell in line.split("|"))
        cases.append((language, query, None if first == "-" else first, in_top_three))
    return cases


CASES = parse_table(TABLE)


@pytest.fixture
def shelters(db):
    """Shelters in two regions and another kind of service in Loreto, beside the initial
    example services: "albergue loreto" must put the shelter in Loreto first."""
    make_service(
        "Albergue de prueba en Loreto", types=("albergue",), locations=[{"region": region("16")}]
    )
    make_service(
        "Albergue de prueba en Lima", types=("albergue",), locations=[{"region": region("15")}]
    )
    make_service(
        "Asistencia legal de prueba en Loreto",
        types=("asistencia-legal",),
        locations=[{"region": region("16")}],
    )


def ranked_titles(language, text):
    locale = Locale.objects.get(language_code=language)
    outcome = run_search(site_query(text, locale), locale)
    if not outcome.count:
        suggestion = did_you_mean(text, locale)
        if suggestion is None:
            return []
        outcome = run_search(site_query(suggestion, locale), locale)
    return [result.title for result in outcome.top()]


@pytest.mark.parametrize(("language", "text", "first", "in_top_three"), CASES)
def test_relevance(shelters, language, text, first, in_top_three):
    titles = ranked_titles(language, text)

    if first is None:
        assert titles == []
        return
    assert titles[:1] == [first], titles[:5]
    for title in in_top_three:
        assert title in titles[:3], titles[:5]


def test_the_table_is_large_enough():
    assert len(CASES) >= 30
