"""Train the shipped dependency parser from the shared treebanks (part of `make train-models`).

    python -m gistquiz.core.nlp.train_parser [--data DIR] [--out resources/models]

Static-oracle arc-eager training: the configurations on the gold path are fixed, so they are
extracted once and an averaged multiclass perceptron is trained over them with numpy (a
pure-Python dict perceptron takes ~10x longer). Non-projective training trees (about 1% of
EWT) are skipped. Training data: UD English-EWT train plus the GUM train documents present
(CC BY genres); test splits and PUD are never used here. Half the sentences (chosen by a
fixed seed) carry our tagger's tags instead of the gold XPOS, so the parser learns to live
with tagging errors. Deterministic.
Writes ``dep-parser.json.gz`` as gzipped JSON (never pickle).
"""

from __future__ import annotations

import argparse
import base64
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
    features,
    fold_label,
)
from .train import write_gzip_json

REPO = Path(__file__).resolve().parents[4]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "treebanks"
DEFAULT_OUT = REPO / "resources" / "models"
SEED = 20240531
EPOCHS = 12
MIN_FEATURE_COUNT = 2
PREDICTED_TAG_SHARE = 0.5
PRUNE_BELOW = (
    0.1  # averaged weights this small change almost no decision; dropping shrinks the file
)
_NORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def read_trees(path: Path) -> Iterator[tuple[list[str], list[str], list[int], list[str]]]:
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


def _tagger():
    try:
        from .tagger import tag
    except ImportError:
        return None
    return tag


def oracle(state: State, gold_heads: list[int]) -> int:
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


def gold_path(words, tags, heads, labels):
    """Feature lists, valid-move flags and gold classes along the gold path (None if stuck)."""
    n = len(words)
    ws = ["<PAD>"] + [_word_shape(w) for w in words] + ["<ROOT>"]
    ts = ["<PAD>", *tags, "<ROOT>"]
    gh = [-1] + [n + 1 if h == 0 else h for h in heads] + [-1]
    gl = ["", *labels, ""]
    state = State(n)
    steps = []
    while not state.done:
        move = oracle(state, gh)
        label = gl[state.stack[-1]] if move == LEFT else gl[state.i] if move == RIGHT else ""
        flags = state.valid()
        if not flags[move]:
            return None
        steps.append((features(state, ws, ts), flags, state.i == n + 1, (move, label)))
        state.apply(move, label)
    if state.heads[1 : n + 1] != gh[1 : n + 1]:
        return None
    return steps


def train(files: list[Path], epochs: int = EPOCHS) -> dict:
    began = time.perf_counter()
    paths = []
    skipped = 0
    sentences = 0
    tag = _tagger()
    rng_tags = np.random.default_rng(SEED + 1)
    for path in files:
        for tree in read_trees(path):
            sentences += 1
            if tag is not None and rng_tags.random() < PREDICTED_TAG_SHARE:
                # half the sentences with our tagger's tags, as the parser will see them
                tree = (tree[0], tag(tree[0]), tree[2], tree[3])
            steps = gold_path(*tree)
            if steps is None:
                skipped += 1
            else:
                paths.append(steps)
    counts: Counter[str] = Counter(f for steps in paths for st in steps for f in st[0])
    vocab = {
        f: k for k, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_FEATURE_COUNT))
    }
    classes = sorted({st[3] for steps in paths for st in steps})
    class_index = {c: k for k, c in enumerate(classes)}
    moves = np.array([m for m, _ in classes])
    is_root = np.array([lab == "root" for _, lab in classes])
    masks = [moves == m for m in (SHIFT, REDUCE, LEFT, RIGHT)]
    instances = []
    for steps in paths:
        for feats, flags, at_root, gold in steps:
            allowed = np.zeros(len(classes), dtype=bool)
            for ok, mask in zip(flags, masks, strict=True):
                if ok:
                    allowed |= mask
            allowed &= (is_root | masks[REDUCE]) if at_root else ~is_root
            rows = np.array([vocab[f] for f in feats if f in vocab], dtype=np.int64)
            instances.append((rows, allowed, class_index[gold]))
    print(
        f"parser: {sentences} sentences ({skipped} non-projective skipped), "
        f"{len(instances)} configurations, {len(vocab)} features, {len(classes)} classes, "
        f"{time.perf_counter() - began:.0f} s to extract"
    )
    weights = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    totals = np.zeros((len(vocab), len(classes)), dtype=np.float64)
    rng = np.random.default_rng(SEED)
    c = 1
    for epoch in range(epochs):
        order = rng.permutation(len(instances))
        errors = 0
        for k in order:
            rows, allowed, gold = instances[k]
            scores = weights[rows].sum(axis=0)
            scores[~allowed] = -np.inf
            guess = int(scores.argmax())
            if guess != gold:
                errors += 1
                weights[rows, gold] += 1
                weights[rows, guess] -= 1
                totals[rows, gold] += c
                totals[rows, guess] -= c
            c += 1
        print(f"  epoch {epoch + 1}: {1 - errors / len(instances):.4f} moves right")
    averaged = weights - totals / c
    return encode(classes, vocab, averaged, files, sentences - skipped, epochs)


def encode(classes, vocab: dict[str, int], averaged: np.ndarray, files, sentences, epochs) -> dict:
    """The JSON form ``parser.load_model`` reads: weights below PRUNE_BELOW dropped, the rest as
    a base64 CSR matrix with float16 values."""
    names, indptr, indices, values = [], [0], [], []
    for feature, k in vocab.items():
        row = averaged[k]
        nz = np.nonzero(np.abs(row) >= PRUNE_BELOW)[0]
        if len(nz):
            names.append(feature)
            indices.append(nz.astype(np.uint8))
            values.append(row[nz].astype(np.float16))
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
    args = ap.parse_args(argv)
    began = time.perf_counter()
    model = train(training_files(args.data), args.epochs)
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
