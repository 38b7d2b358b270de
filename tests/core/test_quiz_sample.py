"""The sample article's default quiz, through the pipeline with the real fact extractor."""

from __future__ import annotations

import pytest

from gistquiz.core import pipeline
from gistquiz.core.errors import UnsupportedLanguage
from gistquiz.core.quiz import Kind, QuizOptions
from gistquiz.core.quiz.grading import grade
from gistquiz.core.quiz.validate import problems


@pytest.fixture(scope="module")
def sample():
    doc = pipeline.open_sample()
    return doc, pipeline.build_quiz(doc)


def _asks_about(doc, quiz, needle: str) -> bool:
    start = doc.text.index(needle)
    end = start + len(needle)
    return any(q.answer_start < end and start < q.answer_end for q in quiz.questions)


def test_default_quiz_has_ten_valid_questions_of_several_kinds(sample):
    doc, quiz = sample
    assert len(quiz.questions) == 10
    assert quiz.notes == ()
    assert len({q.kind for q in quiz.questions}) == 4
    for q in quiz.questions:
        assert problems(doc, q) == []


@pytest.mark.parametrize(
    "fact", ["International Criminal Court (ICC)", "123 different nations", "three-day tour"]
)
def test_the_key_facts_are_asked_by_the_default_quiz(sample, fact):
    doc, quiz = sample
    assert _asks_about(doc, quiz, fact), [q.answer for q in quiz.questions]


def test_no_two_questions_share_a_sentence_and_give_each_other_away(sample):
    # the article has 30 sentences for 10 questions: a blank for one name in a sentence that
    # another question shows whole would hand over its answer
    _, quiz = sample
    sentences = [q.sentence for q in quiz.questions]
    assert len(set(sentences)) == len(sentences), sentences


def test_the_default_quiz_mixes_every_kind(sample):
    _, quiz = sample
    counts = {kind: sum(q.kind is kind for q in quiz.questions) for kind in Kind}
    assert min(counts.values()) >= 2, counts


def test_each_answer_grades_as_correct(sample):
    _, quiz = sample
    for q in quiz.questions:
        if q.kind in (Kind.MCQ, Kind.TF):
            assert grade(q, q.correct).correct
        else:
            assert grade(q, q.answer).correct
            assert not grade(q, "something else entirely").correct


def test_same_seed_same_quiz(sample):
    doc, quiz = sample
    assert pipeline.build_quiz(doc) == quiz
    other = pipeline.build_quiz(doc, QuizOptions(count=5, kinds=(Kind.CLOZE,), seed=7))
    assert len(other.questions) == 5 and {q.kind for q in other.questions} == {Kind.CLOZE}


def test_a_poem_gets_fewer_questions_and_a_note():
    poem = (
        "Soft and slow, the grey light falls.\n"
        "Quiet, gentle, pale and still.\n"
        "Lovely, lonely, calm and small."
    )
    quiz = pipeline.build_quiz(pipeline.open_text(poem, language="en"))
    assert len(quiz.questions) < 10
    assert quiz.notes
    assert "few facts" in quiz.notes[0] or "no facts" in quiz.notes[0]


def test_non_english_quiz_is_refused_but_summary_works():
    text = (
        "Le président a visité Paris lundi. Il a rencontré trois ministres. "
        "La réunion a duré quatre heures. Les journalistes attendaient dehors."
    )
    doc = pipeline.open_text(text, language="fr")
    assert pipeline.summarize(doc, length=2).selected
    with pytest.raises(UnsupportedLanguage, match="English-only"):
        pipeline.build_quiz(doc)


def test_facts_below_the_rankers_floor_are_not_asked(monkeypatch):
    from gistquiz.core.facts import extract_facts
    from gistquiz.core.quiz import builder
    from gistquiz.core.quiz.ranker import rank_scores

    doc = pipeline.open_sample()
    candidates = builder.answer_candidates(doc, extract_facts(doc), 10)
    scores = rank_scores(doc, candidates)
    threshold = sorted(scores, reverse=True)[5]  # six facts at or above it, many below
    monkeypatch.setattr(builder, "floor", lambda: threshold)
    quiz = pipeline.build_quiz(doc)
    assert 0 < len(quiz.questions) <= 6
    assert quiz.notes and "few facts" in quiz.notes[0]
    above = [(f.start, f.end) for f, s in zip(candidates, scores, strict=True) if s >= threshold]
    for q in quiz.questions:  # each question's answer lies in a fact at or above the floor
        assert any(a <= q.answer_start and q.answer_end <= b for a, b in above), q.answer
