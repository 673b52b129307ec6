"""modelsearch's Elasticsearch 8 backend with index settings that any Elasticsearch 8 node
accepts, Elastic's minimal test distribution included.

modelsearch's own settings build n-gram analysers from the `analysis-common` module
(edge_ngram, asciifolding), which the test distribution lacks: it could not even create its
index there. Here the text arrives already folded and stemmed by core/search_text.py, so the
node only has to split words and lower-case them, which core Elasticsearch always can. When
the node has `analysis-common` (every full distribution), accents are also folded in the
original text fields. Type-ahead uses `match_bool_prefix` (core Elasticsearch) on the folded
titles instead of edge n-grams, so it behaves alike on both.
"""

from copy import deepcopy

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
)
from modelsearch.query import PlainText

FULL_ANALYSIS_MODULE = "analysis-common"


def analyzer(filters):
    return {"type": "custom", "tokenizer": "standard", "filter": filters}


def index_settings(node_has_analysis_common):
    """Index settings for a node with or without the `analysis-common` module."""
    filters = ["lowercase", "asciifolding"] if node_has_analysis_common else ["lowercase"]
    # The analysers modelsearch's mapping names, and the default for every other text field.
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": analyzer(filters),
                    "edgengram_analyzer": analyzer(filters),
                    "ngram_analyzer": analyzer(filters),
                }
            }
        }
    }


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
    index_class = PortalElasticsearch8Index
    autocomplete_query_compiler_class = PortalElasticsearch8AutocompleteQueryCompiler
    settings = index_settings(node_has_analysis_common=False)

    def __init__(self, params):
        params = dict(params)
        self.refresh_after_write = params.pop("REFRESH_AFTER_WRITE", False)
        super().__init__(params)


SearchBackend = PortalElasticsearch8SearchBackend
