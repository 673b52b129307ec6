"""The groups carry the team's Spanish names, however the database got there: a fresh
`migrate` and an upgrade of a database that has Wagtail's English groups both end with the six
Spanish groups, no English one left beside them, and the review task is ours.

The migrations run in a fresh process on its own SQLite file, so the session's test database is
left alone."""

import json

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import Task, Workflow

from core.groups import ALL_GROUPS, EDITORS, MODERATORS
from tests.utils import run_in_fresh_django

ENGLISH_NAMES = {
    "Editors",
    "Moderators",
    "Translators",
    "Directory maintainers",
    "Complaint handlers",
    "Campaign staff",
}

SCRIPT = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.core.management import call_command
from wagtail.models import Task, Workflow

def state():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
        "tasks": {
            task.name: sorted(task.specific.groups.values_list("name", flat=True))
            for task in Task.objects.all()
        },
        "editors_members": sorted(
            Group.objects.get(name=EDITORS).user_set.values_list("username", flat=True)
        ) if Group.objects.filter(name=EDITORS).exists() else None,
    }

call_command("migrate", verbosity=0)
fresh = state()
call_command("migrate", "editorial", "0001", verbosity=0)
english = state()
# An existing database: an editor in Wagtail's "Editors", and a "Editores" group that someone
# made by hand with a member of its own.
User = get_user_model()
User.objects.create_user("editora-antigua").groups.add(Group.objects.get(name="Editors"))
User.objects.create_user("editora-nueva").groups.add(Group.objects.create(name=EDITORS))
call_command("migrate", verbosity=0)
upgraded = state()
print(json.dumps({"fresh": fresh, "english": english, "upgraded": upgraded}))
"""


def migrated_states(tmp_path):
    script = "EDITORS = " + repr(EDITORS) + "\n" + SCRIPT
    output = run_in_fresh_django(script, DATABASE_URL=f"sqlite:///{tmp_path / 'groups.sqlite3'}")
    return json.loads(output.strip().splitlines()[-1])


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="migrates its own SQLite file whatever the session's database: once, in the SQLite pass",
)
def test_fresh_and_upgraded_databases_end_with_the_spanish_groups_only(tmp_path):
    states = migrated_states(tmp_path)

    assert states["fresh"]["groups"] == sorted(ALL_GROUPS)
    # Undone, the rename gives back exactly the English names an upgrade starts from.
    assert set(states["english"]["groups"]) == ENGLISH_NAMES
    # The hand-made "Editores" and Wagtail's "Editors" became one group with both members.
    assert states["upgraded"]["groups"] == sorted(ALL_GROUPS)
    assert states["upgraded"]["editors_members"] == ["editora-antigua", "editora-nueva"]
    for state in (states["fresh"], states["upgraded"]):
        assert state["workflows"] == ["Revisión"]
        assert state["tasks"] == {"Aprobación de moderación": [MODERATORS]}


@pytest.mark.django_db
def test_the_session_database_has_no_english_group_or_wagtail_default_task():
    names = set(Group.objects.values_list("name", flat=True))
    assert names >= set(ALL_GROUPS)
    assert not names & ENGLISH_NAMES
    assert not Workflow.objects.filter(name__icontains="Moderators").exists()
    assert not Task.objects.filter(name__icontains="Moderators").exists()
