from .authority import Authority
from .complaint import Complaint, StatusChange
from .count import ComplaintCount
from .delivery import Delivery
from .page import ComplaintPage, ComplaintPageExplainer
from .routing_rule import RoutingRule

__all__ = [
    "Authority",
    "Complaint",
    "ComplaintCount",
    "ComplaintPage",
    "ComplaintPageExplainer",
    "Delivery",
    "RoutingRule",
    "StatusChange",
]
