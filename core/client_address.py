"""The address of the visitor, for rate limits (never stored with what they send)."""

from django.conf import settings


def client_address(request):
    """From the header named by LOGIN_THROTTLE_ADDRESS_HEADER: REMOTE_ADDR by default; behind a
    proxy, the header it sets (X-Forwarded-For lists the client first, then each proxy)."""
    header = settings.LOGIN_THROTTLE_ADDRESS_HEADER
    return request.META.get(header, "").split(",")[0].strip()
