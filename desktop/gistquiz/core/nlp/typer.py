"""Entity typing: the rules of ``entities`` (a trained typer may refine them)."""

from __future__ import annotations

from collections.abc import Sequence

from .entities import Entity, find_entities
from .tokens import Token


def type_entities(tokens: Sequence[Token], tags: Sequence[str]) -> list[Entity]:
    """Entities of one sentence (char spans absolute, as the tokens carry them)."""
    return find_entities(tokens, tags)
