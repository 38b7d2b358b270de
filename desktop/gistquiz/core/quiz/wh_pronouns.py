"""Antecedents for the pronouns a wh-question would otherwise leave dangling."""

from __future__ import annotations

from collections.abc import Callable

from ..document import Document
from ..nlp.clauses import SentenceParse, analyze_clause, parse_sentence
from ..nlp.parser import Parse
from .wh_lexicon import PERSON_TITLES

ARGUMENTS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl"}
# the tagger reads a capitalised preposition opening a sentence as a name now and then
_PREPOSITIONS = frozenset(
    [
        "between",
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "since",
        "from",
        "by",
        "with",
        "for",
        "of",
        "under",
        "over",
        "through",
        "within",
        "without",
        "among",
        "across",
        "until",
    ]
)
Resolver = Callable[[str, int], str | None]


def sentence_resolver(doc: Document, index: int, sp: SentenceParse) -> Resolver:
    """Antecedents: the nearest earlier main-clause subject that is a name of the right kind
    (this sentence's own main subject first, then up to three sentences back)."""

    def resolve(pronoun: str, k: int) -> str | None:
        if pronoun in ("this", "these", "those"):
            return None
        candidates = []
        main = analyze_clause(sp.tokens, sp.tags, sp.tree)
        if main and main.subject_head is not None and main.subject[1] <= k:
            candidates.append((sp, main.subject_head))
        if pronoun in ("he", "she", "him", "her", "his"):
            # a person named earlier in the same sentence: "welcomed Mr. Xi ... his tour"
            for i in range(k - 1, -1, -1):
                if sp.tags[i] == "NNP" and sp.tree.labels[i] in ARGUMENTS:
                    first = min(_np(sp.tree, i))
                    if first > 0 and sp.tags[first - 1] == "NNP":
                        continue  # the tail of a longer name the parse split: "Fort | Le Boeuf"
                    candidates.append((sp, i))
        for j in range(index - 1, max(-1, index - 4), -1):
            s = doc.sentences[j]
            other = parse_sentence(doc.text, s.start, s.end)
            c = analyze_clause(other.tokens, other.tags, other.tree)
            if c and c.subject_head is not None:
                candidates.append((other, c.subject_head))
        for other, head in candidates:
            name = _name_if_fits(doc.text, other, head, pronoun)
            if name:
                return name
        return None

    return resolve


def _name_if_fits(text: str, sp: SentenceParse, head: int, pronoun: str) -> str | None:
    tags, tree = sp.tags, sp.tree
    if tags[head] in ("PRP", "WP", "WDT", "EX", "DT", "CD", "IN", "TO"):
        return None
    kids = [j for j, h in enumerate(tree.heads) if h == head]
    if any(tree.labels[c] == "case" for c in kids):
        return None  # a phrase with its own preposition is no subject: "Between 1402 and 1405"
    toks = _np(tree, head)
    words = [sp.tokens[i].norm for i in toks]
    if tags[toks[0]] in ("IN", "TO") or words[0].lower() in _PREPOSITIONS:
        return None  # a fronted phrase ("Between/NNP 1402 and 1405, ...") parsed as subject
    plural = tags[head] in ("NNS", "NNPS") or any(tree.labels[c] == "conj" for c in kids)
    person = tags[head] == "NNP" and (
        any(w.lower() in PERSON_TITLES for w in words)
        or (2 <= len(words) <= 3 and all(tags[i] == "NNP" for i in toks))
    )
    if pronoun in ("they", "them", "their") and not plural:
        return None
    if pronoun in ("he", "she", "him", "her", "his") and (not person or plural):
        return None
    if pronoun in ("it", "its") and (person or plural):
        return None
    if len(toks) > 6:
        return None
    parts = []
    for n, i in enumerate(toks):
        t = sp.tokens[i]
        gap = (
            ""
            if n == 0
            else (" " if i - 1 != toks[n - 1] or text[sp.tokens[i - 1].end : t.start] else "")
        )
        parts.append(gap + t.text)
    name = "".join(parts)
    if tags[toks[0]] not in ("NNP", "NNPS"):
        name = name[0].lower() + name[1:]
    return name


def _np(tree: Parse, head: int) -> list[int]:
    kids: dict[int, list[int]] = {}
    for j, h in enumerate(tree.heads):
        kids.setdefault(h, []).append(j)
    out, stack = [], [head]
    while stack:
        x = stack.pop()
        out.append(x)
        for c in kids.get(x, ()):
            if tree.labels[c] in ("appos", "acl:relcl", "punct", "parataxis", "acl"):
                continue
            if any(tree.labels[g] == "case" for g in kids.get(c, ())):
                continue  # a prepositional modifier is no part of the name: "Mr. Xi [to Moscow]"
            stack.append(c)
    out.sort()
    # the name is one contiguous phrase around its head: a stray attachment is not part of it
    left = right = out.index(head)
    while left > 0 and out[left - 1] == out[left] - 1:
        left -= 1
    while right + 1 < len(out) and out[right + 1] == out[right] + 1:
        right += 1
    return out[left : right + 1]
