"""Main-clause structure from the shipped dependency parser (tags written by hand here)."""

from __future__ import annotations

import gzip
import json
from importlib.resources import files

import pytest

from gistquiz.core.nlp.clauses import analyze_clause
from gistquiz.core.nlp.parser import PARSER_FORMAT, parse


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
    assert model["format"] == PARSER_FORMAT
    assert model["classes"] and model["features"] and model["values"]


@pytest.mark.parametrize("n", [1, 2, 5, 40])
def test_any_length_parses(n):
    words = ["word"] * n
    tags = ["NN"] * n
    tree = parse(words, tags)
    assert len(tree.heads) == n and sum(h == -1 for h in tree.heads) == 1
