"""The quiz ranker: its lexical keys and how their weights move a fact's score."""

from __future__ import annotations

import numpy as np

from gistquiz.core.document import build_document
from gistquiz.core.facts.model import Fact, FactType
from gistquiz.core.quiz.ranker import Ranker, feature_names, features, lexical_keys, shipped

TEXT = "The treatise was known as Kitab Rudjdjar in 1154. It was written in Palermo."


def _facts():
    doc = build_document(TEXT, language="en")
    name = TEXT.index("Kitab")
    year = TEXT.index("1154")
    facts = [
        Fact(FactType.TERM, "Kitab Rudjdjar", name, name + 14, 0),
        Fact(FactType.DATE, "1154", year, year + 4, 0),
    ]
    return doc, facts


def test_lexical_keys_name_the_words_around_the_phrase_and_its_head():
    doc, facts = _facts()
    name, year = lexical_keys(doc, facts)
    assert {"p1=as", "p2=known as", "n1=in", "n2=in 1154", "t=TERM"} <= set(name)
    assert {"w=kitab", "w=rudjdjar"} <= set(name)
    assert any(k.startswith("h=") and k[2:] in ("kitab", "rudjdjar") for k in name)
    assert {"p1=in", "n1=it", "t=DATE", "w=1154", "h=1154"} <= set(year)
    assert len(set(name)) == len(name)  # each key once: a binary feature


def test_lexical_weights_add_to_the_dense_score():
    doc, facts = _facts()
    names = feature_names()
    zero = {n: 0.0 for n in names}
    plain = Ranker(zero, 0.0, zero, {n: 1.0 for n in names})
    assert plain.score(doc, facts) == [0.5, 0.5]
    lexical = Ranker(zero, 0.0, zero, {n: 1.0 for n in names}, {"p2=known as": 2.0})
    name, year = lexical.score(doc, facts)
    assert name > 0.85 and year == 0.5


def test_shipped_ranker_reads_its_lexical_weights_and_scores_in_range():
    ranker = shipped()
    assert ranker is not None and ranker.lexical  # the JSON carries the word-level weights
    doc, facts = _facts()
    scores = ranker.score(doc, facts)
    assert all(0.0 < s < 1.0 for s in scores)
    x = features(doc, facts)
    assert x.shape == (2, len(feature_names())) and np.isfinite(x).all()
