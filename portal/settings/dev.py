"""Local development: `make run`. Never used in production."""

from cryptography.fernet import Fernet

from .base import *  # noqa: F403
from .base import BASE_DIR, SILENCED_SYSTEM_CHECKS, STORAGES
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

# Complaint content is encrypted even on a laptop: with no key in the environment, the first
# run writes one to .dev-complaints-key (ignored by git) and reuses it afterwards.
DEV_COMPLAINTS_KEY_FILE = BASE_DIR / ".dev-complaints-key"
if not DEV_COMPLAINTS_KEY_FILE.exists():
    DEV_COMPLAINTS_KEY_FILE.write_bytes(Fernet.generate_key())
    DEV_COMPLAINTS_KEY_FILE.chmod(0o600)
COMPLAINTS_ENCRYPTION_KEYS = env_list("COMPLAINTS_ENCRYPTION_KEYS") or [
    DEV_COMPLAINTS_KEY_FILE.read_text().strip()
]
ALTCHA_HMAC_SECRET = env_str("ALTCHA_HMAC_SECRET") or SECRET_KEY
# A webhook receiver running on this machine may be tried over plain HTTP.
COMPLAINTS_WEBHOOK_INSECURE_HOSTS = ["127.0.0.1", "localhost"]
# Without keys django-recaptcha uses Google's test keys and says so with a system check error;
# development uses ALTCHA anyway unless keys are set.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_recaptcha.recaptcha_test_key_error"]
