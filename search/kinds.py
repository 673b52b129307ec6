"""The kinds of result site search groups by, in the order they are offered as filters."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignIndexPage, CampaignPage
from concepts.models import ConceptIndexPage, ConceptPage
from plan.models import PlanPage, StrategicObjectivePage


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    # Page types of this kind; None for services, which are not pages.
    page_types: tuple | None


PLAN = Kind("plan", _("Plan and objectives"), (PlanPage, StrategicObjectivePage))
CONCEPTS = Kind("concepts", _("Concepts"), (ConceptPage, ConceptIndexPage))
SERVICES = Kind("services", _("Services"), None)
CAMPAIGNS = Kind("campaigns", _("Campaigns"), (CampaignPage, CampaignIndexPage))
# Every other page type (home, standard pages, the directory page…) is an "other page".
OTHER_PAGES = Kind("pages", _("Other pages"), ())

KINDS = (PLAN, CONCEPTS, SERVICES, CAMPAIGNS, OTHER_PAGES)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}


def kind_of_page(page):
    for kind in (PLAN, CONCEPTS, CAMPAIGNS):
        if isinstance(page, kind.page_types):
            return kind
    return OTHER_PAGES
