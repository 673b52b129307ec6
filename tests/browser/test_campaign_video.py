"""A campaign's own video in a real browser: a WebM recorded by Chromium in the test (about a
kilobyte, no network) is served by the site, loads nothing before play, plays under the strict
CSP and shows its WebVTT captions, on the campaign page and in the embed at phone width; the
partners' logos load as renditions; axe-core finds nothing on either page."""

import base64
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from campaigns.models import CampaignPartner, MediaPartner

from ..utils import axe_violations, make_campaign, make_image, publish, video_file_block

pytestmark = pytest.mark.browser

# One second of a changing colour, recorded from a canvas: a real VP8 WebM.
RECORD_WEBM = """async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 36;
  document.body.append(canvas);
  const drawing = canvas.getContext('2d');
  const recorder = new MediaRecorder(canvas.captureStream(10), {mimeType: 'video/webm;codecs=vp8'});
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start();
  for (let frame = 0; frame < 10; frame++) {
    drawing.fillStyle = `rgb(${frame * 25}, 79, 145)`;
    drawing.fillRect(0, 0, 64, 36);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}"""


def orm(function, *args):  # as in test_campaigns.py (test modules never import each other)
    """Database work in a thread of its own (Playwright's loop runs in this one)."""

    def work():
        try:
            return function(*args)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(work).result()


def record_webm(browser):
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.set_content("<!doctype html><title>Grabación</title><body></body>")
        return base64.b64decode(tab.evaluate(RECORD_WEBM))
    finally:
        context.close()


def create_campaign(video_bytes):
    block = video_file_block(video_bytes)
    campaign = make_campaign("Campaña con video propio de ejemplo", body=[block])
    partner = MediaPartner.objects.create(
        name="Radio de ejemplo",
        slug="radio-de-ejemplo-video",
        origins="https://radio.example",
        logo=make_image("Logo de la radio de ejemplo", size=(600, 200)),
    )
    campaign.partner_links.add(CampaignPartner(partner=partner))
    publish(campaign)
    documents = [block["value"][name] for name in ("video", "captions", "transcript")]
    return campaign.id, campaign.get_url(), partner, documents


def delete_campaign(campaign_id, partner, documents):
    Page.objects.get(id=campaign_id).delete()
    partner.delete()
    Image.objects.filter(id=partner.logo_id).delete()
    Document.objects.filter(id__in=documents).delete()


@pytest.fixture
def video_campaign(browser, site_url):
    video_bytes = record_webm(browser)
    assert video_bytes.startswith(b"\x1a\x45\xdf\xa3") and len(video_bytes) < 20_000
    campaign_id, path, partner, documents = orm(create_campaign, video_bytes)
    yield campaign_id, path
    orm(delete_campaign, campaign_id, partner, documents)


def play_with_captions(tab):
    """Nothing of the video was fetched before play; then it plays and its captions load."""
    video = tab.locator("video")
    assert video.get_attribute("preload") == "none"
    tab.evaluate("() => { const v = document.querySelector('video'); v.muted = true; v.play(); }")
    tab.wait_for_function("() => document.querySelector('video').currentTime > 0")
    tab.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return t.mode === 'showing' && t.cues && t.cues.length === 1; }"
    )
    return tab.evaluate("() => document.querySelector('video').textTracks[0].cues[0].text")


def test_the_video_plays_with_captions_on_the_page_and_in_the_embed(
    browser, site_url, video_campaign
):
    campaign_id, path = video_campaign
    for url in (site_url + path, f"{site_url}/embed/campaigns/{campaign_id}/"):
        context = browser.new_context(viewport={"width": 360, "height": 740})
        errors, fetched = [], []
        try:
            tab = context.new_page()
            tab.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
            tab.on("request", lambda request, fetched=fetched: fetched.append(request.url))
            tab.goto(url)
            tab.wait_for_load_state("load")
            assert not any(address.endswith(".webm") for address in fetched), url
            cue = play_with_captions(tab)
            assert cue == "Subtítulo de ejemplo: nadie habla en este video."
            assert any(address.endswith(".webm") for address in fetched)
            # Nothing wider than a phone.
            assert tab.evaluate("document.documentElement.scrollWidth") <= 360
            if url.endswith(path):
                logo = tab.locator(".partner-list img")
                logo.scroll_into_view_if_needed()
                tab.wait_for_function(
                    "() => document.querySelector('.partner-list img').complete"
                    " && document.querySelector('.partner-list img').naturalWidth > 0"
                )
                assert logo.get_attribute("alt") == "Radio de ejemplo"
            assert errors == [], errors
        finally:
            context.close()


def test_pages_with_the_video_and_logos_have_no_axe_violations(browser, site_url, video_campaign):
    campaign_id, path = video_campaign
    for url in (site_url + path, f"{site_url}/embed/campaigns/{campaign_id}/"):
        for viewport in ({"width": 360, "height": 740}, {"width": 1280, "height": 900}):
            assert axe_violations(browser, url, viewport) == [], (url, viewport)
