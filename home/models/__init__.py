from .home_page import HomePage
from .standard_page import StandardPage

__all__ = ["HomePage", "StandardPage"]
