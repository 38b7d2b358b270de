"""Subject repairs (hand-built parses) and the re-parse of incomplete main clauses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core.nlp import clauses
from gistquiz.core.nlp.clauses import analyze_clause, tag_and_parse
from gistquiz.core.nlp.parser import Parse, is_tree
from gistquiz.core.nlp.subject_repair import (
    repair_existential,
    repair_extraposed,
    repair_gerund_subject,
    repair_incomplete_root,
    repair_missing_subject,
    repair_subject,
    repair_wh_copula,
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


def test_wh_word_is_the_predicate_of_a_copular_question():
    tree, tags = _tree(
        "What|WP|3|nsubj is|VBZ|3|cop their|PRP$|3|nmod:poss meal|NN|-1|root ?|.|3|punct"
    )
    fixed = repair_wh_copula(tree, tags)
    assert is_tree(fixed.heads)
    assert fixed.root == 0
    assert fixed.labels[3] == "nsubj" and fixed.heads[3] == 0
    assert fixed.heads[1] == 0 and fixed.heads[4] == 0


def test_existential_be_is_the_root_and_the_noun_its_subject():
    tree, tags = _tree("there|EX|3|expl will|MD|3|aux be|VB|3|cop peace|NN|-1|root .|.|3|punct")
    fixed = repair_existential(tree, tags)
    assert is_tree(fixed.heads)
    assert fixed.root == 2
    assert fixed.labels[3] == "nsubj" and fixed.labels[0] == "expl"
    assert fixed.heads[1] == 2


def test_extraposed_clause_is_the_subject_and_it_the_expletive():
    tree, tags = _tree(
        "It|PRP|2|nsubj is|VBZ|2|cop true|JJ|-1|root that|IN|5|mark it|PRP|5|nsubj "
        "works|VBZ|2|ccomp .|.|2|punct"
    )
    fixed = repair_extraposed(tree, tags)
    assert fixed.labels[0] == "expl" and fixed.labels[5] == "csubj"
    assert analyze_clause(list(tree.words), tags, fixed).subject_head == 5


def test_it_before_a_prepositional_to_keeps_its_subject():
    tree, tags = _tree(
        "It|PRP|2|nsubj is|VBZ|2|cop similar|JJ|-1|root to|IN|4|mark flying|VBG|2|advcl .|.|2|punct"
    )
    assert repair_extraposed(tree, tags) is tree


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


def test_an_opening_gerund_is_the_clausal_subject_and_its_phrase_the_object():
    tree, tags = _tree(
        "Outsourcing|VBG|4|advcl these|DT|2|det tasks|NNS|4|nsubj would|MD|4|aux "
        "help|VB|-1|root .|.|4|punct"
    )
    fixed = repair_gerund_subject(tree, tags)
    assert is_tree(fixed.heads)
    assert fixed.labels[0] == "csubj" and fixed.heads[2] == 0 and fixed.labels[2] == "obj"
    assert analyze_clause(list(tree.words), tags, fixed).subject_head == 0


def test_a_gerund_after_other_words_is_left_alone():
    tree, tags = _tree(
        "We|PRP|5|nsubj saw|VBD|5|dep running|VBG|3|amod water|NN|5|nsubj is|VBZ|5|cop "
        "clean|JJ|-1|root .|.|5|punct"
    )
    assert repair_gerund_subject(tree, tags) is tree


def test_subjects_split_at_their_conjunction_become_one_coordinated_subject():
    from gistquiz.core.nlp.parse_repair import repair_split_coordination

    tree, tags = _tree(
        "The|DT|1|det institutions|NNS|6|nsubj:pass and|CC|6|cc the|DT|4|det "
        "university|NN|6|nsubj:pass were|VBD|6|aux:pass handed|VBN|-1|root over|RP|6|compound "
        ".|.|6|punct"
    )
    fixed = repair_split_coordination(tree, tags)
    assert is_tree(fixed.heads)
    assert (fixed.heads[4], fixed.labels[4]) == (1, "conj") and fixed.heads[2] == 4
    clause = analyze_clause(list(tree.words), tags, fixed)
    assert clause.subject_head == 1 and clause.subject == (0, 5)
    # two subjects with more than a conjunction between them are left alone
    tree, tags = _tree(
        "Rain|NN|4|nsubj today|NN|4|obl:tmod and|CC|4|cc snow|NN|4|nsubj fell|VBD|-1|root "
        ".|.|4|punct"
    )
    assert repair_split_coordination(tree, tags) is tree
