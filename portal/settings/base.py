"""Settings shared by every environment. Safe by default: DEBUG is off, no secret lives here.

Each environment (dev, test, production) imports this module and changes only what it must.
Every variable read from the environment is documented in .env.example.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .environment import env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

# Local apps in dependency order (docs/architecture.md): each imports only the ones above it.
# `portal` is the project; it is an app only for its management commands and the migration
# history of the models that moved to `core`.
LOCAL_APPS = [
    "core",
    "charts",
    "home",
    "plan",
    "concepts",
    "services_directory",
    "campaigns",
    "search",
    "complaints",
    "editorial",
    "portal",
]

INSTALLED_APPS = [
    *LOCAL_APPS,
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "altcha_django",
    "django_recaptcha",
    "django_tasks",
    "django_tasks_db",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Outermost, so that every response gets the security headers: redirects and errors that
    # the middleware below returns early included.
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed by the application itself (whitenoise, above, serves static files already
    # compressed and never reaches it): a page arrives in one round trip on a slow connection.
    # Django's GZip adds its own mitigation of the BREACH attack.
    "django.middleware.gzip.GZipMiddleware",
    # Above sessions and CSRF, so it sees any cookie they set (a response with one is private).
    "core.public_cache.PublicCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale_middleware.MachineRouteAwareLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF: the complaint form is posted without a cookie (see its docstring).
    "complaints.middleware.ComplaintFormCsrfExemptionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks the user verified once a one-time password was given in this session; the next
    # one sends admin users who must use two factors to enrolment or to the code form.
    "django_otp.middleware.OTPMiddleware",
    "editorial.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Pages are routed from the cached page tree (core/page_tree.py), not the database.
    "core.routing_middleware.CachedPageRouteMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite next to the code unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Development writes concurrently (autosave, preview and publish): a transaction takes the
    # write lock when it starts (IMMEDIATE) rather than failing when it first writes, a writer
    # waits up to 20 s for another, and readers never wait for a writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process by default; Redis (shared by every app server) when configured.
_cache_url = env_str("CACHE_URL") or env_str("REDIS_URL")
if _cache_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish first and default, English complete. Both are content languages.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", "Español"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Lima"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks the two languages of the team, nothing else.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Translating a page creates a draft: a live English page full of untranslated Spanish text
# is never published by accident; a Moderator publishes the translation when it is done.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files: hashed names and pre-compressed copies (gzip and brotli), served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# whitenoise caches files with hashed names forever; the rest (none public today) for an hour.
WHITENOISE_MAX_AGE = 60 * 60

# Security headers sent on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True

# Content Security Policy for public pages (see core/middleware.py). The admin is excluded
# because Wagtail's editor relies on inline scripts; it is for trusted staff behind a login.
CSP_EXEMPT_PATH_PREFIXES = ("/admin/",)
CSRF_FAILURE_VIEW = "portal.error_views.csrf_failure"

# Routes that machines read: never redirected to a language prefix (core/locale_middleware.py).
MACHINE_PATH_PREFIXES = (
    "/api/",
    "/healthz",
    "/sitemap.xml",
    "/sitemap-",
    "/robots.txt",
    "/favicon.ico",
    "/embed/",
    "/oembed/",
    "/documents/",
)
# Those of them that answer JSON, errors included (portal/error_views.py).
JSON_PATH_PREFIXES = ("/api/", "/healthz", "/oembed/")
# Video providers whose players an editor may embed in a page (they load only on request).
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    default=[
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
)

# Seconds the caching proxy keeps an anonymous page (core/public_cache.py). Publishing purges
# it at once; the TTL bounds what changes without a publish (directory "open now", campaign
# dates). docs/deployment.md, "Caching proxy".
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 300)

# Seconds a caching proxy may keep the embeddable campaign view (see docs/campaigns.md).
CAMPAIGN_EMBED_MAX_AGE = env_int("CAMPAIGN_EMBED_MAX_AGE", 60)

# Admin login throttling: this many failures for a username or an address locks it for a while.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
# Behind a proxy every request comes from the proxy: name the header holding the client.
LOGIN_THROTTLE_ADDRESS_HEADER = env_str("LOGIN_THROTTLE_ADDRESS_HEADER", "REMOTE_ADDR")
# How many proxies of ours append to X-Forwarded-For (core/client_address.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
WAGTAILADMIN_USER_LOGIN_FORM = "core.login_throttle.ThrottledLoginForm"
# Sessions (only the admin has any: public pages set no cookie) end after this many seconds
# without a request; each admin request starts the count again.
SESSION_COOKIE_AGE = env_int("ADMIN_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# The second sign-in step (editorial/middleware.py). Only the test settings turn it off, for
# the tests of other features that sign in with force_login; the two-factor tests turn it on.
ADMIN_TWO_FACTOR_ENFORCED = True
# The issuer shown in authenticator apps next to the account name.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Portal PNAT")
# One login, the throttled admin one: pages restricted to signed-in users send visitors there,
# and shared page passwords (which no throttle guards) are not offered to editors.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}

# Search: the database backend needs no server (SQLite FTS5 or PostgreSQL full-text search).
# ELASTICSEARCH_URL switches to an Elasticsearch 8 cluster when one machine is not enough.
_elasticsearch_url = env_str("ELASTICSEARCH_URL")
if _elasticsearch_url:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # modelsearch's Elasticsearch 8 backend with settings any node accepts.
            "BACKEND": "search.backends.elasticsearch8",
            "URLS": [_elasticsearch_url],
            # Every index name starts with this (portal_wagtailcore_page…), so several sites
            # or test runs can share one cluster. modelsearch reads INDEX_PREFIX, not INDEX.
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL stems words ("deudas" finds "deuda") and, with the configurations created
    # by search/migrations/0001 and 0004, ignores accents ("explotacion" finds "explotación").
    # Each language has its own configuration (search/backends/postgres.py).
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.postgres",
            "SEARCH_CONFIG": "spanish_unaccent",
            "LANGUAGE_CONFIGS": {"es": "spanish_unaccent", "en": "english_unaccent"},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Wagtail
# Workflow notifications (submitted, approved, rejected) go by email; console in development.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_SITE_NAME = _("National action plan against human trafficking")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Campaign kits add audio spots (mp3, ogg) and subtitles (vtt, srt); campaign videos served by
# the site itself are MP4 or WebM files with WebVTT captions.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "mp3",
    "mp4",
    "odt",
    "ogg",
    "pdf",
    "pptx",
    "srt",
    "txt",
    "vtt",
    "webm",
    "xlsx",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "gif": "webp", "jpeg": "webp", "png": "webp"}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin calls no third party either: no check for new Wagtail releases, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

REST_FRAMEWORK = {
    # The public API is read-only JSON; the browsable HTML renderer would need inline scripts.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Map tiles for the services directory, e.g. https://tile.example.org/{z}/{x}/{y}.png. Empty: no
# map (the directory is complete without it); the tile host is then added to the CSP.
MAP_TILE_URL = env_str("MAP_TILE_URL", "")

# Addresses per sitemap file: the protocol allows 50,000; /sitemap.xml indexes the files.
SITEMAP_LIMIT = 50_000

# Background work. Wagtail's own tasks run at once, as before; complaint deliveries go to a
# persistent queue in the database, worked by `manage.py db_worker --backend complaints`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "complaints": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["complaints"]},
}

# Complaints (the complaints app, docs/deployment.md). Content is encrypted with these Fernet
# keys, comma-separated, newest first; dev and test settings provide their own.
COMPLAINTS_ENCRYPTION_KEYS = env_list("COMPLAINTS_ENCRYPTION_KEYS")
# Salt of the receipt-code hash and of the rate limiter's address hash. Changing it makes
# every existing receipt code unknown, so it is set once per site (defaults to SECRET_KEY).
COMPLAINTS_HASH_SALT = env_str("COMPLAINTS_HASH_SALT")
# scrypt cost of a receipt-code hash: 2^14 (16 MiB, ~60 ms here) makes trying the 10^16
# possible codes hopeless. Changing it makes existing codes unknown, like the salt.
COMPLAINTS_RECEIPT_SCRYPT_N = 2**14
COMPLAINTS_RETENTION_DAYS = env_int("COMPLAINTS_RETENTION_DAYS", 365)
# Accepted reports per client address and hour; status lookups get four times as many.
COMPLAINTS_RATE_LIMIT = env_int("COMPLAINTS_RATE_LIMIT", 5)
# A full report (10,000 characters, every one percent-encoded) fits well under this.
COMPLAINTS_MAX_REQUEST_BYTES = env_int("COMPLAINTS_MAX_REQUEST_BYTES", 256 * 1024)
COMPLAINTS_WEBHOOK_TIMEOUT = env_int("COMPLAINTS_WEBHOOK_TIMEOUT", 10)
# Webhooks deliver over HTTPS only, checked at every send. Hosts listed here may be reached
# over plain HTTP instead: for a local receiver in tests and development only (production
# settings empty it; complaints/webhook_policy.py).
COMPLAINTS_WEBHOOK_INSECURE_HOSTS = []
# A failed delivery waits RETRY_SECONDS * 2^(attempts - 1), then is flagged for the handlers.
COMPLAINTS_DELIVERY_MAX_ATTEMPTS = env_int("COMPLAINTS_DELIVERY_MAX_ATTEMPTS", 8)
COMPLAINTS_DELIVERY_RETRY_SECONDS = env_int("COMPLAINTS_DELIVERY_RETRY_SECONDS", 60)
COMPLAINTS_FROM_EMAIL = env_str("COMPLAINTS_FROM_EMAIL")

# Bot protection on the complaint form: reCAPTCHA when both keys are set, otherwise ALTCHA,
# a proof-of-work challenge this site issues and checks itself (no third party).
RECAPTCHA_PUBLIC_KEY = env_str("RECAPTCHA_PUBLIC_KEY")
RECAPTCHA_PRIVATE_KEY = env_str("RECAPTCHA_PRIVATE_KEY")
# The form's template loads the widget from static/vendor/altcha (copied from npm's `altcha`,
# its CSP-friendly build) with {% static %}, never from a CDN; this URL only satisfies the
# package's configuration check.
ALTCHA_WIDGET_JS_SOURCE = "custom"
ALTCHA_WIDGET_JS_URL = STATIC_URL + "vendor/altcha/altcha.min.js"
# Used challenges are remembered in the cache. With one process the in-memory cache is enough;
# with several, CACHE_URL (Redis) must be set, as for the rate limits (docs/deployment.md).
SILENCED_SYSTEM_CHECKS = ["altcha.W001"]

# The quick-exit target used when the site settings cannot be read (on the 500 page).
QUICK_EXIT_FALLBACK_URL = "https://www.google.com/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {
            "handlers": ["console"],
            "level": env_str("DJANGO_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        **{
            app: {"handlers": ["console"], "level": "INFO", "propagate": False}
            for app in LOCAL_APPS
        },
    },
}
