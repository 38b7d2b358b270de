"""The quiz ranker's boosted trees: fit with scikit-learn (a dev dependency: training only),
exported as JSON for ``gistquiz.core.quiz.ranker.Trees``, which evaluates them with numpy.

Gradient-boosted trees over the ranker's dense features find interactions the logistic
regression cannot (a number after "of" in a long sentence); blended with the regression's
logit (which keeps the lexical keys) they raised both cross-validated figures (RANKER_CARD.md).
"""

from __future__ import annotations

import math

import numpy as np

from gistquiz.core.quiz.ranker import feature_names

# Chosen on the 6-fold CV by article of the 823 training paragraphs: depth 4 blended
# 0.485 / 0.413, depth 3 (300 trees) 0.483 / 0.412 (RANKER_CARD.md).
SETTINGS = {
    "n_estimators": 200,
    "max_depth": 4,
    "learning_rate": 0.05,
    "subsample": 0.8,
    "min_samples_leaf": 50,
    "random_state": 0,
}


def fit_trees(x: np.ndarray, y: np.ndarray, weights: np.ndarray):
    """A scikit-learn GradientBoostingClassifier fit with the sample weights (mean 1)."""
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(**SETTINGS).fit(x, y, sample_weight=weights / weights.mean())


def raw_scores(model, x: np.ndarray) -> np.ndarray:
    """The trees' raw score (a logit) per row."""
    return model.decision_function(x) if len(x) else np.zeros(0)


def to_json(model) -> dict:
    """The fitted trees as plain lists: init (the prior's logit), learning rate, and per tree
    feature, threshold (exact: compared with float32 features), children and leaf values."""
    prior = float(model.init_.class_prior_[1])
    trees = []
    for estimator in model.estimators_[:, 0]:
        t = estimator.tree_
        trees.append(
            [
                t.feature.tolist(),
                t.threshold.tolist(),
                t.children_left.tolist(),
                t.children_right.tolist(),
                [round(float(v), 7) for v in t.value[:, 0, 0]],
            ]
        )
    return {
        "features": feature_names(),  # the columns the trees' feature indices refer to
        "init": math.log(prior / (1.0 - prior)),
        "learning_rate": model.learning_rate,
        "max_depth": model.max_depth,
        "settings": SETTINGS,
        "trees": trees,
    }
