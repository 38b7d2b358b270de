"""Train the shipped language models from the shared treebanks (`make train-models`).

    python -m gistquiz.core.nlp.train [--data ../shared/data/treebanks] [--out resources/models]

Writes ``pos-tagger.json.gz`` (NLTK averaged-perceptron weights, tag dictionary and classes),
``pos-retagger.json.gz`` (the stacked second pass, trained on jackknifed first-pass tags; the
tags it gives every training sentence from held-out folds go to ``build/fold-tags-stacked.json``
for the parser's training) and ``entity-typer.json.gz`` as gzipped JSON -- never pickle -- so
the app loads them with nothing but the standard library. Training data: UD English-EWT train
plus the GUM train documents present in ``gum/sources`` (the CC BY genres); PUD and the test
splits are never used here. Deterministic: a fixed random seed and file order.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections.abc import Iterator
from pathlib import Path

from .tokens import normalize

REPO = Path(__file__).resolve().parents[4]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "treebanks"
DEFAULT_OUT = REPO / "resources" / "models"
TAGGER_FORMAT = "gistquiz.pos-tagger/1"
RETAGGER_FORMAT = "gistquiz.pos-retagger/1"
SEED = 20240531
ITERATIONS = 8
PRUNE_BELOW = 0.01  # averaged weights this small barely change a decision; dropping saves MBs


def read_conllu(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of a CoNLL-U file as (normalised form, XPOS) pairs of the syntactic words."""
    sentence: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue  # multiword token ranges and empty nodes
            sentence.append((normalize(cols[1]), cols[4]))
    if sentence:
        yield sentence


def tagger_training_files(data: Path) -> list[Path]:
    gum = data / "gum"
    listed = (gum / "files.train").read_text(encoding="utf-8").split()
    present = [gum / "sources" / f"{name}.conllu" for name in listed]
    return [data / "ud_ewt" / "en_ewt-ud-train.conllu"] + [p for p in present if p.exists()]


def train_tagger(
    files: list[Path],
    iterations: int = ITERATIONS,
    guides: list[list[str]] | None = None,
    fmt: str = TAGGER_FORMAT,
) -> dict:
    """The first pass, or with ``guides`` (jackknifed first-pass tags, one list per sentence
    of ``files``) the second pass of the stacked tagger."""
    from .tagger import make_tagger

    sentences = [s for path in files for s in read_conllu(path)]
    if guides is not None and [len(g) for g in guides] != [len(s) for s in sentences]:
        raise ValueError("the first-pass tags do not line up with the training sentences")
    random.seed(SEED)
    tagger = make_tagger()
    tagger.train(sentences, nr_iter=iterations, guides=guides)
    weights = {}
    for feature, by_class in tagger.model.weights.items():
        kept = {c: round(w, 3) for c, w in by_class.items() if abs(w) >= PRUNE_BELOW}
        if kept:
            weights[feature] = kept
    return {
        "format": fmt,
        "classes": sorted(tagger.classes),
        "tagdict": tagger.tagdict,
        "weights": weights,
        "trained_on": [p.name for p in files],
        "sentences": len(sentences),
        "tokens": sum(len(s) for s in sentences),
        "iterations": iterations,
    }


def jackknife_first_pass(data: Path, cache: Path) -> list[list[str]]:
    """First-pass tags of every training sentence from a tagger that never saw it (four
    folds, as the parser's training uses them); cached as JSON between training steps."""
    from .treebanks import jackknife_tags, read_trees, training_files

    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    trees = [tree for path in training_files(data) for tree in read_trees(path)]
    tagged = jackknife_tags(trees)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(tagged), encoding="utf-8")
    return tagged


def jackknife_stacked(files: list[Path], first: list[list[str]], folds: int = 4) -> list:
    """The stacked tagger's tags of every training sentence, each from a second pass trained
    on the other folds: what the parser learns from is what it will be given."""
    from .tagger import make_tagger
    from .treebanks import FOLD_TAGGER_ITERATIONS

    sentences = [s for path in files for s in read_conllu(path)]
    out: list[list[str]] = [[] for _ in sentences]
    for fold in range(folds):
        began = time.perf_counter()
        rest = [k for k in range(len(sentences)) if k % folds != fold]
        random.seed(SEED + fold)
        tagger = make_tagger()
        tagger.train(
            [sentences[k] for k in rest],
            nr_iter=FOLD_TAGGER_ITERATIONS,
            guides=[first[k] for k in rest],
        )
        tagger.compile()
        right = total = 0
        for k in range(fold, len(sentences), folds):
            words = [w for w, _ in sentences[k]]
            tags = [t for _, t in tagger.tag(words, guide=first[k])]
            out[k] = tagger.finite_retag(words, tags, first[k]) or tags
            right += sum(a == g for a, (_, g) in zip(out[k], sentences[k], strict=True))
            total += len(words)
        print(
            f"  fold {fold + 1}/{folds}: stacked tagger {right / total:.2%} on its held-out "
            f"fold, {time.perf_counter() - began:.0f} s"
        )
    return out


def write_gzip_json(obj: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # mtime=0 keeps the file byte-identical across runs (reproducible commits).
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(data.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", choices=("tagger", "typer", "places"), default=None)
    parser.add_argument(
        "--cache", type=Path, default=REPO / "build", help="jackknifed tags for the parser"
    )
    args = parser.parse_args(argv)
    if args.only in (None, "tagger"):
        began = time.perf_counter()
        files = tagger_training_files(args.data)
        model = train_tagger(files)
        write_gzip_json(model, args.out / "pos-tagger.json.gz")
        print(
            f"tagger: {model['sentences']} sentences, {model['tokens']} tokens from "
            f"{len(files)} files, {len(model['weights'])} features, "
            f"{time.perf_counter() - began:.0f} s"
        )
        # the second pass learns from first-pass tags that make held-out mistakes
        first = jackknife_first_pass(args.data, args.cache / "fold-tags.json")
        model = train_tagger(files, guides=first, fmt=RETAGGER_FORMAT)
        write_gzip_json(model, args.out / "pos-retagger.json.gz")
        print(f"second pass: {len(model['weights'])} features, {time.perf_counter() - began:.0f} s")
        stacked = jackknife_stacked(files, first)
        (args.cache / "fold-tags-stacked.json").write_text(json.dumps(stacked), encoding="utf-8")
    if args.only in (None, "places"):
        from .gazetteer import build_given_names, build_places

        table = build_places()
        write_gzip_json(table, args.out / "places.json.gz")
        print(f"places: {len(table)} names")
        given = build_given_names()  # before the typer, which reads them
        write_gzip_json(
            {"source": "1990 US Census via the names package", "names": given},
            args.out / "given-names.json.gz",
        )
        print(f"given names: {len(given)}")
    if args.only in (None, "typer"):
        from .typer_train import train_typer_model

        train_typer_model(args.data, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
