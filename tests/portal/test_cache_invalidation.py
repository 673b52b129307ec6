"""What each change purges from the caching proxy (portal/cache_invalidation.py), seen by a real
HTTP receiver standing in for Varnish: which PURGE and BAN requests arrive, and when."""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.test import override_settings
from wagtail.models import Site

from concepts.models import ConceptPage
from core.models import SiteSettings
from plan.models import Institution, PlanPage
from services_directory.models import Service
from tests.utils.factories import make_institution


class PurgeReceiver(BaseHTTPRequestHandler):
    def _record(self):
        self.server.requests.append((self.command, self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy_requests(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server.requests
    server.shutdown()


def concept():
    return ConceptPage.objects.live().get(
        locale__language_code="es", slug="explotacion-sexual-de-ninos-ninas-y-adolescentes"
    )


@pytest.mark.django_db
def test_publishing_a_page_purges_it_in_both_languages_and_the_pages_listing_or_showing_it(
    client, proxy_requests, django_capture_on_commit_callbacks
):
    page = concept()
    english = page.get_translations().get(locale__language_code="en")

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert proxy_requests == []  # nothing before the commit

    purged = {path for method, path in proxy_requests if method == "PURGE"}
    listing = {page.url, english.url, "/es/conceptos/", "/en/concepts/", "/es/", "/en/"}
    assert listing <= purged
    # Every other page purged shows the concept (a related concept, a campaign's concepts…):
    # it links to the concept in its own language.
    assert purged - listing
    for path in purged - listing:
        shown = client.get(path).content.decode()
        assert f'href="{page.url}"' in shown or f'href="{english.url}"' in shown, path


@pytest.mark.django_db
def test_unpublishing_a_page_purges_it_too(proxy_requests, django_capture_on_commit_callbacks):
    page = concept()

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert ("PURGE", page.url) in proxy_requests
    assert ("PURGE", "/es/conceptos/") in proxy_requests


@pytest.mark.django_db
def test_a_top_level_page_purges_everything(proxy_requests, django_capture_on_commit_callbacks):
    plan = PlanPage.objects.live().get(locale__language_code="es")

    with django_capture_on_commit_callbacks(execute=True):
        plan.save_revision().publish()

    assert proxy_requests == [("BAN", "/")]


@pytest.mark.django_db
def test_a_move_purges_everything(proxy_requests, django_capture_on_commit_callbacks):
    plan = PlanPage.objects.live().get(locale__language_code="es")

    with django_capture_on_commit_callbacks(execute=True):
        concept().move(plan, pos="last-child")

    assert proxy_requests == [("BAN", "/")]


@pytest.mark.django_db
def test_saving_site_settings_purges_everything(proxy_requests, django_capture_on_commit_callbacks):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    with django_capture_on_commit_callbacks(execute=True):
        site_settings.quick_exit_url = "https://weather.example.invalid/"
        site_settings.save()

    assert proxy_requests == [("BAN", "/")]


@pytest.mark.django_db
def test_many_rows_saved_in_one_transaction_purge_everything_once(
    proxy_requests, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for service in Service.objects.all()[:5]:
            service.save()
        make_institution(acronym="PRUEBA")
        Institution.objects.filter(acronym="PRUEBA").delete()

    assert proxy_requests == [("BAN", "/")]


@pytest.mark.django_db
def test_an_unreachable_proxy_is_logged_and_never_stops_a_publish(
    settings, caplog, monkeypatch, django_capture_on_commit_callbacks
):
    # The project's logging keeps app loggers from propagating; caplog listens at the root.
    monkeypatch.setattr(logging.getLogger("core.frontend_cache"), "propagate", True)
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": "http://127.0.0.1:9",  # discard port: nothing listens
        }
    }
    page = concept()

    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        page.title = "Título publicado sin proxy"
        page.save_revision().publish()

    page.refresh_from_db()
    assert page.title == "Título publicado sin proxy"
    assert "did not accept PURGE" in caplog.text


@pytest.mark.django_db
@override_settings(WAGTAILFRONTENDCACHE=None)
def test_without_a_proxy_configured_nothing_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        concept().save_revision().publish()
        SiteSettings.for_site(Site.objects.get(is_default_site=True)).save()

    assert [c for c in callbacks if c.__module__ == "core.frontend_cache"] == []
