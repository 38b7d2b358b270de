"""Main-clause structure from the shipped dependency parser (tags written by hand here)."""

from __future__ import annotations

import gzip
import json
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core.nlp import parse_repair
from gistquiz.core.nlp.biaffine import BIAFFINE_FORMAT
from gistquiz.core.nlp.clauses import analyze_clause
from gistquiz.core.nlp.parse_repair import repair_first_conjunct
from gistquiz.core.nlp.parser import Parse, is_tree, parse


def _words(clause, words, span):
    return " ".join(words[span[0] : span[1]]) if span else None


def _sentence(tagged: str) -> tuple[list[str], list[str]]:
    pairs = [item.rsplit("/", 1) for item in tagged.split()]
    return [w for w, _ in pairs], [t for _, t in pairs]


FRONTED = (
    "Since/IN neither/CC China/NNP nor/CC Russia/NNP is/VBZ on/IN that/DT list/NN ,/, "
    "Mr./NNP Putin/NNP might/MD theoretically/RB be/VB detained/VBN in/IN 123/CD "
    "different/JJ nations/NNS ./."
)


def test_fronted_subordinate_clause_is_skipped():
    words, tags = _sentence(FRONTED)
    clause = analyze_clause(words, tags)
    assert clause is not None
    assert _words(clause, words, clause.subject) == "Mr. Putin"
    assert words[clause.finite] == "might"
    assert [words[i] for i in clause.verb_group] == ["might", "be", "detained"]
    assert words[clause.main_verb] == "detained"
    assert "in 123 different nations" in [_words(clause, words, s) for s in clause.adjuncts]


def test_apposition_is_not_the_subject():
    words, tags = _sentence(
        "Mr./NNP Kirby/NNP ,/, the/DT US/NNP security/NN spokesperson/NN ,/, "
        "repeated/VBD this/DT ./."
    )
    clause = analyze_clause(words, tags)
    assert words[clause.subject_head] == "Kirby"
    assert words[clause.finite] == "repeated"
    assert [_words(clause, words, s) for s in clause.objects] == ["this"]


def test_quote_before_reporting_verb():
    words, tags = _sentence("``/`` We/PRP will/MD win/VB ,/, ''/'' he/PRP said/VBD ./.")
    clause = analyze_clause(words, tags)
    assert words[clause.subject_head] == "he"
    assert words[clause.finite] == "said"


def test_do_support_pieces_and_object():
    words, tags = _sentence(
        "The/DT court/NN issued/VBD an/DT arrest/NN warrant/NN for/IN the/DT Russian/JJ "
        "president/NN on/IN Friday/NNP ./."
    )
    clause = analyze_clause(words, tags)
    assert _words(clause, words, clause.subject) == "The court"
    assert words[clause.finite] == words[clause.main_verb] == "issued"
    assert any(_words(clause, words, s).startswith("an arrest warrant") for s in clause.objects)


def test_negation_and_copula():
    words, tags = _sentence("The/DT plan/NN was/VBD not/RB clear/JJ ./.")
    clause = analyze_clause(words, tags)
    assert words[clause.subject_head] == "plan"
    assert words[clause.finite] == "was"
    assert clause.copular
    assert words[clause.negation] == "not"


def test_empty_input():
    assert analyze_clause([], []) is None
    assert parse([], []).heads == ()


def test_parse_is_a_tree():
    words, tags = _sentence(FRONTED)
    tree = parse(words, tags)
    assert sum(h == -1 for h in tree.heads) == 1
    for i in range(len(words)):
        seen, x = set(), i
        while x != -1:  # every word reaches the root without a cycle
            assert x not in seen
            seen.add(x)
            x = tree.heads[x]


def test_model_is_gzipped_json():
    raw = files("gistquiz.resources").joinpath("models/dep-parser.json.gz").read_bytes()
    model = json.loads(gzip.decompress(raw))
    assert model["format"] == BIAFFINE_FORMAT
    assert model["vocab"]["labels"] and model["weights"]["U"]["data"]


@pytest.mark.parametrize("n", [1, 2, 5, 40])
def test_any_length_parses(n):
    words = ["word"] * n
    tags = ["NN"] * n
    tree = parse(words, tags)
    assert len(tree.heads) == n and sum(h == -1 for h in tree.heads) == 1


def _assert_tree(heads) -> None:
    assert sum(h == -1 for h in heads) == 1
    for i in range(len(heads)):
        seen, x = set(), i
        while x != -1:  # every word reaches the root without a cycle
            assert x not in seen
            seen.add(x)
            x = heads[x]


NORMAN_FAMILIES = (  # word/tag/head/label
    "The/DT/5/det two/CD/5/nummod most/RBS/3/advmod prominent/JJ/5/amod Norman/JJ/5/amod "
    "families/NNS/12/nsubj to/TO/7/mark arrive/VB/5/acl in/IN/10/case the/DT/10/det "
    "Mediterranean/NNP/7/obl were/VBD/12/cop descendants/NNS/20/nsubj of/IN/14/case "
    "Tancred/NNP/12/nmod of/IN/16/case Hauteville/NNP/14/nmod and/CC/20/cc the/DT/20/det "
    "Drengot/NNP/20/compound family/NN/-1/root ,/,/26/punct of/IN/23/case whom/WP/26/obl "
    "Rainulf/NNP/26/nsubj Drengot/NNP/24/flat received/VBD/20/conj the/DT/28/det "
    "county/NN/26/obj of/IN/30/case Aversa/NNP/28/nmod ,/,/35/punct the/DT/35/det "
    "first/JJ/35/amod Norman/NNP/35/compound toehold/NN/26/obl in/IN/38/case the/DT/38/det "
    "south/NN/35/nmod ,/,/43/punct from/IN/43/case Duke/NNP/42/compound "
    "Sergius/NNP/43/compound IV/NN/26/obl of/IN/45/case Naples/NNP/43/nmod in/IN/47/case "
    "1030/CD/26/obl ././20/punct"
)


def test_first_conjunct_repair_keeps_a_tree_when_the_new_root_hangs_from_the_old():
    # the previous model's parse of a Wikipedia sentence (word/tag/head/label): the copular
    # predicate "descendants" (12) hangs from the root "family"; promoting it to the root
    # once also made it its own head, and walks of the tree never ended
    rows = [item.split("/") for item in NORMAN_FAMILIES.split()]
    words = tuple(r[0] for r in rows)
    tags = [r[1] for r in rows]
    heads = tuple(int(r[2]) for r in rows)
    labels = tuple(r[3] for r in rows)
    tree = repair_first_conjunct(Parse(heads, labels, words), tags)
    _assert_tree(tree.heads)
    assert tree.heads[12] == -1 and tree.labels[20] == "conj"


TAGS = ["DT", "NN", "NNS", "NNP", "VBD", "VBZ", "VBN", "VB", "MD", "IN", "JJ", "RB", "CC"]
TAGS += [",", "PRP", "CD", "WDT", "TO", "POS", "."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TAGS), min_size=1, max_size=30))
def test_every_parse_is_a_tree_whatever_the_tags(tags):
    words = [{"DT": "the", "IN": "of", "CC": "and", ",": ",", ".": "."}.get(t, "x") for t in tags]
    tree = parse(words, tags)
    assert len(tree.heads) == len(tags)
    _assert_tree(tree.heads)


def test_a_parse_whose_heads_loop_is_not_a_tree():
    assert is_tree((1, -1, 1))
    assert not is_tree((1, 2, 1))  # 1 -> 2 -> 1: a walk up the heads would never end
    assert not is_tree((5, -1))
    assert not is_tree((-1, -1))


def test_a_repair_that_breaks_the_tree_is_dropped(monkeypatch):
    words, tags = _sentence(FRONTED)
    unrepaired = parse(words, tags)  # the shipped repairs keep this one a tree

    def looping(tree, tags):
        heads = list(tree.heads)
        heads[tree.root] = tree.root  # the root its own head: every walk up would spin
        return Parse(tuple(heads), tree.labels, tree.words)

    monkeypatch.setattr(parse_repair, "repair", looping)
    tree = parse(words, tags)
    _assert_tree(tree.heads)
    assert len(tree.heads) == len(unrepaired.heads)


def _days_after_tree(issued_is_root: bool) -> Parse:
    words = ["Days", "after", "the", "court", "issued", "a", "warrant", ",", "Xi", "traveled", "."]
    # Days->issued nsubj, after->court case, the->court det, court->Days nmod,
    # a->warrant det, warrant->issued obj, ","->issued punct, Xi->traveled nsubj, "."
    if issued_is_root:
        heads = (4, 3, 3, 0, -1, 6, 4, 4, 9, 4, 4)
        labels = ["nsubj", "case", "det", "nmod", "root", "det", "obj", "punct", "nsubj"]
        labels += ["parataxis", "punct"]
    else:
        heads = (4, 3, 3, 0, 9, 6, 4, 4, 9, -1, 9)
        labels = ["nsubj", "case", "det", "nmod", "advcl", "det", "obj", "punct", "nsubj"]
        labels += ["root", "punct"]
    return Parse(heads, tuple(labels), tuple(words))


@pytest.mark.parametrize("issued_is_root", [False, True])
def test_days_after_clause_is_rebuilt_under_the_main_clause(issued_is_root):
    fixed = parse_repair.repair_time_clause(_days_after_tree(issued_is_root))
    words = fixed.words
    assert is_tree(fixed.heads)
    assert words[fixed.root] == "traveled"
    assert (fixed.heads[0], fixed.labels[0]) == (9, "obl")  # Days -> traveled
    assert (fixed.heads[4], fixed.labels[4]) == (0, "advcl")  # issued -> Days
    assert (fixed.heads[3], fixed.labels[3]) == (4, "nsubj")  # court -> issued
    assert (fixed.heads[1], fixed.labels[1]) == (4, "mark")  # after -> issued
    assert fixed.heads[10] == 9  # the full stop follows the new root
