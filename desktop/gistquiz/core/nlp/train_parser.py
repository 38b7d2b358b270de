"""Train the shipped dependency parser (part of `make train-models`; needs torch, which only
training does: `pip install -e '.[train]'`).

    python -m gistquiz.core.nlp.train_parser [--data DIR] [--out resources/models]
        [--tags-cache build/fold-tags-stacked.json] [--minutes 30] [--threads 1]

A BiLSTM encoder with biaffine arc and label scorers (Dozat & Manning 2017), small enough to
run in numpy in the app (``biaffine.py``): embeddings of the word (lower case, digits as 0),
its Penn tag, its last three letters and its shape; three BiLSTM layers of 128 units each way
(200 parsed as well on EWT dev and took 1.6x the time); arc MLPs of 300 and label MLPs of 100
units. Word dropout (rare words more often) and tag
dropout teach it to lean on the suffix and shape when a word is unknown and on the word when a
tag is wrong. Adam (lr 2e-3, x0.75 every 5,000 updates, betas 0.9/0.9), batches of about 2,000
tokens, dropout 0.33; the epoch with the best labelled attachment on EWT dev (our tagger's
tags, the greedy head of each word) is kept.

Training data as for the tagger: UD English-EWT train plus the GUM train documents present
(CC BY genres), with jackknifed tags (``treebanks.jackknife_tags``; each fold tagged by a
tagger trained on the others) so that it learns from the tagging mistakes it will meet. EWT
dev picks the epoch; EWT test, GUM dev/test and PUD are never seen. Deterministic for a seed
on one machine (torch's CPU kernels may differ across machines in the last bits).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .biaffine import (
    BIAFFINE_FORMAT,
    PAD,
    ROOT,
    UNK,
    BiaffineModel,
    encode_array,
    input_ids,
    word_key,
    word_shape,
)
from .train import write_gzip_json
from .treebanks import DEFAULT_DATA, DEFAULT_OUT, jackknife_tags, read_trees, training_files

SEED = 1
SPECIALS = ["<pad>", "<unk>", "<root>"]  # ids PAD, UNK, ROOT
WORD_DIM, TAG_DIM, SUFFIX_DIM, SHAPE_DIM = 100, 40, 30, 10
HIDDEN, LAYERS, ARC, LABEL = 128, 3, 300, 100
DROPOUT = 0.33
WORD_DROP_ALPHA = 0.25  # a word of frequency f is hidden with probability a / (a + f)
TAG_DROP = 0.05
BATCH_TOKENS = 2000
LEARNING_RATE = 2e-3
MIN_WORD_COUNT, MIN_SUFFIX_COUNT = 2, 3

Sentence = tuple[list[str], list[str], list[int], list[str]]  # words, tags, heads, labels


class Vocab:
    def __init__(self, train: list[Sentence]) -> None:
        words = Counter(word_key(w) for s in train for w in s[0])
        suffixes = Counter(word_key(w)[-3:] for s in train for w in s[0])
        self.word_counts = words
        self.lists = {
            "words": SPECIALS + sorted(w for w, c in words.items() if c >= MIN_WORD_COUNT),
            "tags": SPECIALS + sorted({t for s in train for t in s[1]}),
            "suffixes": SPECIALS + sorted(x for x, c in suffixes.items() if c >= MIN_SUFFIX_COUNT),
            "shapes": SPECIALS + sorted({word_shape(w) for s in train for w in s[0]}),
            "labels": sorted({lab for s in train for lab in s[3]}),
        }
        self.index = {k: {x: i for i, x in enumerate(v)} for k, v in self.lists.items()}

    def encode(self, s: Sentence) -> list[list[int]]:
        words, tags, heads, labels = s
        ix = self.index
        vocab = (ix["words"], ix["tags"], ix["suffixes"], ix["shapes"])
        return [
            *input_ids(words, tags, vocab),
            [0, *heads],
            [0] + [ix["labels"].get(lab, 0) for lab in labels],
        ]


class Net(nn.Module):
    def __init__(self, vocab: Vocab) -> None:
        super().__init__()
        sizes = {k: len(v) for k, v in vocab.lists.items()}
        self.we = nn.Embedding(sizes["words"], WORD_DIM, padding_idx=PAD)
        self.te = nn.Embedding(sizes["tags"], TAG_DIM, padding_idx=PAD)
        self.se = nn.Embedding(sizes["suffixes"], SUFFIX_DIM, padding_idx=PAD)
        self.he = nn.Embedding(sizes["shapes"], SHAPE_DIM, padding_idx=PAD)
        width = WORD_DIM + TAG_DIM + SUFFIX_DIM + SHAPE_DIM
        self.lstms = nn.ModuleList(
            nn.LSTM(width if k == 0 else 2 * HIDDEN, HIDDEN, batch_first=True, bidirectional=True)
            for k in range(LAYERS)
        )
        self.arc_dep = nn.Linear(2 * HIDDEN, ARC)
        self.arc_head = nn.Linear(2 * HIDDEN, ARC)
        self.lab_dep = nn.Linear(2 * HIDDEN, LABEL)
        self.lab_head = nn.Linear(2 * HIDDEN, LABEL)
        self.U = nn.Parameter(torch.zeros(ARC, ARC))
        self.u = nn.Parameter(torch.zeros(ARC))
        self.UL = nn.Parameter(torch.zeros(sizes["labels"], LABEL, LABEL))
        self.WL = nn.Linear(2 * LABEL, sizes["labels"])

    def forward(self, ids: list[torch.Tensor], lengths: torch.Tensor):
        drop = self.training
        x = torch.cat([self.we(ids[0]), self.te(ids[1]), self.se(ids[2]), self.he(ids[3])], -1)
        x = F.dropout(x, DROPOUT, drop)
        for lstm in self.lstms:
            packed = nn.utils.rnn.pack_padded_sequence(
                x, lengths, batch_first=True, enforce_sorted=False
            )
            y, _ = lstm(packed)
            x, _ = nn.utils.rnn.pad_packed_sequence(
                y, batch_first=True, total_length=ids[0].shape[1]
            )
            x = F.dropout(x, DROPOUT, drop)
        mlps = (self.arc_dep, self.arc_head, self.lab_dep, self.lab_head)
        ad, ah, ld, lh = (F.dropout(F.leaky_relu(m(x), 0.1), DROPOUT, drop) for m in mlps)
        arcs = torch.einsum("bia,ac,bjc->bij", ad, self.U, ah) + (ah @ self.u).unsqueeze(1)
        return arcs, ld, lh

    def label_scores(self, ld: torch.Tensor, lh: torch.Tensor) -> torch.Tensor:
        return torch.einsum("na,lac,nc->nl", ld, self.UL, lh) + self.WL(torch.cat([ld, lh], -1))


def batches(data: list[list[list[int]]], shuffle: bool) -> list[list[int]]:
    """Sentences of similar length together, about BATCH_TOKENS tokens (padded) a batch."""
    jitter = (lambda: random.random() * 3) if shuffle else (lambda: 0.0)
    order = sorted(range(len(data)), key=lambda k: len(data[k][0]) + jitter())
    out: list[list[int]] = []
    cur: list[int] = []
    longest = 0
    for k in order:
        n = len(data[k][0])
        if cur and max(longest, n) * (len(cur) + 1) > BATCH_TOKENS:
            out.append(cur)
            cur, longest = [], 0
        cur.append(k)
        longest = max(longest, n)
    if cur:
        out.append(cur)
    if shuffle:
        random.shuffle(out)
    return out


def tensors(data, batch: list[int], word_freq: torch.Tensor | None):
    n = max(len(data[k][0]) for k in batch)
    arr = np.zeros((6, len(batch), n), dtype=np.int64)
    for r, k in enumerate(batch):
        for f in range(6):
            arr[f, r, : len(data[k][f])] = data[k][f]
    t = torch.from_numpy(arr)
    ids = [t[0].clone(), t[1].clone(), t[2], t[3]]
    if word_freq is not None:  # training: word and tag dropout
        w, tg = ids[0], ids[1]
        hide = torch.rand(w.shape) < WORD_DROP_ALPHA / (WORD_DROP_ALPHA + word_freq[w])
        w[hide & (w > ROOT)] = UNK
        tg[(torch.rand(tg.shape) < TAG_DROP) & (tg > ROOT)] = UNK
    lengths = torch.tensor([len(data[k][0]) for k in batch])
    return ids, t[4], t[5], lengths


def _masks(lengths: torch.Tensor, n: int) -> tuple[torch.Tensor, torch.Tensor]:
    seen = torch.arange(n)[None, :] < lengths[:, None]
    words = seen.clone()
    words[:, 0] = False  # the root has no head
    return seen, words


def evaluate(net: Net, data) -> tuple[float, float]:
    """UAS and LAS of the greedy head of each word (the app decodes with Eisner, which adds a
    little)."""
    net.eval()
    right = labelled = total = 0
    with torch.no_grad():
        for batch in batches(data, False):
            ids, heads, labels, lengths = tensors(data, batch, None)
            arcs, ld, lh = net(ids, lengths)
            seen, words = _masks(lengths, arcs.shape[1])
            pred = arcs.masked_fill(~seen[:, None, :], -1e9).argmax(-1)
            chosen = lh[torch.arange(len(batch))[:, None], pred]
            lab = net.label_scores(ld[words], chosen[words]).argmax(-1)
            ok = pred[words] == heads[words]
            right += int(ok.sum())
            labelled += int((ok & (lab == labels[words])).sum())
            total += int(words.sum())
    net.train()
    return right / total, labelled / total


def train(
    train_set: list[Sentence], dev_set: list[Sentence], epochs: int, minutes: float, seed: int
):
    random.seed(seed)
    torch.manual_seed(seed)
    vocab = Vocab(train_set)
    data = [vocab.encode(s) for s in train_set]
    dev = [vocab.encode(s) for s in dev_set]
    word_freq = torch.zeros(len(vocab.lists["words"]))
    for w, c in vocab.word_counts.items():
        if w in vocab.index["words"]:
            word_freq[vocab.index["words"][w]] = c
    net = Net(vocab)
    opt = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.9))
    began = time.perf_counter()
    best, best_state = -1.0, None
    step = 0
    for epoch in range(epochs):
        total = 0.0
        for batch in batches(data, True):
            ids, heads, labels, lengths = tensors(data, batch, word_freq)
            arcs, ld, lh = net(ids, lengths)
            seen, words = _masks(lengths, arcs.shape[1])
            arcs = arcs.masked_fill(~seen[:, None, :], -1e9)
            loss = F.cross_entropy(arcs[words], heads[words])
            gold = lh[torch.arange(len(batch))[:, None], heads]
            loss = loss + F.cross_entropy(net.label_scores(ld[words], gold[words]), labels[words])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            step += 1
            for group in opt.param_groups:  # x0.75 every 5,000 updates (Dozat & Manning)
                group["lr"] = LEARNING_RATE * 0.75 ** (step / 5000)
            total += float(loss)
        uas, las = evaluate(net, dev)
        spent = time.perf_counter() - began
        print(
            f"  epoch {epoch + 1}: loss {total:.0f}, "
            f"EWT dev UAS {uas:.2%} LAS {las:.2%}, {spent:.0f} s"
        )
        if las > best:
            best = las
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        if spent / 60 > minutes:
            break
    net.load_state_dict(best_state)
    return net, vocab, best


def export(net: Net, vocab: Vocab) -> dict:
    """The JSON form ``biaffine.BiaffineModel`` reads (each LSTM's two biases summed)."""

    def g(name: str) -> np.ndarray:
        return net.state_dict()[name].float().numpy()

    w = {k: g(f"{k}.weight") for k in ("we", "te", "se", "he")}
    w.update(U=g("U"), u=g("u"), UL=g("UL"), **{"WL.w": g("WL.weight"), "WL.b": g("WL.bias")})
    for k in range(LAYERS):
        for suffix, name in (("", f"l{k}"), ("_reverse", f"l{k}_reverse")):
            w[f"{name}.w_ih"] = g(f"lstms.{k}.weight_ih_l0{suffix}")
            w[f"{name}.w_hh"] = g(f"lstms.{k}.weight_hh_l0{suffix}")
            w[f"{name}.b"] = g(f"lstms.{k}.bias_ih_l0{suffix}") + g(f"lstms.{k}.bias_hh_l0{suffix}")
    for m in ("arc_dep", "arc_head", "lab_dep", "lab_head"):
        w[f"{m}.w"], w[f"{m}.b"] = g(f"{m}.weight"), g(f"{m}.bias")
    return {
        "format": BIAFFINE_FORMAT,
        "layers": LAYERS,
        "vocab": vocab.lists,
        "weights": {k: encode_array(v) for k, v in w.items()},
    }


def check_export(net: Net, vocab: Vocab, model: dict, sentences: list[Sentence]) -> float:
    """Largest gap between torch's arc log-probabilities (weights rounded to float16, as
    stored) and the numpy model's: the app must compute what was trained."""
    rounded = Net(vocab)
    rounded.load_state_dict({k: v.half().float() for k, v in net.state_dict().items()})
    rounded.eval()
    ours = BiaffineModel(model)
    gap = 0.0
    with torch.no_grad():
        for s in sentences:
            ids, _, _, lengths = tensors([vocab.encode(s)], [0], None)
            arcs, _, _ = rounded(ids, lengths)
            theirs = torch.log_softmax(arcs[0], -1).numpy()
            mine, _ = ours.scores(s[0], s[1])
            gap = max(gap, float(np.abs(theirs - mine).max()))
    return gap


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--tags-cache", type=Path, default=None, help="jackknifed tags (JSON)")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--minutes", type=float, default=30.0, help="stop after the epoch past this")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (the shipped run: 1)")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    from .tagger import tag

    trees = [t for path in training_files(args.data) for t in read_trees(path)]
    if args.tags_cache and args.tags_cache.exists():
        tagged = json.loads(args.tags_cache.read_text(encoding="utf-8"))
    else:
        tagged = jackknife_tags(trees)
        if args.tags_cache:
            args.tags_cache.write_text(json.dumps(tagged), encoding="utf-8")
    train_set = [(w, tagged[k], h, lab) for k, (w, _, h, lab) in enumerate(trees)]
    dev_path = args.data / "ud_ewt" / "en_ewt-ud-dev.conllu"
    dev_set = [(w, list(tag(w)), h, lab) for w, _, h, lab in read_trees(dev_path)]
    print(f"parser: {len(train_set)} training sentences, {len(dev_set)} EWT dev sentences")
    net, vocab, best = train(train_set, dev_set, args.epochs, args.minutes, args.seed)
    model = export(net, vocab)
    gap = check_export(net, vocab, model, dev_set[:200])
    if gap > 1e-3:
        raise SystemExit(f"numpy model differs from torch's by {gap:.2g}: not written")
    model["trained_on"] = [p.name for p in training_files(args.data)]
    target = args.out / "dep-parser.json.gz"
    write_gzip_json(model, target)
    print(
        f"parser: best EWT dev LAS {best:.2%} (greedy heads); numpy agrees with torch to "
        f"{gap:.1g}; {target.stat().st_size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
