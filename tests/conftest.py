"""Shared fixtures. The initial content is loaded once per test session into the test
database; each test then runs in a transaction that is rolled back, so tests see the real
site (both languages, site settings, pages) and cannot disturb one another."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_initial_data", stdout=StringIO())


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")
