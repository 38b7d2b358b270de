"""The quiz builder and its question kinds, on facts made by hand."""

from __future__ import annotations

import random
import re

import pytest
from quiz_fixtures import article, make_facts

from gistquiz.core.document import build_document
from gistquiz.core.errors import InvalidOption, UnsupportedLanguage
from gistquiz.core.facts.model import Fact, FactType
from gistquiz.core.quiz import BLANK, Kind, QuizOptions
from gistquiz.core.quiz.builder import build, fact_questions, with_acronym
from gistquiz.core.quiz.distractors import ArticleIndex, bare_number, choose, perturbations
from gistquiz.core.quiz.gazetteer import CONTINENTS, REGIONS
from gistquiz.core.quiz.registry import Context, available_kinds, builder_for
from gistquiz.core.quiz.text import normalize, surface_type, types_compatible
from gistquiz.core.quiz.validate import problems


@pytest.fixture(scope="module")
def quiz_input():
    return article()


def _fact(facts, text):
    return next(f for f in facts if f.text == text)


def test_registry_has_the_four_kinds():
    assert set(available_kinds()) >= {Kind.MCQ, Kind.CLOZE, Kind.TF, Kind.WH}


def test_quiz_has_the_requested_count_and_every_question_is_valid(quiz_input):
    doc, facts = quiz_input
    quiz = build(doc, facts, QuizOptions(count=8))
    assert len(quiz.questions) == 8
    assert quiz.notes == ()
    for q in quiz.questions:
        assert problems(doc, q) == [], q
        assert q.id and q.explanation == doc.clean_sentence(q.sentence)
    # one question per fact
    spans = [(q.answer_start, q.answer_end) for q in quiz.questions]
    assert len(set(spans)) == len(spans)


def test_same_seed_same_quiz_other_seed_other_order(quiz_input):
    doc, facts = quiz_input
    first = build(doc, facts, QuizOptions(count=10, seed=3))
    again = build(doc, facts, QuizOptions(count=10, seed=3))
    assert first == again
    other = build(doc, facts, QuizOptions(count=10, kinds=(Kind.MCQ,), seed=4))
    assert all(q.kind is Kind.MCQ for q in other.questions)


def test_questions_spread_over_the_article(quiz_input):
    doc, facts = quiz_input
    quiz = build(doc, facts, QuizOptions(count=6))
    sentences = [q.sentence for q in quiz.questions]
    assert len(set(sentences)) >= 5


def test_mcq_has_four_options_of_one_type_and_one_correct(quiz_input):
    doc, facts = quiz_input
    quiz = build(doc, facts, QuizOptions(count=12, kinds=(Kind.MCQ,)))
    assert quiz.questions
    for q in quiz.questions:
        assert len(q.options) == 4
        assert q.options[q.correct] == q.answer
        assert sum(normalize(o) == normalize(q.answer) for o in q.options) == 1
        kind = surface_type(q.answer)
        assert all(types_compatible(surface_type(o), kind) for o in q.options)


def test_court_distractors_are_courts_and_not_the_answer_under_another_name(quiz_input):
    doc, facts = quiz_input
    icc = with_acronym(doc.text, _fact(facts, "International Criminal Court"))
    assert icc.text == "International Criminal Court (ICC)"
    ctx = Context(doc, facts)
    options = ctx.distractors(icc)
    assert len(options) == 3
    assert all("Court" in o for o in options)
    assert not any(normalize(o) in {"icc", "international criminal court"} for o in options)


def test_number_distractors_keep_format_and_magnitude(quiz_input):
    _, facts = quiz_input
    nations = _fact(facts, "123 nations")
    variants = perturbations(nations, random.Random(1))
    assert variants and all(v.endswith(" nations") for v in variants)
    assert all(len(v.split()[0]) == 3 and v != "123 nations" for v in variants)
    tour = perturbations(_fact(facts, "three-day tour"), random.Random(1))
    assert tour and all(v.endswith("-day tour") and v[0].isalpha() for v in tour)


def _options(text: str, specs, which: int = 0) -> list[str]:
    """The distractors ``choose`` picks (seed 0) for the ``which``-th of the facts ``specs``
    makes in ``text``, with the others as the article's names."""
    doc = build_document(text, language="en")
    facts = make_facts(doc, specs)
    index = ArticleIndex.of(doc.sentence_text(s.index) for s in doc.sentences)
    fact = facts[which]
    sentence = doc.sentences[fact.sentence]
    return choose(
        fact,
        facts,
        doc.sentence_text(sentence.index),
        sentence.start,
        index,
        random.Random(0),
        sentence_starts=frozenset(s.start for s in doc.sentences),
    )


def test_a_distractor_that_the_text_makes_true_is_refused():
    text = "Paris is the capital of France. Lyon is a city in France. Nice is a city in France."
    chosen = _options(
        text, [("Lyon", FactType.PLACE, "city", ()), ("Nice", FactType.PLACE, "city", ())]
    )
    assert "Nice" not in chosen  # "Nice is a city in France." is also true


def test_date_distractors_name_the_same_parts_as_the_answer():
    text = (
        "The fleet sailed on 31 December 1687. A second ship left on 6 April. "
        "The bible was printed in Paris in 1487. The church was founded in 1628."
    )
    specs = [(d, FactType.DATE, "", ()) for d in ("6 April", "1487", "1628")]
    chosen = _options(text, specs, which=1)
    assert len(chosen) == 3 and "1628" in chosen
    assert all(re.fullmatch(r"\d{4}", c) for c in chosen), chosen  # years, never "6 April"


def test_a_bare_count_gets_bare_counts_as_options():
    text = (
        "Four episodes were produced in 1993. A two-part mini-episode was made for charity. "
        "The series had 26 seasons."
    )
    chosen = _options(
        text,
        [
            ("Four", FactType.NUMBER, "", ()),
            ("two-part mini-episode", FactType.NUMBER, "part", ()),
            ("26", FactType.NUMBER, "", ()),
        ],
    )
    assert len(chosen) == 3 and "two-part mini-episode" not in chosen, chosen
    assert all(bare_number(c) for c in chosen), chosen
    assert bare_number("twenty-one") and bare_number("$40") and not bare_number("12 outings")
    assert bare_number("only two") and bare_number("about 1,000") and not bare_number("76 km")


def test_a_continent_gets_continents_as_options():
    text = "The war drew British resources away from North America and the European mainland."
    chosen = _options(text, [("North America", FactType.PLACE, "continent", ())])
    # continents only (the ones whose surface type matches "North America"), never countries:
    # too few of them and the fact gets another kind of question
    assert chosen and set(chosen) <= set(CONTINENTS), chosen


def test_a_term_opening_its_sentence_is_no_name_beside_one():
    text = (
        "The water broke through the Purus Arch. Analyses of sediment cores show change. "
        "States or departments hold the forest. The Solimões Basin formed. The Iquitos Arch rose."
    )
    specs = [
        (t, FactType.TERM, "", ())
        for t in ("Purus Arch", "Analyses", "States", "Solimões Basin", "Iquitos Arch")
    ]
    chosen = _options(text, specs)
    assert chosen and not {"Analyses", "States", "analyses", "states"} & set(chosen), chosen
    assert "Iquitos Arch" in chosen
    # a common answer gets them in lower case
    lower = _options(
        "Rocks hold the sediment cores. " + text,
        [("sediment cores", FactType.TERM, "", ()), *specs],
    )
    assert "Analyses" not in lower and "States" not in lower, lower


def test_a_role_gets_roles_as_options():
    text = (
        "The Presiding Officer chairs the sessions. The Finance Minister spoke first. "
        "The Chief Secretary left. The building opened after the First World War. "
        "It stands on the Royal Mile."
    )
    specs = [
        ("Presiding Officer", FactType.TERM, "officer", ()),
        ("Finance Minister", FactType.TERM, "minister", ()),
        ("Chief Secretary", FactType.TERM, "secretary", ()),
        ("First World War", FactType.TERM, "war", ()),
        ("Royal Mile", FactType.TERM, "mile", ()),
    ]
    chosen = _options(text, specs)
    assert {"Finance Minister", "Chief Secretary"} <= set(chosen), chosen
    assert not {"First World War", "Royal Mile"} & set(chosen), chosen


def test_a_thing_gets_no_person_named_at_the_end_of_a_term():
    text = (
        "The Scottish Parliament makes laws. The British Parliament sits in London. The "
        "building was led by Design Principal Tony Kettle. The Constitutional Convention met. "
        "The Jordan River floods."
    )
    specs = [
        ("Scottish Parliament", FactType.TERM, "parliament", ()),
        ("British Parliament", FactType.TERM, "parliament", ()),
        ("Design Principal Tony Kettle", FactType.TERM, "kettle", ()),
        ("Constitutional Convention", FactType.TERM, "convention", ()),
        ("Jordan River", FactType.TERM, "river", ()),
    ]
    chosen = _options(text, specs)
    assert "Design Principal Tony Kettle" not in chosen, chosen  # was an option
    assert "British Parliament" in chosen, chosen


def test_an_amount_gets_amounts_of_its_own_kind_and_scale():
    text = (
        "The plague reduced the world population to 450 million. Later it was 350 million. "
        "It killed 30–75% of those infected. Fever rose to 38–41 °C. About 90 ships sailed. "
        "Europe lost 25 million people."
    )
    specs = [
        ("450 million", FactType.NUMBER, "", ()),
        ("350 million", FactType.NUMBER, "", ()),
        ("30–75%", FactType.NUMBER, "%", ()),
        ("38–41 °C", FactType.NUMBER, "c", ()),
        ("90", FactType.NUMBER, "", ()),
        ("25 million people", FactType.NUMBER, "people", ()),
    ]
    chosen = _options(text, specs)
    assert len(chosen) == 3 and "350 million" in chosen, chosen
    assert all(c.endswith(" million") for c in chosen), chosen


def test_a_bare_amount_gets_amounts_of_its_size():
    text = (
        "By the early 1980s the population was less than 200,000. The index fell to 0.52. "
        "About 150,000 people lived in the towns. Later 90,000 remained."
    )
    specs = [
        ("less than 200,000", FactType.NUMBER, "", ()),
        ("0.52", FactType.NUMBER, "", ()),
        ("150,000", FactType.NUMBER, "", ()),
        ("90,000", FactType.NUMBER, "", ()),
    ]
    chosen = _options(text, specs)
    assert "0.52" not in chosen, chosen  # was the false statement "... it was 0.52"
    assert {"150,000", "90,000"} <= set(chosen), chosen


def test_the_answer_in_the_singular_is_no_option():
    text = "Luther's hymns were sung in every town. The hymn was printed. A title was chosen."
    chosen = _options(text, [(t, FactType.TERM, "", ()) for t in ("hymns", "hymn", "title")])
    assert "hymn" not in chosen and "title" in chosen, chosen


def test_perturbed_counts_agree_with_their_noun():
    def variants(text: str) -> list[str]:
        return perturbations(Fact(FactType.NUMBER, text, 0, len(text), 0), random.Random(0))

    assert variants("one thing") == []  # no "three thing"
    assert variants("3 ships") and "1 ships" not in variants("3 ships")
    assert "one ships" not in variants("three ships")
    assert "1" in variants("2") or "3" in variants("2")  # a bare number has no noun to agree


def test_perturbed_dates_are_real_dates():
    doc = build_document("The fleet sailed on 31 December 1687 from the port.", language="en")
    (day,) = make_facts(doc, [("31 December", FactType.DATE, "", ())])
    variants = perturbations(day, random.Random(0))
    assert variants and "31 January" in variants
    assert not {"31 September", "31 February", "31 April", "31 June"} & set(variants)


def test_perturbed_years_stay_in_the_past_of_a_past_answer():
    def years(text: str, this_year: int) -> list[int]:
        fact = Fact(FactType.DATE, text, 0, len(text), 0, subtype="year")
        return [int(v) for v in perturbations(fact, random.Random(0), this_year)]

    assert years("2015", 2020) and max(years("2015", 2020)) <= 2020  # was up to 2027
    assert min(years("2015", 2020)) >= 2003
    # a plan for the future keeps years on both sides of it
    assert len(years("2040", 2020)) == 8
    assert {y > 2040 for y in years("2040", 2020) + years("2041", 2020)} == {True, False}


def test_a_bracketed_name_is_no_acronym_to_copy():
    text = (
        "Settlers arrived with François Villion (Viljoen). Later came Jan van Riebeeck. "
        "Maria de la Queillerie followed. Guyard de Moulin wrote."
    )
    names = ("François Villion (Viljoen)", "Jan van Riebeeck", "Maria de la Queillerie")
    chosen = _options(text, [(n, FactType.PERSON, "", ()) for n in (*names, "Guyard de Moulin")])
    assert chosen and not any("(" in c for c in chosen), chosen  # no "Jan van Riebeeck (JR)"


def test_cloze_blank_covers_exactly_the_answer(quiz_input):
    doc, facts = quiz_input
    ctx = Context(doc, facts)
    (q,) = builder_for(Kind.CLOZE)(ctx, _fact(facts, "123 nations"))
    assert q.stem.count(BLANK) == 1
    assert q.stem.replace(BLANK, q.answer) == doc.clean_sentence(q.sentence)


def test_true_false_items_are_grounded_or_false_everywhere(quiz_input):
    doc, facts = quiz_input
    quiz = build(doc, facts, QuizOptions(count=12, kinds=(Kind.TF,), seed=1))
    index = ArticleIndex.of(doc.sentence_text(s.index) for s in doc.sentences)
    truths = {q.correct for q in quiz.questions}
    assert truths == {0, 1}  # both true and false statements are made
    for q in quiz.questions:
        assert index.states(q.stem.rstrip(".")) == (q.correct == 0)


def test_validator_catches_broken_questions(quiz_input):
    from dataclasses import replace

    doc, facts = quiz_input
    quiz = build(doc, facts, QuizOptions(count=12, kinds=(Kind.MCQ, Kind.CLOZE)))
    mcq = next(q for q in quiz.questions if q.kind is Kind.MCQ)
    assert problems(doc, replace(mcq, stem=mcq.stem.rstrip("?")))
    assert problems(doc, replace(mcq, correct=(mcq.correct + 1) % 4))
    twice = list(mcq.options)
    twice[(mcq.correct + 1) % 4] = mcq.answer
    assert problems(doc, replace(mcq, options=tuple(twice)))
    assert problems(doc, replace(mcq, answer_start=mcq.answer_start + 1))
    cloze = next(q for q in quiz.questions if q.kind is Kind.CLOZE)
    assert problems(doc, replace(cloze, stem=cloze.stem + " " + BLANK))
    assert problems(doc, replace(cloze, stem=cloze.stem.replace(BLANK, "x" + BLANK)))


def test_few_facts_give_fewer_questions_and_a_note():
    doc = build_document("Soft rain, grey light,\nquiet and slow and gentle.", language="en")
    quiz = build(doc, [], QuizOptions(count=10))
    assert quiz.questions == ()
    assert quiz.notes and "no facts" in quiz.notes[0]


def test_non_english_text_is_refused_with_a_typed_error():
    doc = build_document("Le chat dort sur le canapé. Il fait beau à Paris.", language="fr")
    with pytest.raises(UnsupportedLanguage, match="English-only"):
        build(doc, [], QuizOptions())


def test_bad_options_are_refused(quiz_input):
    doc, facts = quiz_input
    with pytest.raises(InvalidOption):
        build(doc, facts, QuizOptions(count=0))
    with pytest.raises(InvalidOption):
        build(doc, facts, QuizOptions(kinds=()))


def test_long_text_draws_on_the_top_part_reports_progress_and_cancels():
    from gistquiz.core.errors import Cancelled
    from gistquiz.core.progress import CancelToken

    lines = [f"Team {n} scored {n + 3} goals in the final in Town {n}." for n in range(400)]
    doc = build_document("\n".join(lines), language="en")
    specs = [(f"{n + 3} goals", FactType.NUMBER, "goals", ()) for n in range(0, 400, 2)]
    facts = make_facts(doc, specs)
    reports = []
    quiz = build(doc, facts, QuizOptions(count=5), progress=lambda f, m: reports.append(f))
    assert len(quiz.questions) == 5
    assert reports and reports[-1] == 1.0 and all(0 <= f <= 1 for f in reports)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        build(doc, facts, QuizOptions(count=5), cancel=token)


def test_a_quiz_mixes_its_kinds_evenly(quiz_input):
    doc, facts = quiz_input
    quiz = build(doc, facts, QuizOptions(count=8))
    counts = {kind: sum(q.kind is kind for q in quiz.questions) for kind in Kind}
    assert max(counts.values()) - min(counts.values()) <= 1, counts


def test_kinds_are_assigned_over_the_quiz_not_per_fact():
    from dataclasses import replace

    from gistquiz.core.quiz.builder import assign_kinds, kind_targets
    from gistquiz.core.quiz.model import Question

    def q(kind: Kind, n: int) -> Question:
        return Question(
            id=f"{kind}{n}",
            kind=kind,
            stem=f"stem {kind} {n}",
            answer="a",
            accepted=(),
            sentence=0,
            answer_start=0,
            answer_end=1,
            explanation="",
            fact_type="TERM",
        )

    kinds = (Kind.MCQ, Kind.WH, Kind.CLOZE, Kind.TF)
    assert kind_targets(10, kinds) == {Kind.MCQ: 3, Kind.WH: 3, Kind.CLOZE: 2, Kind.TF: 2}
    # the first facts offer every kind, the last four only cloze and true/false: a choice
    # per fact ("least used so far") would give those four no room; over the quiz it works
    every = [[q(k, n) for k in kinds] for n in range(4)]
    few = [[q(Kind.CLOZE, n), q(Kind.TF, n)] for n in range(4, 8)]
    picked = assign_kinds(every + few, kinds)
    assert all(p is not None for p in picked)
    assert {k: sum(p.kind is k for p in picked) for k in kinds} == kind_targets(8, kinds)
    # the same kind and stem twice is refused: the second fact gets another kind
    twin = [[q(Kind.TF, 0)], [q(Kind.TF, 0), replace(q(Kind.CLOZE, 1))]]
    assert [p.kind for p in assign_kinds(twin, kinds)] == [Kind.TF, Kind.CLOZE]


def test_mcq_falls_back_to_a_cloze_stem_that_validates(quiz_input):
    doc, facts = quiz_input
    ctx = Context(doc, facts, 0)
    cloze_stems = []
    for fact in facts:
        for question in builder_for(Kind.MCQ)(ctx, fact):
            if BLANK in question.stem:
                cloze_stems.append(question)
                assert question.stem.startswith("Which option completes “")
                assert question.stem.endswith("”?")
                assert problems(doc, question, ctx.index) == []
    assert cloze_stems


SPEECH = (
    "“My dear Miss Eliza, why are you not dancing? Colonel Forster is here tonight, and he "
    "has twelve officers with him.” Mr. Darcy said nothing to Sir William Lucas."
)


@pytest.mark.parametrize("kind", [Kind.CLOZE, Kind.TF])
def test_a_speech_over_several_sentences_leaves_no_quote_mark_unpaired(kind):
    doc = build_document(SPEECH, language="en")
    specs = [
        ("Miss Eliza", FactType.PERSON, "person", ()),
        ("twelve officers", FactType.NUMBER, "officers", ()),
        ("Colonel Forster", FactType.PERSON, "person", ()),
        ("Sir William Lucas", FactType.PERSON, "person", ()),
    ]
    facts = make_facts(doc, specs)
    ctx = Context(doc, facts)
    stems = {f.text: q.stem for f in facts for q in builder_for(kind)(ctx, f)}
    assert {"Miss Eliza", "twelve officers"} <= set(stems)
    assert stems["Miss Eliza"].startswith("My dear ")  # was "“My dear _____, why ...?"
    assert stems["twelve officers"].rstrip(".").endswith("with him")  # was "... with him.”"
    for stem in stems.values():
        assert stem.count("“") == stem.count("”")
    for fact in facts[:2]:
        for q in builder_for(kind)(ctx, fact):
            assert not problems(doc, q, ctx.index)
            assert q.explanation.count("“") == q.explanation.count("”")  # the source shown


def test_the_answer_key_quotes_a_quoted_sentence_once():
    from gistquiz.core.quiz.render import quiz_text

    doc = build_document(SPEECH.replace("? Colonel", "?” said she. “Colonel"), language="en")
    facts = make_facts(doc, [("Miss Eliza", FactType.PERSON, "person", ())])
    quiz = build(doc, facts, QuizOptions(count=1, kinds=(Kind.CLOZE,)))
    key = quiz_text(quiz).split("Answer key", 1)[1]
    assert "“My dear Miss Eliza, why are you not dancing?”" in key
    assert "““" not in key and "””" not in key


def test_a_true_statement_stays_grounded_where_a_stock_splitter_cuts_its_sentence():
    from gistquiz.core.language import stock_sentences
    from gistquiz.core.quiz.text import token_f1

    text = (
        "Cultural imperialism is when a country's influence is felt in social and cultural "
        "circles, i.e. its soft power, such that it changes the worldview of Spain. "
        "The Roman Empire exposed local elites in Gaul to Roman culture."
    )
    doc = build_document(text, language="en")
    specs = [
        ("Spain", FactType.PLACE, "country", ()),
        ("Gaul", FactType.PLACE, "region", ()),
        ("Roman Empire", FactType.ORG, "", ()),
    ]
    facts = make_facts(doc, specs)
    statements = []
    for seed in range(12):
        ctx = Context(doc, facts, seed)
        for fact in facts:
            for q in builder_for(Kind.TF)(ctx, fact):
                pieces = stock_sentences(doc.clean_sentence(q.sentence), "en")
                best = max(token_f1(q.stem, piece) for piece in pieces)
                assert best >= (0.8 if q.correct == 0 else 0.5), q.stem
                statements.append((q.sentence, q.correct))
    assert (1, 0) in statements  # the other sentence still gives true statements
    assert (0, 0) not in statements  # NLTK's Punkt cuts it after "i.e.": no true statement


def test_a_country_gets_countries_of_its_region_and_never_itself_by_its_full_name():
    text = "Private schools in the UK and several other Commonwealth countries are independent."
    chosen = _options(text, [("UK", FactType.PLACE, "country", ())])
    assert len(chosen) == 3, chosen
    europe = set(REGIONS["europe"])
    assert set(chosen) <= europe, chosen  # was "Moldova", "Burundi", "Venezuela"


def test_a_hedged_year_gets_options_far_enough_apart():
    around = Fact(FactType.DATE, "Around 1294", 0, 11, 0)
    variants = perturbations(around, random.Random(0))
    years = [int(v.split()[1]) for v in variants]
    assert variants and all(v.startswith("Around ") for v in variants)
    assert all(abs(y - 1294) >= 10 for y in years), variants  # "Around 1292" was an option
    plain = perturbations(Fact(FactType.DATE, "1294", 0, 4, 0), random.Random(0))
    assert any(abs(int(v) - 1294) < 10 for v in plain)  # an exact year may stay close


def test_a_cloze_opening_with_a_pronoun_takes_the_sentence_before_as_context():
    text = (
        "Luther translated the Bible into German in 1534. It fostered the development of a "
        "standard version of the German language and influenced the Tyndale Bible."
    )
    doc = build_document(text, language="en")
    facts = make_facts(doc, [("Tyndale Bible", FactType.TERM, "bible", ())])
    ctx = Context(doc, facts)
    (cloze,) = builder_for(Kind.CLOZE)(ctx, facts[0])
    assert cloze.stem.startswith("Luther translated the Bible into German in 1534. It fostered")
    assert cloze.stem.endswith("influenced the _____.") and not problems(doc, cloze, ctx.index)
    # a true/false statement cannot carry context (it must match one sentence): none
    assert builder_for(Kind.TF)(ctx, facts[0]) == []


def test_a_person_option_comes_without_its_title():
    text = (
        "Architect Henry John Klutho built the Dyal-Upchurch Building in 1902. President "
        "Grover Cleveland visited the city. Governor William Jennings spoke. Mayor Haydon "
        "Burns led the city."
    )
    specs = [
        ("Henry John Klutho", FactType.PERSON, "", ()),
        ("Grover Cleveland", FactType.PERSON, "", ("President Grover Cleveland",)),
        ("William Jennings", FactType.PERSON, "", ("Governor William Jennings",)),
        ("Haydon Burns", FactType.PERSON, "", ("Mayor Haydon Burns",)),
    ]
    chosen = _options(text, specs)
    assert "Grover Cleveland" in chosen, chosen  # was "President Grover Cleveland"
    assert not any(c.split()[0] in ("President", "Governor", "Mayor") for c in chosen), chosen


@pytest.mark.parametrize("kind", [Kind.CLOZE, Kind.MCQ, Kind.TF, Kind.WH])
def test_a_count_the_sentence_lists_is_not_asked(kind):
    text = (
        "All of the three western khanates (Golden Horde, Chagatai Khanate and Ilkhanate) "
        "became Muslim. The empire had four capitals over its history."
    )
    doc = build_document(text, language="en")
    specs = [
        ("three western khanates", FactType.NUMBER, "khanates", ()),
        ("four capitals", FactType.NUMBER, "capitals", ()),
    ]
    facts = make_facts(doc, specs)
    ctx = Context(doc, facts)
    assert fact_questions(ctx, facts[0], [kind]) == []  # the list in brackets gives it away
    if kind is not Kind.WH:  # (the wording of the other sentence is the wh tests' business)
        assert fact_questions(ctx, facts[1], [kind])
