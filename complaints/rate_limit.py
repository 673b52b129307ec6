"""Per-client limits for the complaint form and the status lookup, counted in the cache by
core's RateLimit (Redis in production, shared by every app server) and expiring on their own.

The key is a salted hash of the client address (core hashes it once more): no address is ever
written to the database, a log or, in clear, the cache.
"""

from django.conf import settings

from core.client_address import client_address
from core.rate_limit import RateLimit

from .hashing import client_key

WINDOW_SECONDS = 60 * 60
# A person may mistype a code: lookups get this many times the reports' allowance.
LOOKUPS_PER_REPORT = 4


def _limit(scope):
    reports = settings.COMPLAINTS_RATE_LIMIT
    limit = reports * LOOKUPS_PER_REPORT if scope == "lookup" else reports
    return RateLimit(f"complaints:{scope}", limit, WINDOW_SECONDS)


def is_limited(request, scope):
    return _limit(scope).is_exceeded(client_key(client_address(request)))


def count(request, scope):
    _limit(scope).hit(client_key(client_address(request)))
