"""Lemmas and inflections from ``lemminflect`` (offline dictionaries shipped in its wheel).

Question building needs both directions: "traveled" -> "travel" for do-support ("Where did
Mr. Xi travel?") and "travel" -> "travels"/"traveled" when re-inflecting.

Only lemminflect's dictionaries (CSV) are used. Its guesses for words they lack come from
models it stores as pickles, which we never load; such words follow English's regular
endings instead (``_regular_lemma``, ``_regular_inflection``).
"""

from __future__ import annotations

import functools
import re

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

    forms = getLemma(word, upos=upos, lemmatize_oov=False)
    return forms[0] if forms else _regular_lemma(word, upos)


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

    forms = getInflection(lemma_, tag=tag, inflect_oov=False)
    return forms[0] if forms else _regular_inflection(lemma_, tag)


_SIBILANT = re.compile(r"(?:s|x|z|ch|sh)$")
# stems that end a verb only with a silent e: plac(e)d, lov(e)d, argu(e)d, chang(e)d, googl(e)d,
# vaccinat(e)d (a guess: "tweet", "zoom" and most stems take none)
_SILENT_E = re.compile(r"(?:[cuv]|[^aeiou]g|[bdfgkptz]l|[^aeiou]at)$")
_DOUBLED = re.compile(r"([bdgmnprt])\1$")  # plann(ed) -> plan


def _regular_lemma(word: str, upos: str) -> str:
    """The lemma of a word no dictionary knows, by the regular endings."""
    if upos == "NOUN":
        return _without_s(word)
    if upos != "VERB":
        return word
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    for ending in ("ed", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if _DOUBLED.search(stem):
                return stem[:-1]
            return stem + "e" if _SILENT_E.search(stem) and not stem.endswith("e") else stem
    return _without_s(word)


def _without_s(word: str) -> str:
    """A plural noun's singular, a third-person verb's base form: "parties", "boxes", "runs"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and _SIBILANT.search(word[:-2]):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _regular_inflection(lemma_: str, tag: str) -> str:
    """``lemma_`` inflected for ``tag`` by the regular endings (a verb no dictionary knows)."""
    consonant_y = re.search(r"[^aeiou]y$", lemma_) is not None
    if tag == "VBZ":
        if consonant_y:
            return lemma_[:-1] + "ies"
        return lemma_ + ("es" if _SIBILANT.search(lemma_) else "s")
    if tag in ("VBD", "VBN"):
        if consonant_y:
            return lemma_[:-1] + "ied"
        return lemma_ + ("d" if lemma_.endswith("e") else "ed")
    if tag == "VBG":
        return (
            lemma_[:-1] if lemma_.endswith("e") and not lemma_.endswith("ee") else lemma_
        ) + "ing"
    return lemma_
