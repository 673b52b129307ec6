"""Per-client limits for the complaint form and the status lookup.

Counters live in the cache only (Redis in production, shared by every app server), under a
salted hash of the client address, and expire on their own: no address is ever written to the
database or a log.
"""

from django.core.cache import cache

from .hashing import client_key

WINDOW_SECONDS = 60 * 60


def client_address(request):
    """The address the request came from. Behind a proxy, swap this for the trusted-proxy-aware
    client address of the shared code (issue 6) when it lands: one line."""
    return request.META.get("REMOTE_ADDR", "")


def _key(request, scope):
    return f"complaints:{scope}:{client_key(client_address(request))}"


def is_limited(request, scope, limit):
    return cache.get(_key(request, scope), 0) >= limit


def count(request, scope):
    key = _key(request, scope)
    # add() starts the window at the first hit; incr() never extends it.
    if not cache.add(key, 1, timeout=WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=WINDOW_SECONDS)
