"""Editors' promoted results (wagtail.contrib.search_promotions) and the query counts behind
the admin's search reports.

The counts keep the query text and a number per day, nothing about who searched. People
sometimes type a phone number, an identity document number or an e-mail address into a
search box: those are removed before the query is counted.
"""

import re

from django.db import transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

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
    the zero-result report."""
    query_string = countable_query(text)
    if not query_string:
        return
    with transaction.atomic():
        Query.get(query_string).add_hit()
        if not found:
            ZeroResultQuery.add_hit(query_string, timezone.localdate())


def promoted_results(text, locale, request=None):
    """The editors' promotions for this query: live pages of the visitor's language and
    external links."""
    query_string = normalise_query_string(text)
    if not query_string:
        return []
    promotions = SearchPromotion.objects.filter(query__query_string=query_string).select_related(
        "page"
    )
    found = []
    for promotion in promotions:
        page = promotion.page
        if page is not None:
            if not page.live or page.locale_id != locale.id:
                continue
            found.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "description": promotion.description,
                }
            )
        elif promotion.external_link_url:
            found.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return found
