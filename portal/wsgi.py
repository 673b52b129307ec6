"""WSGI entry point for gunicorn: `gunicorn portal.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the apps, the URL map) lives as long as the worker:
# frozen, full garbage collections no longer walk it. Those collections were the slow tail of
# large responses such as the HSDS API's pages (docs/services-directory.md, "Performance").
gc.freeze()
