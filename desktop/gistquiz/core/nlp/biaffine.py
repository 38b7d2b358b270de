"""A graph-based dependency parser: BiLSTM encoder and biaffine arc/label scorers (Dozat &
Manning 2017), run in numpy.

Why this and not the greedy transition parser alone: a greedy parser commits to every move
and cannot revise one, and on the news and wiki prose of PUD it missed the main clause's
subject head in one sentence of eight; scoring every head for every word at once and taking
the best projective tree (Eisner 1996) repairs most of those. Trained with torch, a
training-only dependency (``python -m gistquiz.core.nlp.train_parser``); the app needs only
numpy: the forward pass below reproduces torch's to float precision (checked on export, and
against a plain step-by-step LSTM by the tests). Weights are gzipped JSON with base64
float16 arrays (never pickle).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence

import numpy as np

BIAFFINE_FORMAT = "gistquiz.biaffine-parser/1"
_DIGIT = re.compile(r"\d")
PAD, UNK, ROOT = 0, 1, 2


def word_key(word: str) -> str:
    """The embedding's key: lower case, every digit 0."""
    return _DIGIT.sub("0", word.lower())


def word_shape(word: str) -> str:
    """Capitalisation, digits and inner hyphens: what an unknown word still tells."""
    first = word[:1]
    s = "U" if first.isupper() else "l" if first.islower() else "d" if first.isdigit() else "p"
    s += "U" if len(word) > 1 and word.isupper() else ""
    s += "d" if any(c.isdigit() for c in word) else ""
    s += "h" if "-" in word[1:] else ""
    return s


def input_ids(
    words: Sequence[str], tags: Sequence[str], vocab: tuple[dict[str, int], ...]
) -> list[list[int]]:
    """The four embedding rows of a sentence (word, tag, suffix, shape; the root first), from
    the (words, tags, suffixes, shapes) vocabularies: shared with training, so the app looks
    words up exactly as the model learnt them."""
    words_ix, tags_ix, suffixes_ix, shapes_ix = vocab
    keys = [word_key(w) for w in words]
    return [
        [ROOT] + [words_ix.get(k, UNK) for k in keys],
        [ROOT] + [tags_ix.get(t, UNK) for t in tags],
        [ROOT] + [suffixes_ix.get(k[-3:], UNK) for k in keys],
        [ROOT] + [shapes_ix.get(word_shape(w), UNK) for w in words],
    ]


def decode_array(spec: dict) -> np.ndarray:
    """An array from the model file, as float32 for the arithmetic."""
    raw = np.frombuffer(base64.b64decode(spec["data"]), dtype="<f2")
    return raw.astype(np.float32).reshape(spec["shape"])


def encode_array(a: np.ndarray) -> dict:
    """An array as the model file stores it (float16, base64)."""
    data = np.ascontiguousarray(a, dtype="<f2").tobytes()
    return {"shape": list(a.shape), "data": base64.b64encode(data).decode("ascii")}


def _leaky(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, 0.1 * x)


class BiaffineModel:
    """The parser's weights (the JSON form ``train_parser.export`` writes) and its forward
    pass: ``parse`` gives heads and labels."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != BIAFFINE_FORMAT:
            raise ValueError(f"not a {BIAFFINE_FORMAT} model")
        voc = data["vocab"]
        self.words = {w: k for k, w in enumerate(voc["words"])}
        self.tags = {t: k for k, t in enumerate(voc["tags"])}
        self.suffixes = {x: k for k, x in enumerate(voc["suffixes"])}
        self.shapes = {x: k for k, x in enumerate(voc["shapes"])}
        self.labels: list[str] = voc["labels"]
        p = {name: decode_array(spec) for name, spec in data["weights"].items()}
        self.emb = [p["we"], p["te"], p["se"], p["he"]]
        self.layers = []
        for k in range(data["layers"]):
            fw, bw = f"l{k}", f"l{k}_reverse"
            w_ih = np.stack([p[f"{fw}.w_ih"].T, p[f"{bw}.w_ih"].T])  # (2, in, 4H)
            w_hh = np.stack([p[f"{fw}.w_hh"].T, p[f"{bw}.w_hh"].T])  # (2, H, 4H)
            bias = np.stack([p[f"{fw}.b"], p[f"{bw}.b"]])  # (2, 4H)
            # sigmoid(x) = 0.5 tanh(x / 2) + 0.5: with the i, f, o rows halved here, one tanh
            # over all four gates serves them all (fewer numpy calls per LSTM step)
            hidden = w_hh.shape[1]
            half = np.ones(4 * hidden, dtype=np.float32)
            half[: 2 * hidden] = half[3 * hidden :] = 0.5
            self.layers.append((w_ih * half, w_hh * half, bias * half))
        self.mlp = {
            name: (p[f"{name}.w"].T.copy(), p[f"{name}.b"])
            for name in ("arc_dep", "arc_head", "lab_dep", "lab_head")
        }
        self.U, self.u = p["U"], p["u"]
        size = p["UL"].shape[1]
        # UL[l, a, c] as one (a, l*c) matrix: the bilinear label scores in one matmul
        self.UL = np.ascontiguousarray(p["UL"].transpose(1, 0, 2).reshape(size, -1))
        self.WL, self.bL = p["WL.w"].T.copy(), p["WL.b"]
        self.root_label = self.labels.index("root")

    def _inputs(self, words: Sequence[str], tags: Sequence[str]) -> np.ndarray:
        ids = input_ids(words, tags, (self.words, self.tags, self.suffixes, self.shapes))
        return np.concatenate([table[row] for table, row in zip(self.emb, ids, strict=True)], 1)

    def _bilstm(self, x: np.ndarray) -> np.ndarray:
        """The encoder over one sentence: both directions of a layer step together (one
        batched matmul per time step, gates in torch's order i, f, g, o), the backward one
        reading the sentence reversed."""
        n = len(x)
        for w_ih, w_hh, bias in self.layers:
            hidden = w_hh.shape[1]
            pre = np.stack((x @ w_ih[0] + bias[0], x[::-1] @ w_ih[1] + bias[1]), 1)
            pre = pre[:, :, None, :]  # (steps, 2 directions, 1, 4H): h's shape, no reshapes
            out = np.empty((n, 2, 1, hidden), dtype=np.float32)
            h = np.zeros((2, 1, hidden), dtype=np.float32)
            c = np.zeros((2, 1, hidden), dtype=np.float32)
            for t in range(n):
                g = np.tanh(pre[t] + np.matmul(h, w_hh))
                z = g[..., 2 * hidden : 3 * hidden].copy()
                g *= 0.5
                g += 0.5  # now the i, f, o gates are their sigmoids
                c = g[..., hidden : 2 * hidden] * c + g[..., :hidden] * z
                h = g[..., 3 * hidden :] * np.tanh(c)
                out[t] = h
            x = np.concatenate((out[:, 0, 0], out[::-1, 1, 0]), 1)
        return x

    def _scores(self, x: np.ndarray) -> tuple[np.ndarray, tuple]:
        mlp = {k: _leaky(x @ w + b) for k, (w, b) in self.mlp.items()}
        ad, ah = mlp["arc_dep"], mlp["arc_head"]
        s = ad @ self.U @ ah.T + (ah @ self.u)[None, :]
        s -= s.max(1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(1, keepdims=True))
        return logp, (mlp["lab_dep"], mlp["lab_head"])

    def scores(self, words: Sequence[str], tags: Sequence[str]) -> tuple[np.ndarray, tuple]:
        """Head log-probabilities ``[dep, head]`` over the root (0) and the words (1..n), and
        what the label scorer needs."""
        return self._scores(self._bilstm(self._inputs(words, tags)))

    def label_scores(self, label_input: tuple, heads: np.ndarray) -> np.ndarray:
        ld, lh = label_input
        dep, head = ld[1:], lh[heads]
        bil = ((dep @ self.UL).reshape(len(dep), -1, head.shape[1]) * head[:, None, :]).sum(2)
        return bil + np.concatenate((dep, head), 1) @ self.WL + self.bL

    def parse(self, words: Sequence[str], tags: Sequence[str]) -> tuple[list[int], list[str]]:
        """0-based heads (-1 for the root) and labels of the best projective tree."""
        logp, label_input = self.scores(words, tags)
        heads = logp[1:].argmax(1)  # most often already the best projective tree
        if not projective_tree(heads):
            heads = eisner(logp)
        labels = self.label_scores(label_input, heads)
        is_root = heads == 0
        labels[~is_root, self.root_label] = -np.inf
        best = labels.argmax(1)
        best[is_root] = self.root_label
        return [int(h) - 1 for h in heads], [self.labels[k] for k in best]


def projective_tree(heads: np.ndarray) -> bool:
    """Whether heads (of words 1..n; 0 is the root) form a tree with one word under the root
    and no crossing arcs: then it is the best projective tree too, and Eisner is not needed."""
    n = len(heads)
    if int((heads == 0).sum()) != 1:
        return False
    up = np.concatenate(([0], heads))  # up[v]: v's head, the root its own
    for _ in range(n.bit_length()):  # pointer doubling: up[v] becomes the 2^k-th ancestor
        up = up[up]
    if up.any():  # a word that never reaches the root sits on a cycle
        return False
    words = np.arange(1, n + 1)
    lo, hi = np.minimum(words, heads), np.maximum(words, heads)
    inside = (lo[:, None] < lo[None, :]) & (lo[None, :] < hi[:, None])
    return not (inside & (hi[None, :] > hi[:, None])).any()


def eisner(logp: np.ndarray) -> np.ndarray:
    """The highest-scoring projective tree with exactly one word under the root (Eisner 1996;
    the single root as in Zhang et al. 2020): ``logp[d, h]`` scores word d headed by h, index
    0 being the root. Returns each word's head (1-based words, 0 the root), for words 1..n.

    Spans over words 1..n, vectorised over their start for each width: O(n^3) arithmetic in
    O(n) numpy steps. ``complete[s, t]``/``incomplete[s, t]`` with direction 0 = headed at t
    (arcs point left), 1 = headed at s."""
    n = logp.shape[0] - 1
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    arc = logp[1:, 1:].T  # arc[h, d]
    neg = -np.inf
    comp = np.full((n, n, 2), neg)
    inc = np.full((n, n, 2), neg)
    comp_bp = np.zeros((n, n, 2), dtype=np.int64)
    inc_bp = np.zeros((n, n, 2), dtype=np.int64)
    idx = np.arange(n)
    comp[idx, idx, :] = 0.0
    for width in range(1, n):
        s = np.arange(n - width)
        t = s + width
        r = s[:, None] + np.arange(width)[None, :]  # split points s..t-1
        split = comp[s[:, None], r, 1] + comp[r + 1, t[:, None], 0]
        rows = np.arange(len(s))
        best = split.argmax(1)
        top = split[rows, best]
        inc[s, t, 0] = top + arc[t, s]
        inc[s, t, 1] = top + arc[s, t]
        inc_bp[s, t, 0] = inc_bp[s, t, 1] = r[rows, best]
        left = comp[s[:, None], r, 0] + inc[r, t[:, None], 0]  # headed at t
        k = left.argmax(1)
        comp[s, t, 0] = left[rows, k]
        comp_bp[s, t, 0] = r[rows, k]
        r1 = r + 1  # split points s+1..t
        right = inc[s[:, None], r1, 1] + comp[r1, t[:, None], 1]  # headed at s
        k = right.argmax(1)
        comp[s, t, 1] = right[rows, k]
        comp_bp[s, t, 1] = r1[rows, k]
    root_scores = comp[0, :, 0] + comp[:, n - 1, 1] + logp[1:, 0]
    top = int(root_scores.argmax())
    heads = np.zeros(n, dtype=np.int64)  # the root word's head stays 0
    stack = [(0, top, 0, True), (top, n - 1, 1, True)]
    while stack:
        s, t, d, complete = stack.pop()
        if s == t:
            continue
        if complete:
            r = comp_bp[s, t, d]
            if d == 0:
                stack += [(s, r, 0, True), (r, t, 0, False)]
            else:
                stack += [(s, r, 1, False), (r, t, 1, True)]
        else:
            r = inc_bp[s, t, d]
            if d == 0:
                heads[s] = t + 1
            else:
                heads[t] = s + 1
            stack += [(s, r, 1, True), (r + 1, t, 0, True)]
    return heads
