"""The HTML of each page type passes the Nu HTML checker (npm vnu-jar; Java is on the machine)
with no errors."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory

from portal.error_views import bad_request, permission_denied
from portal.views import server_error

from .utils import PAGES_TO_CHECK, make_chart_examples

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(documents, directory):
    """Checks every document in one run of the checker (the JVM takes seconds to start)."""
    if not VNU_JAR.exists():
        pytest.fail("vnu-jar is missing: run `npm ci` (make test does).")
    if shutil.which("java") is None:
        pytest.fail("Java is needed by the Nu HTML checker.")
    names_by_uri = {}
    for index, (name, html) in enumerate(documents.items()):
        path = directory / f"page-{index}.html"
        path.write_text(html, encoding="utf-8")
        names_by_uri[path.as_uri()] = name
    completed = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
        + [uri.removeprefix("file://") for uri in names_by_uri],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(completed.stderr or completed.stdout)
    return [
        f"{names_by_uri.get(message.get('url'), message.get('url'))} "
        f"line {message.get('lastLine')}: {message['message']}"
        for message in report["messages"]
    ]


@pytest.mark.django_db
def test_pages_are_valid_html(client, tmp_path):
    documents = {}
    series_page, objective = make_chart_examples()
    for path in [*PAGES_TO_CHECK, series_page.get_url(), objective.get_url()]:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        documents[path] = response.content.decode()
    documents["500 page"] = server_error(RequestFactory().get("/")).content.decode()
    documents["400 page"] = bad_request(RequestFactory().get("/")).content.decode()
    documents["403 page"] = permission_denied(RequestFactory().get("/")).content.decode()

    assert nu_errors(documents, tmp_path) == []


def test_the_checker_reports_invalid_html(tmp_path):
    """Guards the test above against a checker that silently checks nothing."""
    broken = "<!doctype html><html lang='es'><title>x</title><p><div>unclosed</p>"
    assert nu_errors({"broken": broken}, tmp_path) != []
