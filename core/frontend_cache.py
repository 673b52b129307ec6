"""Purging the caching proxy in front of the site (deploy/varnish/default.vcl).

The proxy is named in settings.WAGTAILFRONTENDCACHE, as Wagtail's frontend_cache expects
(production sets it from FRONTEND_CACHE_PURGE_URL). Without it every function here does
nothing, and costs no query.

Purges are sent when the database transaction commits: sent earlier, a visitor's request
between the purge and the commit would put the old page back in the cache.

Models are looked up when needed (`apps.get_model`): the portal imports this module while
Django loads the apps, before models can be imported.
"""

import logging
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.apps import apps
from django.db import connection, transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend, which sends PURGE for each URL (the VCL then drops that path
    with every query string), plus `purge_all`: one BAN that empties the cache. A proxy that
    does not answer within `timeout` seconds is logged, never allowed to hold up a publish."""

    timeout = 5

    def purge(self, url):
        parts = urlsplit(url)
        self._send("PURGE", parts.path or "/", parts.netloc)

    def purge_all(self):
        self._send("BAN", "/", self.cache_netloc)

    def _send(self, method, path, host):
        request = Request(  # noqa: S310 (the scheme comes from the settings, not from a visitor)
            f"{self.cache_scheme}://{self.cache_netloc}{path}",
            method=method,
            headers={"Host": host, "User-Agent": "portal-frontend-cache"},
        )
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except OSError as error:  # URLError and HTTPError are OSErrors, as is a timeout
            logger.error("The caching proxy did not accept %s %s: %s", method, path, error)


def page_urls(page):
    """Full URLs of the page in every language, of the pages that list it (its ancestors from
    the language's home down) and of the pages that show it elsewhere (see `referring_pages`),
    each with the sub-routes it declares in get_cached_paths."""
    translations = [page, *page.get_translations().live()]
    pages = {candidate.pk: candidate for candidate in translations}
    for translation in translations:
        for ancestor in translation.get_ancestors().filter(depth__gte=2):
            pages[ancestor.pk] = ancestor
    for referrer in referring_pages(translations):
        pages[referrer.pk] = referrer
    urls = set()
    for candidate in pages.values():
        url = candidate.get_full_url()
        if url is None:
            continue
        specific = candidate.specific_deferred
        urls.update(url + path.lstrip("/") for path in specific.get_cached_paths())
    return urls


def referring_pages(pages):
    """The live pages, in every language, whose content refers to any of `pages`: a related
    concept, a campaign's concepts, the home page's featured links, a link block. Wagtail's
    reference index records each page's references when it is saved, inline children (a
    related-concept row) under their page, so no list of who shows what is kept here. Every
    translation of a referrer is included: pages show a linked page in their own language,
    following its translation key, so the English concept page shows the English title of a
    concept its (Spanish-copied) link names in Spanish."""
    page_model = apps.get_model("wagtailcore", "Page")
    references = apps.get_model("wagtailcore", "ReferenceIndex")
    page_type = apps.get_model("contenttypes", "ContentType").objects.get_for_model(page_model)
    # The index keeps object ids as text (it records models of any key type).
    referrer_ids = {
        int(object_id)
        for object_id in references.get_references_to_in_bulk(pages)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if not referrer_ids:
        return []
    translation_keys = page_model.objects.filter(pk__in=referrer_ids).values("translation_key")
    return list(page_model.objects.live().filter(translation_key__in=translation_keys))


def purge_page(page):
    """Drops the page, its translations and the pages that list or show it, at commit."""
    if not get_backends():
        return
    urls = page_urls(page)
    transaction.on_commit(lambda: _purge_urls(urls))


def purge_everything():
    """Empties the cache at commit; once per transaction, however many rows it saves."""
    if not get_backends():
        return
    if any(callback is _purge_everything for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(_purge_everything)


def _purge_urls(urls):
    for backend in get_backends().values():
        backend.purge_batch(sorted(urls))


def _purge_everything():
    for name, backend in get_backends().items():
        if hasattr(backend, "purge_all"):
            backend.purge_all()
        else:
            logger.error("The frontend cache backend %r cannot purge everything.", name)
