"""Invariants of the quiz on generated texts: no crash, every question valid, one right option."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistquiz.core.document import build_document
from gistquiz.core.errors import GistQuizError
from gistquiz.core.facts.model import Fact, FactType
from gistquiz.core.quiz import Kind, QuizOptions
from gistquiz.core.quiz.builder import build
from gistquiz.core.quiz.text import normalize
from gistquiz.core.quiz.validate import problems

NAMES = ["Moscow", "Japan", "Mr. Xi", "John Kirby", "the Court", "Kyiv", "ICC", "Paris", "Anna"]
WORDS = ["the", "a", "court", "met", "warrant", "said", "in", "on", "and", "plan", "nations", "of"]
NUMBERS = ["3", "123", "three", "12-point", "1,000", "2022", "four", "Monday", "(ICC)"]
PUNCT = [",", ".", "?", "!", ";", "“", "”", "’s", "\n", "\n\n", "-"]
TOKEN = st.sampled_from(NAMES + WORDS + NUMBERS + PUNCT)
TYPES = {
    "name": FactType.PERSON,
    "place": FactType.PLACE,
    "org": FactType.ORG,
    "number": FactType.NUMBER,
}
_CANDIDATE = re.compile(r"\b(?:[A-Z][\w.’]*(?: [A-Z][\w’]*)*|\d[\d,\-]*\w*|three|four)\b")


def facts_of(doc, kinds: list[str]) -> list[Fact]:
    """Crude candidates (capitalised runs and numbers) with types drawn by hypothesis."""
    facts = []
    for n, match in enumerate(_CANDIDATE.finditer(doc.text)):
        sentence = next(
            (s.index for s in doc.sentences if s.start <= match.start() and match.end() <= s.end),
            None,
        )
        if sentence is None:
            continue
        kind = TYPES[kinds[n % len(kinds)]] if kinds else FactType.TERM
        facts.append(
            Fact(kind, match.group(0), match.start(), match.end(), sentence, importance=0.5)
        )
    return facts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tokens=st.lists(TOKEN, min_size=1, max_size=80),
    kinds=st.lists(st.sampled_from(sorted(TYPES)), max_size=4),
    count=st.integers(min_value=1, max_value=12),
    seed=st.integers(min_value=0, max_value=5),
    quiz_kinds=st.sets(st.sampled_from(list(Kind)), min_size=1),
)
def test_builder_never_crashes_and_every_question_is_valid(tokens, kinds, count, seed, quiz_kinds):
    text = " ".join(tokens)
    try:
        doc = build_document(text, language="en")
    except GistQuizError:
        return  # an empty document is refused before the quiz
    facts = facts_of(doc, kinds)
    options = QuizOptions(count=count, kinds=tuple(sorted(quiz_kinds)), seed=seed)
    quiz = build(doc, facts, options)
    assert len(quiz.questions) <= count
    assert bool(quiz.notes) == (len(quiz.questions) < count)
    for q in quiz.questions:
        assert problems(doc, q) == [], (q, problems(doc, q))
        assert q.kind in quiz_kinds
        if q.kind is Kind.MCQ:
            assert sum(normalize(o) == normalize(q.answer) for o in q.options) == 1
            assert q.options[q.correct] == q.answer
    assert build(doc, facts, options) == quiz  # deterministic per seed


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(TOKEN, min_size=1, max_size=60), seed=st.integers(0, 3))
def test_pipeline_quiz_on_any_text_is_valid(tokens, seed):
    from gistquiz.core import pipeline

    try:
        doc = pipeline.open_text(" ".join(tokens), language="en")
    except GistQuizError:
        return
    quiz = pipeline.build_quiz(doc, QuizOptions(count=6, seed=seed))
    for q in quiz.questions:
        assert problems(doc, q) == []
        if q.kind is Kind.MCQ:
            assert sum(normalize(o) == normalize(q.answer) for o in q.options) == 1
