"""Helpers of the deploy tests: the test database's address for a server in another process,
and plain HTTP requests that return status, headers and body whatever the status."""

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote

from django.db import connection


@dataclass
class Answer:
    status: int
    headers: dict
    body: str

    def header(self, name):
        return self.headers.get(name.lower())


def session_database_url():
    """DATABASE_URL of the database this test session uses (SQLite file or PostgreSQL)."""
    database = connection.settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    credentials = quote(database["USER"], safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "127.0.0.1"
    port = database["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{database['NAME']}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url, *, cookie=None, method="GET", timeout=10):
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(url, headers=headers, method=method)  # noqa: S310 (local)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return Answer(
                response.status,
                {name.lower(): value for name, value in response.headers.items()},
                response.read().decode(),
            )
    except urllib.error.HTTPError as error:
        return Answer(
            error.code,
            {name.lower(): value for name, value in error.headers.items()},
            error.read().decode(errors="replace"),
        )
