"""Small site-wide views: health check, robots.txt, favicon, chart data as CSV, the 500 page."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page

from .streamfield import find_block_value

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@cache_control(max_age=60 * 60 * 24, public=True)
@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=60 * 60 * 24, public=True)
@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the hashed file."""
    return HttpResponseRedirect(static("img/favicon.ico"))


def server_error(request):
    """The 500 page, rendered without the database (which may be what failed)."""
    template = loader.get_template("500.html")
    body = template.render({"quick_exit_url": settings.QUICK_EXIT_FALLBACK_URL})
    return HttpResponseServerError(body)


@require_safe
def chart_csv(request, page_id, block_id):
    """The data behind a chart (a data series, an indicator's progress) as a CSV file."""
    page = get_object_or_404(Page.objects.live().public(), id=page_id).specific
    value = find_block_value(page, block_id)
    if value is None or not hasattr(value, "to_csv"):
        raise Http404("No chart data with this id on this page")
    filename = slugify(value.chart_title())[:80] or "datos"
    response = HttpResponse(value.to_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
