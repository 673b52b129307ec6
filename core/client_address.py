"""The visitor's address, as the trusted proxy in front of the site saw it.

Shared by everything that counts requests per visitor (the login throttle, rate limits).
"""

from django.conf import settings


def client_address(request):
    """Behind proxies, X-Forwarded-For is "client-written entries…, client, proxy1, …": each
    trusted proxy appends the address it received the request from. Only the entries our own
    proxies appended can be trusted, so the visitor is the TRUSTED_PROXY_COUNT-th from the
    right; anything to its left was written by the client. Returns "" when the header holds
    fewer entries than there are trusted proxies (it did not come through them)."""
    header = settings.LOGIN_THROTTLE_ADDRESS_HEADER
    value = request.META.get(header, "")
    if header == "REMOTE_ADDR":
        return value.strip()
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    proxies = max(1, settings.TRUSTED_PROXY_COUNT)
    if len(entries) < proxies:
        return ""
    return entries[-proxies]
