from .directory_page import ServiceDirectoryPage
from .organization import Organization
from .parts import Location, Phone, Schedule, ServiceLanguage
from .region import Region
from .service import Service
from .taxonomy import Population, ServiceType

__all__ = [
    "Location",
    "Organization",
    "Phone",
    "Population",
    "Region",
    "Schedule",
    "Service",
    "ServiceDirectoryPage",
    "ServiceLanguage",
    "ServiceType",
]
