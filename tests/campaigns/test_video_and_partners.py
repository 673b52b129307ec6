"""The self-hosted video (a file served by the site, captions required, nothing loaded before
play) on the campaign page and in the embed, and the partners' logos under "With"."""

import re

import pytest
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Collection, CollectionViewRestriction

from campaigns.blocks import VideoFileBlock
from campaigns.models import CampaignPartner

from ..utils import (
    EXAMPLE_CAPTIONS,
    WEBM_HEADER_ONLY,
    make_campaign,
    make_document,
    make_image,
    make_partner,
    nu_errors,
    publish,
    soup,
    video_file_block,
)

pytestmark = pytest.mark.django_db


def test_the_video_plays_from_the_site_with_captions_on_the_page_and_in_the_embed(client):
    block = video_file_block()
    campaign = make_campaign("Campaña con video", body=[block])

    page = soup(client.get(campaign.get_url()))
    embed = soup(client.get(reverse("campaign_embed", args=[campaign.id])))
    for html in (page, embed):
        video = html.select_one("video")
        assert video is not None
        assert video.has_attr("controls")
        assert video["preload"] == "none"
        labelled_by = html.find(id=video["aria-labelledby"])
        assert labelled_by.get_text() == "Video de ejemplo de la campaña"
        source = video.select_one("source")
        assert source["src"].startswith("/documents/")
        # (Storage may add a suffix to a file name already taken.)
        assert re.search(r"/video-de-ejemplo[\w-]*\.webm$", source["src"])
        assert source["type"] == "video/webm"
        track = video.select_one("track")
        assert track["kind"] == "captions"
        assert track["srclang"] == "es"
        assert track["label"] == "Español"
        assert track.has_attr("default")
        assert re.search(r"/subtitulos-de-ejemplo[\w-]*\.vtt$", track["src"])
        links = [link["href"] for link in html.select(".video-file__links a")]
        assert links[0] == source["src"]
        assert re.search(r"/transcripcion[\w-]*\.txt$", links[1])

    # The files come from this site: both policies allow its own media, nothing else.
    for address in (campaign.get_url(), reverse("campaign_embed", args=[campaign.id])):
        assert "media-src 'self';" in client.get(address)["Content-Security-Policy"]
    video_response = client.get(page.select_one("source")["src"])
    assert video_response.status_code == 200
    assert b"".join(video_response.streaming_content).startswith(WEBM_HEADER_ONLY[:4])
    captions_response = client.get(page.select_one("track")["src"])
    assert b"".join(captions_response.streaming_content).decode() == EXAMPLE_CAPTIONS


def test_the_transcript_is_optional():
    block = video_file_block(transcript=False)
    campaign = make_campaign("Campaña sin transcripción", body=[block])
    assert campaign.video_file["transcript"] is None


def clean_video(**changes):
    value = video_file_block()["value"]
    value.update(changes)
    block = VideoFileBlock()
    return block.clean(block.to_python(value))


def errors_of(**changes):
    with pytest.raises(StructBlockValidationError) as error:
        clean_video(**changes)
    return set(error.value.block_errors)


def test_the_video_block_accepts_a_webm_or_mp4_with_webvtt_captions():
    assert clean_video()["video"].file_extension == "webm"
    mp4 = make_document("MP4 de ejemplo", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 16, "v.mp4")
    assert clean_video(video=mp4.pk)["video"] == mp4


def test_the_video_block_refuses_other_files_and_captions_that_are_not_webvtt():
    pdf = make_document("Documento", b"%PDF-1.4 ejemplo", "documento.pdf")
    fake_webm = make_document("No es video", b"<html>no es un video</html>", "falso.webm")
    srt = make_document("SRT", "1\n00:00:00,000 --> 00:00:01,000\nHola\n", "subtitulos.srt")
    fake_vtt = make_document("VTT vacío", "Hola", "subtitulos.vtt")
    assert errors_of(video=pdf.pk) == {"video"}
    assert errors_of(video=fake_webm.pk) == {"video"}
    assert errors_of(captions=srt.pk) == {"captions"}
    assert errors_of(captions=fake_vtt.pk) == {"captions"}
    assert errors_of(captions=None) == {"captions"}


def test_the_video_block_refuses_files_visitors_could_not_open():
    hidden = Collection.get_first_root_node().add_child(name="Videos internos")
    CollectionViewRestriction.objects.create(
        collection=hidden, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = make_document("Video interno", WEBM_HEADER_ONLY, "interno.webm")
    private.collection = hidden
    private.save()
    assert errors_of(video=private.pk) == {"video"}


def partner_with_logo(slug, name):
    partner = make_partner(slug=slug, origins=f"https://{slug}.example")
    partner.name = name
    partner.logo = make_image(f"Logo de {name}", size=(600, 200))
    partner.save()
    return partner


def test_partners_show_their_logos_sized_lazy_and_named_under_with(client):
    campaign = make_campaign("Campaña con aliados")
    with_logo = partner_with_logo("radio-de-ejemplo", "Radio de ejemplo")
    without_logo = make_partner(slug="diario-sin-logo", origins="https://diario.example")
    inactive = partner_with_logo("medio-inactivo", "Medio inactivo de ejemplo")
    inactive.active = False
    inactive.save()
    for partner in (with_logo, without_logo, inactive):
        campaign.partner_links.add(CampaignPartner(partner=partner))
    publish(campaign)

    html = soup(client.get(campaign.get_url()))
    section = html.find(id="partners-heading").parent
    items = section.select(".partner-list__item")
    assert len(items) == 2  # the inactive partner is not shown
    logo = items[0].select_one("img")
    assert logo["alt"] == "Radio de ejemplo"
    assert logo["loading"] == "lazy"
    assert int(logo["width"]) <= 160 and int(logo["height"]) <= 80
    # Renditions at one and two times the size, never the original upload.
    sources = [entry.split()[0] for entry in logo["srcset"].split(",")]
    assert len(sources) == 2
    assert all("/images/" in source and ".webp" in source for source in sources)
    assert with_logo.logo.file.name.rsplit("/", 1)[-1] not in logo["srcset"]
    assert items[1].select_one("img") is None
    assert items[1].get_text(strip=True) == without_logo.name
    assert "Medio inactivo" not in str(html)


def test_campaign_pages_with_a_video_and_logos_are_valid_html(client, tmp_path):
    campaign = make_campaign("Campaña válida", body=[video_file_block()])
    campaign.partner_links.add(
        CampaignPartner(partner=partner_with_logo("tv-de-ejemplo", "TV de ejemplo"))
    )
    publish(campaign)
    documents = {
        "campaign": client.get(campaign.get_url()).content.decode(),
        "embed": client.get(reverse("campaign_embed", args=[campaign.id])).content.decode(),
    }
    assert nu_errors(documents, tmp_path) == []
