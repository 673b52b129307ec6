"""The production static build: hashed names for cache-busting, gzip and brotli copies."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture(scope="module")
def static_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", "--noinput", verbosity=0)
        yield root


def test_assets_get_hashed_and_compressed_names(static_build):
    manifest = json.loads((static_build / "staticfiles.json").read_text())["paths"]

    for asset in ["css/portal.css", "css/print.css", "js/portal.js"]:
        hashed = static_build / manifest[asset]
        assert hashed.name != asset.split("/")[-1]
        assert hashed.with_name(hashed.name + ".gz").exists()
        assert hashed.with_name(hashed.name + ".br").exists()


@pytest.mark.django_db
def test_pages_link_to_the_hashed_assets(client, static_build):
    with override_settings(STATIC_ROOT=static_build, STORAGES=PRODUCTION_STORAGES):
        manifest = json.loads((static_build / "staticfiles.json").read_text())["paths"]
        html = client.get("/es/").content.decode()

    assert f'href="/static/{manifest["css/portal.css"]}"' in html
    assert f'src="/static/{manifest["js/portal.js"]}"' in html
