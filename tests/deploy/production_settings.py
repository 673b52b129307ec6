"""Production settings for the gunicorn these tests start, with one change: static files come
from the source folders (as in portal.settings.test), so no collectstatic run is needed."""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import STORAGES

WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
