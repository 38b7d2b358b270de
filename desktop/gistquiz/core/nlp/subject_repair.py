"""Rule repairs of the main clause's subject, run after ``parse_repair``'s root repairs.

Each brings a greedy parse in line with UD English where the parser's own choice leaves the
main clause without the subject UD gives it (or, first, crowns an opening word that has
neither subject nor finite verb). Each was kept because it gained main-clause subjects on
EWT dev and lost none on GUM dev/test (figures in DEP_PARSER.md); never tuned on EWT test or
PUD.
"""

from __future__ import annotations

from collections.abc import Sequence

from .parse_repair import FINITE, NOMINAL, SUBJECTS, _Tree
from .parser import Parse

# labels the greedy parser gives a bare noun before the verb that is in fact its subject
# ("Laura/amod and I are Methodists", "Both/advmod have full 1080 video")
STRAY_SUBJECT = frozenset(
    {"amod", "compound", "dep", "appos", "nmod", "advmod", "vocative", "obj", "obl"}
)
BE = frozenset({"be", "been", "is", "are", "was", "were", "am", "'s", "'re", "being"})


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


def repair_wh_copula(tree: Parse, tags: Sequence[str]) -> Parse:
    """ "What is their main meal?": UD makes the wh-word the predicate (the root) and the noun
    its subject; the greedy parse often has it the other way round."""
    t = _Tree(tree, tags)
    r = tree.root
    if tags[r] not in ("NN", "NNS", "NNP", "NNPS"):
        return tree
    kids = t.children(r)
    cops = [k for k in kids if t.labels[k] == "cop" and k < r and tags[k] in FINITE]
    whs = [k for k in kids if t.labels[k] == "nsubj" and tags[k] == "WP" and k < r]
    if not cops or not whs or whs[0] > cops[0]:
        return tree
    w = whs[0]
    if any(t.labels[k] in SUBJECTS for k in kids if k != w):
        return tree
    t.heads[w], t.labels[w] = -1, "root"
    t.heads[r], t.labels[r] = w, "nsubj"
    for k in kids:
        if k == w or (t.labels[k] == "advmod" and cops[0] < k < r):
            continue
        moves = t.labels[k] in ("cop", "aux", "punct", "advmod", "discourse", "cc")
        if k < w or (moves and (k < r or t.labels[k] == "punct")):
            t.heads[k] = w
    return t.parse()


def repair_existential(tree: Parse, tags: Sequence[str]) -> Parse:
    """ "Then there will not be peace": UD makes the existential "be" the root and the noun
    its subject; the greedy parse can crown the noun with "be" as its copula."""
    t = _Tree(tree, tags)
    r = tree.root
    if tags[r] not in NOMINAL:
        return tree
    kids = t.children(r)
    there = [k for k in kids if t.words[k].lower() == "there" and t.labels[k] in ("expl", "nsubj")]
    cops = [k for k in kids if t.labels[k] == "cop" and t.words[k].lower() in BE]
    if not there or not cops or not there[0] < cops[0] < r:
        return tree
    c = cops[0]
    if any(t.labels[k] in SUBJECTS for k in kids if k != there[0]):
        return tree
    t.heads[c], t.labels[c] = -1, "root"
    t.heads[r], t.labels[r] = c, "nsubj"
    t.labels[there[0]] = "expl"
    for k in kids:
        later = k > r and t.labels[k] in ("advcl", "parataxis", "conj", "cc", "obl")
        if k != c and (k < c or t.labels[k] == "punct" or later):
            t.heads[k] = c
    return t.parse()


def repair_extraposed(tree: Parse, tags: Sequence[str]) -> Parse:
    """ "It is true that Google has been in acquisition mode": UD makes "it" an expletive and
    the that/to-clause the (clausal) subject; the greedy parse labels "it" a subject and the
    clause a complement or oblique (or gets "it" right and the clause wrong)."""
    t = _Tree(tree, tags)
    r = tree.root
    kids = t.children(r)
    # "it" may already be labelled an expletive with its clause left a complement
    its = [k for k in kids if t.words[k].lower() == "it" and t.labels[k] in ("nsubj", "expl")]
    if len(its) != 1 or not any(t.labels[k] == "cop" for k in kids):
        return tree
    if any(t.labels[k] in SUBJECTS for k in kids if k != its[0]):
        return tree
    for c in kids:
        if c < r or t.labels[c] not in ("ccomp", "xcomp", "advcl", "obl"):
            continue
        marks = [t.words[m].lower() for m in t.children(c) if t.labels[m] == "mark"]
        if not marks or marks[0] not in ("to", "that", "for"):
            continue
        if (marks[0] == "to" and tags[c] != "VB") or (t.labels[c] == "obl" and marks[0] != "that"):
            continue  # "similar to flying": a preposition, not an infinitive
        t.labels[its[0]], t.labels[c] = "expl", "csubj"
        return t.parse()
    return tree


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


def repair_gerund_subject(tree: Parse, tags: Sequence[str]) -> Parse:
    """ "Outsourcing these responsibilities would be a wise alternative": the greedy parse
    makes the gerund's object the subject. A gerund opening the sentence (or the clause after
    a comma) right before the subject phrase is the clausal subject, and that phrase its
    object. A bare noun right after it stays the subject unless the gerund was already
    parsed as a clause ("Running water is ...": an adjective)."""
    t = _Tree(tree, tags)
    r = tree.root
    subjects = [k for k in t.children(r) if t.labels[k] in ("nsubj", "nsubj:pass") and k < r]
    if len(subjects) != 1:
        return tree
    s = subjects[0]
    g = min(j for j in range(t.n) if t.below(j, s))
    if tags[g] != "VBG" or t.heads[g] != s:  # the gerund may hang inside the phrase
        g -= 1
    if g < 0 or tags[g] != "VBG" or (g > 0 and tags[g - 1] != ","):
        return tree
    as_clause = t.heads[g] == r and t.labels[g] in ("advcl", "csubj", "dep")
    as_modifier = t.heads[g] == s and t.labels[g] in ("case", "amod", "compound", "acl")
    if not as_clause and not (as_modifier and s > g + 1):
        return tree
    t.heads[g], t.labels[g] = r, "csubj"
    t.heads[s], t.labels[s] = g, "obj"
    return t.parse()


# a clause below one of these is not the main clause
INSIDE = frozenset({"acl:relcl", "acl", "csubj", "csubj:pass"})

REPAIRS = {
    "incomplete": repair_incomplete_root,
    "gerund": repair_gerund_subject,
    "missing": repair_missing_subject,
    "wh": repair_wh_copula,
    "there": repair_existential,
    "expl": repair_extraposed,
}


def repair_subject(tree: Parse, tags: Sequence[str]) -> Parse:
    """Every subject repair, in the order they were measured."""
    for fix in REPAIRS.values():
        tree = fix(tree, tags)
    return tree
