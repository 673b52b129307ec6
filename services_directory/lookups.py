"""What every directory page reads but maintainers rarely change: the locales, the regions and
the two taxonomies. They come from the content cache (core/content_cache.py), whose version is
replaced whenever a locale, a region or a term is saved or deleted (apps.py and
core/content_signals.py), so an edit shows on the next request.

Only shared data lives here: nothing that depends on a visitor's filters or results."""

from django.utils import translation
from wagtail.models import Locale

from core import content_cache

from .models.region import Region
from .text import normalize


def active_locale():
    return content_cache.cached(f"locale:{translation.get_language()}", Locale.get_active)


def default_locale():
    return content_cache.cached("locale:default", Locale.get_default)


def regions():
    """Every region, by name."""
    return content_cache.cached("directory:regions", lambda: sorted_by_name(Region.objects.all()))


def region_names():
    """Each region's name by its code (every service card asks)."""
    return content_cache.cached(
        "directory:region-names", lambda: {region.code: region.name for region in regions()}
    )


def taxonomy_terms(model):
    """Every term of a taxonomy, in every language, by name."""
    return content_cache.cached(
        f"directory:terms:{model._meta.label}", lambda: list(model.objects.order_by("name"))
    )


def labelled_taxonomy(model, locale):
    """The terms of a taxonomy in `locale`, falling back to the default language's term when
    one has no translation yet."""
    terms = {}
    for term in taxonomy_terms(model):
        current = terms.get(term.translation_key)
        if current is None or term.locale_id == locale.id:
            terms[term.translation_key] = term
    return sorted_by_name(terms.values())


def sorted_by_name(items):
    """Alphabetical order as readers expect it: "Áncash" between "Amazonas" and "Apurímac"."""
    return sorted(items, key=lambda item: normalize(item.name))
