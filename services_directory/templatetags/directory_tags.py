"""Template tags other apps' pages use to point readers at the directory, without importing
it: a concept page lists the services of the types it chose."""

from django import template

from core import content_cache

from ..directory import in_language
from ..lookups import default_locale, labelled_taxonomy
from ..models import Service, ServiceDirectoryPage, ServiceType

register = template.Library()

SERVICES_SHOWN = 5


def chosen_type_slugs(page):
    """The service types a page chose; a translation made before the choice falls back on
    its source-language page's."""
    slugs = list(page.service_types.values_list("slug", flat=True))
    default = default_locale()
    if not slugs and page.locale_id != default.id:
        source = page.get_translation_or_none(default)
        if source is not None:
            slugs = list(source.specific.service_types.values_list("slug", flat=True))
    return slugs


@register.inclusion_tag("services_directory/components/helping_services.html")
def services_that_help(page):
    """Up to SERVICES_SHOWN services of the page's chosen types, and a link to the directory
    filtered by each type. Renders nothing when the page chose none."""
    slugs = chosen_type_slugs(page)
    locale = page.locale
    directory_url = directory_url_in(locale)
    if not slugs or directory_url is None:
        return {"services": [], "types": []}
    through = Service.service_types.through
    services = (
        in_language(Service.objects.public(), locale)
        .filter(pk__in=through.objects.filter(servicetype__slug__in=slugs).values("service_id"))
        .select_related("organization")
        .prefetch_related("phones")
        .order_by("name", "id")[:SERVICES_SHOWN]
    )
    return {
        "services": [
            {"service": service, "url": f"{directory_url}{service.slug}/"} for service in services
        ],
        "types": [
            {"name": term.name, "url": f"{directory_url}?type={term.slug}"}
            for term in labelled_taxonomy(ServiceType, locale)
            if term.slug in slugs
        ],
    }


def directory_url_in(locale):
    """The address of the live directory page in `locale` (None without one), from the content
    cache, which forgets it when a page is published, moved or deleted."""

    def build():
        directory = ServiceDirectoryPage.objects.live().filter(locale=locale).first()
        return directory.url if directory is not None else None

    return content_cache.cached(f"directory:url:{locale.id}", build)
