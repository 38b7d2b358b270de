"""The graph-based parser's numpy parts: Eisner decoding and the BiLSTM forward pass."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from gistquiz.core.nlp.biaffine import (
    BIAFFINE_FORMAT,
    BiaffineModel,
    decode_array,
    eisner,
    encode_array,
    projective_tree,
    word_key,
    word_shape,
)


def _is_tree(heads: list[int]) -> bool:
    """1-based heads, 0 = root: exactly one word under the root, every word reaches it."""
    if sum(h == 0 for h in heads) != 1:
        return False
    for d in range(1, len(heads) + 1):
        seen, x = set(), d
        while x != 0:
            if x in seen:
                return False
            seen.add(x)
            x = heads[x - 1]
    return True


def _dominates(heads: list[int], head: int, word: int) -> bool:
    while word != 0:
        word = heads[word - 1]
        if word == head:
            return True
    return False


def _projective(heads: list[int]) -> bool:
    for d, h in enumerate(heads, 1):
        lo, hi = sorted((d, h))
        if any(not _dominates(heads, h, k) for k in range(lo + 1, hi)):
            return False
    return True


def _score(logp: np.ndarray, heads) -> float:
    return float(sum(logp[d, h] for d, h in enumerate(heads, 1)))


@pytest.mark.parametrize("seed", range(60))
def test_eisner_finds_the_best_projective_single_root_tree(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 7))
    logp = rng.normal(size=(n + 1, n + 1))
    trees = [
        list(h)
        for h in itertools.product(range(n + 1), repeat=n)
        if all(h[i] != i + 1 for i in range(n)) and _is_tree(list(h)) and _projective(list(h))
    ]
    best = max(_score(logp, h) for h in trees)
    got = [int(h) for h in eisner(logp)]
    assert _is_tree(got) and _projective(got)
    assert _score(logp, got) == pytest.approx(best)


@pytest.mark.parametrize("seed", range(40))
def test_projective_tree_check_agrees_with_the_definition(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 8))
    heads = rng.integers(0, n + 1, size=n)
    heads[heads == np.arange(1, n + 1)] = 0  # no word its own head
    as_list = [int(h) for h in heads]
    assert projective_tree(heads) == (_is_tree(as_list) and _projective(as_list))


def test_projective_tree_check_on_known_trees():
    assert projective_tree(np.array([2, 0, 2]))
    assert not projective_tree(np.array([3, 4, 0, 3]))  # 1->3 crosses 2->4
    assert not projective_tree(np.array([2, 1, 0]))  # a cycle
    assert not projective_tree(np.array([0, 0]))  # two roots


def test_eisner_keeps_one_word_under_the_root():
    # every word prefers the root; the tree still has one root word (the likeliest)
    logp = np.full((5, 5), -5.0)
    logp[1:, 0] = [-0.1, -0.2, -0.05, -0.3]
    logp[1:, 3] = -1.0
    heads = eisner(logp)
    assert list(heads).count(0) == 1 and heads[2] == 0


def _tiny_model(rng: np.random.Generator, hidden: int = 4, layers: int = 2) -> dict:
    vocab = {
        "words": ["<pad>", "<unk>", "<root>", "the", "cat", "sat"],
        "tags": ["<pad>", "<unk>", "<root>", "DT", "NN", "VBD", "."],
        "suffixes": ["<pad>", "<unk>", "<root>", "the", "cat"],
        "shapes": ["<pad>", "<unk>", "<root>", "l", "U", "p"],
        "labels": ["det", "nsubj", "punct", "root"],
    }
    dims = {"we": 3, "te": 2, "se": 2, "he": 1}
    w = {k: rng.normal(size=(len(vocab[v]), dims[k])) for k, v in zip(dims, vocab, strict=False)}
    width = sum(dims.values())
    for k in range(layers):
        inp = width if k == 0 else 2 * hidden
        for name in (f"l{k}", f"l{k}_reverse"):
            w[f"{name}.w_ih"] = rng.normal(size=(4 * hidden, inp))
            w[f"{name}.w_hh"] = rng.normal(size=(4 * hidden, hidden))
            w[f"{name}.b"] = rng.normal(size=4 * hidden)
    for m, size in (("arc_dep", 5), ("arc_head", 5), ("lab_dep", 3), ("lab_head", 3)):
        w[f"{m}.w"], w[f"{m}.b"] = rng.normal(size=(size, 2 * hidden)), rng.normal(size=size)
    w.update(U=rng.normal(size=(5, 5)), u=rng.normal(size=5), UL=rng.normal(size=(4, 3, 3)))
    w.update({"WL.w": rng.normal(size=(4, 6)), "WL.b": rng.normal(size=4)})
    return {
        "format": BIAFFINE_FORMAT,
        "layers": layers,
        "vocab": vocab,
        "weights": {k: encode_array(v) for k, v in w.items()},
    }


def _lstm_reference(x, w_ih, w_hh, b):
    """One direction, step by step, gates in torch's documented order (i, f, g, o)."""
    hidden = w_hh.shape[1]
    h, c, out = np.zeros(hidden), np.zeros(hidden), []
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    for row in x:
        g = w_ih @ row + w_hh @ h + b
        i, f = sig(g[:hidden]), sig(g[hidden : 2 * hidden])
        z, o = np.tanh(g[2 * hidden : 3 * hidden]), sig(g[3 * hidden :])
        c = f * c + i * z
        h = o * np.tanh(c)
        out.append(h)
    return np.array(out)


def test_two_direction_bilstm_matches_a_plain_step_by_step_lstm():
    data = _tiny_model(np.random.default_rng(7))
    model = BiaffineModel(data)
    words, tags = ["The", "cat", "sat", "."], ["DT", "NN", "VBD", "."]
    x = model._inputs(words, tags)
    w = {k: decode_array(spec).astype(np.float64) for k, spec in data["weights"].items()}
    ref = x.astype(np.float64)
    for k in range(data["layers"]):
        fw = _lstm_reference(ref, w[f"l{k}.w_ih"], w[f"l{k}.w_hh"], w[f"l{k}.b"])
        bw = _lstm_reference(
            ref[::-1], w[f"l{k}_reverse.w_ih"], w[f"l{k}_reverse.w_hh"], w[f"l{k}_reverse.b"]
        )[::-1]
        ref = np.concatenate((fw, bw), 1)
    assert np.allclose(model._bilstm(x), ref, atol=1e-5)


def test_parse_gives_a_tree_with_one_root_label():
    model = BiaffineModel(_tiny_model(np.random.default_rng(3)))
    heads, labels = model.parse(
        ["The", "cat", "sat", "on", "it", "."], ["DT", "NN", "VBD", "IN", "PRP", "."]
    )
    assert heads.count(-1) == 1
    assert _is_tree([h + 1 for h in heads])
    assert labels[heads.index(-1)] == "root" and labels.count("root") == 1
    lp, _ = model.scores(["The", "cat"], ["DT", "NN"])
    assert np.allclose(np.exp(lp).sum(1), 1.0, atol=1e-5)


def test_a_file_of_another_format_is_refused():
    with pytest.raises(ValueError, match=BIAFFINE_FORMAT):
        BiaffineModel({"format": "gistquiz.dep-parser/2"})


def test_unknown_words_fall_back_to_their_shape_and_suffix():
    assert word_key("Year 2019") == "year 0000"
    assert [word_shape(w) for w in ("Paris", "NATO", "2019", "well-known", ",")] == [
        "U",
        "UU",
        "dd",
        "lh",
        "p",
    ]
