"""The complaints app's initial content (complaints/initial_data/complaints.yaml): the complaint
form page, placeholder authorities for the plan's institutions and the first routing rules.
Safe to rerun: what exists is left as it is."""

from pathlib import Path

from core.initial_content.loader import read_data
from plan.initial_content import stable_translation_key
from plan.models import Institution

from .models.authority import Authority
from .models.page import ComplaintPage, ComplaintPageExplainer
from .models.routing_rule import RoutingRule

DATA_FILE = Path(__file__).resolve().parent / "initial_data" / "complaints.yaml"


def load(loader):
    """After the home page, the plan's institutions and the concept explainers it links to."""
    data = read_data(DATA_FILE)
    page = load_complaint_page(loader, data, loader.by_key["home"])
    load_routing(loader, data)
    return page


def placeholder_email(acronym):
    return f"denuncias@{acronym.lower()}.invalid"


def load_complaint_page(loader, data, home):
    """The Spanish form page under the home page; `loader` translates it with the others."""
    page_data = data["page"]
    page = ComplaintPage(
        **loader.page_fields(page_data),
        emergency_notice=loader.html(page_data["emergency_notice"]),
        intro=loader.html(page_data["intro"]),
        guidance=loader.html(page_data["guidance"]),
        explainer_links=[
            ComplaintPageExplainer(exploitation_type=kind, explainer=loader.by_key[key])
            for kind, key in page_data["explainers"].items()
        ],
    )
    return loader.add_page(home, page, key="complaints")


def load_routing(loader, data):
    """Authorities named after the plan's institutions, with placeholder addresses, and the
    routing rules; both only when none exist (an administrator's set-up is never touched)."""
    if Authority.objects.exists() or RoutingRule.objects.exists():
        return
    authorities = {}
    for key in data["authorities"]:
        institution = Institution.objects.get(
            locale=loader.spanish, translation_key=stable_translation_key("institution", key)
        )
        authorities[key] = Authority.objects.create(
            name=institution.name,
            acronym=institution.acronym,
            email=placeholder_email(institution.acronym),
        )
        loader.created.append(f"authority (to configure): {institution.acronym}")
    for rule_data in data["routing_rules"]:
        rule = RoutingRule(
            name=rule_data["name"],
            exploitation_type=rule_data.get("exploitation_type", ""),
            minors_involved=rule_data.get("minors_involved", ""),
            authorities=[authorities[key] for key in rule_data["authorities"]],
        )
        rule.save()  # a ParentalManyToManyField is written when its model is saved
        loader.created.append(f"routing rule: {rule.name}")
