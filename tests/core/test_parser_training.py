"""The dependency parser's training oracle, on trees the test writes (no treebank needed)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core.nlp.parser import LEFT, RIGHT, State, lookahead
from gistquiz.core.nlp.train_parser import _padded, gold_path_features, move_costs

# "The court issued a warrant for the president on Friday ."
WORDS = ["The", "court", "issued", "a", "warrant", "for", "the", "president", "on", "Friday", "."]
TAGS = ["DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NN", "IN", "NNP", "."]
HEADS = [2, 3, 0, 5, 3, 8, 8, 5, 10, 3, 3]
LABELS = ["det", "nsubj", "root", "det", "obj", "case", "det", "nmod", "case", "obl", "punct"]


@st.composite
def projective_trees(draw):
    """Random projective trees: each word's head is drawn so that no arcs cross."""
    n = draw(st.integers(1, 12))
    heads = [0] * n

    def build(lo: int, hi: int, head: int) -> None:  # words lo..hi-1 hang below ``head``
        if lo >= hi:
            return
        r = draw(st.integers(lo, hi - 1))
        heads[r] = head
        build(lo, r, r + 1)
        build(r + 1, hi, r + 1)

    build(0, n, 0)
    return ["w"] * n, ["NN"] * n, heads, ["dep" if h else "root" for h in heads]


def _kids(gh: list[int], n: int) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in range(n + 2)]
    for d in range(1, n + 1):
        kids[gh[d]].append(d)
    return kids


def _valid(state: State) -> list[bool]:
    shift, reduce_, left, right = state.valid()
    if state.i == state.n + 1:  # at the root only LEFT-root or REDUCE
        return [False, reduce_, left, False]
    return [shift, reduce_, left, right]


def _walk(tree, pick) -> tuple[list[int], int, list[int]]:
    """Parse by ``pick``ing a move each step; returns heads, summed costs, gold heads."""
    _, _, gh, gl = _padded(tree)
    n = len(tree[0])
    kids = _kids(gh, n)
    state = State(n)
    total = 0
    while not state.done:
        costs = move_costs(state, gh, kids)
        move = pick([m for m, ok in enumerate(_valid(state)) if ok], costs)
        total += costs[move]
        label = gl[state.stack[-1]] if move == LEFT else gl[state.i] if move == RIGHT else ""
        state.apply(move, label)
    return state.heads[1 : n + 1], total, gh[1 : n + 1]


def test_the_gold_path_exists_for_a_projective_tree():
    assert gold_path_features((WORDS, TAGS, HEADS, LABELS))


@settings(max_examples=60, deadline=None)
@given(projective_trees(), st.integers(0, 10**6))
def test_zero_cost_moves_always_reach_the_gold_tree(tree, seed):
    rng = random.Random(seed)
    heads, total, gold = _walk(tree, lambda ok, c: rng.choice([m for m in ok if c[m] == 0]))
    assert total == 0
    assert heads == gold


@settings(max_examples=60, deadline=None)
@given(projective_trees(), st.integers(0, 10**6))
def test_costs_count_exactly_the_arcs_lost(tree, seed):
    """Any sequence of valid moves loses as many gold arcs as its moves' costs add up to:
    the dynamic oracle is exact, so training can explore without mislabelling moves."""
    rng = random.Random(seed)
    heads, total, gold = _walk(tree, lambda ok, c: rng.choice(ok))
    assert total == sum(h != g for h, g in zip(heads, gold, strict=True))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["NN", "VBD", "MD", ",", "``", "''", "IN", "VB"]), max_size=15))
def test_lookahead_counts_match_a_scan(tags):
    """The per-sentence look-ahead gives what scanning the buffer each move gave: the next
    verb after b0, and whether a comma or quote lies strictly between s0 and b0."""
    padded = ["<PAD>", *tags, "<ROOT>"]
    n = len(tags)
    next_verb, commas, quotes = lookahead(padded)
    for b0 in range(1, n + 1):
        scan = next((k for k in range(b0 + 1, n + 1) if padded[k][:2] in ("VB", "MD")), -1)
        assert next_verb[b0] == scan
        for s0 in range(1, b0):
            marks = set(padded[s0 + 1 : b0])
            assert (commas[b0] > commas[s0 + 1]) == ("," in marks)
            assert (quotes[b0] > quotes[s0 + 1]) == bool(marks & {"``", "''"})
