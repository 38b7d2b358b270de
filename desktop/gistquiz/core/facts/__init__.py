"""Fact extraction: typed answer spans (see ``model``) found by ``extract_facts``."""

from .extract import extract_facts
from .model import Fact, FactType

__all__ = ["Fact", "FactType", "extract_facts"]
