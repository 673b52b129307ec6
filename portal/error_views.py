"""Error responses: the site's own bilingual pages for people, JSON for machine routes.

The 400, 403 and 500 pages are rendered without the request's host or the database (a bad
Host header or a database failure may be why they are shown), so they are static and in both
languages, with the quick exit like every page.
"""

from django.conf import settings
from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    JsonResponse,
)
from django.template import loader
from django.views.defaults import page_not_found as default_page_not_found


def is_json_route(path):
    return path.startswith(settings.JSON_PATH_PREFIXES)


def _render_standalone(template_name):
    return loader.get_template(template_name).render(
        {"quick_exit_url": settings.QUICK_EXIT_FALLBACK_URL}
    )


def bad_request(request, exception=None):
    if is_json_route(request.path):
        return JsonResponse({"message": "bad request"}, status=400)
    return HttpResponseBadRequest(_render_standalone("400.html"))


def permission_denied(request, exception=None):
    if is_json_route(request.path):
        return JsonResponse({"message": "forbidden"}, status=403)
    return HttpResponseForbidden(_render_standalone("403.html"))


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: Django's own page is an English technical one."""
    return permission_denied(request)


def page_not_found(request, exception=None):
    if is_json_route(request.path):
        return JsonResponse({"message": "not found"}, status=404)
    return default_page_not_found(request, exception)
