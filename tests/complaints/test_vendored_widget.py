"""The ALTCHA widget is served by the site, copied unchanged from the npm package pinned in
package.json (static/vendor/altcha/README.md says how to update it)."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
VENDORED = {
    "altcha.min.js": "dist/external/altcha.min.js",
    "altcha.css": "dist/external/altcha.css",
    "pbkdf2.js": "dist/workers/pbkdf2.js",
    "es-419.js": "dist/i18n/es-419.js",
}


@pytest.mark.parametrize(("name", "source"), VENDORED.items())
def test_vendored_files_match_the_pinned_npm_package(name, source):
    package = ROOT / "node_modules" / "altcha"
    if not package.exists():
        pytest.fail("node_modules/altcha is missing: run `npm ci` (make test does).")
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["altcha"]
    assert json.loads((package / "package.json").read_text())["version"] == pinned
    assert (ROOT / "static" / "vendor" / "altcha" / name).read_bytes() == (
        package / source
    ).read_bytes()


def test_the_form_page_loads_scripts_and_styles_only_from_the_site(client, db):
    html = client.get("/es/denuncia/").content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assets = [source for source in sources if source.endswith((".js", ".css"))]
    assert "/static/vendor/altcha/altcha.min.js" in assets
    assert all(source.startswith("/static/") for source in assets), assets
