"""How common an English word is, on the Zipf scale (log10 of uses per billion words: "the"
is about 7.7, "treaty" 4.2, "chameleon" 3.1; a word not in the table counts as 0).

The table is the 50,000 most frequent lower-case words of wordfreq's English list, built by
``python -m gistquiz.core.nlp.make_word_frequency`` into resources/models/word-frequency.json.gz
(data CC BY-SA 4.0, see MODEL_CARD.md). Shipping that file rather than wordfreq itself keeps
58 MB of other languages out of the installers. The quiz ranker reads it: the rarer a
phrase's words, the likelier a reader asks about it.
"""

from __future__ import annotations

import threading

from .tagger import load_model_json

RESOURCE = "models/word-frequency.json.gz"
FORMAT = "gistquiz.word-zipf/1"
_table: dict[str, float] | None = None
_lock = threading.Lock()


def table() -> dict[str, float]:
    """Lower-case word -> Zipf frequency, loaded once (empty if the file is missing)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _load()
    return _table


def _load() -> dict[str, float]:
    try:
        data = load_model_json(RESOURCE)
    except (OSError, ValueError):
        return {}
    if data.get("format") != FORMAT:
        return {}
    # Bands keep the file small: each key is a Zipf value times ten, its words space-separated.
    return {word: int(band) / 10 for band, words in data["bands"].items() for word in words.split()}


def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` (any case); 0.0 for a word outside the table."""
    return table().get(word.lower(), 0.0)
