"""The campaigns section of the initial content, from campaigns/initial_data/campaigns.yaml:
the campaign index and one campaign labelled as an example, in Spanish and English."""

from pathlib import Path

from core.initial_content.loader import block_id, read_data

from .models import CampaignConcept, CampaignIndexPage, CampaignPage

DATA_FILE = Path(__file__).resolve().parent / "initial_data" / "campaigns.yaml"


def load(loader):
    """The campaign index under the Spanish home (loaded first by the home app), and the
    example campaign; its concept links need the concepts app's pages."""
    return load_campaigns(loader, read_data(DATA_FILE), loader.by_key["home"])


def load_campaigns(loader, data, home):
    index_data = data["index"]
    index = loader.add_page(
        home,
        CampaignIndexPage(
            **loader.page_fields(index_data),
            intro=loader.text(index_data["intro"]),
            show_in_menus=True,
        ),
        key="campaigns",
    )

    example = data["example_campaign"]
    key = example["key"]
    cta = example["call_to_action"]
    campaign = loader.add_page(
        index,
        CampaignPage(
            **loader.page_fields(example),
            start_date=example["start_date"],
            hashtag=example["hashtag"],
            body=[
                {
                    "type": "key_message",
                    "id": block_id(key, "key_message"),
                    "value": {"message": loader.text(example["key_message"])},
                },
                {
                    "type": "paragraph",
                    "id": block_id(key, "body"),
                    "value": loader.html(example["body"]),
                },
                {
                    "type": "call_to_action",
                    "id": block_id(key, "call_to_action"),
                    "value": {
                        "heading": loader.text(cta["heading"]),
                        "text": loader.text(cta["text"]),
                        "action": "hotlines",
                        "page": None,
                        "link_text": "",
                    },
                },
            ],
        ),
        key=key,
    )
    loader.text({"es": example["hashtag"], "en": example["hashtag"]})
    # Concept links are set once, on creation, like the links between concepts.
    if campaign.id in loader.new_page_ids and not campaign.concept_links.exists():
        campaign.concept_links = [
            CampaignConcept(concept=loader.by_key[concept]) for concept in example["concepts"]
        ]
        campaign.save_revision().publish()
    return index
