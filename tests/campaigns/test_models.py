"""What editors may enter: partner origins, hashtags, dates, and the blocks' own rules."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from campaigns.blocks import CampaignCallToActionBlock, HeroBlock
from campaigns.models import MediaPartner

from ..utils import make_campaign, make_image, spanish_home


@pytest.mark.django_db
@pytest.mark.parametrize(
    "origins",
    [
        "https://www.example.pe",
        "https://radio.example.pe:8443\nhttps://tv.example.pe/",
        "  HTTPS://Diario.Example.PE  ",
    ],
)
def test_https_origins_are_accepted_and_normalised(origins):
    partner = MediaPartner(name="Diario de ejemplo", slug="diario", origins=origins)

    partner.full_clean()

    assert all(origin == origin.lower().rstrip("/") for origin in partner.origin_list)
    assert partner.origins == "\n".join(partner.origin_list)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "origins",
    [
        "",
        "http://www.example.pe",
        "www.example.pe",
        "https://www.example.pe/noticias",
        "https://*.example.pe",
        "https://example.pe; script-src *",
        "https://example.pe:99999999",
        "https://example.pe?x=1",
    ],
)
def test_anything_but_an_https_origin_is_refused(origins):
    partner = MediaPartner(name="Diario de ejemplo", slug="diario", origins=origins)

    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "origins" in error.value.message_dict


@pytest.mark.django_db
def test_a_campaign_cannot_end_before_it_starts():
    campaign = make_campaign(start=0)
    campaign.end_date = campaign.start_date.replace(year=campaign.start_date.year - 1)

    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "end_date" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("hashtag", ["#NoALaTrata", "NoALaTrata", "Trata_2026", "#Campaña"])
def test_good_hashtags_are_kept_without_the_hash(hashtag):
    campaign = make_campaign(hashtag=hashtag)
    campaign.full_clean()

    assert campaign.hashtag == hashtag.lstrip("#")
    assert campaign.hashtag_text == "#" + hashtag.lstrip("#")


@pytest.mark.django_db
@pytest.mark.parametrize("hashtag", ["dos palabras", "#a#b", "<script>", "#"])
def test_bad_hashtags_are_refused(hashtag):
    campaign = make_campaign()
    campaign.hashtag = hashtag

    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "hashtag" in error.value.message_dict


@pytest.mark.django_db
def test_the_hero_image_needs_its_alt_text():
    block = HeroBlock()
    image = make_image()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.id, "alt_text": "", "caption": ""}))
    assert "alt_text" in error.value.block_errors


@pytest.mark.django_db
def test_a_call_to_action_to_a_page_needs_the_page_and_its_link_text():
    block = CampaignCallToActionBlock()
    value = {"heading": "Denuncia", "text": "", "action": "page", "page": None, "link_text": ""}

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert set(error.value.block_errors) == {"page", "link_text"}

    value.update(page=spanish_home().id, link_text="Ir al formulario de denuncia")
    assert block.clean(block.to_python(value))["page"].id == spanish_home().id
    # Sending people to the hotlines needs neither.
    hotlines = {**value, "action": "hotlines", "page": None, "link_text": ""}
    assert block.clean(block.to_python(hotlines))["action"] == "hotlines"
