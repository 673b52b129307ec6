"""What each change drops from the caching proxy (docs/deployment.md, "Purging").

- Publishing or unpublishing a page (deleting a live page unpublishes it first, while the
  reference index still knows who showed it): the page in every language, the pages that list
  it (its ancestors up to each language's home) and the pages that show it elsewhere (related
  concepts, a campaign's concepts, the home page's featured links: whatever Wagtail's reference
  index records as referring to it), in every language.
- A home page or a page just below it (the main menu and the footer link to those, so their
  titles and addresses are on every page), and any move: everything.
- Saving or deleting what many pages show (site settings with the hotlines and the quick
  exit, institutions, media partners, the services directory's records): everything, in one
  BAN per transaction however many rows an import saves.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.frontend_cache import purge_everything, purge_page

# Depth in Wagtail's tree: 1 is the invisible root, 2 each language's home, 3 the top level.
TOP_LEVEL_DEPTH = 3

PURGE_EVERYTHING_ON_SAVE = (
    "core.SiteSettings",
    "plan.Institution",
    "campaigns.MediaPartner",
    "services_directory.Region",
    "services_directory.Organization",
    "services_directory.Service",
    "services_directory.Location",
    "services_directory.Phone",
    "services_directory.Schedule",
    "services_directory.ServiceLanguage",
    "services_directory.ServiceType",
    "services_directory.Population",
)


def page_changed(instance, **kwargs):
    if instance.depth <= TOP_LEVEL_DEPTH:
        purge_everything()
    else:
        purge_page(instance)


def everything_changed(**kwargs):
    purge_everything()


def connect():
    page_published.connect(page_changed, dispatch_uid="portal_purge_published")
    page_unpublished.connect(page_changed, dispatch_uid="portal_purge_unpublished")
    post_page_move.connect(everything_changed, dispatch_uid="portal_purge_moved")
    for label in PURGE_EVERYTHING_ON_SAVE:
        model = apps.get_model(label)
        post_save.connect(everything_changed, sender=model, dispatch_uid=f"purge_saved_{label}")
        post_delete.connect(everything_changed, sender=model, dispatch_uid=f"purge_deleted_{label}")
