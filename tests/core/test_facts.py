"""Key facts of the bundled sample article and of small texts the tests write."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core import pipeline
from gistquiz.core.document import build_document
from gistquiz.core.errors import Cancelled, EmptyDocument
from gistquiz.core.facts import Fact, FactType, extract_facts
from gistquiz.core.progress import CancelToken

TOP = 25  # "top facts": what a ten-question quiz draws from


@pytest.fixture(scope="module")
def sample():
    doc = pipeline.open_sample()
    return doc, extract_facts(doc)


def find(facts: list[Fact], kind: FactType, text: str) -> Fact:
    hits = [f for f in facts if f.type == kind and text in f.text]
    assert hits, f"no {kind} fact containing {text!r}: {[(f.type, f.text) for f in facts]}"
    return hits[0]


def rank(facts: list[Fact], fact: Fact) -> int:
    return facts.index(fact) + 1


def kinds(text: str) -> dict[str, FactType]:
    """Each fact's text and type, for a text the test writes."""
    return {f.text: f.type for f in extract_facts(build_document(text, language="en"))}


def test_every_fact_slices_back_and_lies_in_its_sentence(sample) -> None:
    doc, facts = sample
    assert facts
    for f in facts:
        assert doc.text[f.start : f.end] == f.text
        s = doc.sentences[f.sentence]
        assert s.start <= f.start < f.end <= s.end


def test_sorted_by_importance(sample) -> None:
    _, facts = sample
    values = [f.importance for f in facts]
    assert values == sorted(values, reverse=True)


def test_icc_is_an_org_aliased_to_its_acronym(sample) -> None:
    _, facts = sample
    icc = find(facts, FactType.ORG, "International Criminal Court")
    assert icc.entity == "International Criminal Court"
    assert "ICC" in icc.aliases
    assert icc.subtype == "court"
    assert rank(facts, icc) <= TOP
    assert find(facts, FactType.TERM, "arrest warrant").sentence == icc.sentence


def test_numbers_count_their_noun(sample) -> None:
    _, facts = sample
    nations = find(facts, FactType.NUMBER, "123")
    assert nations.text.startswith("123") and nations.text.endswith("nations")
    assert nations.subtype == "nation"
    plan = find(facts, FactType.NUMBER, "12-point plan")
    assert plan.subtype == "plan"
    assert rank(facts, nations) <= TOP and rank(facts, plan) <= TOP


def test_durations(sample) -> None:
    _, facts = sample
    tour = find(facts, FactType.DURATION, "three-day tour")
    talks = find(facts, FactType.DURATION, "more than four hours")
    assert tour.subtype == "day" and talks.subtype == "hour"
    assert rank(facts, tour) <= TOP and rank(facts, talks) <= TOP


def test_people_with_aliases(sample) -> None:
    _, facts = sample
    kirby = next(f for f in facts if f.entity == "John Kirby")
    assert kirby.type == FactType.PERSON and "Mr. Kirby" in kirby.aliases
    kishida = find(facts, FactType.PERSON, "Fumio Kishida")
    assert rank(facts, kirby) <= TOP and rank(facts, kishida) <= TOP
    xi = next(f for f in facts if f.entity == "Xi Jinping")
    assert {"Mr. Xi", "President Xi Jinping"} <= set(xi.aliases)
    assert xi.subtype == "president"
    putin = next(f for f in facts if f.entity == "Vladimir Putin")
    assert "Mr. Putin" in putin.aliases and putin.mentions >= 5


def test_one_fact_per_entity_by_default(sample) -> None:
    _, facts = sample
    entities = [(f.type, f.entity) for f in facts]
    assert len(entities) == len(set(entities))


def test_places_dates_and_terms(sample) -> None:
    _, facts = sample
    assert find(facts, FactType.PLACE, "Moscow").subtype == "city"
    assert find(facts, FactType.PLACE, "Japan").subtype == "country"
    assert find(facts, FactType.DATE, "February last year")
    assert find(facts, FactType.DATE, "Monday").subtype == "weekday"
    for term in ("arrest warrant", "unilateral sanctions", "cease-fire"):
        assert find(facts, FactType.TERM, term)


def test_per_mention_returns_every_mention_with_shared_entity(sample) -> None:
    doc, _ = sample
    mentions = extract_facts(doc, per_mention=True)
    xi = [f for f in mentions if f.entity == "Xi Jinping"]
    assert len(xi) == xi[0].mentions >= 5
    assert {f.text for f in xi} >= {"Xi Jinping", "Xi"}


def test_written_text() -> None:
    text = (
        "The World Health Organization (WHO) said on Friday that 40 countries reported cases.\n\n"
        "Dr. Maria Lopez, who led the study for two years, spoke in Geneva. "
        "Lopez said the WHO would publish a new vaccine schedule in March 2024."
    )
    doc = build_document(text, language="en")
    facts = extract_facts(doc)
    who = find(facts, FactType.ORG, "World Health Organization")
    assert "WHO" in who.aliases
    assert find(facts, FactType.NUMBER, "40 countries").subtype == "country"
    assert find(facts, FactType.DURATION, "two years").subtype == "year"
    lopez = find(facts, FactType.PERSON, "Lopez")
    assert lopez.entity == "Maria Lopez" and lopez.mentions == 2
    assert find(facts, FactType.PLACE, "Geneva")
    assert find(facts, FactType.DATE, "Friday")
    assert find(facts, FactType.DATE, "March 2024")


def test_titles_of_office_make_people() -> None:
    text = (
        "Cardinal Richelieu advised the king for years. "
        "Commissioner Ortega closed the harbour in 1920."
    )
    facts = extract_facts(build_document(text, language="en"))
    assert find(facts, FactType.PERSON, "Richelieu").subtype == "cardinal"
    assert find(facts, FactType.PERSON, "Ortega").subtype == "commissioner"


def test_a_title_that_is_a_common_word_needs_a_name_after_it() -> None:
    text = (
        "The parliament met in the General Assembly Hall for five years. "
        "General Motors built tanks for General Patton."
    )
    facts = extract_facts(build_document(text, language="en"))
    people = {f.text for f in facts if f.type is FactType.PERSON}
    assert "Patton" in people and not {"Assembly Hall", "Motors"} & people, people


def test_a_year_before_a_noun_a_range_and_a_title_are_no_counts() -> None:
    text = (
        "A portion of the turf collapsed earlier in the 2015 season. "
        "It was not until the 1965–66 season that color took over. "
        "Patrick Troughton returned in 1985's The Two Doctors with Colin Baker. "
        "The army had 1500 soldiers and two ships. Sea levels rose by 9–88 cm. "
        "He discussed indulgences in his Ninety-Five Theses of 1517."
    )
    found = kinds(text)
    # was a count ("Sixty-six Theses" as an option)
    assert not any("Five" in t and found[t] is FactType.NUMBER for t in found), found
    assert found.get("2015") is FactType.DATE and "2015 season" not in found, found
    assert not any("66" in t and "1965" not in t for t in found), found
    assert not any("Two" in t and found[t] is FactType.NUMBER for t in found), found
    assert found.get("1500 soldiers") is FactType.NUMBER and found.get("two ships"), found
    assert found.get("9–88 cm") is FactType.NUMBER and "9" not in found, found  # one range


def test_a_year_before_1500_after_a_preposition_of_time_is_a_date() -> None:
    text = "The plague struck China in 1331. The army of 1200 soldiers sailed by 1205."
    found = kinds(text)
    assert found.get("1331") is FactType.DATE and found.get("1205") is FactType.DATE, found
    assert found.get("1200 soldiers") is FactType.NUMBER, found


def test_decades_are_dates_and_ages_are_no_durations() -> None:
    text = (
        "The railway reached the town in the 1850s. The mill closed in the 1920s. "
        "Paul Marin was a 21-year-old officer when he led a three-day march in 1753."
    )
    facts = extract_facts(build_document(text, language="en"))
    assert find(facts, FactType.DATE, "1850s").subtype == "decade"
    assert find(facts, FactType.DATE, "1920s").subtype == "decade"
    assert find(facts, FactType.DURATION, "three-day").subtype == "day"
    # "21-year-old" says how old he was, not how long anything lasted
    assert not any("21" in f.text for f in facts if f.type is FactType.DURATION)


def test_a_subscript_is_no_count() -> None:
    text = "Algae may reduce amounts of O\n2 in the water. The lake had 12 fish."
    facts = extract_facts(build_document(text, language="en"))
    assert not any(f.text.startswith("2") for f in facts if f.type is FactType.NUMBER)
    assert find(facts, FactType.NUMBER, "12 fish")


def test_cancel_stops_extraction() -> None:
    doc = build_document("Mr. Smith visited Paris on Monday. He stayed three days.", language="en")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        extract_facts(doc, cancel=token)


_WORDS = st.sampled_from(
    [
        "the",
        "a",
        "of",
        "Mr.",
        "Smith",
        "President",
        "Court",
        "(",
        "ICC",
        ")",
        "12",
        "-",
        "point",
        "three",
        "day",
        "hours",
        "more",
        "than",
        "Monday",
        "February",
        "in",
        "Paris",
        ",",
        ".",
        "’s",
        "n't",
        "said",
        "nations",
        "World",
        "Bank",
        "Ltd.",
        "2024",
        "$",
        "5",
        "%",
        "cease",
        "fire",
        "arrest",
        "warrant",
        "Lee",
        "visited",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_no_word_salad_crashes_and_spans_slice_back(words: list[str]) -> None:
    text = " ".join(words) + "."
    try:
        doc = build_document(text, language="en")
    except EmptyDocument:
        return
    for f in extract_facts(doc, per_mention=True):
        assert doc.text[f.start : f.end] == f.text
        assert f.type in FactType


def test_a_title_of_office_once_decides_a_names_type_over_the_typers_guesses():
    from gistquiz.core.facts.extract import Mention, resolve

    def mention(kind: FactType, start: int, title: str = "") -> Mention:
        subtype = "captain" if title else ""
        return Mention(kind, start, start * 10, start * 10 + 4, subtype, "Ahab", title=title)

    guesses = [mention(FactType.PLACE, n) for n in range(6)]
    guesses += [mention(FactType.ORG, n) for n in range(6, 9)]
    mentions = [*guesses, mention(FactType.PERSON, 9, "Captain"), mention(FactType.PERSON, 10)]
    (group,) = resolve(mentions)  # one entity, as before
    assert {m.type for m in group} == {FactType.PERSON}  # six places and three orgs outvoted it
    # without a title the majority still decides
    (group,) = resolve(
        [mention(FactType.PLACE, n) for n in range(3)] + [mention(FactType.PERSON, 3)]
    )
    assert {m.type for m in group} == {FactType.PLACE}


def test_a_date_with_the_day_first_is_one_date() -> None:
    # was "10 November" and "1483 – 18 February" (numbers) and "February 1546"
    text = (
        "Martin Luther (10 November 1483 – 18 February 1546) was a German professor. "
        "The treaty was signed on 3rd March 1918. The Super Bowl was played on February 7, 2016."
    )
    found = kinds(text)
    for date in ("10 November 1483", "18 February 1546", "3rd March 1918", "February 7, 2016"):
        assert found.get(date) is FactType.DATE, found
    assert not any(kind is FactType.NUMBER for kind in found.values()), found


def test_seasons_are_counted_and_the_number_one_is_a_name() -> None:
    found = kinds(
        "The show ran for 26 seasons on the BBC. The number 1 lacks several properties of "
        "primes. The 2015 season was long."
    )
    assert found.get("26 seasons") is FactType.NUMBER, found  # was a duration: "How long"
    assert "1" not in found, found  # was "How many lacks do the prime numbers have ...?"
    assert found.get("2015") is FactType.DATE, found
