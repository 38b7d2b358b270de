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


def test_a_name_beside_its_description_is_asked_about_alone():
    """ "the Canadian cable channel Space", "his son Shi Gang": people ask about the name."""
    from gistquiz.core import pipeline
    from gistquiz.core.facts import extract_facts

    text = (
        "In 2009 the Canadian cable channel Space started showing the series. "
        "The old khan and his son Shi Gang ruled the city for ten years. "
        "The festival had special guest performers Beyoncé and Bruno Mars."
    )
    doc = pipeline.open_text(text, language="en")
    answers = {f.text for f in answer_candidates(doc, extract_facts(doc), 10)}
    assert "Space" in answers and "Canadian cable channel Space" not in answers
    assert not any(a.endswith("son Shi Gang") for a in answers)
    assert not any(a.endswith("performers Beyoncé") for a in answers)
    # a capitalised word that opens the sentence is no name, and a plain phrase stays whole
    assert "old khan" in answers or "khan" in answers


def test_a_sentence_without_a_finite_verb_is_not_asked():
    text = "The council met in Paris in 1990. Beijing and Tokyo in 1991."
    doc = build_document(text, language="en")
    facts = [
        Fact(FactType.DATE, year, text.index(year), text.index(year) + 4, sentence)
        for sentence, year in ((0, "1990"), (1, "1991"))
    ]
    ctx = Context(doc, facts)
    kinds = (Kind.WH, Kind.CLOZE, Kind.MCQ, Kind.TF)
    assert fact_questions(ctx, facts[0], kinds)
    assert fact_questions(ctx, facts[1], kinds) == []  # "Beijing and Tokyo in _____."


def test_a_year_in_brackets_is_no_acronym_of_the_name_before_it():
    from gistquiz.core.quiz.builder import with_acronym

    text = "Protestant rule ended with the Edict of Alès (1629). It reached the World Court (ICC)."
    year = Fact(FactType.DATE, "1629", text.index("1629"), text.index("1629") + 4, 0)
    assert with_acronym(text, year).text == "1629"
    icc = Fact(FactType.ORG, "ICC", text.index("ICC"), text.index("ICC") + 3, 1)
    assert with_acronym(text, icc).text == "World Court (ICC)"


def test_a_phrase_cut_out_of_a_dash_joined_word_takes_the_whole_word():
    text = "ABC is owned by the Disney–ABC Television Group and by Sub-Saharan Africa, 1249–1314."
    doc = build_document(text, language="en")

    def fact(phrase: str) -> Fact:
        at = text.index(phrase)
        return Fact(FactType.ORG, phrase, at, at + len(phrase), 0)

    found = answer_candidates(doc, [fact("ABC Television Group"), fact("Saharan Africa")], 10)
    texts = [f.text for f in found]
    assert "Disney–ABC Television Group" in texts and "Sub-Saharan Africa" in texts, texts
    assert all(doc.text[f.start : f.end] == f.text for f in found)
    years = answer_candidates(doc, [fact("1314")], 10)
    assert [f.text for f in years][:1] == ["1314"]  # a range's end stays a year of its own


def test_a_span_inside_a_dash_joined_word_is_no_candidate():
    text = "K-12 schools grew. Nine follow-on landings were planned. Norman Foster-designed halls."
    doc = build_document(text, language="en")

    def fact(phrase: str, kind: FactType = FactType.NUMBER) -> Fact:
        at = text.index(phrase)
        return Fact(kind, phrase, at, at + len(phrase), 0)

    found = answer_candidates(
        doc, [fact("12 schools"), fact("Nine follow"), fact("Norman Foster", FactType.PERSON)], 10
    )
    texts = [f.text for f in found]
    assert "12 schools" not in texts and "Nine follow" not in texts, texts  # "K-_____"
    assert "Norman Foster" in texts, texts  # a name before a lower-case modifier stays
