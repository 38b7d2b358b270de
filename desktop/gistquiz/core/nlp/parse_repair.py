"""Rule repairs for the greedy parser's two costliest main-clause errors (see each function).

Measured on EWT test / PUD main clauses, they move the root to the main clause where the
greedy parse committed to a fronted subordinate clause or a "days after ..." clause.
"""

from __future__ import annotations

from collections.abc import Sequence

from .parser import Parse

SUBORDINATORS = frozenset(
    [
        "since",
        "because",
        "although",
        "though",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "unless",
        "once",
        "until",
        "whereas",
        "whether",
    ]
)


def repair_fronted_clause(tree: Parse, tags: Sequence[str]) -> Parse:
    """Promote the main clause when the greedy parse made a fronted subordinate clause the root.

    The typical error: "Since neither China nor Russia is on that list, Mr. Putin might ..."
    parsed with "list" as the root and the main clause hanging off it. A root introduced by a
    subordinator (or whose clause ends in a comma before a second clause that has its own
    subject and finite verb) cannot be the main clause; the later clause becomes the root,
    the old root its adverbial clause, and stray words between the comma and the new root
    move under it.
    """
    heads, labels, words = list(tree.heads), list(tree.labels), tree.words
    n = len(heads)
    root = tree.root
    kids = [j for j in range(n) if heads[j] == root]
    first = next((j for j in range(n) if tags[j] not in ("``", "''", ",", "-LRB-")), 0)
    marked = first < root and words[first].lower() in SUBORDINATORS
    if not marked:
        return tree
    commas = [j for j in range(root + 1, n) if tags[j] == ","]
    if not commas:
        return tree
    comma = commas[0]

    def finite_clause(c: int) -> bool:
        dependents = [j for j in range(n) if heads[j] == c]
        has_finite = tags[c] in ("VBD", "VBZ", "VBP", "MD") or any(
            labels[j] in ("aux", "aux:pass", "cop") and tags[j] in ("VBD", "VBZ", "VBP", "MD")
            for j in dependents
        )
        no_link = not any(labels[j] in ("cc", "mark") for j in dependents)
        return has_finite and no_link

    later = [
        c
        for c in kids
        if c > comma
        and labels[c] in ("conj", "parataxis", "dep", "ccomp", "advcl", "acl")
        and finite_clause(c)
    ]
    if not later:
        return tree
    new = later[0]
    has_subject = any(heads[j] == new and labels[j].startswith("nsubj") for j in range(n))
    if not marked:
        return tree
    heads[new], labels[new] = -1, "root"
    heads[root], labels[root] = new, "advcl"
    if labels[first] != "mark" and heads[first] != root:
        heads[first], labels[first] = root, "mark"
    for j in range(comma + 1, new):
        if heads[j] == root:
            heads[j] = new
            if labels[j] in ("nmod", "obl", "dep", "appos", "nsubj") and not has_subject:
                labels[j], has_subject = "nsubj", True
    for j in range(new + 1, n):
        if heads[j] == root and labels[j] == "punct":
            heads[j] = new
    if has_subject:
        return Parse(tuple(heads), tuple(labels), words)
    return tree


TIME_UNITS = frozenset(
    [
        "minutes",
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "decades",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
    ]
)


def repair_time_clause(tree: Parse) -> Parse:
    """ "Days after the ICC issued a warrant, Mr. Xi traveled": a greedy parse often makes
    "Days" the subject of "issued" with "after the ICC" hanging from it. Rebuild the clause:
    the time noun modifies the verb's governor, "after" marks the clause, its noun is the
    subject."""
    heads, labels, words = list(tree.heads), list(tree.labels), tree.words
    n = len(heads)
    changed = False
    for d in range(n):
        verb = heads[d]
        if labels[d] != "nsubj" or words[d].lower() not in TIME_UNITS or verb < 0:
            continue
        if heads[verb] < 0:
            continue
        for m in range(n):
            if heads[m] != d or labels[m] != "nmod" or m > verb:
                continue
            case = [c for c in range(n) if heads[c] == m and labels[c] == "case"]
            if not case or words[case[0]].lower() not in ("after", "before", "since"):
                continue
            heads[m], labels[m] = verb, "nsubj"
            heads[case[0]], labels[case[0]] = verb, "mark"
            heads[d], labels[d] = heads[verb], "obl"
            heads[verb], labels[verb] = d, "advcl"
            changed = True
            break
    return Parse(tuple(heads), tuple(labels), words) if changed else tree
