"""Wagtail's and wagtail-localize's own words that read wrong to this team in Spanish: their
catalogues call languages "Regiones" and snippets "Fragmentos". Listing the strings here puts
them in the project's catalogue (`make messages`), whose translations take precedence over the
packages' (LOCALE_PATHS). Nothing imports this module; it exists for the extraction."""

from django.utils.translation import gettext_noop

OVERRIDDEN = [
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("Locales"),
    gettext_noop("Wagtail locales"),
    gettext_noop("Snippets"),
    gettext_noop("Wagtail snippets"),
    gettext_noop("1 snippet selected"),
    gettext_noop("Sync translated snippets"),
]
