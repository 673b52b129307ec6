from .concept_index_page import ConceptIndexPage
from .concept_page import ConceptPage, ConceptRelation

__all__ = ["ConceptIndexPage", "ConceptPage", "ConceptRelation"]
