from .search_synonym import SearchSynonym
from .zero_result_query import ZeroResultQuery

__all__ = ["SearchSynonym", "ZeroResultQuery"]
