"""A last look at a finished wh-question: reject the shapes a wrong parse leaves behind.

A question missing part of a clause is worse than no question (the quiz then asks something
else), so these checks drop, they never repair:
- a subordinate clause that lost its verb: "..., although on Monday?";
- a preposition whose object became a that-clause: "What did he state in that the policies
  would not harm ...?" (the answer was cut out from between them).
"""

from __future__ import annotations

from ..nlp.tagger import tag
from ..nlp.tokens import tokenize

# Conjunctions that always open a clause ("since", "until", "after" also take plain nouns).
CLAUSE_OPENERS = frozenset({"although", "though", "whereas", "because"})
_FINITE = frozenset({"MD", "VBD", "VBZ", "VBP"})
_VERB = _FINITE | {"VB", "VBG", "VBN"}


def is_well_formed(stem: str) -> bool:
    words = [t.norm for t in tokenize(stem)]
    tags = tag(words)
    lower = [w.lower() for w in words]
    for i, word in enumerate(lower):
        if word in CLAUSE_OPENERS and lower[i + 1 : i + 2] != ["of"]:
            rest = _until_break(lower, tags, i + 1)
            if rest and not any(t in _VERB for _, t in rest):
                return False
        if (
            word == "that"
            and i > 0
            and tags[i - 1] == "IN"
            and lower[i - 1] not in CLAUSE_OPENERS | {"so", "that", "such"}
            and any(t in _FINITE for _, t in _until_break(lower, tags, i + 1))
        ):
            return False
    return True


def _until_break(words: list[str], tags: list[str], start: int) -> list[tuple[str, str]]:
    """The words after ``start`` up to the next comma or the question mark."""
    out = []
    for word, t in zip(words[start:], tags[start:], strict=True):
        if word in {",", "?", ";"}:
            break
        out.append((word, t))
    return out
