from django.apps import AppConfig

from core import content_cache


class SearchConfig(AppConfig):
    """Site search over the pages of the visitor's language."""

    name = "search"
    label = "search"

    def ready(self):
        # Models can be imported once the apps are loaded.
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from .models import SearchSynonym

        # Search reads the synonyms and the promoted results from the content cache: an
        # editor's change to either shows on the next search.
        for model in (SearchSynonym, SearchPromotion):
            content_cache.invalidate_on_change(model)
