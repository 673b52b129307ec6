from .institution import Institution
from .plan_page import PlanPage
from .strategic_objective_page import StrategicObjectivePage

__all__ = ["Institution", "PlanPage", "StrategicObjectivePage"]
