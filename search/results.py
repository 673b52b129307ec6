"""Site search over the live public pages of one language and the services directory:
what matches, grouped by kind, in one order on every backend (search/ranking.py)."""

from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core import content_cache
from core.search_text import split_sections
from services_directory.directory import in_language
from services_directory.models import Service, ServiceDirectoryPage

from . import ranking
from .kinds import KINDS, KINDS_BY_SLUG, SERVICES
from .page_cards import page_cards
from .snippets import snippet

# At most this many pages and services are ranked (a language has a few hundred pages at
# most; matching services beyond these follow, ranked, in alphabetical order).
PAGE_CANDIDATES = 500
SERVICE_CANDIDATES = 200
# Elasticsearch answers up to 100 hits in one request and pages through more with a scroll
# (three round trips): the first batch stays within one request.
FIRST_BATCH = 100


@dataclass
class Result:
    kind: object
    title: str
    url: str
    score: float
    summary: str
    # The text a snippet falls back on when the summary does not match.
    body: str = ""
    # The result's language when it is not the page's (an untranslated service): for `lang`.
    language: str = ""
    snippet: str = ""


@dataclass
class Group:
    kind: object
    count: int
    results: list = field(default_factory=list)

    @property
    def best_score(self):
        return self.results[0].score if self.results else 0


class SearchOutcome:
    """Every group with matches, best group first; `results(kind)` lists one kind in order,
    `count` counts them all."""

    def __init__(self, query, groups, service_tail):
        self.query = query
        self.groups = sorted(
            (group for group in groups if group.count), key=lambda group: -group.best_score
        )
        self._service_tail = service_tail

    @property
    def count(self):
        return sum(group.count for group in self.groups)

    def group(self, kind):
        return next((group for group in self.groups if group.kind == kind), None)

    def results(self, kind):
        """A sequence a Paginator can slice: the ranked results, then for services the rest
        in alphabetical order."""
        group = self.group(kind)
        if group is None:
            return []
        if kind == SERVICES:
            return RankedThenRest(group.results, self._service_tail, group.count)
        return group.results

    def top(self):
        """Results of every kind in one ranked list (what the relevance tests compare)."""
        merged = [result for group in self.groups for result in group.results]
        return sorted(merged, key=lambda result: -result.score)


class RankedThenRest:
    def __init__(self, ranked, tail, count):
        self.ranked, self.tail, self.count_ = ranked, tail, count

    def __len__(self):
        return self.count_

    def count(self):
        return self.count_

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop or self.count_, self.count_)
        head = self.ranked[start:stop]
        if stop <= len(self.ranked):
            return head
        # Past the ranked head, positions are those of the alphabetical order.
        return head + self.tail(max(start, len(self.ranked)), stop)


def run_search(query, locale):
    """A SearchOutcome for `query` (a SiteQuery) in `locale`, or None without a query."""
    search_query = query.as_search_query()
    if search_query is None:
        return None
    backend = get_search_backend()
    if hasattr(backend, "for_language"):
        # PostgreSQL and Elasticsearch: the configuration or analysers of the language searched.
        backend = backend.for_language(locale.language_code)
    groups = page_groups(backend, search_query, query, locale)
    services, service_tail = service_group(query, locale)
    return SearchOutcome(query, [*groups, services], service_tail)


def page_groups(backend, search_query, query, locale):
    """The matching pages by kind, ranked. The backend says which pages match; what is shown
    and ranked comes from the cached cards (search/page_cards.py), which hold only the public
    pages: a page under a view restriction is dropped here."""
    cards = page_cards(locale.language_code)
    pages = Page.objects.live().filter(locale=locale).only("pk")
    found = matching_pages(backend, search_query, pages)
    groups = {kind: Group(kind, 0) for kind in KINDS if kind != SERVICES}
    for page in found:
        card = cards.get(page.pk)
        if card is None:
            continue
        group = groups[KINDS_BY_SLUG[card.kind_slug]]
        group.count += 1
        group.results.append(
            Result(
                kind=group.kind,
                title=card.title,
                url=card.url,
                score=ranking.score(query, card.title_stems, card.summary_stems),
                summary=card.summary,
                body=card.body,
            )
        )
    for group in groups.values():
        # A stable sort: equal scores keep the backend's order.
        group.results.sort(key=lambda result: -result.score)
    return list(groups.values())


def matching_pages(backend, search_query, pages):
    """The pages that match, in the backend's order, at most PAGE_CANDIDATES: one request for
    the usual few dozen, a second only when the first batch is full."""
    found = list(backend.search(search_query, pages)[:FIRST_BATCH])
    if len(found) < FIRST_BATCH:
        return found
    return found + list(backend.search(search_query, pages)[FIRST_BATCH:PAGE_CANDIDATES])


def directory_url(language):
    """The address of the live public services directory in `language`, or None (cached)."""

    def find():
        directory = (
            ServiceDirectoryPage.objects.live()
            .public()
            .filter(locale__language_code=language)
            .first()
        )
        return directory.get_url() if directory is not None else ""

    return content_cache.cached(f"search:directory-url:{language}", find) or None


def service_group(query, locale):
    """Public services shown in the language's directory (those of the language, and the
    default language's not yet translated: services_directory.directory.in_language) that
    match every term, matched on their stored stemmed copy (Service.search_stems)."""
    base_url = directory_url(locale.language_code)
    if base_url is None:
        return Group(SERVICES, 0), None
    services = in_language(Service.objects.public(), locale)
    for term in query.terms:
        condition = Q()
        for option in term:
            condition |= Q(search_stems__contains=f" {' '.join(option)} ")
        services = services.filter(condition)
    by_name = services.order_by("name", "pk").values_list(
        "name", "slug", "description", "search_stems", "locale__language_code"
    )
    rows = list(by_name[: SERVICE_CANDIDATES + 1])
    # Counting scans the table again: only needed when there are more than we rank.
    count = len(rows) if len(rows) <= SERVICE_CANDIDATES else services.count()
    if not count:
        return Group(SERVICES, 0), None
    language = locale.language_code
    results = [service_result(row, query, base_url, language) for row in rows[:SERVICE_CANDIDATES]]
    results.sort(key=lambda result: -result.score)

    def tail(start, stop):
        return [service_result(row, query, base_url, language) for row in by_name[start:stop]]

    return Group(SERVICES, count, results), tail


def service_result(row, query, base_url, language):
    name, slug, description, stored_stems, service_language = row
    title_stems, summary_stems, _body_stems = split_sections(stored_stems)
    return Result(
        kind=SERVICES,
        title=name,
        url=f"{base_url}{slug}/",
        score=ranking.score(query, title_stems, summary_stems),
        summary=description,
        language=service_language if service_language != language else "",
    )


def add_snippets(results, query):
    """Mark the searched words in the results about to be shown (only those: a page's body
    text is read only when its summary does not match)."""
    for result in results:
        result.snippet = snippet(" ".join(result.summary.split()), result.body, query)
    return results
