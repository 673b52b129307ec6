"""Wagtail's and wagtail-localize's own words that read wrong to this team in Spanish: their
catalogues call languages "Regiones", snippets "Fragmentos", a page's slug "marquilla" and
settings "Propiedades", and leave a few strings in English.
Listing the strings here puts them in the project's catalogue (`make messages`), whose
translations take precedence over the packages' (LOCALE_PATHS). Nothing imports this module;
it exists for the extraction. The scripts' words are in admin_vocabulary.js."""

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
    gettext_noop("slug"),
    # Left untranslated by the packages' Spanish catalogues (seen walking the admin).
    gettext_noop("Add a locale"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("No pages/snippets have been submitted for moderation yet"),
    gettext_noop("This page hasn't been submitted for moderation yet"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    # Wagtail's Spanish calls the settings menu "Propiedades".
    gettext_noop("Settings"),
]
