"""Editors' promoted results (wagtail.contrib.search_promotions) and the query counts behind
the admin's search reports.

The counts keep the query text and a number per day, nothing about who searched. People
sometimes type a phone number, an identity document number or an e-mail address into a
search box: those are removed before the query is counted.
"""

import re

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from core import content_cache

from .models import ZeroResultQuery

PERSONAL_PATTERNS = (
    re.compile(r"\S+@\S+"),  # e-mail addresses
    re.compile(r"(?:\+?\d[\d\s-]{4,}\d)"),  # phone and document numbers
)


def countable_query(text):
    """The query as counted: normalised, without what may identify someone."""
    for pattern in PERSONAL_PATTERNS:
        text = pattern.sub(" ", text)
    return normalise_query_string(text)


def record_search(text, found):
    """Count the query (Wagtail's popular-searches report) and, when it found nothing, in
    the zero-result report: one UPDATE each for a query already counted today, the rows
    created only for the day's first search of it."""
    query_string = countable_query(text)
    if not query_string:
        return
    today = timezone.now().date()
    counted = QueryDailyHits.objects.filter(query__query_string=query_string, date=today).update(
        hits=F("hits") + 1
    )
    if not counted:
        with transaction.atomic():
            Query.get(query_string).add_hit(today)
    if not found:
        ZeroResultQuery.add_hit(query_string, timezone.localdate())


def promoted_results(text, locale):
    """The editors' promotions for this query: live pages of the visitor's language and
    external links."""
    query_string = normalise_query_string(text)
    if not query_string:
        return []
    return promotions_by_query(locale.language_code).get(query_string, [])


def promotions_by_query(language):
    """{query string: [{"title", "url", "description"}]} of every promotion shown in
    `language`, from the content cache (a promotion saved or deleted, or a page published,
    replaces the content version)."""
    return content_cache.cached(f"search:promotions:{language}", lambda: read_promotions(language))


def read_promotions(language):
    promotions = SearchPromotion.objects.select_related("query", "page", "page__locale")
    found = {}
    for promotion in promotions.order_by("query", "sort_order", "pk"):
        page = promotion.page
        if page is not None:
            if not page.live or page.locale.language_code != language:
                continue
            shown = {"title": page.title, "url": page.get_url()}
        elif promotion.external_link_url:
            shown = {
                "title": promotion.external_link_text or promotion.external_link_url,
                "url": promotion.external_link_url,
            }
        else:
            continue
        shown["description"] = promotion.description
        found.setdefault(promotion.query.query_string, []).append(shown)
    return found
