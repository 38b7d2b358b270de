"""Key terms: common-noun phrases worth asking about ("arrest warrant", "cease-fire").

A term is a noun chunk without its determiner, possessor or vague quantifier, headed by a
common noun, and either several words long, hyphenated, or a noun the article repeats.
Generic nouns ("thing", "way", "people") alone are never terms.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..nlp.analysis import SentenceAnalysis

_COMMON = frozenset({"NN", "NNS"})
_LEADING_SKIP = frozenset({"DT", "PDT", "PRP$", "WP$", "CD", "POS", "HYPH"})
_WEAK_ADJ = frozenset(
    [
        "many",
        "much",
        "more",
        "most",
        "few",
        "several",
        "other",
        "another",
        "such",
        "own",
        "various",
        "certain",
        "same",
        "different",
        "whole",
        "entire",
        "main",
        "major",
        "only",
        "next",
        "last",
        "first",
        "second",
        "previous",
        "following",
        "particular",
        "further",
        "additional",
        "good",
        "great",
        "big",
        "small",
        "little",
        "large",
        "new",
        "old",
        "recent",
    ]
)
GENERIC = frozenset(
    [
        "thing",
        "things",
        "way",
        "ways",
        "people",
        "person",
        "man",
        "men",
        "woman",
        "women",
        "time",
        "times",
        "lot",
        "lots",
        "part",
        "parts",
        "kind",
        "kinds",
        "sort",
        "number",
        "numbers",
        "case",
        "cases",
        "fact",
        "facts",
        "place",
        "places",
        "day",
        "days",
        "year",
        "years",
        "week",
        "weeks",
        "month",
        "months",
        "hour",
        "hours",
        "end",
        "side",
        "one",
        "ones",
        "group",
        "groups",
        "area",
        "areas",
        "issue",
        "issues",
        "point",
        "points",
        "need",
        "needs",
        "use",
    ]
)


def _verb_only(word: str) -> bool:
    """A word English uses only as a verb ("involve"): a tagger slip, not a modifier."""
    from lemminflect import getAllLemmas

    kinds = set(getAllLemmas(word.lower()))
    return bool(kinds) and kinds <= {"VERB", "AUX"}


def name_after_descriptor(s: SentenceAnalysis, first: int, last: int) -> int:
    """Where tokens ``first:last`` end in a name set beside a lower-case noun that describes
    it ("special guest performers Beyoncé", "the Canadian cable channel Space", "his son Shi
    Gang"), the name is the answer and the description belongs to the question ("Which
    channel ...?"): people ask about the name, and the whole phrase matches no such answer.
    Returns the new first token (``first`` if there is no such name)."""
    k = last
    while k > first and (
        s.tags[k - 1] in _PROPER or (s.tags[k - 1] in ("NN", "NNS") and _capitalised(s, k - 1))
    ):
        k -= 1
    if first < k < last and s.tags[k - 1] in ("NN", "NNS") and s.tokens[k - 1].norm.islower():
        return k
    return first


_PROPER = {"NNP", "NNPS"}


def _capitalised(s: SentenceAnalysis, i: int) -> bool:
    """A capitalised word inside the sentence: a name the tagger took for a common noun."""
    return i > 0 and s.tokens[i].norm[:1].isupper()


def terms(s: SentenceAnalysis, taken: set[int]) -> Iterator[tuple[int, int, str]]:
    """(first, last, head lemma) token spans of term candidates not overlapping ``taken``."""
    for chunk in s.chunks:
        head = chunk.head
        if s.tags[head] not in _COMMON or head in taken:
            continue
        first = chunk.first
        for k in range(chunk.first, head):
            if k in taken:
                first = k + 1
        while first < head and (
            s.tags[first] in _LEADING_SKIP
            or s.tokens[first].norm.lower() in _WEAK_ADJ
            or s.tags[first] in ("RB", "RBR", "RBS")
            or (s.tags[first] == "JJ" and _verb_only(s.tokens[first].norm))
        ):
            first += 1
        first = name_after_descriptor(s, first, head + 1)
        words = head + 1 - first
        lemma = s.lemmas[head]
        if head - 2 >= first and s.tags[head - 1] == "HYPH":
            lemma = f"{s.tokens[head - 2].norm.lower()}-{lemma}"  # "cease-fire", not "fire"
        hyphenated = any(s.tags[k] == "HYPH" for k in range(first, head + 1))
        if words == 1 and lemma in GENERIC:
            continue
        if words >= 2 or hyphenated or len(s.tokens[head].norm) >= 4:
            yield first, head + 1, lemma
