"""The English dependency parser the clause analysis and the question transformations read.

Why our own: question transformations need the main clause (subject, verb group, objects,
adjuncts) past fronted subordinate clauses, appositions and quotes, and chunk rules over tags
stay well below 90% on web text; no maintained PyPI parser ships English weights without a
run-time download. The model (``biaffine.py``: a BiLSTM with biaffine scorers, decoded to the
best projective tree) is trained by ``python -m gistquiz.core.nlp.train_parser`` on UD
English-EWT train and the GUM CC BY genres, and shipped as
``resources/models/dep-parser.json.gz`` (see DEP_PARSER.md there).
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

from .biaffine import BiaffineModel

MODEL_RESOURCE = "models/dep-parser.json.gz"

# UD relations kept with their subtype (the ones the clause analysis needs apart);
# every other subtype folds into its base relation.
KEEP_SUBTYPES = frozenset(
    {"nsubj:pass", "csubj:pass", "aux:pass", "acl:relcl", "obl:tmod", "obl:npmod", "nmod:poss"}
)


def fold_label(deprel: str) -> str:
    return deprel if deprel in KEEP_SUBTYPES else deprel.split(":")[0]


@dataclass(frozen=True, slots=True)
class Parse:
    """``heads[i]`` is the 0-based head of word i (-1 for the root); ``labels[i]`` its relation."""

    heads: tuple[int, ...]
    labels: tuple[str, ...]
    words: tuple[str, ...] = ()

    def children(self, i: int) -> list[int]:
        return [j for j, h in enumerate(self.heads) if h == i]

    @property
    def root(self) -> int:
        for i, h in enumerate(self.heads):
            if h == -1:
                return i
        return 0


def is_tree(heads: Sequence[int]) -> bool:
    """Every word reaches the one root (-1) through its heads: no cycle, no stray index."""
    n = len(heads)
    if sum(h == -1 for h in heads) != 1:
        return False
    for start in range(n):
        x, steps = start, 0
        while x != -1:
            if not -1 <= heads[x] < n or steps > n:
                return False
            x, steps = heads[x], steps + 1
    return True


_lock = threading.Lock()
_model: BiaffineModel | None = None


def model() -> BiaffineModel:
    """The shipped parser, loaded once on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                raw = files("gistquiz.resources").joinpath(MODEL_RESOURCE).read_bytes()
                _model = BiaffineModel(json.loads(gzip.decompress(raw)))
    return _model


def parse(words: Sequence[str], tags: Sequence[str]) -> Parse:
    """Dependency tree of one sentence given its words and Penn tags, with the rule repairs
    of ``parse_repair`` (a repair that would break the tree is dropped)."""
    if not words:
        return Parse((), ())
    heads, labels = model().parse(words, tags)
    tree = Parse(tuple(heads), tuple(labels), tuple(words))
    # imported here: parse_repair needs this module's Parse
    from .parse_repair import repair

    repaired = repair(tree, tags)
    return repaired if is_tree(repaired.heads) else tree
