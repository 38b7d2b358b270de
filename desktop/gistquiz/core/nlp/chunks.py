"""Base noun-phrase chunks over Penn tags.

A base NP is an optional determiner, modifiers (adjectives, numbers, participles, nouns,
hyphen-joined pieces such as "three - day") and a noun head; a pronoun alone is one too.
Written as a small scanner rather than ``nltk.RegexpParser`` because it runs on every
sentence of every article and must also hand back the head index, which the facts layer uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .tokens import Token

DETERMINERS = frozenset({"DT", "PDT", "PRP$", "WP$"})
NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
MODIFIERS = frozenset({"JJ", "JJR", "JJS", "CD", "VBN", "VBG", "$", "AFX"}) | NOUNS
PRONOUNS = frozenset({"PRP"})
# A participle opens a chunk only after a determiner: "asked China" is a verb and its object.
_NO_START = frozenset({"VBN", "VBG"})


@dataclass(frozen=True, slots=True)
class Chunk:
    """Tokens ``[first, last)`` of a sentence; ``head`` is the head noun's token index."""

    first: int
    last: int
    head: int


def _joined(tokens: Sequence[Token], i: int) -> bool:
    """A hyphen written tight between two word pieces ("12-point"), not a spaced dash."""
    return 0 < i < len(tokens) - 1 and (
        tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start
    )


def noun_chunks(tokens: Sequence[Token], tags: Sequence[str]) -> list[Chunk]:
    chunks: list[Chunk] = []
    n = len(tags)
    # The first piece of a hyphen compound modifies whatever its own tag ("non"/FW,
    # "well"/RB in "non-lethal", "well-known"): read it as an adjective.
    tags = [
        "JJ"
        if k + 2 < n
        and tags[k + 1] == "HYPH"
        and _joined(tokens, k + 1)
        and tags[k] not in MODIFIERS
        and tokens[k].text[:1].isalnum()
        else t
        for k, t in enumerate(tags)
    ]
    i = 0
    while i < n:
        tag = tags[i]
        if tag in PRONOUNS:
            chunks.append(Chunk(i, i + 1, i))
            i += 1
            continue
        if (tag not in DETERMINERS and tag not in MODIFIERS) or tag in _NO_START:
            i += 1
            continue
        j = i
        while j < n and tags[j] in DETERMINERS:
            j += 1
        head = -1
        while j < n:
            if tags[j] in MODIFIERS:
                if head >= 0 and tags[j] not in NOUNS and tags[j - 1] != "HYPH":
                    break  # after a noun only nouns go on: "the White House | urged"
                if tags[j] in NOUNS:
                    head = j
                j += 1
            elif tags[j] == "HYPH" and j > i and _joined(tokens, j) and tags[j + 1] in MODIFIERS:
                j += 1
            elif tags[j] == "POS" and head == j - 1:
                break  # "China 's assistance": the possessor is a chunk of its own
            else:
                break
        if head < 0:
            # No noun: a number alone ("123 nations" missed by the tagger aside) counts only
            # when it stands as a nominal ("the two", "in 2023").
            cds = [k for k in range(i, j) if tags[k] == "CD"]
            if cds:
                head = cds[-1]
        if head >= 0:
            chunks.append(Chunk(i, head + 1, head))
            i = head + 1
        else:
            i = max(j, i + 1)
    return chunks
