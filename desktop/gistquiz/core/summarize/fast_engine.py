"""The fast engine: our sparse-matrix implementation of every sumy algorithm, by name.

``summarize/__init__.py`` adds each as the "fast" engine of the registered algorithm; the
"sumy" engine stays available as the reference (``--engine sumy``).
"""

from __future__ import annotations

from .fast_frequency import edmundson_scorer, lsa_scorer, luhn_scorer
from .fast_graph import lexrank_scorer, reduction_scorer, textrank_scorer
from .fast_greedy import kl_scorer, sumbasic_scorer

FAST_SCORERS = {
    "lexrank": lexrank_scorer,
    "textrank": textrank_scorer,
    "lsa": lsa_scorer,
    "luhn": luhn_scorer,
    "edmundson": edmundson_scorer,
    "kl-sum": kl_scorer,
    "sumbasic": sumbasic_scorer,
    "reduction": reduction_scorer,
}
