"""Settings for the test suite (pytest-django). The database comes from DATABASE_URL as in
every environment, so the same suite runs on SQLite and on PostgreSQL."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, SILENCED_SYSTEM_CHECKS, STORAGES, WAGTAILSEARCH_BACKENDS

DEBUG = False
SECRET_KEY = "test-only-key-not-a-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Hashing passwords slowly is the point in production and a waste of time in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests serve static files from the source folders (whitenoise, like production, but without
# collectstatic); a separate test builds the production manifest.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so the browser tests' server thread opens its own connection and
    # sees only committed data, as a real server would.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
    # A throwaway database need not survive a power cut: no fsync on every commit, which
    # the delivery worker tests (thousands of small transactions) would otherwise wait on.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"]["OPTIONS"],
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF",
    }

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests of other features sign in with force_login; tests/editorial turns the second sign-in
# step back on, and tests/portal/test_production_settings.py checks production keeps it.
ADMIN_TWO_FACTOR_ENFORCED = False
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# Test-only keys (generated for the test suite, protecting nothing), newest first.
COMPLAINTS_ENCRYPTION_KEYS = ["VstBuN4vwls_ggtDsgT51Rc-52B021wL7atj0w0Kg0w="]
ALTCHA_HMAC_SECRET = "test-only-altcha-secret"  # noqa: S105
# The tests' webhook receivers are real HTTP servers on this machine, without TLS.
COMPLAINTS_WEBHOOK_INSECURE_HOSTS = ["127.0.0.1"]
# Tests hash thousands of receipt codes: a cheaper scrypt (the benchmark uses the real one).
COMPLAINTS_RECEIPT_SCRYPT_N = 2**10
# An easy challenge keeps the browser tests quick; the verification is the real one.
ALTCHA_CHALLENGE = {"cost": 50}
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_recaptcha.recaptcha_test_key_error"]

# On Elasticsearch, a page a test publishes is searchable at once, as on the database backends.
if WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.elasticsearch8":
    WAGTAILSEARCH_BACKENDS["default"]["REFRESH_AFTER_WRITE"] = True
    # Each pytest-xdist worker has a test database of its own, and so an index of its own.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] += os.environ["PYTEST_XDIST_WORKER"] + "_"
