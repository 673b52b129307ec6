"""Factories shared by the tests: build real pages in the real page tree."""

from django.utils.text import slugify
from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage


def spanish_home():
    return HomePage.objects.get(locale=Locale.objects.get(language_code="es"))


def english_home():
    return HomePage.objects.get(locale=Locale.objects.get(language_code="en"))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_standard_page(parent=None, *, title="Página de prueba", slug=None, body=None, **fields):
    parent = parent or spanish_home()
    page = StandardPage(
        title=title,
        slug=slug or slugify(title),
        description=fields.pop("description", f"Descripción de {title}."),
        body=body or [{"type": "paragraph", "value": f"<p>Texto de {title}.</p>"}],
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


def page_path(page: Page) -> str:
    """The page's URL path on the default site, e.g. /es/privacidad/."""
    return page.get_url()


def make_image(title="Imagen de prueba", size=(1200, 800)):
    """A real image in the Wagtail library, from a PNG drawn here."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    buffer = BytesIO()
    PillowImage.new("RGB", size, (29, 79, 145)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png"))
