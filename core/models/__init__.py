from .base_page import BasePage
from .site_settings import SiteSettings

__all__ = ["BasePage", "SiteSettings"]
