"""The Elasticsearch indexes carry the configured name prefix and analyse Spanish and English
each with its own analyser, on the real node that ELASTICSEARCH_URL names (.ci/run starts one;
`make search-engine` for a developer)."""

import os

import pytest
from django.conf import settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.backends.elasticsearch8 import index_settings
from search.results import run_search
from search.views import site_query

needs_elasticsearch = pytest.mark.skipif(
    settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] != "search.backends.elasticsearch8",
    reason="Elasticsearch only (ELASTICSEARCH_URL names no cluster here)",
)


@pytest.fixture
def backend():
    return get_search_backend()


@pytest.fixture
def index(backend):
    return backend.get_index_for_model(Page)


def analysed(backend, index, analyzer, text):
    found = backend.es.indices.analyze(index=index.name, analyzer=analyzer, text=text)
    return [token["token"] for token in found["tokens"]]


@needs_elasticsearch
def test_every_index_name_starts_with_the_configured_prefix(backend, index):
    # Several sites, or a test run and a benchmark, share one cluster without touching each
    # other's indexes.
    prefix = settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"]
    assert prefix.startswith(os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_"))
    assert index.name == f"{prefix}wagtailcore_page"
    assert backend.es.indices.exists_alias(name=index.name) or backend.es.indices.exists(
        index=index.name
    )


@needs_elasticsearch
def test_the_index_holds_a_spanish_and_an_english_analyser(backend, index):
    stored = backend.es.indices.get_settings(index=index.name)
    (index_name,) = stored
    analyzers = stored[index_name]["settings"]["index"]["analysis"]["analyzer"]
    assert {"spanish_text", "english_text"} <= set(analyzers)

    mapping = backend.es.indices.get_mapping(index=index.name)[index_name]["mappings"]
    catch_all = mapping["properties"]["_all_text"]
    assert catch_all["fields"]["es"]["analyzer"] == "spanish_text"
    assert catch_all["fields"]["en"]["analyzer"] == "english_text"


@needs_elasticsearch
def test_the_spanish_analyser_drops_spanish_stop_words(backend, index):
    tokens = analysed(backend, index, "spanish_text", "las deudas")

    assert "las" not in tokens
    assert len(tokens) == 1 and tokens[0].startswith("deud")


@needs_elasticsearch
def test_the_english_analyser_drops_english_stop_words_only(backend, index):
    assert analysed(backend, index, "english_text", "the debts")[-1].startswith("debt")
    assert "the" not in analysed(backend, index, "english_text", "the debts")
    assert analysed(backend, index, "english_text", "las deudas")[0] == "las"


@needs_elasticsearch
@pytest.mark.django_db
def test_a_search_in_each_language_queries_that_languages_analysis(backend, spanish, english):
    for locale, language in ((spanish, "es"), (english, "en")):
        pages = Page.objects.live().filter(locale=locale)
        results = backend.for_language(language).search("deuda", pages)
        compiled = str(results.query_compiler.get_query())

        assert f"_all_text.{language}" in compiled
        assert f"_all_text.{'en' if language == 'es' else 'es'}" not in compiled


@needs_elasticsearch
@pytest.mark.django_db
def test_a_stop_word_does_not_empty_a_search(spanish):
    # "yo" is a Spanish stop word for Elasticsearch but not for site search's own list, and
    # the concept does not use it.
    outcome = run_search(site_query("servidumbre yo", spanish), spanish)

    assert [result.title for result in outcome.top()][:1] == ["Servidumbre por deudas"]


def test_a_full_node_gets_elasticsearchs_own_language_analysis():
    """Production nodes have `analysis-common`: the light Spanish and English stemmers and
    accent folding, which the test node cannot run."""
    analysis = index_settings(node_has_analysis_common=True)["settings"]["analysis"]

    spanish = analysis["analyzer"]["spanish_text"]["filter"]
    english = analysis["analyzer"]["english_text"]["filter"]
    assert "asciifolding" in spanish and "asciifolding" in english
    assert analysis["filter"][spanish[-1]] == {"type": "stemmer", "language": "light_spanish"}
    assert analysis["filter"][english[-1]] == {"type": "stemmer", "language": "english"}
