"""Django's LocaleMiddleware, minus the language redirect for routes that machines read.

On a 404 outside /es/ or /en/, Django redirects to the same path under the visitor's language
whenever that path would resolve, and Wagtail's page route resolves every path: so every miss
under /api/ or /healthz turned into a redirect to an HTML page.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware


class MachineRouteAwareLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(settings.MACHINE_PATH_PREFIXES):
            return response
        return super().process_response(request, response)
