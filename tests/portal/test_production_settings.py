"""Production settings refuse to start without their secrets, and pass Django's deployment
checklist once given them. Each case runs manage.py in a fresh process, as a server would."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

STRONG_KEY = "k8Zq-3vN!pR7w#Lx2mT9@bY4cH6jF0sD5gA1eU8iO3nQ7rV2zX"
# A Fernet key made for this test only.
EXAMPLE_FERNET_KEY = "x8f3Qm1uXv3B6tq0kK2b5z0n4l9JH7c2bq1oZ8y6dWs="


def run_manage(*args, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "COMPLAINTS_ENCRYPTION_KEYS",
        }
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=portal.settings.production"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("missing", "present"),
    [
        ("SECRET_KEY", {"ALLOWED_HOSTS": "portal.example"}),
        ("ALLOWED_HOSTS", {"SECRET_KEY": STRONG_KEY}),
        # Complaint content is never stored unencrypted.
        (
            "COMPLAINTS_ENCRYPTION_KEYS",
            {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "portal.example"},
        ),
    ],
)
def test_refuses_to_start_without_a_required_variable(missing, present):
    completed = run_manage("check", **present)
    assert completed.returncode != 0
    assert f"The environment variable {missing} is required" in completed.stderr


def test_deployment_checklist_is_clean(tmp_path):
    completed = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="portal.example",
        COMPLAINTS_ENCRYPTION_KEYS=EXAMPLE_FERNET_KEY,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "System check identified no issues" in completed.stdout
