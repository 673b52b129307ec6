"""load_initial_data: the site in both languages, safe to rerun, nothing half-loaded."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from core.initial_content.loader import ContentLoader
from core.initial_content.translations import MissingTranslation, TranslationPairs, translate
from core.models import SiteSettings
from home.models import HomePage, StandardPage

from ..utils import make_standard_page, spanish_home


def snapshot():
    return {
        "pages": Page.objects.count(),
        "translations": Translation.objects.count(),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
    }


@pytest.mark.django_db
def test_the_site_exists_in_both_languages(spanish, english):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific

    assert isinstance(home, HomePage) and home.locale == spanish
    assert home.get_translation(english).specific.hero_heading == (
        "Information and help on human trafficking"
    )
    for page in StandardPage.objects.filter(locale=spanish):
        translation = page.get_translation(english)
        assert translation.live
        assert translation.title != page.title
    # Wagtail's placeholder page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to").exists()


@pytest.mark.django_db
def test_the_page_tree_is_consistent():
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_site_settings_hold_the_public_hotlines():
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    numbers = [contact.value["number"] for contact in site_settings.emergency_contacts]
    assert numbers == ["1818", "100"]
    assert site_settings.safety_page.slug == "navegar-de-forma-segura"
    assert site_settings.privacy_page.slug == "privacidad"


@pytest.mark.django_db
def test_rerunning_creates_nothing_twice():
    before = snapshot()
    output = StringIO()

    call_command("load_initial_data", stdout=output)

    assert snapshot() == before
    assert "nothing to do" in output.getvalue()


@pytest.mark.django_db
def test_rerunning_keeps_what_editors_changed():
    home = spanish_home()
    home.hero_heading = "Título cambiado por una editora"
    home.save_revision().publish()

    call_command("load_initial_data", stdout=StringIO())

    home.refresh_from_db()
    assert home.hero_heading == "Título cambiado por una editora"


@pytest.mark.django_db
def test_a_missing_english_text_saves_no_translation(english):
    page = make_standard_page(title="Página sin traducción")
    pairs = TranslationPairs()
    pairs.add_text("Página sin traducción", "Untranslated page")

    with pytest.raises(MissingTranslation, match="pagina-sin-traduccion"):
        translate(page, english, pairs)

    assert page.get_translation_or_none(english) is None


@pytest.mark.django_db
def test_html_pairs_must_have_the_same_shape():
    loader = ContentLoader()
    with pytest.raises(MissingTranslation):
        loader.html({"es": "<p>Uno</p><p>Dos</p>", "en": "<p>One and two</p>"})
