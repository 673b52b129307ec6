"""One corpus of hostile values sent to every public GET endpoint and every parameter they
read, with DEBUG off: nothing answers with a 5xx.

Nothing here is a hand-kept list of endpoints: routes come from the URL resolver (so a new
app's routes are covered the day they land), parameters from the GET forms and links the
public pages render and from the pages API's own filters and known parameters."""

from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation
from wagtail.models import Page

from portal.api import PublicPagesAPIViewSet
from services_directory.models import Service, ServiceDirectoryPage

HOSTILE_VALUES = [
    "",
    " ",
    "\u00a0",
    "\t\n",
    '"',
    '"trata',
    "O'Brien\"",
    "'",
    "a\x00b",
    "\x01\x02\x1b[31m",
    "\u202e\u200b",
    "x" * 10_000,
    'NEAR(a b) OR "c" AND -d* ^e',
    "title:x",
    "' OR 1=1 --",
    "1; DROP TABLE wagtailcore_page",
    "-1",
    "0",
    "9223372036854775808",
    "99999999999999999999999999",
    "1e309",
    "abc",
    "2020-13-45",
    "0000-00-00T25:61",
    "%",
    "%00",
    "%ZZ",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "*",
    "true",
    "home.NoSuchPage",
    "__proto__",
]

# Path segments for routes that take a value (int and str converters, the page tree).
HOSTILE_SEGMENTS = ["0", "99999999999999999999", "-1", "x" * 300, "%00", "%ff", "%22", "a%20b"]

SKIPPED_PREFIXES = ("admin/", "documents/", "_util/")


def _walk(patterns, prefix=""):
    """(route text, pattern) for every URL pattern, with the language prefix written as
    `<lang>/`."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if isinstance(pattern.pattern, LocalePrefixPattern):
                own = "<lang>/"
            else:
                own = str(pattern.pattern)
            yield from _walk(pattern.url_patterns, prefix + own)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _concrete_paths(route, pattern):
    """Paths that reach this route: as it stands when it takes no value, with each hostile
    segment in place of the value otherwise (the page tree's root first)."""
    route = route.lstrip("^").rstrip("$").replace("^", "")
    if isinstance(pattern.pattern, RoutePattern) and "<" not in route.replace("<lang>", ""):
        return [route]
    if not isinstance(pattern.pattern, RoutePattern):
        # A regex: Wagtail's page tree (`<lang>/((?:[\w\-]+/)*)`) or DRF's router patterns.
        base = route.split("(")[0]
        return [base] + [f"{base}{segment}/" for segment in HOSTILE_SEGMENTS]
    paths = []
    for segment in HOSTILE_SEGMENTS:
        text = route
        while "<" in text.replace("<lang>", "\0"):
            start = text.index("<", text.find("<lang>") + 1 if text.startswith("<lang>") else 0)
            end = text.index(">", start)
            text = text[:start] + segment + text[end + 1 :]
        paths.append(text)
    return paths


def discovered_paths(one_per_route=False):
    """Every route's paths, or only the first of each (for the parameters' test: the hostile
    segments themselves are test_hostile_paths' job)."""
    paths = set()
    for language, _name in settings.LANGUAGES:
        # Translated routes (buscar/ and search/) are written in the active language.
        with translation.override(language):
            for route, pattern in _walk(get_resolver().url_patterns):
                if route.replace("<lang>/", "").startswith(SKIPPED_PREFIXES):
                    continue
                for path in _concrete_paths(route, pattern)[: 1 if one_per_route else None]:
                    paths.add("/" + path.replace("<lang>", language))
    return sorted(paths)


def test_discovery_finds_the_known_routes():
    paths = discovered_paths()
    for expected in ["/healthz", "/robots.txt", "/sitemap.xml", "/es/buscar/", "/en/search/"]:
        assert expected in paths
    assert any(path.startswith("/api/v2/pages/") for path in paths)
    assert any(path.startswith("/es/datos/") for path in paths)


def parameters_from_pages(client, paths):
    """Names of the GET parameters the public pages ask visitors for: GET form fields and the
    query strings of their own links."""
    names = set()
    for path in paths:
        response = client.get(path)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = BeautifulSoup(response.content, "html.parser")
        for form in html.select("form"):
            if form.get("method", "get").lower() == "get":
                names.update(field["name"] for field in form.select("[name]"))
        for link in html.select("a[href]"):
            names.update(name for name, _value in parse_qsl(urlsplit(link["href"]).query))
    return names


def api_parameters():
    viewset = PublicPagesAPIViewSet
    fields = set()
    for model in [Page, *{page.specific_class for page in Page.objects.live()}]:
        if model is not None:
            fields.update(viewset.get_available_fields(model, db_fields_only=True))
    return sorted(viewset.known_query_parameters | fields)


def get(client, path, query=""):
    response = client.get(path + query)
    assert response.status_code < 500, (path + query)[:300]
    return response


@pytest.fixture
def hostile_client(db):
    return Client(raise_request_exception=False)


def test_hostile_paths(hostile_client):
    for path in discovered_paths():
        get(hostile_client, path)


def one_page_of_each_type():
    """The address of one live public page of each page type, and of one service."""
    pages = {}
    for page in Page.objects.live().public().specific().order_by("path"):
        if page.url:
            pages.setdefault(type(page), page.url)
    directory = ServiceDirectoryPage.objects.live().filter(locale__language_code="es").first()
    service = Service.objects.filter(locale=directory.locale).order_by("slug").first()
    return [*pages.values(), f"{directory.url}{service.slug}/"]


def test_hostile_values_in_every_parameter_of_every_page_route(hostile_client):
    route_paths = [path for path in discovered_paths(one_per_route=True) if "/api/" not in path]
    # Every page has the site search (q), the search page its kinds, and lists page through
    # their results (links the initial content is too small to show): sent everywhere.
    everywhere = parameters_from_pages(hostile_client, ["/es/buscar/?q=trata"]) | {"page"}
    assert {"q", "kind"} <= everywhere
    page_paths = one_page_of_each_type()
    for path in sorted(set(route_paths) | set(page_paths)):
        # ...and each page the parameters of its own forms and links (the directory's filters).
        names = everywhere | parameters_from_pages(hostile_client, [path])
        for name in sorted(names):
            for value in HOSTILE_VALUES:
                get(hostile_client, path, f"?{quote(name)}={quote(value)}")


@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v2/pages/find/"])
def test_hostile_values_in_every_api_parameter(hostile_client, endpoint):
    parameters = api_parameters()
    assert {"search", "offset", "first_published_at", "child_of", "locale"} <= set(parameters)
    for name in parameters:
        for value in HOSTILE_VALUES:
            response = get(hostile_client, endpoint, f"?{quote(name)}={quote(value)}")
            if response.status_code >= 400:
                assert response["Content-Type"].startswith("application/json"), name
