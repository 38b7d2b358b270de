"""Lemmas and inflections from ``lemminflect`` (offline dictionaries shipped in its wheel).

Question building needs both directions: "traveled" -> "travel" for do-support ("Where did
Mr. Xi travel?") and "travel" -> "travels"/"traveled" when re-inflecting.
"""

from __future__ import annotations

import functools

UPOS_OF_PENN = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "MD": "AUX",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
}


@functools.lru_cache(maxsize=65536)
def _lemma(word: str, upos: str) -> str:
    from lemminflect import getLemma

    forms = getLemma(word, upos=upos, lemmatize_oov=True)
    return forms[0] if forms else word


def lemma(word: str, tag: str) -> str:
    """The dictionary form of ``word`` tagged ``tag`` (Penn); other words come back lowered."""
    upos = UPOS_OF_PENN.get(tag)
    if upos is None or upos == "PROPN":
        return word if upos else word.lower()
    if upos == "AUX":
        return word.lower()
    low = word.lower()
    if low in ("'s", "’s") and upos == "VERB":
        return "be"
    if low in ("'re", "’re"):
        return "be"
    if low in ("'ve", "’ve"):
        return "have"
    if low in ("n't", "n’t"):
        return "not"
    return _lemma(low, upos)


@functools.lru_cache(maxsize=65536)
def inflect(lemma_: str, tag: str) -> str:
    """``lemma_`` inflected for the Penn tag ("travel", "VBD" -> "traveled")."""
    from lemminflect import getInflection

    forms = getInflection(lemma_, tag=tag)
    return forms[0] if forms else lemma_
