"""The campaign kit: the files partners may download, and the whole kit as one ZIP built on
the server. A file in a private collection (one with a view restriction) is never offered."""

import os
import tempfile
import zipfile

from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import CollectionViewRestriction

from core import content_cache

# Image sizes offered besides the original: web (social media) and print-ready widths.
IMAGE_SIZES = (800, 1600)
# The ZIP is built in memory up to this size, then on disk.
IN_MEMORY_LIMIT = 10 * 1024 * 1024


def _restricted_collection_paths():
    """From the content cache: every campaign page checks them, editors rarely change them
    (core/content_signals.py forgets them when a restriction or a collection changes)."""
    return content_cache.cached(
        "restricted-collection-paths",
        lambda: list(CollectionViewRestriction.objects.values_list("collection__path", flat=True)),
    )


def public_assets(page):
    """The page's kit files that anyone may download, in the editor's order."""
    assets = list(
        page.kit_assets.select_related("image__collection", "document__collection")
        # The sizes offered are renditions: fetched with the images, not one query each.
        .prefetch_related("image__renditions")
        .order_by("sort_order")
    )
    if not assets:
        return []
    restricted = _restricted_collection_paths()
    return [
        asset
        for asset in assets
        if not any(
            (asset.image or asset.document).collection.path.startswith(path) for path in restricted
        )
    ]


def image_files(asset):
    """(name in the ZIP, rendition or original file) for each size of an image asset."""
    image = asset.image
    base = slugify(asset.title) or f"imagen-{asset.id}"
    extension = os.path.splitext(image.file.name)[1].lower()
    files = [(f"{base}-original{extension}", image.file)]
    for width in IMAGE_SIZES:
        if width < image.width:
            rendition = image.get_rendition(f"width-{width}|format-jpeg")
            files.append((f"{base}-{width}px.jpg", rendition.file))
    return files


def document_file(asset):
    document = asset.document
    base = slugify(asset.title) or f"documento-{asset.id}"
    return (f"{base}{os.path.splitext(document.file.name)[1].lower()}", document.file)


def kit_entries(assets):
    """Every file of the kit: (name in the ZIP, file, asset)."""
    entries = []
    for asset in assets:
        files = image_files(asset) if asset.image_id else [document_file(asset)]
        entries += [(name, file, asset) for name, file in files]
    return entries


def credits_text(page, entries):
    """The kit's README: for each file, its title, licence and credit (in the page's language,
    which the caller activates)."""
    lines = [page.title, "", gettext("Files of this kit, with their licence and credit:"), ""]
    for name, _file, asset in entries:
        lines += [
            name,
            f"  {asset.title}",
            "  " + gettext("Licence: %(licence)s") % {"licence": asset.get_licence_display()},
            "  " + gettext("Credit: %(credit)s") % {"credit": asset.credit},
            "",
        ]
    return "\n".join(lines)


def build_kit_zip(page):
    """The whole kit as a ZIP in a temporary file, rewound for reading."""
    entries = kit_entries(public_assets(page))
    archive_file = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_LIMIT)  # noqa: SIM115
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(gettext("CREDITS.txt"), credits_text(page, entries))
        for name, file, _asset in entries:
            with file.open("rb") as source:
                archive.writestr(name, source.read())
    archive_file.seek(0)
    return archive_file


def downloads(assets):
    """What the page lists for each kit file: its facts and a link per size or format."""
    items = []
    for asset in assets:
        if asset.image_id:
            links = [(gettext("Original"), asset.image.file.url)]
            for width in IMAGE_SIZES:
                if width < asset.image.width:
                    rendition = asset.image.get_rendition(f"width-{width}|format-jpeg")
                    label = gettext("%(width)s px wide (JPEG)") % {"width": width}
                    links.append((label, rendition.url))
        else:
            extension = os.path.splitext(asset.document.file.name)[1].lstrip(".").upper()
            links = [(extension or gettext("File"), asset.document.url)]
        items.append(
            {
                "title": asset.title,
                "licence": asset.get_licence_display(),
                "credit": asset.credit,
                "links": links,
            }
        )
    return items
