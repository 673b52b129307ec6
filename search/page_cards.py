"""What site search shows and ranks of each live public page of a language, read from the
content cache (core/content_cache.py) instead of fetched page by page.

A search asks the backend which pages match; everything else (the kind, the title, the address,
the stems the ranking compares, the text a snippet is cut from) comes from these cards. Built
once per content version with one query per page type, they spare each search the "specific"
query per page type found, the view-restriction check and a lookup of the site for each address.
Publishing, unpublishing, moving or deleting a page replaces the content version, so a search
never shows a page as it was before.
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from core import content_cache

from .kinds import kind_of_page


@dataclass(frozen=True)
class PageCard:
    id: int
    kind_slug: str
    title: str
    url: str
    summary: str
    body: str
    title_stems: tuple
    summary_stems: tuple


def page_cards(language):
    """{page id: PageCard} for every live public page in `language`."""
    return content_cache.cached(f"search:page-cards:{language}", lambda: _build(language))


def _build(language):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return {}
    cards = {}
    for page in Page.objects.live().public().filter(locale=locale).specific():
        page.locale = locale  # the stems read the page's language: no query per page
        cards[page.pk] = _card(page)
    return cards


def _card(page):
    searchable = hasattr(page, "search_title_stems")
    return PageCard(
        id=page.pk,
        kind_slug=kind_of_page(page).slug,
        title=page.title,
        # Without a request: the address as every page of the site links to it.
        url=page.get_url(),
        summary=" ".join(page.search_summary_text().split()) if searchable else "",
        body=" ".join(page.search_body_text().split()) if searchable else "",
        title_stems=tuple(page.search_title_stems().split()) if searchable else (),
        summary_stems=tuple(page.search_summary_stems().split()) if searchable else (),
    )
