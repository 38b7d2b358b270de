"""What the quiz can ask: the valid questions of a fact."""

from __future__ import annotations

from gistquiz.core.document import build_document
from gistquiz.core.facts.model import Fact, FactType
from gistquiz.core.quiz import Kind
from gistquiz.core.quiz.builder import answer_candidates, fact_questions
from gistquiz.core.quiz.registry import Context
from gistquiz.core.quiz.validate import problems

TEXT = (
    "The council defended the theory of races in 1901. "
    "Trade unions, banks and private universities opposed the plan of the council."
)


def _candidates():
    doc = build_document(TEXT, language="en")
    start = TEXT.index("1901")
    facts = answer_candidates(doc, [Fact(FactType.DATE, "1901", start, start + 4, 0)], 10)
    return doc, facts


def test_fact_questions_are_valid_and_of_the_asked_kinds():
    doc, facts = _candidates()
    ctx = Context(doc, facts)
    asked = [q for f in facts for q in fact_questions(ctx, f, (Kind.WH, Kind.CLOZE))]
    assert any(q.answer == "1901" for q in asked)
    assert {q.kind for q in asked} <= {Kind.WH, Kind.CLOZE}
    assert all(problems(doc, q, ctx.index) == [] for q in asked)
