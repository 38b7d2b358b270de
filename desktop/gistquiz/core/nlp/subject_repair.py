"""Rule repairs of the main clause's subject, run after ``parse_repair``'s root repairs.

Each brings a parse in line with UD English where the parser's own choice leaves the main
clause without the subject UD gives it (or, first, crowns an opening word that has neither
subject nor finite verb). Re-measured with the biaffine parser (DEP_PARSER.md): the
incomplete-root repair still gains 7 subjects on EWT dev and 3 on GUM dev/test, the missing
subject 1 on GUM; four others (gerund, wh copula, existential, extraposed "it") had become
no-ops or worse and were removed. Never tuned on EWT test or PUD.
"""

from __future__ import annotations

from collections.abc import Sequence

from .parse_repair import NOMINAL, _Tree
from .parser import Parse

# labels the greedy parser gives a bare noun before the verb that is in fact its subject
# ("Laura/amod and I are Methodists", "Both/advmod have full 1080 video")
STRAY_SUBJECT = frozenset(
    {"amod", "compound", "dep", "appos", "nmod", "advmod", "vocative", "obj", "obl"}
)


def repair_missing_subject(tree: Parse, tags: Sequence[str]) -> Parse:
    """A finite main clause with no subject: the nearest bare nominal before its finite word
    (no preposition, subordinator or conjunction of its own, no comma or colon between) that
    the parse hung from the predicate under another label is the subject."""
    t = _Tree(tree, tags)
    r = tree.root
    if t.has_subject(r):
        return tree
    fin = t.finite_word(r)
    if fin is None:
        return tree
    best = None
    for c in t.children(r):
        if c >= fin:
            break
        if t.labels[c] not in STRAY_SUBJECT or tags[c] not in NOMINAL | {"DT"}:
            continue
        if any(t.labels[k] in ("case", "mark", "cc") for k in t.children(c)):
            continue
        if any(tags[j] in (",", ":") for j in range(c + 1, fin)):
            continue  # "Ginny, please see ...": a vocative, not a subject
        best = c
    if best is None:
        return tree
    t.labels[best] = "nsubj"
    return t.parse()


def repair_incomplete_root(tree: Parse, tags: Sequence[str]) -> Parse:
    """ "I.E. the Davis Administration wants ...", "Compare to last decade this University is
    gaining ...": an opening word or phrase was crowned while the main clause hangs below it.
    A root with neither subject nor finite word gives way to the first clause below it that
    has both, with no subordinator, conjunction or wh-word, and that does not sit inside a
    relative or marked clause."""
    t = _Tree(tree, tags)
    r = tree.root
    if t.has_subject(r) or t.finite(r):
        return tree
    for c in range(t.n):
        if c == r or not t.has_subject(c) or not t.finite(c) or t.linked(c):
            continue
        if t.reaches_unmarked(c, r, INSIDE):
            return t.promote_clause(c, r)
    return tree


# a clause below one of these is not the main clause
INSIDE = frozenset({"acl:relcl", "acl", "csubj", "csubj:pass"})

REPAIRS = {
    "incomplete": repair_incomplete_root,
    "missing": repair_missing_subject,
}


def repair_subject(tree: Parse, tags: Sequence[str]) -> Parse:
    """Every subject repair, in the order they were measured."""
    for fix in REPAIRS.values():
        tree = fix(tree, tags)
    return tree
