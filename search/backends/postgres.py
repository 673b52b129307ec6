"""modelsearch's PostgreSQL backend with one text search configuration per language:
`spanish_unaccent` for Spanish content and queries, `english_unaccent` for English ones
(search/migrations). Each object is indexed with its own language's configuration, and a
search uses the configuration of the language it searches (`for_language`)."""

from collections import defaultdict

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from wagtail.models import Locale


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("id", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            by_config[self.backend.config_for(language)].append(obj)
        default_config = self.backend.config
        try:
            for config, group in by_config.items():
                # The indexer reads the backend's configuration as it builds the vectors.
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend.config = default_config


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguagePostgresIndex

    def __init__(self, params):
        params = dict(params)
        self.language_configs = params.pop("LANGUAGE_CONFIGS", {})
        super().__init__(params)
        self.default_config = self.config

    def config_for(self, language):
        return self.language_configs.get(language, self.default_config)

    def for_language(self, language):
        """This backend, searching with `language`'s configuration."""
        self.config = self.config_for(language)
        return self


SearchBackend = LanguagePostgresSearchBackend
