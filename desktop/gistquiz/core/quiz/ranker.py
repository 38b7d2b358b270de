"""Which facts are worth a question: a small logistic regression over cheap features, blended
with a few hundred shallow boosted trees over the same dense features.

Trained by tests/eval/train_ranker.py on SQuAD v1.1 dev paragraphs (label: a human asked about
this answer) and shipped as JSON (resources/models/ranker.json, see RANKER_CARD.md). The
features are computed here and only here, so training and use cannot drift apart. Without the
JSON file (a broken install) the facts' own importance ranks them.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from importlib.resources import files

import numpy as np

from ..document import Document
from ..facts.model import Fact, FactType
from ..nlp.word_frequency import zipf
from .text import NUMBER_WORD_RE

log = logging.getLogger("gistquiz.core.quiz")
MODEL_NAME = "models/ranker.json"
_WORD = re.compile(r"[A-Za-z0-9]+")
_PREPOSITIONS = set(
    re.findall(
        r"\w+",
        "in on at by for from to with of as during since after before into over under between "
        "against about through within without than",
    )
)
_STOP = set(
    re.findall(
        r"\w+",
        "the a an of and or in on at by for from to with as is are was were be been that this "
        "these those it its his her their they he she we you i which who whom what when where",
    )
)
_DEFINES_ACRONYM = re.compile(r"\([A-Z][A-Za-z.&]{1,9}\)$")  # "International Criminal Court (ICC)"
TYPES = tuple(FactType)
# How common the phrase's words are in English (Zipf scale): the rarest, the mean and the last
# (head) word's. "Chameleon circuit" is asked about, "common use" is not; the in-text
# repetition features cannot tell them apart. Measured in RANKER_CARD.md.
RARITY = ("zipf_min", "zipf_mean", "zipf_last")
NO_WORDS_ZIPF = 8.0  # a phrase without words ("1066", "5½"): read as common as "the", not rare
ROLES = ("subject", "object", "oblique")
# The syntactic neighbourhood of the phrase, from the tagger: what comes before and after it
# and what its last word is. Cheap stand-ins for its role in the clause.
CONTEXT = (
    "prev_preposition",
    "prev_of",
    "prev_verb",
    "prev_determiner",
    "prev_comma",
    "next_verb",
    "next_comma",
    "next_of",
    "head_proper",
    "head_number",
    "head_plural",
    "head_adjective",
    "year",
)


def feature_names() -> list[str]:
    return [
        *(f"type_{t.value.lower()}" for t in TYPES),
        "log_tokens",
        "one_token",
        "long_phrase",
        "sentence_position",
        "first_sentence",
        "position_in_sentence",
        "log_sentence_tokens",
        "log_mentions",
        "importance",
        "capitalised_share",
        "has_number",
        "sentence_initial",
        "after_preposition",
        "log_facts_in_sentence",
        "word_salience",
        "has_subtype",
        "in_parentheses",
        *(f"role_{r}" for r in ROLES),
        *(f"context_{c}" for c in CONTEXT),
        "from_chunk",
        "parse_depth",
        "defines_acronym",
        *RARITY,
    ]


def features(doc: Document, facts: Sequence[Fact], parse_roles: bool = True) -> np.ndarray:
    """One row of ``feature_names()`` per fact (``parse_roles``: read roles from the parser)."""
    words = Counter(w.lower() for w in _WORD.findall(doc.text))
    per_sentence = Counter(f.sentence for f in facts)
    last = max(len(doc.sentences) - 1, 1)
    # Repetition is counted per sentence of the text: the ranker learns on SQuAD paragraphs
    # (five sentences or so) and must not read an article's main actors, named twenty times
    # in forty sentences, as twenty times more salient than anything a paragraph shows.
    per_sentences = 5.0 / max(len(doc.body_sentences) or len(doc.sentences), 1)
    analysis = _analysis(doc)
    rows = np.zeros((len(facts), len(feature_names())), dtype=float)
    for i, fact in enumerate(facts):
        sentence = doc.sentences[fact.sentence]
        tokens = _WORD.findall(fact.text)
        n = max(len(tokens), 1)
        sentence_tokens = len(_WORD.findall(doc.text[sentence.start : sentence.end]))
        before = doc.text[max(sentence.start, fact.start - 40) : fact.start]
        previous = _WORD.findall(before)[-1:] if before.strip() else []
        content = [t.lower() for t in tokens if t.lower() not in _STOP]
        salience = sum(math.log1p(max(words[t] - 1, 0) * per_sentences) for t in content) / max(
            len(content), 1
        )
        role = fact.extra.get("role", "") if fact.extra else ""
        row = [float(fact.type is t) for t in TYPES]
        row += [
            math.log1p(n),
            float(n == 1),
            float(n >= 5),
            fact.sentence / last,
            float(fact.sentence == 0),
            (fact.start - sentence.start) / max(sentence.end - sentence.start, 1),
            math.log1p(sentence_tokens),
            math.log1p(fact.mentions * per_sentences),
            float(fact.importance),
            sum(t[:1].isupper() for t in tokens) / n,
            float(any(ch.isdigit() for ch in fact.text) or bool(NUMBER_WORD_RE.search(fact.text))),
            float(fact.start == sentence.start),
            float(bool(previous) and previous[0].lower() in _PREPOSITIONS),
            math.log1p(per_sentence[fact.sentence]),
            salience,
            float(bool(fact.subtype)),
            float(doc.text[fact.start - 1 : fact.start] == "(" if fact.start else False),
        ]
        if not role and parse_roles:
            role, depth = _role(doc, fact)
        else:
            depth = 0
        row += [float(role == r) for r in ROLES]
        row += _context(analysis, fact) if analysis is not None else [0.0] * len(CONTEXT)
        row.append(float(bool(fact.extra) and fact.extra.get("source") == "chunk"))
        row.append(min(depth, 6) / 6)
        row.append(float(bool(_DEFINES_ACRONYM.search(fact.text))))
        row += _rarity(tokens)
        rows[i] = row
    return rows


def _rarity(tokens: Sequence[str]) -> list[float]:
    zipfs = [zipf(t) for t in tokens if t.isalpha() and t.lower() not in _STOP]
    if not zipfs:
        return [NO_WORDS_ZIPF] * len(RARITY)
    return [min(zipfs), sum(zipfs) / len(zipfs), zipfs[-1]]


_ROLE_OF = {
    "nsubj": "subject",
    "nsubj:pass": "subject",
    "csubj": "subject",
    "obj": "object",
    "iobj": "object",
    "attr": "object",
    "obl": "oblique",
    "obl:tmod": "oblique",
    "obl:npmod": "oblique",
    "nmod": "oblique",
}


def _role(doc: Document, fact: Fact) -> tuple[str, int]:
    """The fact's relation in its sentence's dependency parse and its head's depth."""
    label, depth, _ = _head(doc, fact)
    return _ROLE_OF.get(label, ""), depth


def _head(doc: Document, fact: Fact) -> tuple[str, int, str]:
    """The dependency label of the fact's head word, the head's depth and the word itself
    ("", 0, "" where the parser is missing or no token covers the fact)."""
    try:
        from ..nlp.clauses import parse_sentence
    except ImportError:  # pragma: no cover
        return "", 0, ""
    sentence = doc.sentences[fact.sentence]
    sp = parse_sentence(doc.text, sentence.start, sentence.end)
    span = sp.token_span(fact.start, fact.end)
    if span is None:
        return "", 0, ""
    heads = sp.tree.heads
    inside = range(*span)
    head = next((i for i in inside if heads[i] not in inside), span[0])
    depth, node = 0, head
    while heads[node] >= 0 and depth < 12:
        node, depth = heads[node], depth + 1
    word = doc.text[sp.tokens[head].start : sp.tokens[head].end]
    return sp.tree.labels[head], depth, word


def lexical_keys(doc: Document, facts: Sequence[Fact]) -> list[tuple[str, ...]]:
    """Word-level keys per fact, each a binary feature with its own learned weight: the head
    word and its dependency label, the fact type (alone and with the label), the fact's words
    and the one or two words before and after it ("known as _", "_ in 1066").

    What a reader asks about depends on words the dense features cannot see ("named", "called",
    a copula before the phrase, the head noun "part" or "year"); the weights are kept small (a
    strong L2 penalty chosen by cross-validation) and a key seen fewer than three times, or in
    fewer than three articles, of the training data has none, so they nudge the dense model
    rather than memorise an article's topic.
    """
    out = []
    for fact in facts:
        label, _, head = _head(doc, fact)
        tokens = _WORD.findall(fact.text)
        if not head:
            head, label = (tokens[-1] if tokens else ""), "?"
        before = _WORD.findall(doc.text[max(0, fact.start - 40) : fact.start])[-2:]
        after = _WORD.findall(doc.text[fact.end : fact.end + 40])[:2]
        kind = fact.type.value
        keys = [f"h={head.lower()}", f"l={label}", f"t={kind}", f"tl={kind}{label}"]
        if before:
            keys.append(f"p1={before[-1].lower()}")
        if len(before) > 1:
            keys.append(f"p2={' '.join(before).lower()}")
        if after:
            keys.append(f"n1={after[0].lower()}")
        if len(after) > 1:
            keys.append(f"n2={' '.join(after).lower()}")
        keys += [f"w={t.lower()}" for t in tokens]
        out.append(tuple(dict.fromkeys(keys)))
    return out


def _analysis(doc: Document):
    try:
        from ..nlp.analysis import analyze
    except ImportError:  # pragma: no cover - the language layer ships with the app
        return None
    return analyze(doc)


def _context(analysis, fact: Fact) -> list[float]:
    s = analysis.sentences[fact.sentence]
    first = s.token_at.get(fact.start)
    if first is None:
        return [0.0] * len(CONTEXT)
    last = first
    while last + 1 < len(s.tokens) and s.tokens[last + 1].end <= fact.end:
        last += 1
    prev_tag = s.tags[first - 1] if first else ""
    prev_word = s.tokens[first - 1].norm.lower() if first else ""
    next_tag = s.tags[last + 1] if last + 1 < len(s.tags) else ""
    next_word = s.tokens[last + 1].norm.lower() if last + 1 < len(s.tokens) else ""
    head = s.tags[last]
    return [
        float(prev_tag in ("IN", "TO")),
        float(prev_word == "of"),
        float(prev_tag.startswith("VB")),
        float(prev_tag in ("DT", "PRP$", "POS")),
        float(prev_word == ","),
        float(next_tag.startswith("VB") or next_tag == "MD"),
        float(next_word == ","),
        float(next_word == "of"),
        float(head.startswith("NNP")),
        float(head == "CD"),
        float(head in ("NNS", "NNPS")),
        float(head.startswith("JJ")),
        float(bool(re.search(r"\b1\d{3}|20\d{2}\b", fact.text))),
    ]


class Trees:
    """Gradient-boosted regression trees over the raw dense features (trained by
    train_ranker.py with scikit-learn, which the app does not need): the raw score is
    ``init + rate * sum of the leaves reached``. Evaluated with numpy, every row in every tree
    at once (one step per level: a tree at a time cost 11 ms per paragraph, this about 1 ms)."""

    def __init__(self, data: dict) -> None:
        self.init = float(data["init"])
        self.rate = float(data["learning_rate"])
        trees = data["trees"]
        size = max((len(t[0]) for t in trees), default=1)
        # per tree, padded to one width: feature, threshold, left child (-1: leaf), right, value
        table = np.zeros((5, len(trees), size))
        table[2] = -1.0
        for j, tree in enumerate(trees):
            for column, values in enumerate(tree):
                table[column, j, : len(values)] = values
        feature = np.maximum(table[0].astype(np.int64), 0)  # leaves: -2, never read
        # the trees name their columns: a feature added to feature_names() later cannot shift
        # them onto the wrong one (a name no longer computed is a ValueError: no trees)
        names = feature_names()
        where = np.array([names.index(n) for n in data.get("features", names)], dtype=np.int64)
        self.feature = where[feature]
        self.threshold, self.value = table[1], table[4]
        self.left, self.right = table[2].astype(np.int64), table[3].astype(np.int64)
        self.depth = int(data.get("max_depth", 8))

    def raw(self, x: np.ndarray) -> np.ndarray:
        # scikit-learn compares float32 copies of the features with its thresholds
        x32 = np.asarray(x, dtype=np.float32).astype(np.float64)
        n, count = len(x32), len(self.left)
        if count == 0:
            return np.full(n, self.init)
        tree = np.arange(count)[None, :]
        node = np.zeros((n, count), dtype=np.int64)
        for _ in range(self.depth):
            left = self.left[tree, node]
            inner = left >= 0
            if not inner.any():
                break
            go_left = np.take_along_axis(x32, self.feature[tree, node], axis=1)
            go_left = go_left <= self.threshold[tree, node]
            node = np.where(inner, np.where(go_left, left, self.right[tree, node]), node)
        return self.init + self.rate * self.value[tree, node].sum(axis=1)


class Ranker:
    """Standardise, dot with the weights (plus the weights of the fact's lexical keys), blend
    with the boosted trees' raw score when the model has them, squash: P(a person would ask
    about this fact)."""

    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        mean: dict,
        scale: dict,
        lexical: dict[str, float] | None = None,
    ) -> None:
        names = feature_names()
        self.weights = np.array([weights.get(n, 0.0) for n in names])
        self.mean = np.array([mean.get(n, 0.0) for n in names])
        self.scale = np.array([scale.get(n, 1.0) or 1.0 for n in names])
        self.bias = float(bias)
        self.lexical = dict(lexical or {})
        self.discount = 0.0
        self.trees: Trees | None = None
        self.blend = 1.0  # the logistic regression's share of the blended logit
        self.floor = 0.0  # facts scored below it are not asked (builder.build)

    @classmethod
    def from_json(cls, data: dict) -> Ranker:
        ranker = cls(
            data["weights"], data["bias"], data["mean"], data["scale"], data.get("lexical")
        )
        ranker.discount = float(data.get("same_sentence_discount", 0.0))
        if data.get("trees"):
            try:
                ranker.trees = Trees(data["trees"])
                ranker.blend = float(data["trees"]["blend"])
            except (KeyError, ValueError) as error:  # the regression alone still ranks well
                log.warning("quiz ranker's trees unusable (%s); using the regression", error)
        ranker.floor = float(data.get("floor", 0.0))
        return ranker

    def score_matrix(self, x: np.ndarray, keys: Sequence[Sequence[str]] = ()) -> np.ndarray:
        if len(x) == 0:
            return np.zeros(0)
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        if keys and self.lexical:
            get = self.lexical.get
            z = z + np.array([sum(get(k, 0.0) for k in row) for row in keys])
        if self.trees is not None:
            z = self.blend * z + (1.0 - self.blend) * self.trees.raw(x)
        return 1.0 / (1.0 + np.exp(-z))

    def score(self, doc: Document, facts: Sequence[Fact]) -> list[float]:
        keys = lexical_keys(doc, facts) if self.lexical else ()
        return [float(v) for v in self.score_matrix(features(doc, facts), keys)]


@functools.cache
def shipped() -> Ranker | None:
    """The ranker in resources/models (None if it is missing or unreadable)."""
    try:
        data = json.loads(files("gistquiz.resources").joinpath(MODEL_NAME).read_text("utf-8"))
        return Ranker.from_json(data)
    except (OSError, ValueError, KeyError) as error:
        log.warning("quiz ranker unavailable (%s); ranking facts by importance", error)
        return None


# One question per sentence while sentences last: two questions on one sentence give each
# other away (a blank for "Xi Jinping" in the sentence that shows "Vladimir Putin", beside a
# blank for "Vladimir Putin" in the same sentence showing "Xi Jinping"). A second question on
# a sentence (score times 0) is taken only after every other candidate. Was 0.4.
SPREAD = 0.0


def floor() -> float:
    """The ranker's score below which a fact is not asked (0 without a model): chosen by
    cross-validation with the model (RANKER_CARD.md); a text whose facts all fall below it
    gets fewer questions and the builder's note."""
    ranker = shipped()
    return ranker.floor if ranker is not None else 0.0


def diversity() -> float:
    """The same-sentence discount of the quiz builder.

    The product wants a quiz spread over the article (a teacher would not ask four questions
    on the first sentence), so the discount is ``SPREAD`` whatever SQuAD paragraphs, five
    sentences long, prefer (the builder applies it when the text has at least as many
    sentences as questions).
    """
    ranker = shipped()
    learned = ranker.discount if ranker is not None and ranker.discount else 1.0
    return min(learned, SPREAD)


_recent: dict[tuple, list[float]] = {}
_recent_lock = threading.Lock()  # quizzes are built on worker threads


# A weekday alone ("on Tuesday") dates a news report against the day it was written: a reader
# a month later cannot place it, and a question on it tests memory of the filler. The model
# cannot know: its SQuAD paragraphs (Wikipedia) use weekdays for recurring days ("media day is
# held on Tuesdays", 12 of 5,397 questions). Such a weekday keeps half its score, so it is
# asked only when the text has little else.
DATED_WEEKDAY = 0.5


def _dated_weekday(fact: Fact) -> bool:
    return fact.type is FactType.DATE and fact.subtype == "weekday" and not fact.text.endswith("s")


def rank_scores(doc: Document, facts: Sequence[Fact]) -> list[float]:
    """A score in [0, 1] per fact, higher = more worth asking about.

    The last few results are kept: a quiz of several kinds, or a second quiz on the same text
    with another seed, ranks the same candidates again.
    """
    key = (doc.id, tuple((f.start, f.end, f.type, f.extra.get("source", "")) for f in facts))
    with _recent_lock:
        cached = _recent.get(key)
    if cached is not None:
        return list(cached)
    ranker = shipped()
    scores = [float(f.importance) for f in facts] if ranker is None else ranker.score(doc, facts)
    scores = [
        v * DATED_WEEKDAY if _dated_weekday(f) else v for v, f in zip(scores, facts, strict=True)
    ]
    with _recent_lock:
        if len(_recent) >= 8:
            _recent.pop(next(iter(_recent)))
        _recent[key] = scores
    return list(scores)
