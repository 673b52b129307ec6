"""A real server, a real browser (Debian's chromium through Playwright) and a neutral site for
the quick exit to land on.

The server runs in a thread of the test process against the test database, which the session
fixture in tests/conftest.py filled with the initial content. It sees only committed data, as a
real server would, so browser tests rely on that content and change nothing in the database.
"""

import shutil
from io import StringIO

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright
from wagtail.models import Site

from core.models import SiteSettings

from ..utils import make_page_examples
from ..utils.local_sites import serve_html

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Neutral</title><p>Weather today.</p>"


@pytest.fixture(scope="session")
def neutral_site_url():
    with serve_html(lambda: NEUTRAL_PAGE) as origin:
        yield f"{origin}/weather"


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker, neutral_site_url):
    """The portal served over HTTP, with the quick exit pointing at the neutral site and the
    example pages the initial content lacks (tests/utils/page_types.py). Both changes are
    undone at the end, so the tests after these see the site settings as they were."""
    with django_db_blocker.unblock():
        # A no-op unless a transactional test emptied the database earlier in the session.
        call_command("load_initial_data", stdout=StringIO())
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        original_exit_url = site_settings.quick_exit_url
        site_settings.quick_exit_url = neutral_site_url
        site_settings.save()
        example_pages = make_page_examples()

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://127.0.0.1:{server.port}"
    server.terminate()
    with django_db_blocker.unblock():
        for example in example_pages:
            example.delete()
        site_settings.quick_exit_url = original_exit_url
        site_settings.save()


@pytest.fixture
def site_url(live_site, django_db_blocker):
    """The server's address, with database access open for the server's thread while the
    test runs (pytest-django blocks it process-wide otherwise)."""
    with django_db_blocker.unblock():
        yield live_site


@pytest.fixture(scope="module")
def browser(live_site):
    """Chromium for one test module. Playwright's sync API keeps an asyncio loop running in
    this thread while it is open, and Django refuses ORM calls under a running loop, so the
    browser closes with its module instead of lingering into the database tests after it.
    It depends on live_site so the server's set-up (which uses the ORM) happens first."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is needed for the browser tests: run `make browser-deps`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_tab(browser, site_url):
    """Opens browser tabs, each in a context of its own (`new_tab(viewport=PHONE,
    locale="es-PE", java_script_enabled=False, …)` takes Playwright's context options, and
    `init_script` a script file every page runs first). At the end of the test every context is
    closed and the test fails on any script or CSP error any of its tabs met. It holds the
    server's database access open until its tabs are closed, for what they send as they close
    (the admin releases its editing session)."""
    opened = []

    def open_tab(*, timeout=10_000, init_script=None, **context_options):
        context = browser.new_context(**context_options)
        if init_script is not None:
            context.add_init_script(path=str(init_script))
        context.set_default_timeout(timeout)
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        opened.append((context, errors))
        return tab

    yield open_tab
    for context, _errors in opened:
        context.close()
    errors = [error for _context, tab_errors in opened for error in tab_errors]
    assert not errors, f"Errors in the browser console: {errors}"


@pytest.fixture
def page(new_tab):
    """A fresh browser tab that fails the test on any script or CSP error."""
    return new_tab()
