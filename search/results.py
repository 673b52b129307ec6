"""Site search over the live public pages of one language and the services directory:
what matches, grouped by kind, in one order on every backend (search/ranking.py)."""

from dataclasses import dataclass, field

from django.db.models import Q, prefetch_related_objects
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.search_text import split_sections
from services_directory.models import Service, ServiceDirectoryPage

from . import ranking
from .kinds import KINDS, SERVICES, kind_of_page
from .snippets import snippet

# At most this many pages and services are ranked (a language has a few hundred pages at
# most; matching services beyond these follow, ranked, in alphabetical order).
PAGE_CANDIDATES = 500
SERVICE_CANDIDATES = 200


@dataclass
class Result:
    kind: object
    title: str
    url: str
    score: float
    summary: str
    item: object
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


def run_search(query, locale, request=None):
    """A SearchOutcome for `query` (a SiteQuery) in `locale`, or None without a query."""
    search_query = query.as_search_query()
    if search_query is None:
        return None
    backend = get_search_backend()
    if hasattr(backend, "for_language"):
        # PostgreSQL: the text search configuration of the language searched.
        backend = backend.for_language(locale.language_code)
    groups = page_groups(backend, search_query, query, locale, request)
    services, service_tail = service_group(query, locale, request)
    return SearchOutcome(query, [*groups, services], service_tail)


def page_groups(backend, search_query, query, locale, request):
    pages = Page.objects.live().public().filter(locale=locale).specific()
    found = list(backend.search(search_query, pages)[:PAGE_CANDIDATES])
    prefetch_related_objects(found, "locale")
    groups = {kind: Group(kind, 0) for kind in KINDS if kind != SERVICES}
    for page in found:
        group = groups[kind_of_page(page)]
        group.count += 1
        group.results.append(
            Result(
                kind=group.kind,
                title=page.title,
                url=page.get_url(request),
                score=ranking.score(
                    query, page.search_title_stems().split(), page.search_summary_stems().split()
                ),
                summary=page.search_summary_text(),
                item=page,
            )
        )
    for group in groups.values():
        # A stable sort: equal scores keep the backend's order.
        group.results.sort(key=lambda result: -result.score)
    return list(groups.values())


def service_group(query, locale, request):
    """Public services of the language that match every term, matched on their stored
    stemmed copy (Service.search_stems) by the database."""
    services = Service.objects.public().filter(locale=locale)
    for term in query.terms:
        condition = Q()
        for option in term:
            condition |= Q(search_stems__contains=f" {' '.join(option)} ")
        services = services.filter(condition)
    directory = ServiceDirectoryPage.objects.live().public().filter(locale=locale).first()
    if directory is None:
        return Group(SERVICES, 0), None
    by_name = services.order_by("name", "pk").values_list(
        "name", "slug", "description", "search_stems"
    )
    rows = list(by_name[: SERVICE_CANDIDATES + 1])
    # Counting scans the table again: only needed when there are more than we rank.
    count = len(rows) if len(rows) <= SERVICE_CANDIDATES else services.count()
    if not count:
        return Group(SERVICES, 0), None
    directory_url = directory.get_url(request)
    results = [service_result(row, query, directory_url) for row in rows[:SERVICE_CANDIDATES]]
    results.sort(key=lambda result: -result.score)

    def tail(start, stop):
        return [service_result(row, query, directory_url) for row in by_name[start:stop]]

    return Group(SERVICES, count, results), tail


def service_result(row, query, directory_url):
    name, slug, description, stored_stems = row
    title_stems, summary_stems, _body_stems = split_sections(stored_stems)
    return Result(
        kind=SERVICES,
        title=name,
        url=f"{directory_url}{slug}/",
        score=ranking.score(query, title_stems, summary_stems),
        summary=description,
        item=None,
    )


def add_snippets(results, query):
    """Mark the searched words in the results about to be shown (only those: a page's body
    text is read only when its summary does not match)."""
    for result in results:
        body = ""
        if result.item is not None:
            body = " ".join(result.item.search_body_text().split())
        result.snippet = snippet(" ".join(result.summary.split()), body, query)
    return results
