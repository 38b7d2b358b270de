"""SQuAD paragraphs for the quiz ranker and its measurement (read from ../shared by path).

The even half of SQuAD v1.1 dev (24 articles) is split by article: articles 0, 2, 4, ... of
the file train the ranker (and are cross-validated), articles 1, 3, 5, ... are held out for
``eval_quiz.py``. Licence of the data: CC BY-SA 4.0.
"""

from __future__ import annotations

import collections
import json
import re
import string
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SQUAD = SHARED / "data" / "squad" / "squad-v1.1-dev-even.json"
QUIZ_EVAL = SHARED / "tools" / "quiz_eval.py"

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_PUNCT = set(string.punctuation) | set("\u2018\u2019\u201c\u201d\u2013\u2014\u00ab\u00bb")


def load(path: Path = SQUAD) -> list[dict]:
    """Paragraphs: {article, title, context, questions: [(question, [answers])]}."""
    data = json.loads(path.read_text("utf-8"))
    out = []
    for a, article in enumerate(data["data"]):
        for p in article["paragraphs"]:
            questions = [(qa["question"], [x["text"] for x in qa["answers"]]) for qa in p["qas"]]
            out.append(
                {"article": a, "title": article["title"], "context": p["context"], "qas": questions}
            )
    return out


def split(paragraphs: list[dict]) -> tuple[list[dict], list[dict]]:
    train = [p for p in paragraphs if p["article"] % 2 == 0]
    held_out = [p for p in paragraphs if p["article"] % 2 == 1]
    return train, held_out


# ---- the harness's answer matching (SQuAD v1.1 normalisation + token F1) --------------------
def normalize_answer(s: str) -> str:
    s = str(s).translate(_QUOTES).lower()
    s = "".join(ch for ch in s if ch not in _PUNCT)
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())


def f1(pred: str, gold: str) -> float:
    p, g = normalize_answer(pred).split(), normalize_answer(gold).split()
    if not p or not g:
        return float(p == g)
    same = sum((collections.Counter(p) & collections.Counter(g)).values())
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def max_f1(pred: str, golds: list[str]) -> float:
    return max((f1(pred, g) for g in golds), default=0.0)


def at_k(answers: list[str], qas: list[tuple[str, list[str]]], thr: float = 0.5) -> tuple:
    """(questions covered in the first k distinct answers, k, of those k how many match)."""
    seen, distinct = set(), []
    for a in answers:
        n = normalize_answer(a)
        if n and n not in seen:
            seen.add(n)
            distinct.append(a)
    k = len(qas)
    top = distinct[:k]
    covered = sum(any(max_f1(a, golds) >= thr for a in top) for _, golds in qas)
    gold = [g for _, golds in qas for g in golds]
    matched = sum(max_f1(a, gold) >= thr for a in top)
    return covered, k, matched, len(top)


HARNESS_N, HARNESS_SEED = 200, 2017  # quiz_eval.py's defaults (its --squad-n, --squad-seed)


def harness_sample(count: int, n: int = HARNESS_N, seed: int = HARNESS_SEED) -> set[int]:
    """Indices (in ``load()`` order) of the paragraphs the reference harness measures: the
    same draw as its ``load_squad`` (``random.Random(seed).sample`` over the file's paragraphs
    in order)."""
    import random

    return set(random.Random(seed).sample(range(count), min(n, count)))
