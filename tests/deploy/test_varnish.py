"""The caching proxy as production runs it: real varnishd with deploy/varnish/default.vcl in
front of a real gunicorn with production settings, serving the test database.

The test process changes content through Wagtail's own API against the same database, with
the purge backend pointed at this Varnish, exactly as the admin would in production.
Skipped when varnishd is not installed; `.ci/run` installs it (docs/deployment.md).
"""

import http.client
import re
import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.models import Locale, Site

from campaigns.models import CampaignPage
from concepts.models import ConceptIndexPage, ConceptPage, ConceptRelation
from core.models import SiteSettings
from deploy.local_stack import (
    VCL,
    free_port,
    production_environment,
    start_gunicorn,
    start_varnish,
    stop,
    varnishd_path,
)

from .stack import get, session_database_url

pytestmark = pytest.mark.deploy
needs_varnish = pytest.mark.skipif(
    varnishd_path() is None,
    reason="varnishd is not installed (apt-get install varnish); .ci/run installs it",
)


@dataclass
class Stack:
    address: str
    gunicorn: subprocess.Popen


@contextmanager
def proxied_server(*, workers, secret_key=None, **environment_changes):
    """gunicorn with production settings serving the test database, Varnish in front of it;
    `environment_changes` override the server's environment (the content cache's folder, a
    page TTL). Both stop when the block ends."""
    backend_port, proxy_port = free_port(), free_port()
    environment = production_environment(
        session_database_url(), settings="tests.deploy.production_settings", secret_key=secret_key
    )
    environment.update(environment_changes)
    gunicorn = start_gunicorn(environment, backend_port, workers=workers)
    try:
        varnish, workdir = start_varnish(backend_port, proxy_port)
    except Exception:
        stop(gunicorn)
        raise
    try:
        yield Stack(f"http://127.0.0.1:{proxy_port}", gunicorn)
    finally:
        stop(varnish)
        stop(gunicorn)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def proxy(django_db_setup, django_db_blocker, tmp_path_factory):
    """The proxy's address; the purge backend of this process points at it meanwhile."""
    with django_db_blocker.unblock():
        # A no-op unless a transactional test emptied the database earlier in the session.
        call_command("load_initial_data", stdout=StringIO())
    # The content cache (core/content_cache.py) must be the server's: an edit made here bumps
    # the version the server's workers read, as an edit in the admin would in production.
    shared_cache = tmp_path_factory.mktemp("content-cache")
    purge_backends = {"proxy": {"BACKEND": "core.frontend_cache.VarnishBackend"}}
    file_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(shared_cache),
            "KEY_PREFIX": "portal",
        }
    }
    # The admin session the tests sign in this process must be valid in the server's.
    with proxied_server(
        workers=2, secret_key=settings.SECRET_KEY, CACHE_DIR=str(shared_cache)
    ) as stack:
        purge_backends["proxy"]["LOCATION"] = stack.address
        with override_settings(WAGTAILFRONTENDCACHE=purge_backends, CACHES=file_cache):
            yield stack.address


@pytest.fixture
def database(django_db_blocker):
    """Committed changes (the server is another process), undone by each test itself."""
    with django_db_blocker.unblock():
        yield


def cached(proxy, path):
    """Requests `path` until the proxy holds it, and returns the last answer."""
    get(proxy + path)
    answer = get(proxy + path)
    assert answer.header("X-Cache") == "HIT", (path, answer.headers)
    return answer


@contextmanager
def published_with_title(page, title):
    """The page published under `title` for the block's duration, then under its own again
    (the proxy tests share one database)."""
    original = page.title
    try:
        page.title = title
        page.save_revision().publish()
        yield
    finally:
        page.title = original
        page.save_revision().publish()


def title_in(body):
    return re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()


@needs_varnish
def test_an_anonymous_page_is_served_from_the_cache(proxy):
    first = get(proxy + "/es/plan-nacional/")
    time.sleep(1.1)
    second = get(proxy + "/es/plan-nacional/")

    assert first.status == second.status == 200
    assert first.header("X-Cache") == "MISS"
    assert second.header("X-Cache") == "HIT"
    assert int(second.header("Age")) >= 1
    assert second.header("Cache-Control") == (
        f"public, max-age=0, s-maxage={settings.PUBLIC_PAGE_CACHE_SECONDS}"
    )
    assert second.body == first.body
    # The object's path, used by PURGE, stays inside the proxy.
    assert "x-cache-path" not in second.headers


@needs_varnish
def test_publishing_a_page_purges_it_in_both_languages_and_its_listings(proxy, database):
    concept = ConceptPage.objects.live().get(
        locale__language_code="es", slug="explotacion-sexual-de-ninos-ninas-y-adolescentes"
    )
    english = concept.get_translation(Locale.objects.get(language_code="en"))
    paths = {
        "page": concept.url,
        "english": english.url,
        "listing": concept.get_parent().url,
        "home": "/es/",
        "unrelated": "/es/plan-nacional/",
    }
    for path in paths.values():
        cached(proxy, path)
    original_title = concept.title
    new_title = "Explotación sexual (título cambiado por la prueba)"
    with published_with_title(concept, new_title):
        after = {name: get(proxy + path) for name, path in paths.items()}

    assert after["page"].header("X-Cache") == "MISS"
    assert title_in(after["page"].body).startswith(new_title)
    assert after["listing"].header("X-Cache") == "MISS"
    assert new_title in after["listing"].body
    assert after["english"].header("X-Cache") == "MISS"
    assert after["home"].header("X-Cache") == "MISS"
    # Only what shows the page was dropped.
    assert after["unrelated"].header("X-Cache") == "HIT"
    # Restoring it purged again: visitors see the original title at once.
    assert title_in(get(proxy + paths["page"]).body).startswith(original_title)


@needs_varnish
@pytest.mark.parametrize(
    ("language", "concept_slug", "relating_concept", "featuring_campaign"),
    [
        (
            "es",
            "trata-de-personas",
            "/es/conceptos/servidumbre-por-deudas/",
            "/es/campanas/ejemplo-ofertas-de-trabajo-enganosas/",
        ),
        # The English pages' links name the Spanish concept (a translation copies them) and
        # show its English translation: publishing that must purge them too.
        (
            "en",
            "human-trafficking",
            "/en/concepts/debt-bondage/",
            "/en/campaigns/example-deceptive-job-offers/",
        ),
    ],
)
def test_publishing_a_page_purges_the_pages_that_show_it_elsewhere(
    proxy, database, language, concept_slug, relating_concept, featuring_campaign
):
    """A related concept on another concept page, a campaign's concepts: found through
    Wagtail's reference index, not a list kept by hand."""
    concept = ConceptPage.objects.live().get(locale__language_code=language, slug=concept_slug)
    paths = {
        "related": relating_concept,
        "campaign": featuring_campaign,
        "unrelated": "/es/plan-nacional/",
    }
    before = {name: cached(proxy, path) for name, path in paths.items()}
    assert concept.title in before["related"].body
    assert concept.title in before["campaign"].body
    original_title = concept.title
    new_title = f"{original_title} (título cambiado por la prueba)"
    with published_with_title(concept, new_title):
        after = {name: get(proxy + path) for name, path in paths.items()}

    for name in ("related", "campaign"):
        assert after[name].header("X-Cache") == "MISS", name
        assert new_title in after[name].body, name
    assert after["unrelated"].header("X-Cache") == "HIT"


@needs_varnish
def test_deleting_a_page_purges_the_pages_that_showed_it(proxy, database):
    index = ConceptIndexPage.objects.get(locale__language_code="es")
    doomed = index.add_child(
        instance=ConceptPage(
            title="Concepto que la prueba borra",
            slug="concepto-que-la-prueba-borra",
            short_definition="Definición breve de ejemplo.",
            description="Descripción de ejemplo.",
            body=[{"type": "paragraph", "value": "<p>Texto de ejemplo.</p>"}],
        )
    )
    doomed.save_revision().publish()
    relating = ConceptPage.objects.get(locale__language_code="es", slug="servidumbre-por-deudas")
    relating.related_concept_links.add(ConceptRelation(related=doomed, sort_order=99))
    relating.save_revision().publish()
    try:
        assert doomed.title in cached(proxy, relating.url).body
        doomed.delete()
        after = get(proxy + relating.url)
    finally:
        ConceptPage.objects.filter(pk=doomed.pk).delete()
        relating = ConceptPage.objects.get(pk=relating.pk)
        relating.save_revision().publish()

    assert after.header("X-Cache") == "MISS"
    assert doomed.title not in after.body


@needs_varnish
def test_saving_the_site_settings_purges_every_page(proxy, database):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    original_exit = site_settings.quick_exit_url
    for path in ("/es/plan-nacional/", "/en/", "/es/servicios/?region=16"):
        cached(proxy, path)

    try:
        site_settings.quick_exit_url = "https://weather.example.invalid/"
        site_settings.save()
        after = [get(proxy + path) for path in ("/es/plan-nacional/", "/en/")]
        directory = get(proxy + "/es/servicios/?region=16")
    finally:
        site_settings.quick_exit_url = original_exit
        site_settings.save()

    for answer in after:
        assert answer.header("X-Cache") == "MISS"
        assert "https://weather.example.invalid/" in answer.body
    assert directory.header("X-Cache") == "MISS"


@needs_varnish
@pytest.mark.parametrize(
    "path", ["/es/denuncia/", "/en/report/", "/es/denuncia/seguimiento/", "/en/report/status/"]
)
def test_the_complaint_form_and_status_lookup_are_never_cached(proxy, path):
    answers = [get(proxy + path) for _ in range(2)]

    for answer in answers:
        assert answer.status == 200
        assert answer.header("X-Cache") == "PASS"
        assert answer.header("Cache-Control") == "no-store"
        assert answer.header("Age") == "0"


@needs_varnish
def test_search_results_are_never_cached(proxy):
    answers = [get(proxy + "/es/buscar/?q=trata") for _ in range(2)]

    assert [answer.header("X-Cache") for answer in answers] == ["PASS", "PASS"]


@needs_varnish
def test_an_admin_session_bypasses_the_cache_and_leaves_it_clean(proxy, database):
    editor = get_user_model().objects.create_superuser(
        "proxy-editor", "proxy-editor@example.invalid", "a-long-test-password"
    )
    try:
        client = Client()
        client.force_login(editor)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cached(proxy, "/es/conceptos/")
        as_editor = [
            get(proxy + "/es/conceptos/", cookie=f"_ga=GA1.1.1; sessionid={session}")
            for _ in range(2)
        ]
    finally:
        editor.delete()
    anonymous = get(proxy + "/es/conceptos/")

    for answer in as_editor:
        assert answer.header("X-Cache") == "PASS"
        assert answer.header("Cache-Control") == "private"
        assert "wagtail-userbar" in answer.body
    assert anonymous.header("X-Cache") == "HIT"
    assert "wagtail-userbar" not in anonymous.body


@needs_varnish
def test_foreign_cookies_are_stripped_and_the_page_still_cached(proxy):
    get(proxy + "/es/campanas/", cookie="_ga=GA1.2.3; theme=dark")
    answer = get(proxy + "/es/campanas/", cookie="tracking=abc")

    assert answer.header("X-Cache") == "HIT"
    assert "set-cookie" not in answer.headers


@needs_varnish
def test_the_campaign_embed_is_cached_with_its_own_max_age(proxy, database):
    campaign = CampaignPage.objects.live().filter(locale__language_code="es").first()
    answer = cached(proxy, f"/embed/campaigns/{campaign.id}/")

    assert answer.header("Cache-Control") == f"public, max-age={settings.CAMPAIGN_EMBED_MAX_AGE}"


@needs_varnish
def test_only_this_machine_may_purge(proxy):
    port = int(proxy.rsplit(":", 1)[1])
    cached(proxy, "/es/")

    # Another address (Linux routes all of 127.0.0.0/8 to this machine) is not in the ACL.
    for method in ("PURGE", "BAN"):
        elsewhere = http.client.HTTPConnection("127.0.0.1", port, source_address=("127.0.0.2", 0))
        elsewhere.request(method, "/es/")
        assert elsewhere.getresponse().status == 403
        elsewhere.close()
    assert get(proxy + "/es/").header("X-Cache") == "HIT"

    assert get(proxy + "/es/", method="PURGE").status == 200
    assert get(proxy + "/es/").header("X-Cache") == "MISS"


def test_the_proxy_keeps_the_cookies_django_uses_for_the_admin():
    kept = re.search(r'regsuball\(req\.http\.Cookie, ";\((.+?)\)="', VCL.read_text())

    assert kept is not None
    assert set(kept.group(1).split("|")) == {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
    }


@needs_varnish
def test_cached_pages_are_still_served_while_the_application_is_down(django_db_setup):
    """Grace: gunicorn gone and the page's TTL (1 s here) long past, Varnish still answers
    with the copy it has, so a person in danger gets the hotlines."""
    with proxied_server(workers=1, PUBLIC_PAGE_CACHE_SECONDS="1") as stack:
        fresh = cached(stack.address, "/es/")
        stop(stack.gunicorn)
        # Past the 10 s a healthy backend allows: only the sick backend's grace serves it now.
        time.sleep(12)
        missing = get(stack.address + "/es/plan-nacional/")
        stale = get(stack.address + "/es/")

    assert missing.status == 503  # not cached, and nothing behind the proxy to ask
    assert stale.status == 200
    assert int(stale.header("Age")) > 10
    assert stale.body == fresh.body
