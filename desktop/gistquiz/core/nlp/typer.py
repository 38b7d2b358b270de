"""Entity typing: the rules of ``entities`` refined by a small trained sequence typer.

The typer is a greedy averaged perceptron over BIO labels (B-PERSON, I-ORG, O ...) trained
by ``python -m gistquiz.core.nlp.train`` on UniversalNER English-EWT dev (see MODEL_CARD.md).
Its features are the word, its shape and Penn tag, its neighbours, gazetteer hits and -- the
strongest -- the label the rules give the token, so it learns when to trust a title, an
organisation head or the place list, and finds names no rule covers. Weights are gzipped
JSON; prediction is a few dict look-ups per token (written here, not NLTK's class, because it
only needs scoring and must stay cheap and thread-safe).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from .entities import INITIAL, PROPER, Entity, find_entities, function_word
from .gazetteer import ORG_HEADS, PERSON_TITLES, given_names, place_type
from .tokens import Token

MODEL_RESOURCE = "models/entity-typer.json.gz"
TYPER_FORMAT = "gistquiz.entity-typer/1"

_lock = threading.Lock()
_model: dict | None = None
_missing = False


def _shape(word: str) -> str:
    out = []
    for ch in word[:6]:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def rule_labels(n: int, entities: Sequence[Entity]) -> list[str]:
    labels = ["O"] * n
    for e in entities:
        kind = e.type or "NAME"
        for k in range(e.first, e.last):
            labels[k] = ("B-" if k == e.first else "I-") + kind
    return labels


def token_features(
    tokens: Sequence[Token], tags: Sequence[str], rules: Sequence[str], i: int
) -> list[str]:
    """Features of token ``i`` that do not depend on earlier predictions."""
    w = tokens[i].norm
    low = w.lower()
    prev = tokens[i - 1].norm if i > 0 else "<s>"
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else "</s>"
    nxt2 = tokens[i + 2].norm if i + 2 < len(tokens) else "</s>"
    feats = [
        "bias",
        "w=" + low,
        "shape=" + _shape(w),
        "suf3=" + low[-3:],
        "pre3=" + low[:3],
        "tag=" + tags[i],
        "tag-1=" + (tags[i - 1] if i > 0 else "<s>"),
        "tag+1=" + (tags[i + 1] if i + 1 < len(tags) else "</s>"),
        "w-1=" + prev.lower(),
        "w+1=" + nxt.lower(),
        "w+2=" + nxt2.lower(),
        "rule=" + rules[i],
        "rule+tag=" + rules[i] + "|" + tags[i],
        "rule-1=" + (rules[i - 1] if i > 0 else "<s>"),
        "rule+1=" + (rules[i + 1] if i + 1 < len(rules) else "</s>"),
        "first" if i == 0 else "inner",
    ]
    place = place_type(w) if w[:1].isupper() else None
    if place:
        feats.append("place=" + place)
    if i + 1 < len(tokens) and place_type(w + " " + nxt):
        feats.append("place2=start")
    if i > 0 and place_type(prev + " " + w):
        feats.append("place2=end")
    if low in PERSON_TITLES:
        feats.append("title")
    if prev.lower() in PERSON_TITLES:
        feats.append("title-1")
    # A census first name ("Harrison", "Sherman"): the perceptron weighs it against the other
    # features, so the names that are also places or words ("Georgia", "Will") stay open.
    given = given_names()
    if w[:1].isupper() and low in given:
        feats.append("given")
    if i > 0 and prev[:1].isupper() and prev.lower() in given:
        feats.append("given-1")
    if low in ORG_HEADS:
        feats.append("orghead")
    if nxt.lower() in ORG_HEADS:
        feats.append("orghead+1")
    return feats


def _model_or_none() -> dict | None:
    global _model, _missing
    if _model is None and not _missing:
        with _lock:
            if _model is None and not _missing:
                from .tagger import load_model_json

                try:
                    _model = load_model_json(MODEL_RESOURCE)
                except FileNotFoundError:
                    _missing = True
    return _model


def _compiled(model: dict) -> tuple[dict, list[str], object]:
    """The weights as a dense matrix (feature row x label), built once per model."""
    compiled = model.get("_compiled")
    if compiled is None:
        import numpy as np

        classes = list(model["classes"])
        column = {c: k for k, c in enumerate(classes)}
        index = {f: row for row, f in enumerate(model["weights"])}
        matrix = np.zeros((len(index), len(classes)), dtype=np.float32)
        for f, row in index.items():
            for c, w in model["weights"][f].items():
                matrix[row, column[c]] = w
        compiled = model["_compiled"] = (index, classes, matrix)
    return compiled


def _plain(token: Token, tag: str, rule: str) -> bool:
    """A lower-case common word (or a capitalised function word, ``function_word``) the rules
    leave alone: always outside a name. Skipping the model there keeps typing cheap (most
    tokens) at a small cost in recall on web text."""
    return rule == "O" and (
        (tag not in PROPER and not token.text[:1].isupper()) or function_word(token)
    )


def predict_labels(
    model: dict, tokens: Sequence[Token], tags: Sequence[str], rules: Sequence[str]
) -> list[str]:
    """Greedy left-to-right BIO labels."""
    index, classes, matrix = _compiled(model)
    labels: list[str] = []
    prev, prev2 = "<s>", "<s>"
    for i in range(len(tokens)):
        if _plain(tokens[i], tags[i], rules[i]):
            best = "O"
        else:
            feats = token_features(tokens, tags, rules, i)
            feats.append("label-1=" + prev)
            feats.append("label-2,-1=" + prev2 + "|" + prev)
            rows = [index[f] for f in feats if f in index]
            best = classes[int(matrix[rows].sum(axis=0).argmax())] if rows else "O"
            if best.startswith("I-") and prev[2:] != best[2:]:
                best = "B-" + best[2:]  # an I- never opens a span
        labels.append(best)
        prev2, prev = prev, best
    return labels


def labels_to_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    spans, k = [], 0
    while k < len(labels):
        if labels[k].startswith("B-"):
            kind = labels[k][2:]
            j = k + 1
            while j < len(labels) and labels[j] == "I-" + kind:
                j += 1
            spans.append((k, j, kind))
            k = j
        else:
            k += 1
    return spans


def _strong(rule: Entity) -> bool:
    """Whether a rule's type overrules the model on the same span. Chosen by two-fold
    cross-validation on the typer's own training set (UNER EWT dev), never on the test
    sets: letting every typed rule stand (F1 0.520) beat titles and organisation heads only
    (0.514) and the model alone (0.507). The model adds the names no rule types."""
    return bool(rule.type)


def type_entities(
    tokens: Sequence[Token], tags: Sequence[str], *, use_model: bool = True
) -> list[Entity]:
    """Entities of one sentence (char spans absolute, as the tokens carry them)."""
    entities = find_entities(tokens, tags)
    model = _model_or_none() if use_model else None
    if model is None or not tokens:
        return entities
    rules = rule_labels(len(tokens), entities)
    labels = predict_labels(model, tokens, tags, rules)
    by_span = {(e.first, e.last): e for e in entities}
    out: list[Entity] = []
    for first, last, kind in labels_to_spans(labels):
        wider = next(
            (
                e
                for e in entities
                if _strong(e)
                and e.first <= first
                and last <= e.last
                and (e.first, e.last) != (first, last)
                and any(INITIAL.match(t.text) for t in tokens[e.first + 1 : e.last - 1])
            ),
            None,
        )
        if wider is not None and not any(o.first == wider.first for o in out):
            # a typed rule name around the model's piece of it: "Dwight D. Eisenhower" (the
            # tagger read "Dwight" as an adjective) over the model's "Eisenhower", a place
            first, last, kind = wider.first, wider.last, wider.type
        elif wider is not None:
            continue
        rule = by_span.get((first, last))
        if rule is not None and _strong(rule):
            kind = rule.type
        subtype = rule.subtype if rule is not None and rule.type == kind else ""
        title = rule.title if rule is not None else ""
        out.append(
            Entity(kind, first, last, tokens[first].start, tokens[last - 1].end, subtype, title)
        )
    # Names the model left out keep a strong rule's type; others stay untyped candidates
    # for document-level aliasing.
    covered = {k for e in out for k in range(e.first, e.last)}
    for e in entities:
        if not any(k in covered for k in range(e.first, e.last)):
            kept = e if _strong(e) else Entity("", e.first, e.last, e.start, e.end, "", e.title)
            out.append(kept)
    out.sort(key=lambda e: e.first)
    return out
