"""Training the entity typer (called by ``python -m gistquiz.core.nlp.train``).

Data: UniversalNER English-EWT dev only (train is not in ../shared; test and PUD are kept
for measuring). Tokens are UNER's gold tokens; Penn tags come from our own tagger, as they
will at run time. Greedy training with the gold previous labels, NLTK's averaged perceptron.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from .entities import find_entities
from .tagger import tag
from .typer import TYPER_FORMAT, rule_labels, token_features
from .uner import read_iob2

ITERATIONS = 8
SEED = 20240531
PRUNE_BELOW = 0.02


def training_file(data: Path) -> Path:
    return data / "uner_ewt" / "en_ewt-ud-dev.iob2"


def gold_labels(n: int, spans) -> list[str]:
    labels = ["O"] * n
    for first, last, kind in spans:
        for k in range(first, last):
            labels[k] = ("B-" if k == first else "I-") + kind
    return labels


def train_typer(path: Path, iterations: int = ITERATIONS) -> dict:
    from nltk.tag.perceptron import AveragedPerceptron

    examples = []
    for s in read_iob2(path):
        tags = tag([t.norm for t in s.tokens])
        rules = rule_labels(len(s.tokens), find_entities(s.tokens, tags))
        feats = [token_features(s.tokens, tags, rules, i) for i in range(len(s.tokens))]
        examples.append((feats, gold_labels(len(s.tokens), s.spans)))
    classes = sorted({label for _, gold in examples for label in gold})
    model = AveragedPerceptron()
    model.classes = set(classes)
    random.seed(SEED)
    for _ in range(iterations):
        random.shuffle(examples)
        for feats, gold in examples:
            prev, prev2 = "<s>", "<s>"
            for i, base in enumerate(feats):
                f = dict.fromkeys([*base, "label-1=" + prev, f"label-2,-1={prev2}|{prev}"], 1)
                guess, _ = model.predict(f)
                model.update(gold[i], guess, f)
                prev2, prev = prev, gold[i]  # teacher forcing: the gold history
    model.average_weights()
    weights = {}
    for feature, by_class in model.weights.items():
        kept = {c: round(w, 3) for c, w in by_class.items() if abs(w) >= PRUNE_BELOW}
        if kept:
            weights[feature] = kept
    return {
        "format": TYPER_FORMAT,
        "classes": classes,
        "weights": weights,
        "trained_on": [path.name],
        "sentences": len(examples),
        "iterations": iterations,
    }


def train_typer_model(data: Path, out: Path) -> None:
    from .train import write_gzip_json

    began = time.perf_counter()
    model = train_typer(training_file(data))
    write_gzip_json(model, out / "entity-typer.json.gz")
    print(
        f"typer: {model['sentences']} sentences, {len(model['weights'])} features, "
        f"{time.perf_counter() - began:.0f} s"
    )
