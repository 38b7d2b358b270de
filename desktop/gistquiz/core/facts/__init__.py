"""Fact extraction: typed answer spans (see ``model``)."""

from .model import Fact, FactType

__all__ = ["Fact", "FactType"]
