"""Factories shared by the tests: build real pages and snippets in the real page tree.

Tests that check behaviour build what they need here (make_plan, make_institution…) rather
than reading the initial content, so rewording the seed breaks no behaviour test."""

from datetime import date
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Locale, Site

from core.models import SiteSettings
from home.models import HomePage, StandardPage
from plan.models import Institution, PlanPage, StrategicObjectivePage


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
    buffer = BytesIO()
    PillowImage.new("RGB", size, (29, 79, 145)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png"))


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


def make_series_example():
    """A standard page with a data series chart, labelled as example data."""
    return make_standard_page(
        title="Cifras de ejemplo",
        body=[{"type": "data_series", "id": "example-series", "value": EXAMPLE_SERIES}],
    )


def make_objective_example():
    """A strategic objective of the initial content's plan with a measured indicator,
    labelled as example data."""
    plan = PlanPage.objects.get(locale__language_code="es", slug="plan-nacional")
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
    return publish(objective)


def make_chart_examples():
    """Both chart examples: (the data-series page, the measured objective)."""
    return make_series_example(), make_objective_example()


def make_institution(locale=None, *, acronym="INST", name="Institución de ejemplo", **fields):
    locale = locale or Locale.objects.get(language_code="es")
    return Institution.objects.create(locale=locale, acronym=acronym, name=name, **fields)


def make_plan(parent=None, *, title="Plan de ejemplo", acronym="PEJ", objectives=(), **fields):
    """A published plan page (example data) with a strategic objective per statement in
    `objectives`, numbered from 1. Returns the plan."""
    parent = parent or spanish_home()
    plan = PlanPage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        description=fields.pop("description", f"Descripción de {title}."),
        name=fields.pop("name", f"{title} (nombre completo)"),
        acronym=acronym,
        start_year=fields.pop("start_year", 2020),
        end_year=fields.pop("end_year", 2024),
        legal_instrument=fields.pop("legal_instrument", "Norma de ejemplo N° 000"),
        approval_date=fields.pop("approval_date", date(2020, 1, 1)),
        summary=fields.pop("summary", f"<p>Resumen de {title}.</p>"),
        **fields,
    )
    parent.add_child(instance=plan)
    publish(plan)
    for number, statement in enumerate(objectives, start=1):
        objective = StrategicObjectivePage(
            title=f"Objetivo {number}",
            slug=f"objetivo-{number}",
            description=f"Objetivo {number} de {title}.",
            number=number,
            statement=statement,
        )
        plan.add_child(instance=objective)
        publish(objective)
    return plan


def add_example_hotline(name="Línea de prueba"):
    """Adds an example hotline (number 000, described in both languages) to the default site's
    settings and saves them, as an editor would."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.emergency_contacts.append(
        (
            "contact",
            {
                "name": name,
                "number": "000",
                "description_es": "Solo un ejemplo",
                "description_en": "Only an example",
            },
        )
    )
    settings.save()
