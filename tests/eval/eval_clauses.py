"""Main-clause structure against the gold UD trees of EWT test and PUD (`make eval`).

For every sentence whose gold main clause has a subject and a finite verb: is the predicted
subject head the gold one, is the predicted finite verb the gold one, are both right; with
our tagger's tags (what the app sees) and with the gold tags beside them. Gold finite verb:
the leftmost aux/cop child of the root marked VerbForm=Fin, else the root if finite. Gold
subject: the root's nsubj:outer / csubj:outer first -- in "The problem is that customers
leave" UD makes "leave" the root with "problem" as its outer subject, and the main clause
the question transformation sees is "The problem is ..." (its finite verb, "is", is the one
measured) -- then nsubj, nsubj:pass, csubj, csubj:pass, then expl. "ours" runs the app's
path, ``clauses.tag_and_parse`` (our tags, and a re-parse when the main clause comes out
incomplete); "gold" parses the gold tags once. ``--dev`` adds EWT dev, where choices are made.

    .venv/bin/python tests/eval/eval_clauses.py [--model path/to/dep-parser.json.gz] [--limit N]
        [--dev]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "treebanks"
SETS = {
    "EWT test": DATA / "ud_ewt" / "en_ewt-ud-test.conllu",
    "PUD": DATA / "ud_pud" / "en_pud-ud-test.conllu",
}
TARGET = 0.90
SUBJECTS = ("nsubj:outer", "csubj:outer", "nsubj", "nsubj:pass", "csubj", "csubj:pass")
_NORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def read(path: Path):
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if rows:
                yield rows
            rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                rows.append(cols)
    if rows:
        yield rows


def gold_clause(rows: list[list[str]]) -> tuple[int, int] | None:
    """(subject head, finite verb) of the gold main clause, 0-based; None if it lacks one."""
    root = next(i for i, r in enumerate(rows) if r[6] == "0")
    kids = [i for i, r in enumerate(rows) if int(r[6]) - 1 == root]
    subject = None
    for wanted in (*SUBJECTS, "expl"):
        subject = next((k for k in kids if rows[k][7] == wanted), None)
        if subject is not None:
            break
    finite = next(
        (
            k
            for k in sorted([*kids, root])
            if (rows[k][7] in ("aux", "aux:pass", "cop") or k == root)
            and "VerbForm=Fin" in rows[k][5]
        ),
        None,
    )
    if subject is None or finite is None:
        return None
    return subject, finite


def evaluate(path: Path, predicted_tags: bool, limit: int | None) -> dict:
    from gistquiz.core.nlp.clauses import analyze_clause, tag_and_parse

    n = subj = fin = both = 0
    words_done = 0
    began = time.process_time()  # CPU time: the machine is shared
    for k, rows in enumerate(read(path)):
        if limit and k >= limit:
            break
        gold = gold_clause(rows)
        if gold is None:
            continue
        words = [r[1].translate(_NORM) for r in rows]
        if predicted_tags:  # the app's path: our tags, re-parsed when the clause is incomplete
            tags, tree = tag_and_parse(words)
            clause = analyze_clause(words, tags, tree)
        else:
            clause = analyze_clause(words, [r[4] for r in rows])
        words_done += len(words)
        n += 1
        s_ok = clause is not None and clause.subject_head == gold[0]
        f_ok = clause is not None and clause.finite == gold[1]
        subj += s_ok
        fin += f_ok
        both += s_ok and f_ok
    secs = time.process_time() - began
    return {
        "n": n,
        "subject": subj / n,
        "finite": fin / n,
        "both": both / n,
        "words/s": words_done / secs,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--gold-only", action="store_true")
    ap.add_argument("--dev", action="store_true", help="also EWT dev (where choices are made)")
    args = ap.parse_args(argv)
    sets = dict(SETS)
    if args.dev:
        sets = {"EWT dev": DATA / "ud_ewt" / "en_ewt-ud-dev.conllu", **sets}
    missing = [p for p in sets.values() if not p.exists()]
    if missing:
        print(f"eval_clauses: no treebanks at {DATA}; skipped")
        return 0
    if args.model:
        from gistquiz.core.nlp import parser
        from gistquiz.core.nlp.biaffine import BiaffineModel

        parser._model = BiaffineModel(json.loads(gzip.decompress(args.model.read_bytes())))
    print(f"Main-clause structure vs gold UD trees (target >= {TARGET:.0%} for subject and verb)")
    print(
        f"{'set':<10} {'tags':<10} {'clauses':>7} {'subject':>8} {'finite':>7} {'both':>6} "
        f"{'words/s':>8}  verdict  (words per CPU second; 'ours' includes tagging)"
    )
    failed = False
    for name, path in sets.items():
        for predicted in (False,) if args.gold_only else (True, False):
            r = evaluate(path, predicted, args.limit)
            ok = r["subject"] >= TARGET and r["finite"] >= TARGET
            failed |= predicted and not ok
            print(
                f"{name:<10} {'ours' if predicted else 'gold':<10} {r['n']:>7} "
                f"{r['subject']:>8.1%} {r['finite']:>7.1%} {r['both']:>6.1%} "
                f"{r['words/s']:>8.0f}  {'meets target' if ok else 'BELOW target'}"
            )
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
