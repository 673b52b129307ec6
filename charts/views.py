"""The data behind a chart as a CSV file."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from wagtail.models import Page

from core.streamfield import find_block_value

from .sources import ChartSource


@require_safe
def chart_csv(request, page_id, block_id):
    """The data behind a chart (a data series, an indicator's progress) as a CSV file."""
    page = get_object_or_404(Page.objects.live().public(), id=page_id).specific
    value = find_block_value(page, block_id)
    if not isinstance(value, ChartSource):
        raise Http404("No chart data with this id on this page")
    filename = slugify(value.chart_title())[:80] or "datos"
    response = HttpResponse(value.to_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
