"""Train the shipped dependency parser from the shared treebanks (part of `make train-models`).

    python -m gistquiz.core.nlp.train_parser [--data DIR] [--out resources/models]

Online arc-eager training with a dynamic oracle and exploration (Goldberg & Nivre 2012,
2013): every move that loses no reachable gold arc counts as right, and after the first
epoch the trainer mostly follows its own predictions, so it learns to recover from its own
mistakes instead of only ever seeing the gold path. The averaged multiclass perceptron runs
over numpy rows (a pure-Python dict perceptron takes ~10x longer); the feature vocabulary is
fixed beforehand from the gold paths (features seen at least twice). Non-projective training
trees (about 1% of EWT) are skipped.

Tags: the parser sees our tagger's tags at run time, so it trains on jackknifed tags (each
of four folds tagged by a tagger trained on the other three), which make realistic mistakes;
the shipped tagger, trained on all of it, would tag its own training data almost perfectly.
Training data: UD English-EWT train plus the GUM train documents present (CC BY genres);
dev/test splits and PUD are never used here. Deterministic (fixed seeds).
Writes ``dep-parser.json.gz`` as gzipped JSON (never pickle).
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from .parser import (
    LEFT,
    PARSER_FORMAT,
    REDUCE,
    RIGHT,
    SHIFT,
    State,
    _word_shape,
    allowed_classes,
    features,
    fold_label,
    lookahead,
)
from .train import write_gzip_json

REPO = Path(__file__).resolve().parents[4]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "treebanks"
DEFAULT_OUT = REPO / "resources" / "models"
SEED = 20240531
EPOCHS = 10
EXPLORE_FROM = 2  # epochs on the gold path before the trainer follows its own predictions
EXPLORE_P = 0.9  # then: the share of moves taken from the model (Goldberg & Nivre 2012)
FOLDS = 4
FOLD_TAGGER_ITERATIONS = 5
MIN_FEATURE_COUNT = 2
# averaged weights this small change almost no decision; dropping them shrinks the file
PRUNE_BELOW = 1.0
_NORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

Tree = tuple[list[str], list[str], list[int], list[str]]


def read_trees(path: Path) -> Iterator[Tree]:
    """(words, XPOS tags, heads 1-based with 0 = root, folded labels) per sentence."""
    words: list[str] = []
    tags: list[str] = []
    heads: list[int] = []
    labels: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words, tags, heads, labels
                words, tags, heads, labels = [], [], [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            words.append(cols[1].translate(_NORM))
            tags.append(cols[4])
            heads.append(int(cols[6]))
            labels.append(fold_label(cols[7]))
    if words:
        yield words, tags, heads, labels


def training_files(data: Path) -> list[Path]:
    gum = data / "gum"
    listed = (gum / "files.train").read_text(encoding="utf-8").split()
    present = [gum / "sources" / f"{name}.conllu" for name in listed]
    return [data / "ud_ewt" / "en_ewt-ud-train.conllu"] + [p for p in present if p.exists()]


def jackknife_tags(trees: list[Tree], folds: int = FOLDS) -> list[list[str]]:
    """Each sentence's tags from a tagger trained (as the shipped one is) on the other folds."""
    from .tagger import make_tagger
    from .tokens import normalize

    out: list[list[str]] = [[] for _ in trees]
    for fold in range(folds):
        began = time.perf_counter()
        rest = [
            [(normalize(w), t) for w, t in zip(tr[0], tr[1], strict=True)]
            for k, tr in enumerate(trees)
            if k % folds != fold
        ]
        random.seed(SEED + fold)
        tagger = make_tagger()
        tagger.train(rest, nr_iter=FOLD_TAGGER_ITERATIONS)
        tagger.compile()
        right = total = 0
        for k in range(fold, len(trees), folds):
            words, gold = trees[k][0], trees[k][1]
            out[k] = [t for _, t in tagger.tag([normalize(w) for w in words])]
            right += sum(a == b for a, b in zip(out[k], gold, strict=True))
            total += len(gold)
        print(
            f"  fold {fold + 1}/{folds}: tagger {right / total:.2%} on its held-out fold, "
            f"{time.perf_counter() - began:.0f} s"
        )
    return out


def _padded(tree: Tree) -> tuple[list[str], list[str], list[int], list[str]]:
    words, tags, heads, labels = tree
    n = len(words)
    ws = ["<PAD>"] + [_word_shape(w) for w in words] + ["<ROOT>"]
    ts = ["<PAD>", *tags, "<ROOT>"]
    gh = [-1] + [n + 1 if h == 0 else h for h in heads] + [-1]
    gl = ["", *labels, ""]
    return ws, ts, gh, gl


def static_oracle(state: State, gold_heads: list[int]) -> int:
    """The static arc-eager move on the gold path (gold_heads padded; the root is n + 1)."""
    s0 = state.stack[-1] if state.stack else -1
    b0 = state.i
    if s0 > 0 and gold_heads[s0] == b0:
        return LEFT
    if s0 > 0 and b0 <= state.n and gold_heads[b0] == s0:
        return RIGHT
    if s0 > 0 and state.heads[s0] != -1:
        pending = any(gold_heads[j] == s0 for j in range(b0, state.n + 1))
        if not pending:
            return REDUCE
    return SHIFT


def gold_path_features(tree: Tree) -> list[list[str]] | None:
    """Feature lists along the static gold path (None if the tree is non-projective)."""
    ws, ts, gh, gl = _padded(tree)
    n = len(tree[0])
    state = State(n)
    steps = []
    while not state.done:
        move = static_oracle(state, gh)
        label = gl[state.stack[-1]] if move == LEFT else gl[state.i] if move == RIGHT else ""
        if not state.valid()[move]:
            return None
        steps.append(features(state, ws, ts))
        state.apply(move, label)
    if state.heads[1 : n + 1] != gh[1 : n + 1]:
        return None
    return steps


def move_costs(state: State, gh: list[int], gold_kids: list[list[int]]) -> list[int]:
    """Gold arcs each move makes unreachable (Goldberg & Nivre 2013, arc-eager), with the
    root as the last buffer item n + 1. Only meaningful for valid moves."""
    stack, b0, heads = state.stack, state.i, state.heads
    s0 = stack[-1] if stack else -1
    left = right = reduce_ = shift = 0
    if s0 > 0:
        # LEFT: s0 loses a head further in the buffer and its buffer dependents
        if gh[s0] != b0 and gh[s0] > b0:
            left += 1
        kids_ahead = sum(1 for k in gold_kids[s0] if k >= b0)
        left += kids_ahead
        reduce_ = kids_ahead
    if b0 <= state.n:
        hb = gh[b0]
        # RIGHT: b0 loses a head elsewhere in the stack or ahead, and headless stack kids
        if s0 > 0 and hb != s0 and (hb > b0 or (hb in stack)):
            right += 1
        for k in gold_kids[b0]:
            if k < b0 and heads[k] == -1:  # a headless word left of b0 is on the stack
                right += 1
                shift += 1
        # SHIFT: b0 loses a head in the stack
        if hb < b0 and hb in stack:
            shift += 1
    return [shift, reduce_, left, right]


def train(
    files: list[Path],
    epochs: int = EPOCHS,
    limit: int | None = None,
    tags_cache: Path | None = None,
    checkpoint=None,
) -> dict:
    began = time.perf_counter()
    trees = [tree for path in files for tree in read_trees(path)]
    if limit:
        trees = trees[:limit]
    if tags_cache and tags_cache.exists():  # repeated trials: the folds' tags do not change
        tagged = json.loads(tags_cache.read_text(encoding="utf-8"))
    else:
        tagged = jackknife_tags(trees)
        if tags_cache:
            tags_cache.write_text(json.dumps(tagged), encoding="utf-8")
    trees = [(w, tagged[k], h, lab) for k, (w, _, h, lab) in enumerate(trees)]
    counts: Counter[str] = Counter()
    kept: list[Tree] = []
    classes_seen: set[tuple[int, str]] = {(SHIFT, ""), (REDUCE, "")}
    for tree in trees:
        steps = gold_path_features(tree)
        if steps is None:
            continue
        kept.append(tree)
        for feats in steps:
            counts.update(feats)
        for lab, h in zip(tree[3], tree[2], strict=True):
            classes_seen.add((LEFT, lab))
            if h != 0:
                classes_seen.add((RIGHT, lab))
    vocab = {
        f: k for k, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_FEATURE_COUNT))
    }
    del counts
    classes = sorted(classes_seen)
    print(
        f"parser: {len(trees)} sentences ({len(trees) - len(kept)} non-projective skipped), "
        f"{len(vocab)} features, {len(classes)} classes, "
        f"{time.perf_counter() - began:.0f} s to prepare"
    )
    moves = np.array([m for m, _ in classes])
    labels = np.array([lab for _, lab in classes])
    is_root = np.array([lab == "root" for lab in labels])
    masks = [moves == m for m in (SHIFT, REDUCE, LEFT, RIGHT)]
    weights = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    totals = np.zeros((len(vocab), len(classes)), dtype=np.float64)
    rng = np.random.default_rng(SEED)
    c = 1
    for epoch in range(epochs):
        explore = epoch >= EXPLORE_FROM
        steps = errors = 0
        for k in rng.permutation(len(kept)):
            ws, ts, gh, gl = _padded(kept[k])
            n = len(ws) - 2
            gold_kids: list[list[int]] = [[] for _ in range(n + 2)]
            for d in range(1, n + 1):
                gold_kids[gh[d]].append(d)
            state = State(n)
            ahead = lookahead(ts)
            while not state.done:
                allowed = allowed_classes(state, masks, is_root)
                rows = np.fromiter(
                    (r for r in map(vocab.get, features(state, ws, ts, ahead)) if r is not None),
                    dtype=np.int64,
                )
                scores = weights[rows].sum(axis=0)
                scores[~allowed] = -np.inf
                guess = int(scores.argmax())
                cost = move_costs(state, gh, gold_kids)
                zero = allowed & (np.array(cost)[moves] == 0)
                s0 = state.stack[-1] if state.stack else -1
                if s0 > 0 and gh[s0] == state.i:  # the gold LEFT arc needs its gold label
                    zero &= ~masks[LEFT] | (labels == gl[s0])
                if s0 > 0 and state.i <= n and gh[state.i] == s0:
                    zero &= ~masks[RIGHT] | (labels == gl[state.i])
                if not zero.any():  # cannot happen in arc-eager; be safe
                    zero = allowed
                if not zero[guess]:
                    errors += 1
                    best = int(np.where(zero, scores, -np.inf).argmax())
                    weights[rows, best] += 1
                    weights[rows, guess] -= 1
                    totals[rows, best] += c
                    totals[rows, guess] -= c
                    follow = guess if explore and rng.random() < EXPLORE_P else best
                else:
                    follow = guess
                state.apply(*classes[follow])
                c += 1
                steps += 1
        print(
            f"  epoch {epoch + 1}: {1 - errors / steps:.4f} moves right"
            f"{' (exploring)' if explore else ''}, {time.perf_counter() - began:.0f} s"
        )
        if checkpoint is not None and epoch + 1 < epochs:
            checkpoint(
                epoch + 1, lambda c=c: encode(classes, vocab, weights - totals / c, files, 0, 0)
            )
    averaged = weights - totals / c
    return encode(classes, vocab, averaged, files, len(kept), epochs)


def encode(classes, vocab: dict[str, int], averaged: np.ndarray, files, sentences, epochs) -> dict:
    """The JSON form ``parser.load_model`` reads: weights below PRUNE_BELOW dropped, the rest as
    a base64 CSR matrix with float16 values."""
    names, indptr, indices, values = [], [0], [], []
    for feature, k in vocab.items():
        row = averaged[k].astype(np.float16)  # prune on the stored values: re-pruning a
        nz = np.nonzero(np.abs(row) >= PRUNE_BELOW)[0]  # model file gives the same result
        if len(nz):
            names.append(feature)
            indices.append(nz.astype(np.uint8))
            values.append(row[nz])
            indptr.append(indptr[-1] + len(nz))

    def b64(a: np.ndarray) -> str:
        return base64.b64encode(a.tobytes()).decode("ascii")

    return {
        "format": PARSER_FORMAT,
        "classes": [[m, lab] for m, lab in classes],
        "features": "\n".join(names),
        "indptr": b64(np.array(indptr, dtype="<i4")),
        "indices": b64(np.concatenate(indices)),
        "values": b64(np.concatenate(values).astype("<f2")),
        "trained_on": [p.name for p in files],
        "sentences": sentences,
        "epochs": epochs,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--limit", type=int, default=None, help="first N sentences (quick trials)")
    ap.add_argument("--tags-cache", type=Path, default=None, help="jackknifed tags (JSON)")
    ap.add_argument("--checkpoints", type=int, nargs="*", default=[], help="also save after")
    args = ap.parse_args(argv)
    began = time.perf_counter()

    def checkpoint(epoch: int, model) -> None:  # for trials: the averaged model so far
        if epoch in args.checkpoints:
            write_gzip_json(model(), args.out / f"dep-parser-e{epoch}.json.gz")

    model = train(training_files(args.data), args.epochs, args.limit, args.tags_cache, checkpoint)
    target = args.out / "dep-parser.json.gz"
    write_gzip_json(model, target)
    print(
        f"parser: {model['features'].count(chr(10)) + 1} features kept, "
        f"{target.stat().st_size / 1e6:.1f} MB, "
        f"{time.perf_counter() - began:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
