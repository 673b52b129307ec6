"""What every public page reads but editors rarely change (the shape of the page tree, the sites,
the site settings, the view restrictions, acronym tables), kept in Django's cache.

Every entry is stored under the current *content version*; any change that could alter one of
them (publishing, unpublishing, moving or deleting a page, saving a site, the site settings, a
view restriction or a registered snippet) replaces the version, so every entry is rebuilt on its
next read. One key to change is simpler and safer than knowing which entries a change touches.

The cache must be shared by every process that serves pages (Redis, or a file-based cache on one
machine: see `portal/settings/base.py`), or a change made through one process would not reach the
others.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "portal:content-version"

# A safety net only: every change replaces the version at once. Entries of an old version are
# never read again and expire after this long.
ENTRY_TIMEOUT = 24 * 60 * 60


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add, not set: two processes starting at once agree on the first one stored.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def cached(name, build):
    """The value of `build()`, computed once per content version (`name` says what it is, and
    must include whatever the value depends on: a site, a language)."""
    key = f"portal:{current_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, ENTRY_TIMEOUT)
    return value


def invalidate():
    """Forgets every entry. Called at once (this process, and tests, see the change on the
    next read) and again when the transaction commits: another process that rebuilt an entry
    between the two, from data not yet committed, would otherwise keep the old content."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_on_change(model):
    """Forgets every entry whenever an instance of `model` is saved or deleted (for snippets
    and settings whose values are cached)."""
    post_save.connect(_on_change, sender=model, dispatch_uid=f"content_cache_save_{model}")
    post_delete.connect(_on_change, sender=model, dispatch_uid=f"content_cache_delete_{model}")


def _on_change(sender, **kwargs):
    invalidate()
