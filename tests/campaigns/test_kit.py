"""The campaign kit: every public file, in several sizes for images, listed with its licence
and credit, and the whole kit as one ZIP with nothing private in it."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from campaigns.models import CampaignKitAsset

from ..utils import make_campaign, make_image, publish

PDF = b"%PDF-1.4\n% ficha de ejemplo\n"
SUBTITLES = b"WEBVTT\n\n00:00.000 --> 00:02.000\nSubtitulo de ejemplo.\n"
SECRET = b"borrador interno, no publicar"


def make_document(title, content, name, collection=None):
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Borradores internos")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    return collection


def add_assets(campaign, *assets):
    for asset in assets:
        campaign.kit_assets.add(CampaignKitAsset(**asset))
    return publish(campaign)


@pytest.fixture
def campaign_with_kit():
    hidden = private_collection()
    campaign = make_campaign("Campaña con kit")
    return add_assets(
        campaign,
        {
            "title": "Afiche",
            "image": make_image("Afiche", size=(1200, 800)),
            "licence": "cc-by-4.0",
            "credit": "Equipo de ejemplo",
        },
        {
            "title": "Ficha informativa",
            "document": make_document("Ficha", PDF, "ficha.pdf"),
            "licence": "cc-by-nd-4.0",
            "credit": "Equipo de ejemplo",
        },
        {
            "title": "Subtítulos del video",
            "document": make_document("Subtitulos", SUBTITLES, "subtitulos.vtt"),
            "licence": "campaign-use",
            "credit": "Equipo de ejemplo",
        },
        {
            "title": "Borrador interno",
            "document": make_document("Borrador", SECRET, "borrador.pdf", hidden),
            "licence": "campaign-use",
            "credit": "Nadie",
        },
        {
            "title": "Foto sin permiso",
            "image": make_image("Foto privada", size=(900, 600)),
            "licence": "campaign-use",
            "credit": "Nadie",
        },
    )


def hide_last_image(campaign):
    asset = campaign.kit_assets.get(title="Foto sin permiso")
    asset.image.collection = Collection.objects.get(name="Borradores internos")
    asset.image.save()


@pytest.mark.django_db
def test_the_zip_holds_every_public_file_and_nothing_private(client, campaign_with_kit):
    hide_last_image(campaign_with_kit)

    response = client.get(campaign_with_kit.get_url() + "kit/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="campana-con-kit-kit.zip"'
    assert sorted(archive.namelist()) == [
        "CREDITOS.txt",
        "afiche-800px.jpg",
        "afiche-original.png",
        "ficha-informativa.pdf",
        "subtitulos-del-video.vtt",
    ]
    assert archive.read("ficha-informativa.pdf") == PDF
    assert archive.read("subtitulos-del-video.vtt") == SUBTITLES
    assert archive.read("afiche-800px.jpg").startswith(b"\xff\xd8")  # a JPEG
    credits = archive.read("CREDITOS.txt").decode()
    assert "Licencia: Creative Commons Atribución 4.0 (CC BY 4.0)" in credits
    assert "Crédito: Equipo de ejemplo" in credits
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert SECRET not in everything
    assert b"Borrador interno" not in everything
    assert b"Foto sin permiso" not in everything


@pytest.mark.django_db
def test_the_page_lists_the_kit_with_licences_credits_and_sizes(client, campaign_with_kit):
    hide_last_image(campaign_with_kit)

    html = client.get(campaign_with_kit.get_url()).content.decode()

    assert f'href="{campaign_with_kit.get_url()}kit/"' in html
    assert "Descargar todo el kit (ZIP)" in html
    for title in ("Afiche", "Ficha informativa", "Subtítulos del video"):
        assert f'<h3 class="kit-list__title">{title}</h3>' in html
    assert "800 px de ancho (JPEG)" in html
    assert "Borrador interno" not in html
    assert "Foto sin permiso" not in html


@pytest.mark.django_db
def test_no_kit_for_a_draft_or_a_private_campaign(client, campaign_with_kit):
    private = make_campaign("Campaña privada")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = make_campaign("Campaña borrador", live=False)

    response = client.get(private.get_url() + "kit/")
    assert response.status_code == 302  # to the login, as for the private page itself
    assert "application/zip" not in response.get("Content-Type", "")
    assert client.get(f"/es/campanas/{draft.slug}/kit/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("with_image, with_document", [(True, True), (False, False)])
def test_a_kit_file_is_either_an_image_or_a_document(with_image, with_document):
    asset = CampaignKitAsset(
        page=make_campaign(),
        title="Archivo",
        image=make_image() if with_image else None,
        document=make_document("Ficha", PDF, "ficha.pdf") if with_document else None,
        licence="cc-by-4.0",
        credit="Equipo de ejemplo",
    )

    with pytest.raises(ValidationError) as error:
        asset.full_clean()
    assert set(error.value.message_dict) >= {"image", "document"}
