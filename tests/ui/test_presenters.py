"""Screen logic without widgets: the quiz session, compare table, spans, summary text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ui_helpers import hand_made_quiz

from gistquiz.core import pipeline
from gistquiz.core.document import build_document
from gistquiz.core.quiz.model import Kind
from gistquiz.ui.presenters import (
    Phase,
    QuizSession,
    SentenceLocator,
    compare_table,
    heat_levels,
    reading_stats,
    summary_as_text,
)


def test_quiz_session_asks_marks_continues_and_finishes(sample):
    session = QuizSession(hand_made_quiz(sample), source="sample")
    assert session.phase is Phase.ASKING and session.current.kind is Kind.MCQ
    mark = session.answer(1)
    assert mark.correct and mark.given == "Fumio Kishida"
    assert session.phase is Phase.FEEDBACK
    with pytest.raises(RuntimeError):
        session.answer(1)  # one answer per question
    session.advance()
    assert session.current.kind is Kind.CLOZE
    assert session.answer("kirby").correct  # lenient grading of typed answers
    session.advance()
    assert not session.answer(1).correct  # TF: "False" to a true statement
    session.advance()
    wrong = session.answer("a peace treaty")
    assert not wrong.correct and wrong.expected == "12-point plan"
    session.advance()
    assert session.phase is Phase.FINISHED
    assert (session.correct, session.total) == (2, 4)

    attempt = session.attempt()
    assert attempt.document_id == sample.id and attempt.source == "sample"
    assert [r.correct for r in attempt.results] == [True, True, False, False]
    assert attempt.results[3].given == "a peace treaty"

    retry = session.retry_wrong()
    assert [q.id for q in retry.questions] == ["q-tf", "q-wh"]
    assert retry.phase is Phase.ASKING and retry.answered == 0


def test_choice_out_of_range_is_refused(sample):
    session = QuizSession(hand_made_quiz(sample))
    with pytest.raises(ValueError):
        session.answer(4)
    assert session.phase is Phase.ASKING


def test_empty_quiz_is_finished_at_once(sample):
    quiz = hand_made_quiz(sample).replace(questions=())
    assert QuizSession(quiz).phase is Phase.FINISHED


def test_compare_table_marks_shared_sentences(sample):
    rankings = [pipeline.summarize(sample, name, 5) for name in ("lexrank", "luhn", "lead")]
    table = compare_table(sample, rankings)
    assert table.algorithms == ("lexrank", "luhn", "lead")
    every = set.intersection(*(set(r.selected) for r in rankings))
    assert set(table.shared_by_all) == every
    for ranking in rankings:
        rows = table.columns[ranking.algorithm]
        assert [r.sentence for r in rows] == list(ranking.selected)
        for row in rows:
            assert ranking.algorithm in row.chosen_by
            assert len(row.chosen_by) == table.share_count(row.sentence)


def test_summary_text_as_bullets_or_paragraph(sample):
    ranking = pipeline.summarize(sample, "lead", 2)
    first, second = (sample.clean_sentence(i) for i in ranking.selected)
    assert summary_as_text(sample, ranking, bullets=True) == f"- {first}\n- {second}"
    assert summary_as_text(sample, ranking, bullets=False) == f"{first} {second}"


def test_heat_levels_span_zero_to_one(sample):
    levels = heat_levels(pipeline.summarize(sample, "lexrank", 3))
    assert min(levels) == 0.0 and max(levels) == 1.0


def test_reading_stats(sample):
    sentences, words, minutes = reading_stats(sample)
    assert sentences == len(sample.body_sentences) and words == sample.word_count
    assert minutes >= 1


@given(st.lists(st.sampled_from(["Plain words.", "Emoji 🎉 here.", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text.", "Ünïcödé."]),
                min_size=1, max_size=8))  # fmt: skip
def test_locator_maps_python_offsets_to_utf16_and_back(parts):
    doc = build_document(" ".join(parts), language="en")
    locator = SentenceLocator(doc)
    utf16 = doc.text.encode("utf-16-le")
    for s in doc.sentences:
        a, b = locator.to_qt(s.start), locator.to_qt(s.end)
        assert utf16[2 * a : 2 * b].decode("utf-16-le") == doc.sentence_text(s.index)
        assert locator.from_qt(a) == s.start
        assert locator.sentence_at(s.start) == s.index
