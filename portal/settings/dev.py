"""Local development: `make run`. Never used in production."""

from .base import *  # noqa: F403
from .base import STORAGES
from .environment import env_int, env_list, env_str

DEBUG = True
# A development-only key: production refuses to start without its own SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# `make run` serves on 127.0.0.1:PORT; the admin's and the API's links point there.
WAGTAILADMIN_BASE_URL = env_str(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}"
)
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# runserver serves static files from the source folders; no collectstatic needed.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
