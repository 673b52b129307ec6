"""Production: everything secret or site-specific comes from the environment.

Importing this module fails, naming the variable, when SECRET_KEY or ALLOWED_HOSTS is missing.
With them set, `manage.py check --deploy --settings=portal.settings.production` is clean.
"""

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_list, env_required, env_str, split_list

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = split_list(env_required("ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Persistent database connections, each checked before a request reuses it
# (CONN_HEALTH_CHECKS, base settings): a database restart costs no error once it is back.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405

# HTTPS only. The proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The caching proxy's health probe asks gunicorn over plain HTTP (deploy/varnish/default.vcl).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Production runs several processes (gunicorn workers), and the content cache, the rate limits
# and ALTCHA's used challenges must be shared by all of them: an in-process cache would keep a
# worker serving navigation an editor has already changed. Without Redis (CACHE_URL/REDIS_URL),
# a file-based cache under CACHE_DIR, which every process on this machine shares. More than one
# machine needs Redis (docs/deployment.md).
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("CACHE_DIR") or str(BASE_DIR / "var" / "cache"),  # noqa: F405
            "KEY_PREFIX": "portal",
        },
        # ALTCHA's record of used challenges needs an atomic add(), which a file cache lacks
        # (two submissions of one solved challenge could both pass): a table of the database,
        # created by `migrate` (portal/apps.py).
        "single_use": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_single_use_cache",
        },
    }
    ALTCHA_CACHE_ALIAS = "single_use"

# Email (admin notifications, later complaint delivery): SMTP settings from the environment.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Complaint content is encrypted at rest: no key, no start (keys: newest first).
COMPLAINTS_ENCRYPTION_KEYS = split_list(env_required("COMPLAINTS_ENCRYPTION_KEYS"))
COMPLAINTS_FROM_EMAIL = env_str("COMPLAINTS_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# Reports leave over HTTPS only: no plain-HTTP exception, whatever another file says.
COMPLAINTS_WEBHOOK_INSECURE_HOSTS = []
ALTCHA_HMAC_SECRET = env_str("ALTCHA_HMAC_SECRET") or SECRET_KEY

# Purge the caching proxy when content changes (core/frontend_cache.py, docs/deployment.md).
# Wagtail's frontend_cache app is not installed: its handlers purge only a page's own URL; the
# portal's (portal/cache_invalidation.py) purge translations and listings too, or everything.
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
        }
    }
