import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def elasticsearch_index(django_db_setup, django_db_blocker):
    """On Elasticsearch the index lives outside the test database: rebuild it from the test
    database's content once, as `update_index` does after a deployment. The database
    backends keep their index in the database, filled as the content was saved."""
    if "elasticsearch" in settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]:
        with django_db_blocker.unblock():
            call_command("update_index", verbosity=0)
