"""Penn Treebank part-of-speech tags from our own averaged-perceptron model.

The model is NLTK's ``PerceptronTagger`` trained by ``python -m gistquiz.core.nlp.train`` on
UD English-EWT + GUM and shipped as gzipped JSON in ``gistquiz.resources/models`` (see its
MODEL_CARD.md). We rebuild the tagger from that JSON -- no nltk_data, no pickle -- once, on
first use, under a lock so two worker threads never load it twice.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Sequence
from importlib.resources import files
from typing import Any

from .tokens import normalize

MODEL_RESOURCE = "models/pos-tagger.json.gz"

_lock = threading.Lock()
_tagger: Any = None


def load_model_json(name: str) -> dict:
    """A gzipped JSON model from the package resources."""
    data = files("gistquiz.resources").joinpath(name).read_bytes()
    return json.loads(gzip.decompress(data))


def _load() -> Any:
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                from nltk.tag.perceptron import PerceptronTagger

                model = load_model_json(MODEL_RESOURCE)
                tagger = PerceptronTagger(load=False)
                tagger.decode_json_params((model["weights"], model["tagdict"], model["classes"]))
                _tagger = tagger
    return _tagger


def tagger() -> Any:
    """The loaded NLTK ``PerceptronTagger`` (for code that wants its full API)."""
    return _load()


def tag(words: Sequence[str]) -> list[str]:
    """Penn tags for one sentence's words (normalised to treebank spelling first)."""
    if not words:
        return []
    return [t for _, t in _load().tag([normalize(w) for w in words])]
