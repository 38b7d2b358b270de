"""Fit GistRank's parameters on cnndm-dev200 and print the search.

Run: ``.venv/bin/python tests/eval/fit_gist.py`` (a few minutes on 2 cores).

The search is coordinate ascent over a fixed grid of each parameter (two sweeps), maximising
mean ROUGE-1 + ROUGE-2 F1 of 3-sentence summaries over the whole set -- never per document.
It starts from a neutral point (plain centrality, no priors) so the start
leaks nothing. To estimate how much of the gain is fitted noise it first runs 5-fold
cross-validation: fit on 160 articles, measure on the other 40, and reports the held-out
mean beside the in-sample one. The final fit on all 200 articles is printed as the
``GistParams`` defaults to paste into desktop/gistquiz/core/summarize/gist.py.
"""

from __future__ import annotations

import itertools
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, fields, replace

from eval_summaries import SENTENCES, FastRouge, load_articles

from gistquiz.core.summarize.gist import GistFeatures, GistParams, features, gist_scores

GRID: dict[str, list[float]] = {
    "position_weight": [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0],
    "position_scale": [2.5, 5.0, 10.0, 25.0, 50.0],
    "backward_weight": [-1.0, -0.5, -0.25, 0.0, 0.25, 0.5],
    "short_words": [1.0, 5.0, 8.0, 10.0, 12.0, 15.0, 20.0],
    "short_exponent": [0.25, 0.5, 1.0, 2.0],
    "long_penalty": [0.0, 0.25, 0.5, 1.0],
    "quote_penalty": [0.0, 0.2, 0.4],
    "question_penalty": [0.0, 0.5, 0.9],
    "fragment_penalty": [0.0, 0.3, 0.6, 0.9],
    "cue_weight": [0.0, 0.02, 0.05, 0.1],
    "redundancy": [0.0, 0.1, 0.2, 0.3],
}
# A neutral start: plain (undirected) centrality, no priors.
START = GistParams(
    position_weight=0.0,
    position_scale=10.0,
    backward_weight=0.0,
    lead_threshold=1.0,  # a design choice, not fitted: see LEAD_NOTE
    short_words=1.0,
    short_exponent=1.0,
    long_words=60.0,
    long_penalty=0.0,
    quote_penalty=0.0,
    question_penalty=0.0,
    fragment_penalty=0.0,
    cue_weight=0.0,
    redundancy=0.0,
)
JOINT = ("position_weight", "position_scale", "backward_weight")
FOLDS = 5
LEAD_NOTE = (
    "lead_threshold is a design choice fixed at 1.0, not fitted (a text whose opening is less\n"
    "central than its average sentence is read as a whole: plain centrality, 0.4 of the\n"
    "position prior), so that an essay that builds to its point or a book chapter is not\n"
    "summarised by its opening. How other thresholds would do on this news set:"
)


def evaluate(
    items: list[tuple[GistFeatures, FastRouge]], params: GistParams
) -> tuple[float, float]:
    r1 = r2 = 0.0
    for f, rouge in items:
        scores = gist_scores(f, params, SENTENCES)
        chosen = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:SENTENCES]
        a, b = rouge.r12(chosen)
        r1 += a
        r2 += b
    return r1 / len(items), r2 / len(items)


def fit(
    items: list[tuple[GistFeatures, FastRouge]], start: GistParams, *, verbose: bool
) -> GistParams:
    # The three parameters that shape the score interact, so they are searched jointly first
    # (coordinate ascent alone landed in different optima from different starts); the
    # priors are then tuned one at a time around that point.
    params, best = start, sum(evaluate(items, start))
    for values in itertools.product(*(GRID[name] for name in JOINT)):
        trial = replace(start, **dict(zip(JOINT, values, strict=True)))
        total = sum(evaluate(items, trial))
        if total > best + 1e-9:
            params, best = trial, total
    if verbose:
        r1, r2 = evaluate(items, params)
        chosen = ", ".join(f"{name} {getattr(params, name)}" for name in JOINT)
        print(f"  joint grid: {chosen}   R-1 {r1:6.2f}  R-2 {r2:6.2f}", flush=True)
    for sweep in range(2):
        changed = False
        for name, values in GRID.items():
            if name in JOINT and sweep == 0:
                continue
            for value in values:
                trial = replace(params, **{name: value})
                total = sum(evaluate(items, trial))
                if total > best + 1e-9:
                    params, best, changed = trial, total, True
            if verbose:
                r1, r2 = evaluate(items, params)
                print(
                    f"  sweep {sweep + 1} {name:17} -> {getattr(params, name):6.2f}"
                    f"   R-1 {r1:6.2f}  R-2 {r2:6.2f}",
                    flush=True,
                )
        if not changed:
            break
    return params


_ITEMS: list[tuple[GistFeatures, FastRouge]] = []


def _fold(fold: int) -> tuple[GistParams, tuple[float, float], tuple[float, float]]:
    train = [x for k, x in enumerate(_ITEMS) if k % FOLDS != fold]
    test = [x for k, x in enumerate(_ITEMS) if k % FOLDS == fold]
    fitted = fit(train, START, verbose=False)
    return fitted, evaluate(train, fitted), evaluate(test, fitted)


def main() -> int:
    started = time.perf_counter()
    articles = load_articles()
    items = [(features(a.doc), FastRouge(a)) for a in articles]
    print(f"{len(items)} articles; grid: {sum(len(v) for v in GRID.values())} values\n")
    r1, r2 = evaluate(items, START)
    print(f"start (plain centrality, no priors): R-1 {r1:.2f}  R-2 {r2:.2f}\n")

    print(f"{FOLDS}-fold cross-validation (fit on 4/5, measure on the held-out 1/5):")
    global _ITEMS
    _ITEMS = items
    with ProcessPoolExecutor(2) as pool:  # fork: the workers inherit the features
        results = list(pool.map(_fold, range(FOLDS)))
    held_out, in_sample, lead = [], [], []
    for fold, (fitted, train_score, test_score) in enumerate(results):
        test = [x for k, x in enumerate(items) if k % FOLDS == fold]
        lead_scores = [rouge.r12(range(min(SENTENCES, len(f.body)))) for f, rouge in test]
        lead.append([sum(x[k] for x in lead_scores) / len(test) for k in (0, 1)])
        in_sample.append(train_score)
        held_out.append(test_score)
        print(
            f"  fold {fold + 1}: train R-1 {train_score[0]:.2f} R-2 {train_score[1]:.2f}"
            f"   held-out R-1 {test_score[0]:.2f} R-2 {test_score[1]:.2f}"
            f"   (Lead-3 there {lead[-1][0]:.2f} {lead[-1][1]:.2f})",
        )
        print(f"          {fitted}")
    mean = [sum(x[k] for x in held_out) / FOLDS for k in (0, 1)]
    mean_in = [sum(x[k] for x in in_sample) / FOLDS for k in (0, 1)]
    print(f"  mean: train R-1 {mean_in[0]:.2f} R-2 {mean_in[1]:.2f}", end="")
    print(f"   held-out R-1 {mean[0]:.2f} R-2 {mean[1]:.2f}", end="")
    lead_mean = [sum(x[k] for x in lead) / FOLDS for k in (0, 1)]
    print(f"   (Lead-3 {lead_mean[0]:.2f} {lead_mean[1]:.2f})\n")

    print("final fit on all 200 articles:")
    final = fit(items, START, verbose=True)
    r1, r2 = evaluate(items, final)
    print(f"\nin-sample R-1 {r1:.2f}  R-2 {r2:.2f}  (held-out estimate above)")
    print(LEAD_NOTE)
    for threshold in (0.0, 0.6, 0.8, 1.0, 1.2):
        t1, t2 = evaluate(items, replace(final, lead_threshold=threshold))
        print(f"  lead_threshold {threshold:.1f}: R-1 {t1:.2f}  R-2 {t2:.2f}")
    print("GistParams defaults:")
    for field in fields(GistParams):
        print(f"    {field.name} = {asdict(final)[field.name]}")
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
