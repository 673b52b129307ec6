"""The directory in a real browser (Debian's chromium): usable at 360 px with JavaScript off,
and "Use my location" as an enhancement when it is on."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_filters_work_at_360_px_without_javascript(new_tab, site_url):
    tab = new_tab(java_script_enabled=False, viewport=PHONE)
    tab.goto(f"{site_url}/es/servicios/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert tab.get_by_role("button", name="Usar mi ubicación").count() == 0

    tab.get_by_label("Región").select_option("15")
    tab.get_by_label("Gratuito").check()
    tab.get_by_role("button", name="Mostrar servicios").click()
    tab.wait_for_url("**/es/servicios/?*region=15*")

    assert "free=1" in tab.url
    assert tab.locator(".results-count").inner_text() == "1 servicio encontrado"
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.get_by_role("link", name="Servicio de ejemplo: asistencia legal en Lima").click()
    tab.wait_for_url("**/es/servicios/ejemplo-asistencia-legal-lima/")
    assert tab.get_by_role("heading", name="Cómo llegar").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_use_my_location_fills_in_near_and_sorts_by_distance(new_tab, site_url):
    tab = new_tab(
        viewport=PHONE,
        geolocation={"latitude": -13.52, "longitude": -71.97},
        permissions=["geolocation"],
    )
    tab.goto(f"{site_url}/es/servicios/")

    tab.get_by_role("button", name="Usar mi ubicación").click()
    tab.wait_for_url("**near=-13.52%2C-71.97*")

    first = tab.locator(".result-list > li").first
    assert "atención psicológica en Cusco" in first.inner_text()
    assert "km" in first.inner_text()
