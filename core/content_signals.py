"""When the content cache (core/content_cache.py) must forget what it holds: a page published,
unpublished, moved, deleted or saved with a change to what the cached tree records; a site, a
locale, a page or collection view restriction, a collection or the site settings saved or
deleted. Apps add their own cached snippets with `content_cache.invalidate_on_change` in their
AppConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import content_cache
from .models import SiteSettings

# A save of only these fields (a draft revision, a lock) changes nothing visitors see.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "live_revision",
    "last_published_at",
    "first_published_at",
}


def connect():
    for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
        signal.connect(_on_page_event, dispatch_uid=f"content_cache_{signal}")
    post_save.connect(_on_save, dispatch_uid="content_cache_page_save")
    post_delete.connect(_on_delete, dispatch_uid="content_cache_page_delete")
    for model in (
        Site,
        Locale,
        PageViewRestriction,
        CollectionViewRestriction,
        Collection,
        SiteSettings,
    ):
        content_cache.invalidate_on_change(model)


def _on_page_event(sender, **kwargs):
    content_cache.invalidate()


def _on_save(sender, instance, created=False, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if created or update_fields is None or not set(update_fields) <= BOOKKEEPING_FIELDS:
        content_cache.invalidate()


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_cache.invalidate()
