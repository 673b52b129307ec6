"""The directory's map in a real browser, with a real tile server: a tiny HTTP server started
by the test answers every tile with a PNG, and MAP_TILE_URL points at it.

The map shows a marker for each public location with coordinates and none for a confidential
one; without JavaScript, or with the tile server gone, the page is complete without it."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from services_directory.models import Organization, Service

from ..complaints.helpers import free_port
from ..utils.directory import make_organization, make_service, region

pytestmark = pytest.mark.browser

SEARCH = "mapadeprueba"
PUBLIC_NAMES = ["Servicio mapadeprueba en Iquitos", "Servicio mapadeprueba en Nauta"]
CONFIDENTIAL_NAME = "Albergue mapadeprueba reservado"


def tile_png():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


class TileServer(ThreadingHTTPServer):
    """Answers every GET with one PNG tile and remembers the paths asked for."""

    def __init__(self):
        self.tile = tile_png()
        self.requested = []
        super().__init__(("127.0.0.1", 0), TileHandler)


class TileHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requested.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.server.tile)))
        self.end_headers()
        self.wfile.write(self.server.tile)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def tile_server():
    server = TileServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def mapped_services(live_site, django_db_blocker):
    """Two public services with coordinates and a shelter whose only location is confidential
    (with coordinates, as maintainers enter them): committed, as the server only sees committed
    data, and removed afterwards. Tests ask for it before `browser`: module fixtures are set up
    in that order, and no ORM call may run while Playwright's event loop is open."""
    with django_db_blocker.unblock():
        organization = make_organization("Organización mapadeprueba (datos de prueba)")
        created = [
            make_service(
                PUBLIC_NAMES[0],
                organization=organization,
                locations=[{"region": region("16"), "latitude": -3.75, "longitude": -73.25}],
            ),
            make_service(
                PUBLIC_NAMES[1],
                organization=organization,
                locations=[{"region": region("16"), "latitude": -4.51, "longitude": -73.58}],
            ),
            make_service(
                CONFIDENTIAL_NAME,
                organization=organization,
                types=["albergue"],
                locations=[
                    {
                        "region": region("16"),
                        "is_confidential": True,
                        "latitude": -3.7712,
                        "longitude": -73.2813,
                    }
                ],
            ),
        ]
    yield created
    with django_db_blocker.unblock():
        Service.objects.filter(pk__in=[service.pk for service in created]).delete()
        Organization.objects.filter(pk=organization.pk).delete()


def directory_url(site_url):
    return f"{site_url}/es/servicios/?q={SEARCH}"


def test_map_shows_markers_for_public_locations_only(
    mapped_services, browser, site_url, settings, tile_server
):
    settings.MAP_TILE_URL = f"http://127.0.0.1:{tile_server.server_port}/{{z}}/{{x}}/{{y}}.png"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        tab.goto(directory_url(site_url))

        tab.locator("#directory-map .leaflet-tile-loaded").first.wait_for()
        markers = tab.locator("#directory-map .leaflet-marker-icon")
        assert sorted(markers.evaluate_all("icons => icons.map(icon => icon.alt)")) == sorted(
            PUBLIC_NAMES
        )
        assert tile_server.requested, "the map asked the tile server for no tile"
        assert all(path.endswith(".png") for path in tile_server.requested)
        assert CONFIDENTIAL_NAME in tab.locator(".result-list").inner_text()
        assert "-3.7712" not in tab.content()
        assert errors == []
    finally:
        context.close()


def test_page_is_complete_without_javascript(
    mapped_services, browser, site_url, settings, tile_server
):
    settings.MAP_TILE_URL = f"http://127.0.0.1:{tile_server.server_port}/{{z}}/{{x}}/{{y}}.png"
    requested_before = len(tile_server.requested)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        tab = context.new_page()
        tab.goto(directory_url(site_url))

        assert tab.locator(".results-count").inner_text() == "3 servicios encontrados"
        assert tab.locator(".result-list > li").count() == 3
        assert not tab.locator("#directory-map").is_visible()
        assert tab.locator(".leaflet-marker-icon").count() == 0
        assert len(tile_server.requested) == requested_before
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_page_is_complete_when_tiles_are_unreachable(mapped_services, browser, site_url, settings):
    # A port nothing listens on: every tile request is refused.
    settings.MAP_TILE_URL = f"http://127.0.0.1:{free_port()}/{{z}}/{{x}}/{{y}}.png"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(directory_url(site_url))

        markers = tab.locator("#directory-map .leaflet-marker-icon")
        markers.first.wait_for()
        assert markers.count() == len(PUBLIC_NAMES)
        assert tab.locator("#directory-map .leaflet-tile-loaded").count() == 0
        assert tab.locator(".result-list > li").count() == 3
        assert tab.get_by_role("link", name=PUBLIC_NAMES[0]).is_visible()
        assert errors == []
    finally:
        context.close()
