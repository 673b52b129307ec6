from .campaign_index import CampaignIndexPage
from .campaign_page import CampaignConcept, CampaignPage, CampaignPartner
from .embed_view_count import EmbedViewCount
from .kit_asset import CampaignKitAsset
from .media_partner import MediaPartner

__all__ = [
    "CampaignConcept",
    "CampaignIndexPage",
    "CampaignKitAsset",
    "CampaignPage",
    "CampaignPartner",
    "EmbedViewCount",
    "MediaPartner",
]
