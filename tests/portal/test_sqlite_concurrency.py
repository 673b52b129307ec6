"""On SQLite (development), editors' autosave, preview and publish write at the same time:
concurrent read-then-write transactions wait their turn instead of failing with "database is
locked". Runs in a fresh process on its own database file, with the settings a server uses."""

import pytest
from django.conf import settings

from ..utils import run_in_fresh_django

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite configuration",
)

SCRIPT = """
import threading, time
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)")
    cursor.execute("INSERT INTO counter VALUES (1, 0)")
    cursor.execute("PRAGMA journal_mode")
    print("journal_mode", cursor.fetchone()[0])
    cursor.execute("PRAGMA busy_timeout")
    print("busy_timeout", cursor.fetchone()[0])
connection.close()

errors = []

def worker():
    try:
        for _ in range(15):
            with transaction.atomic(), connection.cursor() as cursor:
                # Read, then write: with SQLite's default deferred transactions the second
                # writer fails at once instead of waiting for the lock.
                cursor.execute("SELECT n FROM counter WHERE id = 1")
                value = cursor.fetchone()[0]
                time.sleep(0.002)
                cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [value + 1])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=worker) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter WHERE id = 1")
    print("count", cursor.fetchone()[0])
print("errors", len(errors), errors[:1])
"""


def test_concurrent_read_then_write_transactions_all_succeed(tmp_path):
    database = tmp_path / "concurrency.sqlite3"

    output = run_in_fresh_django(SCRIPT, DATABASE_URL=f"sqlite:///{database}")

    lines = dict(line.split(" ", 1) for line in output.splitlines())
    assert lines["errors"].startswith("0 "), lines["errors"]
    assert lines["count"] == str(6 * 15)
    # Readers never wait for a writer (WAL), and a writer waits for another up to 20 s.
    assert lines["journal_mode"] == "wal"
    assert int(lines["busy_timeout"]) >= 5000
