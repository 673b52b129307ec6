"""The shape of a site's page tree in every language, read from the content cache: what routing,
the navigation, the language links and the view-restriction check need of each page, without a
query.

One entry per page under the site's home page and its translations (live or not: Wagtail routes
through pages that are not live and answers 404 only for the page asked for).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

from . import content_cache


@dataclass(frozen=True)
class PageEntry:
    id: int
    content_type_id: int
    path: str
    depth: int
    slug: str
    title: str
    url: str
    language: str
    translation_key: str
    live: bool
    show_in_menus: bool

    @property
    def parent_path(self):
        return self.path[: -Page.steplen]


@dataclass
class PageTree:
    root_id: int
    pages: dict = field(default_factory=dict)  # id: PageEntry
    by_path: dict = field(default_factory=dict)  # tree path: PageEntry
    by_translation_key: dict = field(default_factory=dict)  # key: {language: PageEntry}

    def add(self, entry):
        self.pages[entry.id] = entry
        self.by_path[entry.path] = entry
        self.by_translation_key.setdefault(entry.translation_key, {})[entry.language] = entry

    def home(self, language):
        """The home page Wagtail serves in `language`: its translation when live, else the
        site's root page (as `site.root_page.localized` does)."""
        root = self.pages.get(self.root_id)
        if root is None:
            return None
        translation = self.translation(root, language)
        return translation if translation is not None else root

    def translation(self, entry, language):
        """The live translation of `entry` in `language`, or None."""
        candidate = self.by_translation_key.get(entry.translation_key, {}).get(language)
        return candidate if candidate is not None and candidate.live else None

    def live_translations(self, entry):
        return {
            language: candidate
            for language, candidate in self.by_translation_key.get(
                entry.translation_key, {}
            ).items()
            if candidate.live
        }

    def children(self, entry):
        prefix_length = len(entry.path) + Page.steplen
        return sorted(
            (
                candidate
                for candidate in self.pages.values()
                if len(candidate.path) == prefix_length and candidate.path.startswith(entry.path)
            ),
            key=lambda candidate: candidate.path,
        )

    def child_by_slug(self, entry, slug):
        for candidate in self.children(entry):
            if candidate.slug == slug:
                return candidate
        return None

    def ancestors(self, entry, min_depth=2):
        """The pages above `entry`, from depth `min_depth` down, that this tree holds."""
        return [
            self.by_path[entry.path[: depth * Page.steplen]]
            for depth in range(min_depth, entry.depth)
            if entry.path[: depth * Page.steplen] in self.by_path
        ]


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, remembered per host and port in the cache (and on
    the request, where Wagtail itself looks first)."""
    if not hasattr(request, "_wagtail_site"):
        try:
            host, port = request.get_host().split(":")[0], request.get_port()
        except Exception:
            return Site.find_for_request(request)
        request._wagtail_site = content_cache.cached(
            f"site:{host}:{port}", lambda: Site.find_for_request(request) or False
        )
    return request._wagtail_site or None


def for_site(site):
    return content_cache.cached(f"page-tree:{site.pk}", lambda: _build(site))


def for_request(request):
    site = site_for_request(request)
    return for_site(site) if site is not None else None


def restricted_paths():
    """Tree paths of the pages under a view restriction (their descendants are restricted
    too), and of the alias pages (which take their source's restrictions)."""
    return content_cache.cached("restricted-paths", _restricted_paths)


def _restricted_paths():
    return {
        "restricted": list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        "aliases": list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
    }


def is_restricted(path):
    return any(path.startswith(restricted) for restricted in restricted_paths()["restricted"])


def may_have_view_restrictions(page):
    """False when neither `page` nor an ancestor has a view restriction, nor is an alias (whose
    source's restrictions would apply): Wagtail's check can then be skipped."""
    paths = restricted_paths()
    if page.alias_of_id is not None or is_restricted(page.path):
        return True
    return any(page.path.startswith(alias) for alias in paths["aliases"])


def _build(site):
    root = site.root_page
    homes = Page.objects.filter(translation_key=root.translation_key)
    tree = PageTree(root_id=root.pk)
    pages = Page.objects.none()
    for home in homes:
        pages = pages | Page.objects.filter(path__startswith=home.path)
    for page in pages.select_related("locale").order_by("path"):
        site_id, _root_url, page_path = page.get_url_parts() or (None, None, None)
        tree.add(
            PageEntry(
                id=page.pk,
                content_type_id=page.content_type_id,
                path=page.path,
                depth=page.depth,
                slug=page.slug,
                title=page.title,
                url=page_path if site_id == site.pk else "",
                language=page.locale.language_code,
                translation_key=str(page.translation_key),
                live=page.live,
                show_in_menus=page.show_in_menus,
            )
        )
    return tree


def route(request, path):
    """Wagtail's `Page.route_for_request` with the tree from the cache: one query, for the
    specific page asked for. Pages whose type routes on its own (RoutablePageMixin) get the
    rest of the path, as Wagtail would hand it to them."""
    tree = for_request(request)
    if tree is None:
        return None
    entry = tree.home(get_language())
    if entry is None:
        return None
    components = [component for component in path.split("/") if component]
    consumed = 0
    while consumed < len(components) and not _routes_itself(entry):
        entry = tree.child_by_slug(entry, components[consumed])
        if entry is None:
            return None
        consumed += 1
    if consumed < len(components) and not _routes_itself(entry):
        return None
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    if model is None:
        return None
    page = model.objects.select_related("locale").filter(pk=entry.id).first()
    if page is None:  # deleted since the tree was cached
        return None
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


def _routes_itself(entry):
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    return model is not None and model.route is not Page.route
