"""The quiz ranker's training records: one per SQuAD paragraph, with the candidates exactly
as the quiz builder ranks them, their features, lexical keys, labels and whether the quiz can
ask them; cached as gzip JSON (``train_ranker.py --cache``) so experiments skip the two
minutes of extraction. Used by ``train_ranker.py``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import squad_data as sd

from gistquiz.core.document import build_document
from gistquiz.core.facts import extract_facts
from gistquiz.core.quiz import Kind
from gistquiz.core.quiz.builder import answer_candidates, fact_questions
from gistquiz.core.quiz.ranker import features, lexical_keys
from gistquiz.core.quiz.registry import Context

COUNT = 25  # the eval adapter's question count: candidates as the quiz builder sees them
SPAN_KINDS = (Kind.WH, Kind.MCQ, Kind.CLOZE)  # the kinds whose answers are spans


def paragraph_record(p: dict) -> dict | None:
    doc = build_document(p["context"], language="en")
    facts = answer_candidates(doc, extract_facts(doc), COUNT)
    if not facts:
        return {
            "article": p["article"],
            "facts": [],
            "x": np.zeros((0, 0)),
            "y": [],
            "askable": [],
            "lex": [],
            "qas": p["qas"],
        }
    gold = [g for _, golds in p["qas"] for g in golds]
    y = [float(sd.max_f1(f.text, gold) >= 0.5) for f in facts]
    ctx = Context(doc, facts)
    return {
        "article": p["article"],
        "facts": facts,
        "importance": [f.importance for f in facts],
        "x": features(doc, facts),
        "y": y,
        "askable": [bool(fact_questions(ctx, f, SPAN_KINDS)) for f in facts],
        "lex": [list(k) for k in lexical_keys(doc, facts)],
        "qas": p["qas"],
    }


def askable_only(record: dict) -> dict:
    """The record restricted to the facts the quiz can ask (a valid span question): the
    rest are scored by the ranker at run time but never reach the quiz."""
    if "askable" not in record:  # a cache written before the flag
        return record
    keep = [i for i, ok in enumerate(record["askable"]) if ok]
    if len(keep) == len(record["facts"]):
        return record
    return {
        **record,
        "facts": [record["facts"][i] for i in keep],
        "importance": [record["importance"][i] for i in keep],
        "x": record["x"][keep] if keep else np.zeros((0, record["x"].shape[1])),
        "y": [record["y"][i] for i in keep],
        "lex": [record["lex"][i] for i in keep],
        "askable": [True] * len(keep),
    }


def save_cache(records: list[dict], path: Path) -> None:
    import dataclasses
    import gzip

    rows = [
        {**r, "facts": [dataclasses.asdict(f) for f in r["facts"]], "x": r["x"].tolist()}
        for r in records
    ]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(rows, f)


def load_cache(path: Path) -> list[dict]:
    import gzip

    from gistquiz.core.facts.model import Fact, FactType

    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = json.load(f)
    for r in rows:
        r["facts"] = [
            Fact(**{**d, "type": FactType(d["type"]), "aliases": tuple(d["aliases"])})
            for d in r["facts"]
        ]
        r["x"] = np.array(r["x"])
    return rows
