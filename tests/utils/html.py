"""Reading and checking HTML: BeautifulSoup for assertions, the Nu HTML checker for validity."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def soup(response, status=200):
    """The parsed HTML of a response, after checking its status code."""
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser")


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
