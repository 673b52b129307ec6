"""Factories shared by the tests: build real pages in the real page tree."""

from django.utils.text import slugify
from wagtail.models import Locale

from home.models import HomePage, StandardPage


def spanish_home():
    return HomePage.objects.get(locale=Locale.objects.get(language_code="es"))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_standard_page(parent=None, *, title="Página de prueba", slug=None, body=None, **fields):
    parent = parent or spanish_home()
    page = StandardPage(
        title=title,
        slug=slug or slugify(title),
        description=fields.pop("description", f"Descripción de {title}."),
        body=body or [{"type": "paragraph", "value": f"<p>Texto de {title}.</p>"}],
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


def make_image(title="Imagen de prueba", size=(1200, 800)):
    """A real image in the Wagtail library, from a PNG drawn here."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    buffer = BytesIO()
    PillowImage.new("RGB", size, (29, 79, 145)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png"))


# One page of each type and both languages, for the accessibility and HTML checks; the chart
# examples (make_chart_examples) come on top.
PAGES_TO_CHECK = [
    "/es/",
    "/en/",
    "/es/navegar-de-forma-segura/",
    "/en/browse-safely/",
    "/es/privacidad/",
    "/es/plan-nacional/",
    "/en/national-plan/",
    "/es/plan-nacional/gobernanza-institucional/",
    "/en/national-plan/prevention-and-awareness-raising/",
    "/es/conceptos/",
    "/es/conceptos/explotacion-sexual-de-ninos-ninas-y-adolescentes/",
    "/en/concepts/debt-bondage/",
    "/es/denuncia/",
    "/en/report/",
    "/es/denuncia/seguimiento/",
    "/en/report/status/",
    "/es/buscar/?q=seguro",
    "/en/search/?q=private",
    "/es/no-existe/",
]


def measured_indicator(institution_ids, measurements=((2018, 4), (2019, 9))):
    """An indicator value with a baseline, a target and yearly measurements (example data)."""
    return {
        "statement": "Indicador de ejemplo (datos no oficiales).",
        "unit": "regiones",
        "baseline_value": "2",
        "baseline_year": 2017,
        "target_value": "25",
        "target_year": 2021,
        "measurements": [{"year": year, "value": str(value)} for year, value in measurements],
        "institutions": list(institution_ids),
    }


EXAMPLE_SERIES = {
    "title": "Casos atendidos por año (datos de ejemplo, no oficiales)",
    "chart_type": "bar",
    "unit": "casos",
    "source": "Datos de ejemplo para las pruebas automáticas",
    "rows": [
        {"label": "2018", "value": "120"},
        {"label": "2019", "value": "-15"},
        {"label": "2020", "value": "340.5"},
    ],
}


def make_chart_examples():
    """A standard page with a data series and a strategic objective with a measured indicator,
    both labelled as example data. Returns their pages."""
    from home.models import Institution, PlanPage, StrategicObjectivePage

    series_page = make_standard_page(
        title="Cifras de ejemplo",
        body=[{"type": "data_series", "id": "example-series", "value": EXAMPLE_SERIES}],
    )
    plan = PlanPage.objects.get(locale__language_code="es")
    institution = Institution.objects.get(locale=plan.locale, acronym="MIMP")
    objective = StrategicObjectivePage(
        title="Objetivo de ejemplo",
        slug="objetivo-de-ejemplo",
        description="Página de ejemplo con datos no oficiales.",
        number=99,
        statement="Objetivo de ejemplo para las pruebas automáticas.",
        intermediate_objectives=[
            {
                "type": "intermediate_objective",
                "id": "example-io",
                "value": {
                    "code": "OI1",
                    "statement": "Objetivo intermedio de ejemplo.",
                    "indicators": [
                        {
                            "type": "item",
                            "id": "example-indicator",
                            "value": measured_indicator([institution.id]),
                        }
                    ],
                },
            }
        ],
    )
    plan.add_child(instance=objective)
    return series_page, publish(objective)


def run_in_fresh_django(script, *, unset=(), **environment):
    """Runs `script` after django.setup() in a new Python process with the test settings and
    the given environment (as a server would start), and returns what it printed."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {key: value for key, value in os.environ.items() if key not in set(unset)}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", **environment)
    completed = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout
