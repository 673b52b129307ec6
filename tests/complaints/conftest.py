import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters and used challenges live in the cache: each test starts clean."""
    cache.clear()
    yield
    cache.clear()
