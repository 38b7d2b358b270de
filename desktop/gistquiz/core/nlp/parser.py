"""A small greedy arc-eager dependency parser (averaged perceptron) over words and Penn tags.

Why our own: question transformations need the main clause (subject, verb group, objects,
adjuncts) past fronted subordinate clauses, appositions and quotes, and chunk rules over tags
stay well below 90% on web text; no maintained PyPI parser ships English weights without a
run-time download. Greedy arc-eager with a linear model is the classic fast choice (Nivre
2003; Zhang & Nivre 2011 feature set) and fits in a few MB of gzipped JSON.

The model is trained by ``python -m gistquiz.core.nlp.train_parser`` on UD English-EWT train
and shipped as ``resources/models/dep-parser.json.gz`` (see DEP_PARSER.md there).
"""

from __future__ import annotations

import base64
import gzip
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from itertools import repeat

import numpy as np

MODEL_RESOURCE = "models/dep-parser.json.gz"
PARSER_FORMAT = "gistquiz.dep-parser/2"

SHIFT, REDUCE, LEFT, RIGHT = 0, 1, 2, 3

# UD relations kept with their subtype (the ones the clause analysis needs apart);
# every other subtype folds into its base relation.
KEEP_SUBTYPES = frozenset(
    {"nsubj:pass", "csubj:pass", "aux:pass", "acl:relcl", "obl:tmod", "obl:npmod", "nmod:poss"}
)


def fold_label(deprel: str) -> str:
    return deprel if deprel in KEEP_SUBTYPES else deprel.split(":")[0]


@dataclass(frozen=True, slots=True)
class Parse:
    """``heads[i]`` is the 0-based head of word i (-1 for the root); ``labels[i]`` its relation."""

    heads: tuple[int, ...]
    labels: tuple[str, ...]
    words: tuple[str, ...] = ()

    def children(self, i: int) -> list[int]:
        return [j for j, h in enumerate(self.heads) if h == i]

    @property
    def root(self) -> int:
        for i, h in enumerate(self.heads):
            if h == -1:
                return i
        return 0


def _word_shape(w: str) -> str:
    """Lower-cased word; digits folded so that numbers share weights."""
    if any(c.isdigit() for c in w):
        return "<NUM>"
    return w.lower()


class State:
    """Arc-eager configuration over words 1..n with the artificial root at the END of the
    buffer (index n + 1; Ballesteros & Nivre 2013): the root word is chosen after the whole
    sentence is seen, which fixes the greedy parser's early-root errors on reported speech
    ("..., he said") and fronted clauses."""

    __slots__ = ("heads", "i", "labels", "lefts", "n", "rights", "stack")

    def __init__(self, n: int) -> None:
        self.n = n
        self.stack: list[int] = []
        self.i = 1
        self.heads = [-1] * (n + 2)
        self.labels = [""] * (n + 2)
        self.lefts: list[list[int]] = [[] for _ in range(n + 2)]
        self.rights: list[list[int]] = [[] for _ in range(n + 2)]

    @property
    def done(self) -> bool:
        return self.i > self.n and not self.stack

    def add_arc(self, head: int, dep: int, label: str) -> None:
        self.heads[dep] = head
        self.labels[dep] = label
        (self.lefts if dep < head else self.rights)[head].append(dep)

    def valid(self) -> tuple[bool, bool, bool, bool]:
        """Which of SHIFT, REDUCE, LEFT, RIGHT may apply (b0 may be the root at n + 1)."""
        words_left = self.i <= self.n
        s0 = self.stack[-1] if self.stack else -1
        s0_headed = s0 > 0 and self.heads[s0] != -1
        shift = words_left
        reduce_ = s0_headed
        left = s0 > 0 and not s0_headed
        right = words_left and s0 > 0
        return shift, reduce_, left, right

    def apply(self, move: int, label: str) -> None:
        if move == SHIFT:
            self.stack.append(self.i)
            self.i += 1
        elif move == REDUCE:
            self.stack.pop()
        elif move == LEFT:
            self.add_arc(self.i, self.stack.pop(), label)
        else:
            self.add_arc(self.stack[-1], self.i, label)
            self.stack.append(self.i)
            self.i += 1


Lookahead = tuple[list[int], list[int], list[int]]


def lookahead(tags: Sequence[str]) -> Lookahead:
    """Per sentence, once (padded tags): each position's next verb, and running counts of
    commas and quotes, so that a configuration's look-ahead features need no scan (the scans
    made a parse quadratic in the sentence's length: -16% parse time on PUD)."""
    n = len(tags) - 2
    next_verb = [-1] * (n + 2)
    for k in range(n - 1, -1, -1):
        nxt = k + 1
        next_verb[k] = nxt if tags[nxt][:2] in ("VB", "MD") else next_verb[nxt]
    commas, quotes = [0], [0]
    for tag in tags:
        commas.append(commas[-1] + (tag == ","))
        quotes.append(quotes[-1] + (tag in ("``", "''")))
    return next_verb, commas, quotes


def features(
    state: State, words: Sequence[str], tags: Sequence[str], ahead: Lookahead | None = None
) -> list[str]:
    """Feature strings of a configuration; ``words``/``tags`` are padded: a dummy at 0 and
    the root at n + 1; ``ahead`` is ``lookahead(tags)``, computed here if not given."""
    n = state.n
    next_verb, commas, quotes = ahead or lookahead(tags)
    stack = state.stack
    s0 = stack[-1] if stack else -1
    s1 = stack[-2] if len(stack) > 1 else -1
    b0 = state.i if state.i <= n + 1 else -1
    b1 = state.i + 1 if state.i + 1 <= n + 1 else -1
    b2 = state.i + 2 if state.i + 2 <= n + 1 else -1
    b3 = state.i + 3 if state.i + 3 <= n + 1 else -1
    s2 = stack[-3] if len(stack) > 2 else -1
    heads, labels, lefts, rights = state.heads, state.labels, state.lefts, state.rights

    def w(k: int) -> str:
        return words[k] if k >= 0 else "-"

    def t(k: int) -> str:
        return tags[k] if k >= 0 else "-"

    def lab(k: int) -> str:
        return labels[k] if k > 0 else "-"

    s0h = heads[s0] if s0 > 0 else -1
    s0l = lefts[s0][0] if s0 >= 0 and lefts[s0] else -1
    s0r = rights[s0][-1] if s0 >= 0 and rights[s0] else -1
    b0l = lefts[b0][0] if b0 >= 0 and lefts[b0] else -1
    s0l2 = lefts[s0][1] if s0 >= 0 and len(lefts[s0]) > 1 else -1
    b0l2 = lefts[b0][1] if b0 >= 0 and len(lefts[b0]) > 1 else -1
    s0h2 = heads[s0h] if s0h > 0 else -1
    s0r2 = rights[s0][-2] if s0 >= 0 and len(rights[s0]) > 1 else -1
    dist = str(min(b0 - s0, 5)) if s0 >= 0 and b0 >= 0 else "-"
    s0vl = str(len(lefts[s0])) if s0 >= 0 else "-"
    s0vr = str(len(rights[s0])) if s0 >= 0 else "-"
    b0vl = str(len(lefts[b0])) if b0 >= 0 else "-"
    s0w, s0t, b0w, b0t = w(s0), t(s0), w(b0), t(b0)
    # what lies ahead and between: the next verb in the buffer (does a reporting verb or the
    # main verb still come?), punctuation between s0 and b0, subjects already attached
    nv = next_verb[b0] if 0 < b0 <= n else -1
    nvd = str(min(nv - b0, 6)) if nv > 0 else "-"
    between = "-"
    if s0 > 0 and b0 > 0:  # counts over tags[s0 + 1 : b0]
        between = ("," if commas[b0] > commas[s0 + 1] else "") + (
            "q" if quotes[b0] > quotes[s0 + 1] else ""
        )
    s0subj = "S" if s0 >= 0 and any(labels[c].startswith("nsubj") for c in lefts[s0]) else "-"
    b0subj = "S" if b0 >= 0 and any(labels[c].startswith("nsubj") for c in lefts[b0]) else "-"
    b1w, b1t, b2t = w(b1), t(b1), t(b2)
    headed = "H" if s0 > 0 and heads[s0] != -1 else "N"
    # does any word left in the stack below s0 still lack a head? (drives REDUCE vs SHIFT)
    depth = str(min(len(stack), 4))
    return [
        "bias",
        f"s0w={s0w}",
        f"s0t={s0t}",
        f"s0wt={s0w}/{s0t}",
        f"b0w={b0w}",
        f"b0t={b0t}",
        f"b0wt={b0w}/{b0t}",
        f"b1w={b1w}",
        f"b1t={b1t}",
        f"b1wt={b1w}/{b1t}",
        f"b2t={b2t}",
        f"s1t={t(s1)}",
        f"s1w={w(s1)}",
        f"s0wt_b0wt={s0w}/{s0t}/{b0w}/{b0t}",
        f"s0wt_b0w={s0w}/{s0t}/{b0w}",
        f"s0w_b0wt={s0w}/{b0w}/{b0t}",
        f"s0wt_b0t={s0w}/{s0t}/{b0t}",
        f"s0t_b0wt={s0t}/{b0w}/{b0t}",
        f"s0w_b0w={s0w}/{b0w}",
        f"s0t_b0t={s0t}/{b0t}",
        f"b0t_b1t={b0t}/{b1t}",
        f"b0t_b1t_b2t={b0t}/{b1t}/{b2t}",
        f"s0t_b0t_b1t={s0t}/{b0t}/{b1t}",
        f"s0ht_s0t_b0t={t(s0h)}/{s0t}/{b0t}",
        f"s0t_s0lt_b0t={s0t}/{t(s0l)}/{b0t}",
        f"s0t_s0rt_b0t={s0t}/{t(s0r)}/{b0t}",
        f"s0t_b0t_b0lt={s0t}/{b0t}/{t(b0l)}",
        f"s1t_s0t_b0t={t(s1)}/{s0t}/{b0t}",
        f"s0w_d={s0w}/{dist}",
        f"s0t_d={s0t}/{dist}",
        f"b0w_d={b0w}/{dist}",
        f"b0t_d={b0t}/{dist}",
        f"s0t_b0t_d={s0t}/{b0t}/{dist}",
        f"s0w_vr={s0w}/{s0vr}",
        f"s0t_vr={s0t}/{s0vr}",
        f"s0w_vl={s0w}/{s0vl}",
        f"s0t_vl={s0t}/{s0vl}",
        f"b0w_vl={b0w}/{b0vl}",
        f"b0t_vl={b0t}/{b0vl}",
        f"s0w_sl={s0w}/{lab(s0)}",
        f"s0t_sl={s0t}/{lab(s0)}",
        f"s0t_s0ll={s0t}/{lab(s0l)}/{lab(s0l2)}",
        f"s0t_s0rl={s0t}/{lab(s0r)}/{lab(s0r2)}",
        f"b0t_b0ll={b0t}/{lab(b0l)}",
        f"s0t_b0t_b0ll={s0t}/{b0t}/{lab(b0l)}",
        f"s0w_s0rl={s0w}/{lab(s0r)}",
        f"h_s0t_b0t={headed}/{s0t}/{b0t}",
        f"h_s0t_b0w={headed}/{s0t}/{b0w}",
        f"h_s0l_b0t={headed}/{lab(s0)}/{b0t}",
        f"depth_s0t_b0t={depth}/{s0t}/{b0t}",
        f"s0ht_s0l_b0t={t(s0h)}/{lab(s0)}/{b0t}",
        f"nv={t(nv)}/{nvd}",
        f"nvw={w(nv)}",
        f"s0t_b0t_nv={s0t}/{b0t}/{t(nv)}",
        f"s0t_b0w_nvw={s0t}/{b0w}/{w(nv)}",
        f"btw_s0t_b0t={between}/{s0t}/{b0t}",
        f"btw_s0l_b0t={between}/{lab(s0)}/{b0t}",
        f"subj_s0t_b0t={s0subj}/{b0subj}/{s0t}/{b0t}",
        f"subj_s0t_b0w={s0subj}/{b0subj}/{s0t}/{b0w}",
        f"b0w_b1w={b0w}/{b1w}",
        f"s1w_s0t_b0t={w(s1)}/{s0t}/{b0t}",
        f"b0suf={b0w[-3:]}/{b0t}",
        f"s0suf={s0w[-3:]}/{s0t}",
        f"b3t={t(b3)}/{b0t}/{b1t}",
        f"s2t={t(s2)}/{t(s1)}/{s0t}",
        f"s0hw={w(s0h)}/{s0t}/{b0t}",
        # Zhang & Nivre (2011) templates the first set lacked: children's words, third-order
        # tag chains, word pair with distance, and the label sets of s0's and b0's children
        f"s0lw={w(s0l)}/{s0t}",
        f"s0rw={w(s0r)}/{s0t}",
        f"b0lw={w(b0l)}/{b0t}",
        f"b2w={w(b2)}/{b1t}",
        f"s0h2t={t(s0h2)}/{t(s0h)}/{s0t}",
        f"s0lt2={s0t}/{t(s0l)}/{t(s0l2)}",
        f"s0rt2={s0t}/{t(s0r)}/{t(s0r2)}",
        f"b0lt2={b0t}/{t(b0l)}/{t(b0l2)}",
        f"s0w_b0w_d={s0w}/{b0w}/{dist}",
        f"s0t_ls={s0t}/{'.'.join(sorted({labels[c] for c in lefts[s0]})) if s0 >= 0 else '-'}",
        f"s0t_rs={s0t}/{'.'.join(sorted({labels[c] for c in rights[s0]})) if s0 >= 0 else '-'}",
        f"b0t_ls={b0t}/{'.'.join(sorted({labels[c] for c in lefts[b0]})) if b0 >= 0 else '-'}",
        f"s0w_rs={s0w}/{'.'.join(sorted({labels[c] for c in rights[s0]})) if s0 >= 0 else '-'}",
    ]


class Model:
    """Averaged-perceptron weights: a sparse matrix, one row per feature, one column per move
    class (SHIFT, REDUCE, LEFT-label, RIGHT-label)."""

    def __init__(
        self,
        classes: list[list[str | int]],
        features: list[str],
        indptr: np.ndarray,
        indices: np.ndarray,
        values: np.ndarray,
    ) -> None:
        self.classes = [(int(m), str(lab)) for m, lab in classes]
        self.index = {f: k for k, f in enumerate(features)}
        # one extra, empty row: an unknown feature maps to it, so the lookup needs no filter
        self.unknown = len(features)
        self.indptr = np.append(indptr, indptr[-1]).astype(np.int64)
        self.indices = indices.astype(np.intp)
        self.values = values.astype(np.float32)
        moves = np.array([m for m, _ in self.classes])
        self.move_masks = [moves == m for m in (SHIFT, REDUCE, LEFT, RIGHT)]
        self.root_classes = np.array([lab == "root" for _, lab in self.classes])

    def scores(self, feats: list[str]) -> np.ndarray:
        """Sum of the features' sparse rows, gathered in one vectorised step (scipy's row
        indexing costs ~1 ms a call, 30x this). Unknown features hit the empty row: a filtering
        generator here took a fifth of the parse time."""
        unknown = repeat(self.unknown, len(feats))
        rows = np.fromiter(map(self.index.get, feats, unknown), dtype=np.int64, count=len(feats))
        starts = self.indptr[rows]
        lengths = self.indptr[rows + 1] - starts
        total = int(lengths.sum())
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return np.bincount(
            self.indices[offsets], weights=self.values[offsets], minlength=len(self.classes)
        )

    def parse(self, words: Sequence[str], tags: Sequence[str]) -> Parse:
        n = len(words)
        ws = ["<PAD>"] + [_word_shape(x) for x in words] + ["<ROOT>"]
        ts = ["<PAD>", *list(tags), "<ROOT>"]
        state = State(n)
        ahead = lookahead(ts)
        while not state.done:
            allowed = allowed_classes(state, self.move_masks, self.root_classes)
            if not allowed.any():
                break
            scores = self.scores(features(state, ws, ts, ahead))
            scores[~allowed] = -np.inf
            move, label = self.classes[int(scores.argmax())]
            state.apply(move, label)
        # imported here: parse_repair needs this module's Parse
        from .parse_repair import repair

        tree = _finish(state, words)  # a tree by construction
        repaired = repair(tree, tags)
        # every consumer walks the tree; a repair that broke it is dropped, not passed on
        return repaired if is_tree(repaired.heads) else tree


def is_tree(heads: Sequence[int]) -> bool:
    """Every word reaches the one root (-1) through its heads: no cycle, no stray index."""
    n = len(heads)
    if sum(h == -1 for h in heads) != 1:
        return False
    for start in range(n):
        x, steps = start, 0
        while x != -1:
            if not -1 <= heads[x] < n or steps > n:
                return False
            x, steps = heads[x], steps + 1
    return True


def allowed_classes(state: State, move_masks: list, root_classes: np.ndarray) -> np.ndarray:
    """Valid classes: a move's preconditions, and "root" arcs only (and always) to the root."""
    allowed = np.zeros(len(root_classes), dtype=bool)
    for ok, mask in zip(state.valid(), move_masks, strict=True):
        if ok:
            allowed |= mask
    if state.i == state.n + 1:
        allowed &= root_classes | move_masks[REDUCE]
    else:
        allowed &= ~root_classes
    return allowed


def _finish(state: State, words: Sequence[str]) -> Parse:
    """Map the root (n + 1) to -1. A greedy parse can leave several words hanging from the
    root; the one heading a clause (with a subject) and the most words stays the root, the
    others hang off it."""
    n = state.n
    heads = [n + 1 if h == -1 else h for h in state.heads[1 : n + 1]]
    labels = [lab or "dep" for lab in state.labels[1 : n + 1]]
    roots = [j for j in range(n) if heads[j] == n + 1]
    if len(roots) > 1:
        size = [1] * n
        for j in range(n):  # every word adds one to each of its ancestors
            x = heads[j]
            while x != n + 1:
                size[x - 1] += 1
                x = heads[x - 1]
        clause = {heads[j] - 1 for j in range(n) if labels[j] in ("nsubj", "nsubj:pass", "csubj")}
        root = max(roots, key=lambda j: (j in clause, size[j], -j))
    else:
        root = roots[0] if roots else 0
    for j in roots:
        if j != root:
            heads[j], labels[j] = root + 1, "parataxis" if j > root else "dep"
    heads[root], labels[root] = n + 1, "root"
    return Parse(tuple(-1 if h == n + 1 else h - 1 for h in heads), tuple(labels), tuple(words))


_lock = threading.Lock()
_model: Model | None = None


def _array(data: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(data), dtype=dtype)


def load_model(data: dict) -> Model:
    """A model from its JSON form: feature names joined by newlines and the weights as a
    base64 CSR matrix (int32 indptr, uint8 columns, float16 values) -- loads in well under a
    second, where nested JSON lists took half a minute."""
    if data.get("format") != PARSER_FORMAT:
        raise ValueError(f"not a {PARSER_FORMAT} model")
    return Model(
        data["classes"],
        data["features"].split("\n"),
        _array(data["indptr"], "<i4"),
        _array(data["indices"], "u1"),
        _array(data["values"], "<f2"),
    )


def model() -> Model:
    """The shipped parser, loaded once on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                raw = files("gistquiz.resources").joinpath(MODEL_RESOURCE).read_bytes()
                _model = load_model(json.loads(gzip.decompress(raw)))
    return _model


def parse(words: Sequence[str], tags: Sequence[str]) -> Parse:
    """Dependency tree of one sentence given its words and Penn tags."""
    if not words:
        return Parse((), ())
    return model().parse(words, tags)
