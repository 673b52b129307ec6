from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search over the pages of the visitor's language."""

    name = "search"
    label = "search"
