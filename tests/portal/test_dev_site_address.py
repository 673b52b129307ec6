"""In development the site's own links (sitemap, the API's html_url and detail_url, admin
emails) use the host and port `make run` serves on, which follow PORT."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Site

from ..utils import run_in_fresh_django
from ..utils.sitemaps import sitemap_addresses, sitemap_files


def test_development_base_urls_follow_port():
    output = run_in_fresh_django(
        "from django.conf import settings; "
        "print(settings.WAGTAILADMIN_BASE_URL); print(settings.WAGTAILAPI_BASE_URL)",
        unset=("WAGTAILADMIN_BASE_URL",),
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PORT="8123",
    )

    assert output.split() == ["http://127.0.0.1:8123", "http://127.0.0.1:8123"]


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_the_development_site_takes_the_served_host_and_port(client):
    call_command("ensure_dev_site", port=8123, stdout=open("/dev/null", "w"))  # noqa: SIM115

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    client.defaults["HTTP_HOST"] = "127.0.0.1:8123"
    index_and_files = [client.get("/sitemap.xml").content.decode(), *sitemap_files(client).values()]
    assert "http://127.0.0.1:8123/es/" in sitemap_addresses(client)
    assert not any("localhost" in text for text in index_and_files)


@pytest.mark.django_db
def test_the_command_refuses_to_run_outside_development():
    with pytest.raises(CommandError):
        call_command("ensure_dev_site", port=8123)
