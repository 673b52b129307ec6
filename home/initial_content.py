"""The site itself: home page, safety and privacy pages, featured links and the site
settings, from initial_data/site.yaml. The home page comes first (every app's pages go under
it); the featured links and site settings last (they point at pages of other apps)."""

from pathlib import Path

from wagtail.models import Page, Site

from core.initial_content.loader import block_id, read_data
from core.models import SiteSettings

from .models import HomePage, StandardPage

DATA_FILE = Path(__file__).resolve().parent / "initial_data" / "site.yaml"


def body_blocks(loader, page_key, items):
    """StreamField data for a standard page body from the data file's list of blocks."""
    blocks = []
    for position, item in enumerate(items):
        ((kind, pair),) = item.items()
        if kind == "heading":
            value = {"text": loader.text(pair), "level": "h2"}
        elif kind == "paragraph":
            value = loader.html(pair)
        else:
            raise ValueError(f"Unknown block {kind!r} in page {page_key!r}")
        blocks.append({"type": kind, "value": value, "id": block_id(page_key, position)})
    return blocks


def load_home(loader):
    """The Spanish home page becomes the root of the default site, replacing Wagtail's
    placeholder page."""
    data = read_data(DATA_FILE)
    home_data = data["home"]
    home = HomePage(
        **loader.page_fields(home_data),
        hero_heading=loader.text(home_data["hero_heading"]),
        hero_text=loader.text(home_data["hero_text"]),
        emergency_heading=loader.text(home_data["emergency_heading"]),
        emergency_text=loader.text(home_data["emergency_text"]),
    )
    existing = HomePage.objects.filter(locale=loader.spanish).first()
    if existing is not None:
        loader.pages.append(existing)
        home = existing
    else:
        home = loader.add_page(loader.root(), home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.id:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = "Portal"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page, unless someone built on it.
        if type(placeholder.specific) is Page and placeholder.get_children_count() == 0:
            placeholder.delete()
    loader.by_key["home"] = home
    return home


def load_standard_pages(loader):
    data = read_data(DATA_FILE)
    home = loader.by_key["home"]
    for page_data in data["pages"]:
        key = page_data["key"]
        page = StandardPage(
            **loader.page_fields(page_data),
            show_in_menus=page_data["show_in_menus"],
            body=body_blocks(loader, key, page_data["body"]),
        )
        loader.add_page(home, page, key=key)


def load_featured_links(loader):
    """Featured links point at pages that may come from other data files, so they are set
    last, and only while the editors have not set any."""
    data = read_data(DATA_FILE)
    home = loader.by_key["home"]
    if home.featured_links:
        return
    home.featured_links = [
        {
            "type": "link",
            "value": {"page": loader.by_key[key].id, "title": "", "description": ""},
            "id": block_id("home", key),
        }
        for key in data["home"]["featured"]
    ]
    home.save_revision().publish()


def load_site_settings(loader):
    data = read_data(DATA_FILE)
    home = loader.by_key["home"]
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if site_settings.emergency_contacts or site_settings.safety_page_id:
        # Editors have already set them; only a page added to the content since is filled in.
        if site_settings.open_data_page_id is None:
            site_settings.open_data_page = loader.by_key["open-data"]
            site_settings.save()
        return
    settings_data = data["settings"]
    site_settings.quick_exit_url = settings_data["quick_exit_url"]
    site_settings.emergency_contacts = [
        {
            "type": "contact",
            "value": {
                "name": contact["name"],
                "number": contact["number"],
                "description_es": contact["description"]["es"],
                "description_en": contact["description"]["en"],
            },
            "id": block_id("emergency-contact", contact["number"]),
        }
        for contact in settings_data["emergency_contacts"]
    ]
    site_settings.safety_page = loader.by_key["safety"]
    site_settings.privacy_page = loader.by_key["privacy"]
    site_settings.open_data_page = loader.by_key["open-data"]
    site_settings.save()
    loader.created.append("site settings")
