from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from .query import build_search_query, clean_search_text

RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    query = clean_search_text(request.GET.get("q", ""))
    search_query = build_search_query(query)
    results = Page.objects.none()
    if search_query is not None:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .specific()
            .search(search_query)
        )

    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        results_page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results_page = paginator.page(1)
    except EmptyPage:
        results_page = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results_page, "paginator": paginator},
    )
