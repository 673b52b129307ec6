"""Where a webhook may send reports: over HTTPS only. The one exception, for tests and local
development, is a host listed in COMPLAINTS_WEBHOOK_INSECURE_HOSTS reached over plain HTTP; the
list is empty unless a settings file fills it, and production settings empty it."""

from urllib.parse import urlsplit

from django.conf import settings


def webhook_url_allowed(url):
    parts = urlsplit(url)
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and parts.hostname in settings.COMPLAINTS_WEBHOOK_INSECURE_HOSTS
