"""Every public page type, and where the accessibility and HTML checks find pages of it.

The checks discover page types from the code (`get_page_models()`), so a new app's page type
is covered the day it lands: until PAGE_EXAMPLES has an entry for it, the suite fails and says
what to add.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail.models import Page, get_page_models

from .campaigns import make_campaign_example
from .factories import make_objective_example, make_series_example


@dataclass(frozen=True)
class PageExamples:
    """Paths of pages of one type to check, in both languages where it has both. `make`
    creates the ones the initial content lacks (it runs once, before the checks)."""

    paths: tuple[str, ...]
    make: Callable[[], Page] | None = None


PAGE_EXAMPLES = {
    "home.HomePage": PageExamples(("/es/", "/en/")),
    "home.StandardPage": PageExamples(
        (
            "/es/navegar-de-forma-segura/",
            "/en/browse-safely/",
            "/es/privacidad/",
            "/en/open-data/",
            "/es/cifras-de-ejemplo/",  # with a chart: a data series, its table and CSV link
        ),
        make_series_example,
    ),
    "plan.PlanPage": PageExamples(("/es/plan-nacional/", "/en/national-plan/")),
    "plan.StrategicObjectivePage": PageExamples(
        (
            "/es/plan-nacional/gobernanza-institucional/",
            "/en/national-plan/prevention-and-awareness-raising/",
            "/es/plan-nacional/objetivo-de-ejemplo/",
        ),
        make_objective_example,
    ),
    "concepts.ConceptIndexPage": PageExamples(("/es/conceptos/", "/en/concepts/")),
    "concepts.ConceptPage": PageExamples(
        (
            "/es/conceptos/explotacion-sexual-de-ninos-ninas-y-adolescentes/",
            "/en/concepts/debt-bondage/",
        )
    ),
    # The directory with and without results (an empty result shows the hotlines), a service
    # page with a confidential location and one with an address.
    "services_directory.ServiceDirectoryPage": PageExamples(
        (
            "/es/servicios/",
            "/en/services/?region=16",
            "/es/servicios/?region=24&type=albergue",
            "/es/servicios/ejemplo-albergue-loreto/",
            "/en/services/ejemplo-atencion-psicologica-cusco/",
        )
    ),
    "campaigns.CampaignIndexPage": PageExamples(("/es/campanas/", "/en/campaigns/")),
    "campaigns.CampaignPage": PageExamples(
        (
            "/es/campanas/ejemplo-ofertas-de-trabajo-enganosas/",
            "/en/campaigns/example-deceptive-job-offers/",
            "/es/campanas/campana-completa-de-ejemplo/",  # every block and a kit
        ),
        make_campaign_example,
    ),
    "complaints.ComplaintPage": PageExamples(("/es/denuncia/", "/en/report/")),
}

# Pages that are not page types: the search results, the complaint status lookup (a route of
# the complaint page) and the "not found" page.
OTHER_PATHS = (
    "/es/buscar/?q=seguro",
    "/en/search/?q=private",
    "/es/denuncia/seguimiento/",
    "/en/report/status/",
    "/es/no-existe/",
)


def public_page_types():
    return [
        model
        for model in get_page_models()
        if model is not Page and model._meta.app_label != "wagtailcore"
    ]


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def missing_page_examples(models=None):
    """The message naming every page type without examples, or "" when all have some."""
    missing = [label(model) for model in models or public_page_types()]
    missing = [name for name in missing if name not in PAGE_EXAMPLES]
    if not missing:
        return ""
    return (
        f"No pages to check for {', '.join(missing)}: add an entry to PAGE_EXAMPLES in "
        "tests/utils/page_types.py with paths of such pages in both languages, and a `make` "
        "function (a factory in tests/utils/factories.py) if the initial content has none."
    )


def paths_to_check():
    return [path for examples in PAGE_EXAMPLES.values() for path in examples.paths] + list(
        OTHER_PATHS
    )


def make_page_examples():
    """Creates the example pages the initial content lacks; returns them (to delete later)."""
    return [examples.make() for examples in PAGE_EXAMPLES.values() if examples.make]
