from .base import BasePage
from .concept_index import ConceptIndexPage
from .concept_page import ConceptPage, ConceptRelation
from .home_page import HomePage
from .institution import Institution
from .plan import PlanPage
from .standard_page import StandardPage
from .strategic_objective import StrategicObjectivePage

__all__ = [
    "BasePage",
    "ConceptIndexPage",
    "ConceptPage",
    "ConceptRelation",
    "HomePage",
    "Institution",
    "PlanPage",
    "StandardPage",
    "StrategicObjectivePage",
]
