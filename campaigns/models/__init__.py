from .campaign_index import CampaignIndexPage
from .campaign_page import CampaignConcept, CampaignPage
from .embed_view_count import EmbedViewCount
from .media_partner import MediaPartner

__all__ = [
    "CampaignConcept",
    "CampaignIndexPage",
    "CampaignPage",
    "EmbedViewCount",
    "MediaPartner",
]
