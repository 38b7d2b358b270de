"""Measure the English language layer (part of `make eval`; reads ../shared/data by path).

    .venv/bin/python tests/eval/eval_language.py [--quick]

1. POS tagger: Penn-tag (XPOS) accuracy on UD English-EWT test, UD English-PUD and the GUM
   test documents present, on gold tokens, beside the reference figures for NLTK's own
   WSJ-trained tagger (about 88% EWT / 94% PUD, ../shared/data/treebanks/LICENSES.md).
2. Entity typer: exact-span precision / recall / F1 per type on UniversalNER EWT test and
   PUD, rules only beside rules + trained typer.
3. Speed: tagging tokens/s; the sample article's facts, cold (first call, models loading)
   and warm (models loaded, a fresh Document so nothing is cached).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

from gistquiz.core import pipeline
from gistquiz.core.document import build_document
from gistquiz.core.facts import extract_facts
from gistquiz.core.nlp import tagger, typer
from gistquiz.core.nlp.train import read_conllu
from gistquiz.core.nlp.uner import TYPES, read_iob2, score

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "treebanks"
TAGGER_TARGET = 0.94
NLTK_WSJ_REFERENCE = {"EWT test": 0.88, "PUD": 0.94}


def tagger_table(quick: bool) -> bool:
    sets = {
        "EWT test": [SHARED / "ud_ewt" / "en_ewt-ud-test.conllu"],
        "PUD": [SHARED / "ud_pud" / "en_pud-ud-test.conllu"],
    }
    gum_test = (SHARED / "gum" / "files.test").read_text(encoding="utf-8").split()
    gum = [SHARED / "gum" / "sources" / f"{name}.conllu" for name in gum_test]
    sets["GUM test (CC BY genres)"] = [p for p in gum if p.exists()]
    print("## POS tagger: Penn-tag accuracy on gold tokens\n")
    print("| set | sentences | tokens | accuracy | NLTK WSJ tagger (reference) | target |")
    print("|---|---|---|---|---|---|")
    tagger.tagger()  # load outside the timing
    ok = True
    total_tokens, total_time = 0, 0.0
    for name, files in sets.items():
        sentences = [s for path in files for s in read_conllu(path)]
        if quick:
            sentences = sentences[:300]
        right = count = 0
        began = time.perf_counter()
        for sentence in sentences:
            words = [w for w, _ in sentence]
            predicted = tagger.tag(words)
            right += sum(p == g for p, (_, g) in zip(predicted, sentence, strict=True))
            count += len(sentence)
        total_time += time.perf_counter() - began
        total_tokens += count
        accuracy = right / count
        ref = NLTK_WSJ_REFERENCE.get(name)
        target = f">= {TAGGER_TARGET:.0%}" if ref else "-"
        if ref and accuracy < TAGGER_TARGET:
            ok = False
        ref_text = f"{ref:.0%}" if ref else "-"
        print(f"| {name} | {len(sentences)} | {count} | {accuracy:.2%} | {ref_text} | {target} |")
    print(f"\nTagging speed: {total_tokens / total_time:,.0f} tokens/s (target >= 5,000)\n")
    return ok and total_tokens / total_time >= 5000


def typer_table(quick: bool) -> None:
    print("## Entity typer: exact-span P / R / F1 (UniversalNER; PER=PERSON, LOC=PLACE)\n")
    print("| set | type | gold | rules P | rules R | rules F1 | +typer P | +typer R | +typer F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    sets = {
        "UNER EWT test": SHARED / "uner_ewt" / "en_ewt-ud-test.iob2",
        "UNER PUD": SHARED / "uner_pud" / "en_pud-ud-test.iob2",
    }
    for name, path in sets.items():
        sentences = list(read_iob2(path))
        if quick:
            sentences = sentences[:300]
        gold = [s.spans for s in sentences]
        results = {}
        for use_model in (False, True):
            predicted = []
            for s in sentences:
                tags = tagger.tag([t.norm for t in s.tokens])
                entities = typer.type_entities(s.tokens, tags, use_model=use_model)
                predicted.append({(e.first, e.last, e.type) for e in entities if e.type})
            results[use_model] = score(gold, predicted)
        for kind in (*TYPES, "ALL"):
            r, m = results[False][kind], results[True][kind]
            print(
                f"| {name} | {kind} | {r.tp + r.fn} | {r.precision:.3f} | {r.recall:.3f} | "
                f"{r.f1:.3f} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} |"
            )
    print()


def facts_timing() -> bool:
    print("## Facts of the sample article\n")
    doc = pipeline.open_sample()
    ranking = pipeline.summarize(doc)
    began = time.perf_counter()
    facts = extract_facts(doc, ranking)
    cold = time.perf_counter() - began
    gc.collect()  # the tables above leave a large heap; a collection mid-run is not our cost
    walls, cpus = [], []
    for _ in range(7):
        fresh = build_document(doc.text, language="en")  # a new Document: no analysis cache
        began, cpu = time.perf_counter(), time.process_time()
        extract_facts(fresh, ranking)
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    wall, cpu = sorted(walls)[3], sorted(cpus)[3]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(facts)} facts; first call {cold * 1000:.0f} ms (loads the models);")
    print(
        f"warm median of 7: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU "
        f"(target <= 100 ms; machine load average {load:.1f} on {os.cpu_count()} cores)\n"
    )
    # Judged on CPU time: the code is single-threaded, so on an idle machine wall == CPU,
    # while on a shared one the wall clock mostly measures the other processes.
    return cpu <= 0.1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 sentences a set")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"eval_language: {SHARED} not found (the shared data sets)", file=sys.stderr)
        return 1
    ok = tagger_table(args.quick)
    typer_table(args.quick)
    ok = facts_timing() and ok
    print("targets met" if ok else "SOME TARGETS MISSED")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
