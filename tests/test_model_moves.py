"""Models that moved between apps keep their rows: a database loaded before the move
(SiteSettings in `portal`; the plan and concept pages in `home`) keeps its pages, their types
and the site settings once migrated forward.

The pre-move database is made by migrating a loaded database back to the migrations before
the move, which rename the tables and content types back. The check runs in a fresh process on
its own SQLite file, so the session's test database is left alone."""

import json

from .utils import run_in_fresh_django

BEFORE_THE_MOVE = [("plan", "zero"), ("concepts", "zero"), ("core", "zero")]

SCRIPT = """
import json
from io import StringIO
from django.core.management import call_command
from django.db import connection

def state():
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT app_label, model FROM django_content_type "
            "WHERE app_label IN ('home', 'plan', 'concepts', 'portal', 'core')"
        )
        content_types = sorted(f"{app}.{model}" for app, model in cursor.fetchall())
    return {"tables": sorted(t for t in tables if t.split("_")[0] in
                              ("home", "plan", "concepts", "portal", "core")),
            "content_types": content_types}

call_command("migrate", verbosity=0)
call_command("load_initial_data", stdout=StringIO())
for app, target in TARGETS:
    call_command("migrate", app, target, verbosity=0)
before = state()
call_command("migrate", verbosity=0)
after = state()
from collections import Counter
from wagtail.models import Page, Site
from core.models import SiteSettings
types = Counter(type(page).__name__ for page in Page.objects.specific())
settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
print(json.dumps({
    "before": before,
    "after": after,
    "types": types,
    "problems": [len(found) for found in Page.find_problems()],
    "hotlines": [contact.value["number"] for contact in settings.emergency_contacts],
}))
"""


def test_a_database_loaded_before_the_move_keeps_its_pages(tmp_path):
    script = SCRIPT.replace("TARGETS", repr(BEFORE_THE_MOVE))
    output = run_in_fresh_django(script, DATABASE_URL=f"sqlite:///{tmp_path / 'before.sqlite3'}")
    result = json.loads(output.strip().splitlines()[-1])

    # Before: the tables and content types of the old apps, as the move found them.
    assert "home_planpage" in result["before"]["tables"]
    assert "portal_sitesettings" in result["before"]["tables"]
    new_tables = [
        t for t in result["before"]["tables"] if t.startswith(("plan_", "concepts", "core_"))
    ]
    assert new_tables == []
    assert "home.conceptpage" in result["before"]["content_types"]
    assert "portal.sitesettings" in result["before"]["content_types"]
    # After: the same rows under the new apps, nothing left behind.
    assert result["after"]["tables"] == [
        "concepts_conceptindexpage",
        "concepts_conceptpage",
        "concepts_conceptpage_service_types",
        "concepts_conceptrelation",
        "core_sitesettings",
        "home_homepage",
        "home_standardpage",
        "plan_institution",
        "plan_planpage",
        "plan_strategicobjectivepage",
    ]
    assert result["after"]["content_types"] == [
        "concepts.conceptindexpage",
        "concepts.conceptpage",
        "concepts.conceptrelation",
        "core.sitesettings",
        "home.homepage",
        "home.standardpage",
        "plan.institution",
        "plan.planpage",
        "plan.strategicobjectivepage",
    ]
    assert result["types"] == {
        "Page": 1,
        "HomePage": 2,
        "StandardPage": 6,
        "PlanPage": 2,
        "StrategicObjectivePage": 8,
        "ConceptIndexPage": 2,
        "ConceptPage": 12,
        "ServiceDirectoryPage": 2,
        "CampaignIndexPage": 2,
        "CampaignPage": 2,
        "ComplaintPage": 2,
    }
    assert result["problems"] == [0, 0, 0, 0, 0]
    assert result["hotlines"] == ["1818", "100"]
