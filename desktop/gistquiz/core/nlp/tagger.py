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
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .tokens import normalize

MODEL_RESOURCE = "models/pos-tagger.json.gz"
RETAGGER_RESOURCE = "models/pos-retagger.json.gz"  # second pass of the stacked tagger

_lock = threading.Lock()
_tagger: Any = None
_retagger: Any = None


def load_model_json(name: str) -> dict:
    """A gzipped JSON model from the package resources."""
    data = files("gistquiz.resources").joinpath(name).read_bytes()
    return json.loads(gzip.decompress(data))


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word.isupper():
        return "XX"
    if word[:1].isupper():
        return "Xx"
    if word.islower():
        return "x"
    return "other"


FINITE = ("VBZ", "VBP", "VBD", "MD")
RETAGGABLE = frozenset({"NN", "NNS", "VBN", "VB", "JJ", "NNP", "RB", "IN"})
SUBJECTISH = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD", "DT", "EX"})
SWAP_FINITE = ("VBZ", "VBP", "VBD")  # what ``finite_alternatives`` offers (never MD)
FINITE_MARGIN = 10.0  # chosen on EWT dev (see MODEL_CARD.md): wider re-tags verbless fragments


def _guide_keys(i: int, word: str, prev: str, guide: Sequence[str]) -> list[str]:
    """Second-pass features: the first pass's tags of this and the next two words. A greedy
    left-to-right tagger cannot see the tags to its right; "A witness told police" needs
    "police" to be a noun to make "told" a past tense (VBD) rather than a participle."""
    n = len(guide)
    g0 = guide[i]
    g1 = guide[i + 1] if i + 1 < n else "END"
    g2 = guide[i + 2] if i + 2 < n else "END"
    return [
        "g i " + g0,
        "g i+1 " + g1,
        "g i+2 " + g2,
        "g i+1 i+2 " + g1 + " " + g2,
        "g i i+1 " + g0 + " " + g1,
        "g i-1 i i+1 " + prev + " " + g0 + " " + g1,
        "g word i+1 " + word + " " + g1,
    ]


def make_tagger() -> Any:
    """An empty tagger with our feature set (used by training and loading alike)."""
    from nltk.tag.perceptron import PerceptronTagger

    class Tagger(PerceptronTagger):
        """NLTK's tagger with Honnibal's features plus short and long suffixes, the cased word,
        word bigrams and the capitalisation shapes of this and the next word (proper noun vs
        adjective, -ed/-ly): they lift EWT test accuracy from 93.7% to 94.2%. ``tag`` and
        ``train`` are NLTK's loops with the raw words passed to the feature function instead
        of stored on the object, so tagging is thread-safe.
        """

        def features(
            self,
            i: int,
            words: Sequence[str],
            context: list[str],
            prev: str,
            prev2: str,
            guide: Sequence[str] | None = None,
        ) -> dict:
            word = words[i]
            features = self._get_features(i, word, context, prev, prev2)
            shape = _shape(word)
            features["i suffix2 " + word[-2:]] += 1
            features["i shape " + shape] += 1
            features["i shape+i-1 tag " + shape + " " + prev] += 1
            features["i+1 shape " + (_shape(words[i + 1]) if i + 1 < len(words) else "END")] += 1
            c = i + 2  # index of word i in ``context``
            features["i cased " + word] += 1
            features["i suffix4 " + word[-4:]] += 1
            features["i-1 word+i word " + context[c - 1] + " " + context[c]] += 1
            features["i word+i+1 word " + context[c] + " " + context[c + 1]] += 1
            if guide is not None:
                for key in _guide_keys(i, context[c], prev, guide):
                    features[key] += 1
            return features

        def feature_keys(
            self,
            i: int,
            words: Sequence[str],
            context: list[str],
            prev: str,
            prev2: str,
            guide: Sequence[str] | None = None,
        ) -> list[str]:
            """The same feature names as ``features`` (a test holds them equal), built
            without NLTK's closure and join per feature: tagging's hot path."""
            word = words[i]
            c = i + 2
            w, w1, w2, wm1, wm2 = (
                context[c],
                context[c + 1],
                context[c + 2],
                context[c - 1],
                context[c - 2],
            )
            shape = _shape(word)
            keys = [
                "bias",
                "i suffix " + word[-3:],
                "i pref1 " + (word[0] if word else ""),
                "i-1 tag " + prev,
                "i-2 tag " + prev2,
                "i tag+i-2 tag " + prev + " " + prev2,
                "i word " + w,
                "i-1 tag+i word " + prev + " " + w,
                "i-1 word " + wm1,
                "i-1 suffix " + wm1[-3:],
                "i-2 word " + wm2,
                "i+1 word " + w1,
                "i+1 suffix " + w1[-3:],
                "i+2 word " + w2,
                "i suffix2 " + word[-2:],
                "i shape " + shape,
                "i shape+i-1 tag " + shape + " " + prev,
                "i+1 shape " + (_shape(words[i + 1]) if i + 1 < len(words) else "END"),
                "i cased " + word,
                "i suffix4 " + word[-4:],
                "i-1 word+i word " + wm1 + " " + w,
                "i word+i+1 word " + w + " " + w1,
            ]
            if guide is not None:
                keys += _guide_keys(i, w, prev, guide)
            return keys

        def tag(self, tokens, return_conf=False, use_tagdict=True, guide=None):  # type: ignore[override]
            prev, prev2 = self.START
            output = []
            context = self.START + [self.normalize(w) for w in tokens] + self.END
            for i, word in enumerate(tokens):
                tag = self.tagdict.get(word) if use_tagdict else None
                conf = 1.0
                if not tag:
                    if self._matrix is not None and not return_conf:
                        keys = self.feature_keys(i, tokens, context, prev, prev2, guide)
                        tag = self._fast_predict(keys)
                    else:
                        feats = self.features(i, tokens, context, prev, prev2, guide)
                        tag, conf = self.model.predict(feats, return_conf)
                output.append((word, tag, conf) if return_conf else (word, tag))
                prev2, prev = prev, tag
            return output

        _matrix: Any = None

        def compile(self) -> None:
            """Weights as one dense matrix (feature row x class): NLTK's dict-of-dicts
            predict costs ~1 ms a token in pure Python; summing a few numpy rows is ~20x
            faster and gives the same argmax."""
            import numpy as np

            classes = sorted(self.classes)
            column = {c: k for k, c in enumerate(classes)}
            weights = self.model.weights
            matrix = np.zeros((len(weights), len(classes)), dtype=np.float32)
            index = {}
            for row, (feature, by_class) in enumerate(weights.items()):
                index[feature] = row
                for c, w in by_class.items():
                    matrix[row, column[c]] = w
            self._index, self._classes, self._matrix = index, classes, matrix

        def finite_retag(self, tokens, tags: list[str], guide=None) -> list[str] | None:
            """A declarative sentence needs a finite verb. When greedy tagging found none
            ("Then the commercial ends/NNS ."), the word whose score for a finite tag comes
            closest to its chosen tag's becomes that verb -- if it comes within
            ``FINITE_MARGIN`` -- and the words after it are tagged again. None: no change."""
            if self._matrix is None or len(tokens) < 3 or any(t in FINITE for t in tags):
                return None
            if tags[-1] not in (".", "!") or not any(t in SUBJECTISH for t in tags[:-1]):
                return None
            context = self.START + [self.normalize(w) for w in tokens] + self.END
            best = min(self._finite_margins(tokens, tags, guide, FINITE, context), default=None)
            if best is None or best[0] > FINITE_MARGIN:
                return None
            _, i, f = best
            out = [*tags[:i], f]
            prev2, prev = out[i - 1], f  # i > 0: the first word is never re-tagged
            for j in range(i + 1, len(tokens)):
                t = self.tagdict.get(tokens[j])
                if not t:
                    keys = self.feature_keys(j, tokens, context, prev, prev2, guide)
                    t = self._fast_predict(keys)
                out.append(t)
                prev2, prev = prev, t
            return out

        def finite_alternatives(self, tokens, tags: Sequence[str], guide) -> list[tuple]:
            """(margin, index, finite tag) for every word that may be re-tagged, the closest
            call first (see ``_finite_margins``; never MD)."""
            context = self.START + [self.normalize(w) for w in tokens] + self.END
            return sorted(self._finite_margins(tokens, tags, guide, SWAP_FINITE, context))

        def _finite_margins(self, tokens, tags, guide, finites, context) -> list[tuple]:
            """(margin, index, finite tag) for every word that may be re-tagged
            (``RETAGGABLE``, not in the tag dictionary, not the first): its best tag among
            ``finites`` and how far that tag's score falls below its own tag's."""
            column = {c: k for k, c in enumerate(self._classes)}
            found = []
            prev, prev2 = self.START
            for i, word in enumerate(tokens):
                if tags[i] in RETAGGABLE and tags[i] in column and not self.tagdict.get(word) and i:
                    scores = self._scores(self.feature_keys(i, tokens, context, prev, prev2, guide))
                    f = max(finites, key=lambda c: scores[column[c]] if c in column else -1e9)
                    found.append((float(scores[column[tags[i]]] - scores[column[f]]), i, f))
                prev2, prev = prev, tags[i]
            return found

        def _scores(self, keys: list[str]) -> Any:
            index = self._index
            rows = [index[f] for f in keys if f in index]
            return self._matrix[rows].sum(axis=0)

        def _fast_predict(self, keys: list[str]) -> str:
            return self._classes[int(self._scores(keys).argmax())]

        def train(self, sentences, save_loc=None, nr_iter=5, guides=None):  # type: ignore[override]
            """NLTK's training loop; ``guides`` (one first-pass tag list per sentence,
            jackknifed) trains the second pass of a stacked tagger."""
            import random

            self._sentences = []
            self._make_tagdict(sentences)
            self.model.classes = self.classes
            order = list(range(len(self._sentences)))
            for _ in range(nr_iter):
                for k in order:
                    words, tags = zip(*self._sentences[k], strict=True)
                    guide = guides[k] if guides is not None else None
                    prev, prev2 = self.START
                    context = self.START + [self.normalize(w) for w in words] + self.END
                    for i, word in enumerate(words):
                        guess = self.tagdict.get(word)
                        if not guess:
                            feats = self.features(i, words, context, prev, prev2, guide)
                            guess, _ = self.model.predict(feats)
                            self.model.update(tags[i], guess, feats)
                        prev2, prev = prev, guess
                random.shuffle(order)
            self._sentences = None
            self.model.average_weights()

    return Tagger(load=False)


def _build(name: str) -> Any:
    model = load_model_json(name)
    tagger = make_tagger()
    tagger.decode_json_params((model["weights"], model["tagdict"], model["classes"]))
    tagger.compile()
    return tagger


def _load() -> Any:
    global _tagger, _retagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _retagger = _build(RETAGGER_RESOURCE)
                _tagger = _build(MODEL_RESOURCE)
    return _tagger


def tagger() -> Any:
    """The loaded first-pass NLTK ``PerceptronTagger`` (for code that wants its full API)."""
    return _load()


def tag(words: Sequence[str]) -> list[str]:
    """Penn tags for one sentence's words (normalised to treebank spelling first): the first
    pass tags left to right, the second re-tags with the first pass's tags on both sides."""
    if not words:
        return []
    return list(_tag_normalised(tuple(normalize(w) for w in words)))


@lru_cache(maxsize=2048)
def _tag_normalised(normed: tuple[str, ...]) -> tuple[str, ...]:
    # cached: the facts, the parse and the quiz's checks each tag the same sentence
    guide = list(_first_pass(normed))
    tags = [t for _, t in _retagger.tag(normed, guide=guide)]
    return tuple(_retagger.finite_retag(normed, tags, guide) or tags)


@lru_cache(maxsize=2048)
def _first_pass(normed: tuple[str, ...]) -> tuple[str, ...]:
    """The first pass's tags: the second pass's guide (cached: ``finite_alternatives`` asks
    again for a sentence just tagged)."""
    first = _load()
    guide = [t for _, t in first.tag(normed)]
    return tuple(first.finite_retag(normed, guide) or guide)


def finite_alternatives(
    words: Sequence[str], tags: Sequence[str], limit: int = 3
) -> list[tuple[int, str]]:
    """Up to ``limit`` (index, finite tag) pairs: the words of a tagged sentence whose score for
    VBZ/VBP/VBD comes closest to that of their tag, closest first. The parser asks for them
    when its main clause came out without a subject or finite verb (see
    ``clauses.tag_and_parse``): a noun/verb slip ("An element consists/NNS of ...") is the
    commonest cause, and only the parse can tell which word should have been the verb."""
    if not words:
        return []
    normed = tuple(normalize(w) for w in words)
    guide = list(_first_pass(normed))  # loads the models first
    found = _retagger.finite_alternatives(normed, tags, guide)
    return [(i, f) for _, i, f in found[:limit]]
