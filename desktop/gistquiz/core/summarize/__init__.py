"""Summarizers: one registry, name -> Summarizer (see ``registry``).

``fast`` engines (our sparse-matrix implementations) are added to the same entries by their
modules; ``sumy`` stays the reference engine for comparison.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Length, Ranking, select
from .baselines import lead_scorer, random_scorer
from .fast_engine import FAST_SCORERS
from .registry import Summarizer, add_engine, all_summarizers, get, names, register

if TYPE_CHECKING:
    from .registry import Scorer

__all__ = [
    "Length",
    "Ranking",
    "Summarizer",
    "add_engine",
    "all_summarizers",
    "get",
    "names",
    "register",
    "select",
]


def sumy_scorer(name: str) -> Scorer:
    """The registry's ``sumy`` engine for ``name``; sumy (and NLTK) load on first use only."""

    def score(doc, length, options, cancel):
        from .sumy_engine import sumy_ratings

        return sumy_ratings(name, doc, length, options, cancel)

    return score


_SUMY = [
    ("lexrank", "LexRank", "Graph centrality: sentences most similar to many others rank high."),
    ("textrank", "TextRank", "PageRank over a word-overlap graph of the sentences."),
    ("lsa", "LSA", "Latent semantic analysis: sentences that carry the main topics (SVD)."),
    ("luhn", "Luhn", "Sentences dense in the document's most frequent significant words."),
    (
        "edmundson",
        "Edmundson",
        "Cue words, title words and position, combined (Edmundson 1969).",
    ),
    (
        "kl-sum",
        "KL-Sum",
        "Greedily keeps the word distribution of the summary close to the text's.",
    ),
    ("sumbasic", "SumBasic", "Prefers frequent words, then discounts words already covered."),
    ("reduction", "Reduction", "Sentences with the most word overlap with all the others."),
]

for _name, _label, _description in _SUMY:
    register(Summarizer(_name, _label, _description, {"sumy": sumy_scorer(_name)}))
for _name, _scorer in FAST_SCORERS.items():
    add_engine(_name, "fast", _scorer)  # our sparse-matrix version, sumy's choices
register(
    Summarizer(
        "lead",
        "Lead",
        "The first sentences, as a journalist would order them: a strong baseline for news.",
        {"fast": lead_scorer},
    )
)
register(
    Summarizer(
        "random",
        "Random",
        "Random sentences (seeded): the floor every real method must beat.",
        {"fast": random_scorer},
    )
)

from . import gist as _gist  # noqa: E402  (after the registry exists)

register(Summarizer(_gist.NAME, _gist.LABEL, _gist.DESCRIPTION, {"fast": _gist.score}))
