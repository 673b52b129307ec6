from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from concepts.models import ConceptPage

from .autocomplete import suggestions
from .kinds import KINDS_BY_SLUG
from .promotions import promoted_results, record_search
from .query import clean_search_text, parse_site_query
from .results import add_snippets, run_search
from .spelling import did_you_mean
from .synonyms import synonym_groups

RESULTS_PER_PAGE = 10
# Without a kind chosen, each kind shows its best few results and a link to the rest.
GROUP_PREVIEW = 3


def site_query(text, locale):
    return parse_site_query(text, locale.language_code, synonym_groups(locale.language_code))


@require_safe
def search(request):
    locale = Locale.get_active()
    text = clean_search_text(request.GET.get("q", ""))
    chosen_kind = KINDS_BY_SLUG.get(request.GET.get("kind", ""))
    query = site_query(text, locale)
    outcome = run_search(query, locale)
    context = {"search_query": text, "outcome": outcome, "chosen_kind": chosen_kind}

    if outcome is not None:
        groups = outcome.groups
        if chosen_kind is None and len(groups) == 1:
            chosen_kind = groups[0].kind
        if chosen_kind is not None:
            paginator = Paginator(outcome.results(chosen_kind), RESULTS_PER_PAGE)
            results = paginator.get_page(request.GET.get("page"))
            add_snippets(results.object_list, query)
            context.update(results=results, listed_kind=chosen_kind)
        else:
            for group in groups:
                add_snippets(group.results[:GROUP_PREVIEW], query)
            context["groups"] = groups
        context["group_preview"] = GROUP_PREVIEW
        context["promotions"] = promoted_results(text, locale)
        if not outcome.count:
            context.update(zero_results_help(text, locale))
        if request.GET.get("page", "1") == "1" and chosen_kind is None:
            record_search(text, found=outcome.count)
    return TemplateResponse(request, "search/search.html", context)


def zero_results_help(text, locale):
    """Spelling suggestions that find something, and the concepts to read instead."""
    suggestion = did_you_mean(text, locale)
    if suggestion:
        found = run_search(site_query(suggestion, locale), locale)
        if not found or not found.count:
            suggestion = None
    concepts = ConceptPage.objects.live().public().filter(locale=locale).order_by("path")
    return {
        "suggestion": suggestion,
        "related_concepts": [concept.card() for concept in concepts],
    }


@require_safe
def search_suggestions(request):
    """Titles and addresses for the search box's type-ahead, as JSON."""
    locale = Locale.get_active()
    text = request.GET.get("q", "")
    response = JsonResponse(
        {"query": clean_search_text(text), "suggestions": suggestions(text, locale)}
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
