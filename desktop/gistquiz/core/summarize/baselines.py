"""Baselines that need no text analysis: the first sentences, and seeded random ones."""

from __future__ import annotations

import random

from ..document import Document
from ..progress import CancelToken
from .base import Length


def random_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list[float]:
    """Random scores, seeded (by default from the document) so a run is reproducible."""
    rng = random.Random(options.get("seed", doc.id))
    return [rng.random() for _ in doc.sentences]


def lead_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list[float]:
    """The first sentences first: the strong baseline for news."""
    n = len(doc.sentences)
    return [float(n - s.index) for s in doc.sentences]
