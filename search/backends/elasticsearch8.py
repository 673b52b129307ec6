"""modelsearch's Elasticsearch 8 backend with a Spanish and an English analyser, and index
settings that any Elasticsearch 8 node accepts, Elastic's minimal test distribution included.

Per-language analysis. modelsearch searches the catch-all fields every search field is copied
to (`_all_text` and one `_all_text_boost_<n>` per boost), not the fields one by one. Each of
them gets a sub-field per language (`_all_text.es` analysed in Spanish, `_all_text.en` in
English: a multi-field, which `copy_to` fills like the field itself), and a search in one
language (`for_language`, as on PostgreSQL) queries that language's sub-fields. Every page is
analysed both ways, but a search only ever looks at its own language's sub-field, and only at
pages of its own language (the locale filter): Spanish pages meet the Spanish analyser, English
pages the English one. Per-language sub-fields keep modelsearch's mapping, documents and
queries as they are, where per-language fields would need a copy of each field per language.

Two sets of analysers, depending on the node:
- with the `analysis-common` module (every full distribution, so production): Elasticsearch's
  own `spanish` and `english` analysers, rebuilt as custom analysers (Elastic's documented way)
  to add `asciifolding`: stop words, accent folding, the light Spanish / English stemmers.
- without it (Elastic's test distribution, `deploy/elasticsearch/run-test-node.sh`): what core
  Elasticsearch has, the standard tokenizer, lower case and the language's stop words.
Either way the text arrives already folded and stemmed by core/search_text.py too (the stemmed
copies that pages index), which is what makes the three backends find and rank alike: the
language analyser adds stop words and, in production, matches on the original words too.

modelsearch's own n-gram analysers need `analysis-common` as well: here the default,
`edgengram_analyzer` and `ngram_analyzer` only split words, lower-case them and, when the node
can, fold accents. Type-ahead uses `match_bool_prefix` (core Elasticsearch) on the folded titles
instead of edge n-grams, so it behaves alike on both.
"""

from copy import deepcopy

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.query import PlainText

FULL_ANALYSIS_MODULE = "analysis-common"
# The analyser of each language's sub-fields.
LANGUAGE_ANALYZERS = {"es": "spanish_text", "en": "english_text"}
CATCH_ALL_PREFIX = "_all_text"


def analyzer(filters):
    return {"type": "custom", "tokenizer": "standard", "filter": filters}


def full_language_analysis():
    """Elasticsearch's `spanish` and `english` analysers (without stem exclusions), with
    accent folding after the stop words (the lists have accents) and before the stemmer."""
    return {
        "filter": {
            "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
            "spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
            "english_stop": {"type": "stop", "stopwords": "_english_"},
            "english_stemmer": {"type": "stemmer", "language": "english"},
            "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
        },
        "analyzer": {
            "spanish_text": analyzer(
                ["lowercase", "spanish_stop", "asciifolding", "spanish_stemmer"]
            ),
            "english_text": analyzer(
                [
                    "english_possessive_stemmer",
                    "lowercase",
                    "english_stop",
                    "asciifolding",
                    "english_stemmer",
                ]
            ),
        },
    }


def core_language_analysis():
    """The nearest core Elasticsearch has: lower case and each language's stop words."""
    return {
        "filter": {
            "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
            "english_stop": {"type": "stop", "stopwords": "_english_"},
        },
        "analyzer": {
            "spanish_text": analyzer(["lowercase", "spanish_stop"]),
            "english_text": analyzer(["lowercase", "english_stop"]),
        },
    }


def index_settings(node_has_analysis_common):
    """Index settings for a node with or without the `analysis-common` module."""
    if node_has_analysis_common:
        analysis = full_language_analysis()
        filters = ["lowercase", "asciifolding"]
    else:
        analysis = core_language_analysis()
        filters = ["lowercase"]
    # The analysers modelsearch's mapping names, and the default for every other text field.
    analysis["analyzer"].update(
        {
            "default": analyzer(filters),
            "edgengram_analyzer": analyzer(filters),
            "ngram_analyzer": analyzer(filters),
        }
    )
    return {"settings": {"analysis": analysis}}


class PortalElasticsearch8Mapping(Elasticsearch8Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if name.startswith(CATCH_ALL_PREFIX):
                field["fields"] = {
                    language: {"type": "text", "analyzer": analyzer_name}
                    for language, analyzer_name in LANGUAGE_ANALYZERS.items()
                }
        return mapping


class PortalElasticsearch8Index(Elasticsearch8Index):
    def put(self):
        settings = deepcopy(self.backend.settings)
        settings["settings"]["analysis"] = index_settings(self.node_has_analysis_common())[
            "settings"
        ]["analysis"]
        self.es.indices.create(index=self.name, **settings)

    def add_item(self, item):
        super().add_item(item)
        self.refresh_if_asked()

    def add_items(self, model, items):
        super().add_items(model, items)
        self.refresh_if_asked()

    def delete_item(self, item):
        super().delete_item(item)
        self.refresh_if_asked()

    def refresh_if_asked(self):
        # Elasticsearch shows a change to searches within a second; with REFRESH_AFTER_WRITE
        # (the test settings) at once, as the database backends do.
        if self.backend.refresh_after_write:
            self.refresh()

    def node_has_analysis_common(self):
        nodes = self.es.nodes.info(metric="plugins")["nodes"].values()
        return all(
            any(module["name"] == FULL_ANALYSIS_MODULE for module in node.get("modules", []))
            for node in nodes
        )


class PortalElasticsearch8SearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    """Searches the sub-fields of the search's language (see the module's docstring)."""

    mapping_class = PortalElasticsearch8Mapping

    def __init__(self, *args, language=None, **kwargs):
        self.language = language if language in LANGUAGE_ANALYZERS else None
        super().__init__(*args, **kwargs)

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if self.language is None:
            return remapped
        return [
            Field(f"{field.field_name}.{self.language}", field.boost)
            if field.field_name.startswith(CATCH_ALL_PREFIX)
            else field
            for field in remapped
        ]

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        return match_all_when_only_stop_words(
            super()._compile_plaintext_query(query, fields, boost)
        )

    def _compile_phrase_query(self, query, fields):
        return match_all_when_only_stop_words(super()._compile_phrase_query(query, fields))


def match_all_when_only_stop_words(compiled):
    """A word the language analyser drops as a stop word ("sin", "como") must not make the
    whole search find nothing: it constrains nothing, as the database backends treat the
    stop words site search drops (search/query.py)."""
    ((kind, body),) = compiled.items()
    if kind == "multi_match":
        body["zero_terms_query"] = "all"
        return compiled
    ((field, value),) = body.items()
    if not isinstance(value, dict):
        value = {"query": value}
    value["zero_terms_query"] = "all"
    return {kind: {field: value}}


class PortalElasticsearch8AutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    def get_inner_query(self):
        if not isinstance(self.query, PlainText):
            return super().get_inner_query()
        fields = self.remapped_fields or ["_edgengrams"]
        match = {"query": self.query.query_string, "operator": self.query.operator or "and"}
        return {
            "bool": {
                "should": [{"match_bool_prefix": {field: match}} for field in fields],
                "minimum_should_match": 1,
            }
        }


class PortalElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    mapping_class = PortalElasticsearch8Mapping
    index_class = PortalElasticsearch8Index
    query_compiler_class = PortalElasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = PortalElasticsearch8AutocompleteQueryCompiler
    settings = index_settings(node_has_analysis_common=False)

    def __init__(self, params):
        params = dict(params)
        self.refresh_after_write = params.pop("REFRESH_AFTER_WRITE", False)
        super().__init__(params)
        self.language = None

    def for_language(self, language):
        """This backend, searching with `language`'s analyser (as the PostgreSQL backend's
        `for_language` searches with its configuration)."""
        self.language = language
        return self

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if query_compiler_class is self.query_compiler_class:
            kwargs["language"] = self.language
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


SearchBackend = PortalElasticsearch8SearchBackend
