"""Running Django the way a server starts it: in a new process."""

import os
import subprocess
import sys

from django.conf import settings


def run_in_fresh_django(script, *, unset=(), **environment):
    """Runs `script` after django.setup() in a new Python process with the test settings and
    the given environment (as a server would start), and returns what it printed."""
    env = {key: value for key, value in os.environ.items() if key not in set(unset)}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.test", **environment})
    completed = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout
