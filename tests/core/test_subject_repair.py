"""Subject repairs (hand-built parses) and the re-parse of incomplete main clauses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core.nlp import clauses
from gistquiz.core.nlp.clauses import analyze_clause, tag_and_parse
from gistquiz.core.nlp.parser import Parse, is_tree
from gistquiz.core.nlp.subject_repair import (
    repair_incomplete_root,
    repair_missing_subject,
    repair_subject,
)
from gistquiz.core.nlp.tagger import finite_alternatives, tag


def _split(text: str) -> list[str]:
    return text.split()


def _tree(rows: str) -> tuple[Parse, list[str]]:
    """``word|TAG|head|label`` items, heads 0-based (-1 the root)."""
    items = [r.split("|") for r in rows.split()]
    words = tuple(w for w, _, _, _ in items)
    tags = [t for _, t, _, _ in items]
    parse = Parse(tuple(int(h) for _, _, h, _ in items), tuple(lab for *_, lab in items), words)
    return parse, tags


def test_a_bare_noun_before_the_verb_becomes_the_missing_subject():
    tree, tags = _tree("Both|DT|1|advmod have|VBP|-1|root video|NN|1|obj .|.|1|punct")
    fixed = repair_missing_subject(tree, tags)
    assert fixed.labels[0] == "nsubj"
    assert analyze_clause(list(tree.words), tags, fixed).subject_head == 0


def test_no_missing_subject_across_a_comma_or_with_a_preposition():
    tree, tags = _tree("Ginny|NNP|2|vocative ,|,|0|punct see|VBP|-1|root it|PRP|2|obj .|.|2|punct")
    assert repair_missing_subject(tree, tags) is tree
    tree, tags = _tree("In|IN|1|case 2005|CD|2|obl grew|VBD|-1|root .|.|2|punct")
    assert repair_missing_subject(tree, tags) is tree


def test_a_noun_slip_is_reparsed_with_the_verb():
    words = _split("Certain elements of the travelling community engage in this activity .")
    tags, tree = tag_and_parse(words)
    clause = analyze_clause(words, tags, tree)
    assert clause is not None
    assert words[clause.subject_head] == "elements"
    assert words[clause.finite] == "engage"
    assert tags[words.index("engage")] in ("VBP", "VBD")


def test_a_complete_clause_is_parsed_once(monkeypatch):
    calls = []
    real = clauses.parse
    monkeypatch.setattr(clauses, "parse", lambda w, t: calls.append(1) or real(w, t))
    words = _split("The court issued a warrant on Friday .")
    tags, _ = tag_and_parse(words)
    assert list(tags) == tag(words)
    assert len(calls) == 1


def test_finite_alternatives_offer_finite_tags_closest_first():
    words = _split("Certain elements of the travelling community engage in this activity .")
    found = finite_alternatives(words, tag(words), limit=3)
    assert 0 < len(found) <= 3
    assert all(t in ("VBZ", "VBP", "VBD") for _, t in found)
    assert all(0 < i < len(words) for i, _ in found)


WORDS = st.sampled_from(
    _split("the a it there what is are was be been cat dogs run runs ran that to of in , . ? !")
)


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12))
def test_tag_and_parse_always_gives_a_tree(words):
    tags, tree = tag_and_parse(words)
    assert len(tags) == len(words)
    assert is_tree(tree.heads)
    assert is_tree(repair_subject(tree, list(tags)).heads)


def test_a_clause_below_an_incomplete_root_is_the_main_one():
    tree, tags = _tree(
        "whatever|WP|-1|root ,|,|0|punct you|PRP|5|nsubj 're|VBP|5|cop the|DT|5|det "
        "man|NN|0|parataxis .|.|0|punct"
    )
    fixed = repair_incomplete_root(tree, tags)
    assert is_tree(fixed.heads)
    assert fixed.root == 5
    assert analyze_clause(list(tree.words), tags, fixed).subject_head == 2


def test_a_relative_clause_never_becomes_the_main_one():
    tree, tags = _tree(
        "the|DT|1|det man|NN|-1|root who|WP|3|nsubj left|VBD|1|acl:relcl .|.|1|punct"
    )
    assert repair_incomplete_root(tree, tags) is tree
