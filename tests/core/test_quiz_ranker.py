"""The quiz ranker: its lexical keys, its boosted trees and how they move a fact's score."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from gistquiz.core.document import build_document
from gistquiz.core.facts.model import Fact, FactType
from gistquiz.core.quiz.ranker import (
    Ranker,
    Trees,
    feature_names,
    features,
    floor,
    lexical_keys,
    shipped,
)

# the training side's exporter (scikit-learn is a dev dependency; the app reads only JSON)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import ranker_trees

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


# A hand-written depth-2 tree over two features: f0 <= 0.5 -> (f1 <= 2 -> 1.0 else 3.0), else -2.0
TREE = [[0, 1, -2, -2, -2], [0.5, 2.0, -2.0, -2.0, -2.0], [1, 3, -1, -1, -1], [2, 4, -1, -1, -1]]
TREE.append([0.0, 0.0, -2.0, 1.0, 3.0])


def test_trees_walk_each_row_to_its_leaf():
    trees = Trees({"init": 0.25, "learning_rate": 0.5, "max_depth": 2, "trees": [TREE, TREE]})
    x = np.array([[0.0, 1.0], [0.0, 5.0], [0.9, 1.0], [0.5, 2.0]])
    # two identical trees: init + 0.5 * 2 * leaf
    assert trees.raw(x).tolist() == [1.25, 3.25, -1.75, 1.25]


def test_exported_boosted_trees_match_scikit_learn():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, 5)) * [1.0, 10.0, 0.1, 1.0, 1.0]
    y = ((x[:, 0] + x[:, 1] / 10 - x[:, 2] * 5 + rng.normal(size=400)) > 0).astype(float)
    model = ranker_trees.fit_trees(x, y, np.ones(len(y)))
    exported = json.loads(json.dumps(ranker_trees.to_json(model)))  # through JSON, as shipped
    ours = Trees(exported).raw(x)
    assert np.abs(ours - model.decision_function(x)).max() < 1e-5


def test_blend_mixes_the_regression_logit_with_the_trees():
    doc, facts = _facts()
    names = feature_names()
    zero = {n: 0.0 for n in names}
    ranker = Ranker(zero, 1.0, zero, {n: 1.0 for n in names})
    ranker.trees = Trees({"init": -1.0, "learning_rate": 1.0, "trees": []})
    ranker.blend = 0.5  # 0.5 * 1.0 + 0.5 * -1.0 = 0
    assert ranker.score(doc, facts) == [0.5, 0.5]
    ranker.blend = 1.0
    assert ranker.score(doc, facts)[0] == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_shipped_ranker_has_trees_and_a_modest_floor():
    ranker = shipped()
    assert ranker is not None and ranker.trees is not None and 0.0 < ranker.blend <= 1.0
    assert 0.0 <= floor() == ranker.floor < 0.3


def test_trees_find_their_columns_by_name():
    names = feature_names()
    first, second = names.index("one_token"), names.index("log_tokens")
    data = {"init": 0.0, "learning_rate": 1.0, "max_depth": 2, "trees": [TREE]}
    trees = Trees({**data, "features": ["one_token", "log_tokens"]})
    x = np.zeros((2, len(names)))
    x[0, first], x[0, second] = 0.0, 5.0  # left, then right: 3.0
    x[1, first] = 1.0  # right at the root: -2.0
    assert trees.raw(x).tolist() == [3.0, -2.0]


def test_trees_naming_an_unknown_feature_leave_the_regression_alone():
    names = feature_names()
    zero = {n: 0.0 for n in names}
    data = {"weights": zero, "bias": 0.0, "mean": zero, "scale": {n: 1.0 for n in names}}
    trees = {"blend": 0.5, "init": 0.0, "learning_rate": 1.0, "features": ["gone"], "trees": []}
    ranker = Ranker.from_json({**data, "trees": trees})
    assert ranker.trees is None and ranker.blend == 1.0


def test_word_frequency_table_ranks_common_words_above_rare_ones():
    from gistquiz.core.nlp.word_frequency import table, zipf

    assert len(table()) == 50_000
    assert zipf("The") == zipf("the") > zipf("treaty") > zipf("chameleon") > 0.0
    assert zipf("Rudjdjar") == 0.0  # outside the table


def test_rarity_features_read_the_phrase_words_not_its_numbers():
    doc = build_document("The chameleon circuit failed in common use in 1963.", language="en")
    text = doc.text
    facts = [
        Fact(FactType.TERM, "chameleon circuit", 4, 21, 0),
        Fact(FactType.TERM, "common use", text.index("common"), text.index("common") + 10, 0),
        Fact(FactType.DATE, "1963", text.index("1963"), text.index("1963") + 4, 0),
    ]
    names = feature_names()
    rows = features(doc, facts, parse_roles=False)
    rarest, mean, last = (names.index(n) for n in ("zipf_min", "zipf_mean", "zipf_last"))
    assert rows[0, rarest] < rows[1, rarest]  # "chameleon" is rarer than "common" or "use"
    assert rows[0, mean] < rows[1, mean]
    assert rows[2, rarest] == rows[2, last] == 8.0  # no words: not read as rare


def test_a_weekday_alone_keeps_half_its_score_a_recurring_one_all():
    from gistquiz.core.quiz.ranker import DATED_WEEKDAY, rank_scores

    text = "On Tuesday, the council met. Media day is held on Tuesdays."
    doc = build_document(text, language="en")
    once = text.index("Tuesday")
    weekly = text.index("Tuesdays")
    facts = [
        Fact(FactType.DATE, "Tuesday", once, once + 7, 0, subtype="weekday"),
        Fact(FactType.DATE, "Tuesdays", weekly, weekly + 8, 1, subtype="weekday"),
    ]
    model = shipped()
    assert model is not None
    learned = model.score(doc, facts)
    assert rank_scores(doc, facts) == pytest.approx([learned[0] * DATED_WEEKDAY, learned[1]])
