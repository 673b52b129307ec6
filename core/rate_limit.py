"""Counting attempts per key in the cache (Redis in production, shared by every app server).

Keys are hashed, so the cache never holds an address or a username in clear, and they expire
on their own: the window starts with the first attempt and is never extended."""

import hashlib

from django.core.cache import cache


class RateLimit:
    def __init__(self, name, limit, seconds):
        self.name = name
        self.limit = limit
        self.seconds = seconds

    def _key(self, value):
        digest = hashlib.sha256(f"{self.name}:{value}".encode()).hexdigest()
        return f"rate-limit:{digest}"

    def is_exceeded(self, value):
        return cache.get(self._key(value), 0) >= self.limit

    def hit(self, value):
        key = self._key(value)
        # add() starts the window on the first attempt; incr() never extends it.
        if not cache.add(key, 1, timeout=self.seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=self.seconds)

    def clear(self, value):
        cache.delete(self._key(value))
