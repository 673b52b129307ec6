"""Every interface string is translated into Spanish, and the compiled catalogues match the
source ones. A string added to code or templates without a translation fails here."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR).resolve()
LOCALE_DIR = BASE_DIR / "locale"


def local_app_dirs():
    """The folders of the apps that live in this repository (not in the virtualenv): a new
    app listed in INSTALLED_APPS is scanned the day it lands."""
    return [
        Path(config.path).resolve()
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == BASE_DIR
    ]


def source_paths():
    return [*local_app_dirs(), BASE_DIR / "templates", BASE_DIR / "manage.py"]


def test_every_local_app_is_scanned():
    scanned = {path.name for path in source_paths()}
    assert {"core", "charts", "home", "plan", "concepts", "portal", "templates"} <= scanned
    assert not any(".venv" in path.parts for path in source_paths())


# django: code and templates; djangojs: the packages' script strings we override
# (editorial/admin_vocabulary.js).
DOMAINS = ["django", "djangojs"]


def catalogue(language, domain="django"):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"))


def entry_key(entry):
    return (entry.msgctxt or "", entry.msgid)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", ["es", "en"])
def test_every_entry_is_translated(language, domain):
    po = catalogue(language, domain)
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", ["es", "en"])
def test_compiled_catalogue_matches_its_source(language, domain):
    po = catalogue(language, domain)
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.mo"))
    compiled = {entry_key(entry): entry.msgstr or entry.msgstr_plural for entry in mo}
    for entry in po.translated_entries():
        assert compiled.get(entry_key(entry)) == (entry.msgstr or entry.msgstr_plural), (
            f"{entry.msgid!r} changed in {domain}.po: run `make messages`"
        )


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_has_every_string_of_the_code(tmp_path, domain):
    """Extracts the strings afresh (as `make messages` does) from a copy of the code."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed to extract strings: apt-get install gettext")
    for source in source_paths():
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, tmp_path / source.name, ignore=ignore)
        else:
            shutil.copy(source, tmp_path / source.name)
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [
            *(sys.executable, "manage.py", "makemessages", "--locale", "es", "--no-location"),
            *("--domain", domain),
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(tmp_path / "locale" / "es" / "LC_MESSAGES" / f"{domain}.po"))
    known = {entry_key(entry) for entry in catalogue("es", domain)}

    missing = [entry.msgid for entry in extracted if entry_key(entry) not in known]
    assert missing == [], "new strings: run `make messages` and translate them"
