"""Shared fixtures. The initial content is loaded once per test session into the test
database; each test then runs in a transaction that is rolled back, so tests see the real
site (both languages, site settings, pages) and cannot disturb one another."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test.utils import setup_databases, teardown_databases
from wagtail.models import Locale


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """Always creates the test database, even when only browser tests run: pytest-django
    would otherwise skip it for tests without a database marker, and the browser tests' server
    would then read the development database. `django_db_modify_db_settings` gives each
    pytest-xdist worker its own database (name suffixed `_gw0`, `_gw1`…)."""
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=verbosity, interactive=False, aliases={"default"})
        call_command("load_initial_data", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=verbosity)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a test's rolled-back pages must not linger in the
    cached page tree (core/content_cache.py) that the next test reads."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")
