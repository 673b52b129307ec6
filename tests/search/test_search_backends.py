"""Which search backend runs depends on the environment; the Elasticsearch integration test
runs only where ELASTICSEARCH_URL names a reachable cluster (none can be installed here)."""

import json
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from concepts.models import ConceptPage

from ..utils import make_standard_page, run_in_fresh_django


def configured_backend(**environment):
    output = run_in_fresh_django(
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default']))",
        unset=("ELASTICSEARCH_URL", "DATABASE_URL"),
        **environment,
    )
    return json.loads(output)


def test_database_backend_without_elasticsearch():
    assert configured_backend()["BACKEND"] == "wagtail.search.backends.database"


def test_postgresql_searches_spanish_without_accents():
    backend = configured_backend(DATABASE_URL="postgres://user@db.invalid:5432/portal")
    assert backend["BACKEND"] == "search.backends.postgres"
    assert backend["LANGUAGE_CONFIGS"] == {"es": "spanish_unaccent", "en": "english_unaccent"}


def test_elasticsearch_when_a_cluster_is_named():
    backend = configured_backend(ELASTICSEARCH_URL="http://search.internal:9200")
    assert backend["BACKEND"] == "search.backends.elasticsearch8"
    assert backend["URLS"] == ["http://search.internal:9200"]


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL names no cluster here"
)
@pytest.mark.django_db
def test_elasticsearch_indexes_and_finds_the_concepts(client):
    call_command("update_index", verbosity=0)

    response = client.get("/es/buscar/", {"q": "servidumbre"})

    concept = ConceptPage.objects.get(locale__language_code="es", slug="servidumbre-por-deudas")
    assert concept.get_url() in response.content.decode()


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"]
    or settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] != "search.backends.postgres",
    reason="PostgreSQL's own search backend only",
)
@pytest.mark.django_db
def test_postgresql_indexes_each_language_with_its_own_configuration(spanish, english):
    spanish_page = make_standard_page(title="Corriendo", description="Texto.")
    english_page = spanish_page.copy_for_translation(english)
    english_page.title = "Running"
    english_page.save_revision().publish()

    def lexemes(page):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT title::text FROM wagtailsearch_indexentry WHERE object_id = %s",
                [str(page.pk)],
            )
            return cursor.fetchone()[0]

    assert "'run'" in lexemes(english_page)  # English stems
    assert "'corr'" in lexemes(spanish_page)  # Spanish stems
