"""What every public page reads but editors rarely change (the shape of the page tree, the sites,
the site settings, the view restrictions, acronym tables), kept in Django's cache.

Every entry is stored under the current *content version*; any change that could alter one of
them (publishing, unpublishing, moving or deleting a page, saving a site, the site settings, a
view restriction or a registered snippet) replaces the version, so every entry is rebuilt on its
next read. One key to change is simpler and safer than knowing which entries a change touches.

The cache must be shared by every process that serves pages (Redis, or a file-based cache on one
machine: see `portal/settings/base.py`), or a change made through one process would not reach the
others.

Each process also keeps what it read of the current version in memory (`_local`, per thread: a
gunicorn sync worker has one), and reads the version itself once per request: the shared cache
is then read once per request instead of twice per entry (a file read and an unpickling each,
without Redis). Entries of one version never change, so the copy in memory is as fresh as the
shared one; the version read at the start of each request is what brings another process's
change. Callers must not modify what `cached` returns: it is shared by every request this
process serves under the same version.
"""

import threading
import uuid

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "portal:content-version"

# A safety net only: every change replaces the version at once. Entries of an old version are
# never read again and expire after this long.
ENTRY_TIMEOUT = 24 * 60 * 60


class _ProcessCopy(threading.local):
    """This thread's view of the content cache: the version read for the request it serves
    (None outside a request: then every call reads it), and the entries of that version it has
    read so far."""

    def __init__(self):
        self.request_version = None
        self.in_request = False
        self.entries_version = None
        self.entries = {}


_local = _ProcessCopy()


def _request_started(**kwargs):
    _local.in_request = True
    _local.request_version = None


def _request_finished(**kwargs):
    _local.in_request = False
    _local.request_version = None


request_started.connect(_request_started, dispatch_uid="content_cache_request_started")
request_finished.connect(_request_finished, dispatch_uid="content_cache_request_finished")


def current_version():
    if _local.in_request and _local.request_version is not None:
        return _local.request_version
    version = _read_version()
    if _local.in_request:
        _local.request_version = version
    return version


def _read_version():
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
    version = current_version()
    entries = _entries_of(version)
    value = entries.get(name)
    if value is not None:
        return value
    key = f"portal:{version}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, ENTRY_TIMEOUT)
    entries[name] = value
    return value


def rendered(name, build):
    """Like `cached`, for what the code renders (a fragment of HTML): kept in this process's
    memory only, never in the shared cache, so a deploy of new templates or translations (a new
    process) never serves a fragment an older version of the code rendered."""
    entries = _entries_of(current_version())
    key = ("rendered", name)
    value = entries.get(key)
    if value is None:
        value = entries[key] = build()
    return value


def _entries_of(version):
    """What this thread holds of `version`, forgetting what it held of an older one."""
    if _local.entries_version != version:
        _local.entries_version = version
        _local.entries = {}
    return _local.entries


def invalidate():
    """Forgets every entry. Called at once (this process, and tests, see the change on the
    next read) and again when the transaction commits: another process that rebuilt an entry
    between the two, from data not yet committed, would otherwise keep the old content."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version():
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    if _local.in_request:
        _local.request_version = version


def invalidate_on_change(model):
    """Forgets every entry whenever an instance of `model` is saved or deleted (for snippets
    and settings whose values are cached)."""
    post_save.connect(_on_change, sender=model, dispatch_uid=f"content_cache_save_{model}")
    post_delete.connect(_on_change, sender=model, dispatch_uid=f"content_cache_delete_{model}")


def _on_change(sender, **kwargs):
    invalidate()
