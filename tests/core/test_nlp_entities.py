"""Entity typing (rules and the shipped typer) on sentences written here."""

from __future__ import annotations

import pytest

from gistquiz.core.nlp import tagger
from gistquiz.core.nlp.gazetteer import place_type
from gistquiz.core.nlp.tokens import tokenize
from gistquiz.core.nlp.typer import type_entities


def entities(text: str, *, use_model: bool = True) -> dict[str, tuple[str, str]]:
    tokens = tokenize(text)
    tags = tagger.tag([t.norm for t in tokens])
    found = type_entities(tokens, tags, use_model=use_model)
    for e in found:
        assert text[e.start : e.end] == " ".join(t.text for t in tokens[e.first : e.last]) or (
            e.start == tokens[e.first].start and e.end == tokens[e.last - 1].end
        )
    return {text[e.start : e.end]: (e.type, e.subtype) for e in found}


@pytest.mark.parametrize("use_model", [False, True])
def test_titles_make_people_and_stay_out_of_the_span(use_model: bool) -> None:
    found = entities("Prime Minister Fumio Kishida met Mr. Lee in Seoul.", use_model=use_model)
    assert found["Fumio Kishida"][0] == "PERSON"
    assert found["Lee"][0] == "PERSON"
    assert found["Seoul"][0] == "PLACE"
    assert "Prime Minister Fumio Kishida" not in found


@pytest.mark.parametrize("use_model", [False, True])
def test_organisation_heads_and_acronyms(use_model: bool) -> None:
    text = "The International Criminal Court (ICC) and the World Bank issued a statement."
    found = entities(text, use_model=use_model)
    assert found["International Criminal Court"][0] == "ORG"
    assert found["ICC"][0] == "ORG"
    assert found["World Bank"][0] == "ORG"


def test_rule_subtypes() -> None:
    found = entities(
        "President Joe Biden flew from Japan to Moscow and the Ministry of Defence said so.",
        use_model=False,
    )
    assert found["Joe Biden"] == ("PERSON", "president")
    assert found["Japan"] == ("PLACE", "country")
    assert found["Moscow"] == ("PLACE", "city")
    assert found["Ministry of Defence"] == ("ORG", "ministry")


def test_common_words_in_capitals_are_not_taken_for_a_person() -> None:
    found = entities("We ate at Hidden Garden last night.", use_model=False)
    assert found.get("Hidden Garden", ("", ""))[0] != "PERSON"


@pytest.mark.parametrize("use_model", [False, True])
def test_a_capitalised_function_word_is_no_name(use_model: bool) -> None:
    text = "Between 1402 and 1405, the expedition led by Jean de Bethencourt sailed west."
    found = entities(text, use_model=use_model)
    assert not any(name.startswith("Between") for name in found), found
    # an all-caps word is left alone: "US" is a country, "us" a pronoun
    assert "US" in entities("The US has asked China to act.", use_model=use_model)


def test_a_compass_part_of_a_known_place_is_a_place() -> None:
    assert place_type("Northern England") == "region"
    assert place_type("Western Europe") == "region"
    assert place_type("North Carolina") == "state"  # a name of its own stays what it is
    found = entities("Some words are used elsewhere in Northern England.", use_model=False)
    assert found["Northern England"][0] == "PLACE"


def test_a_name_opened_by_a_place_is_no_person() -> None:
    from gistquiz.core.nlp.entities import PERSON, classify

    assert classify(["San", "Jose", "Marriott"])[0] != PERSON  # a hotel
    assert classify(["Paris", "Hilton"])[0] == PERSON  # a one-word place opens a person's name
    assert classify(["Fumio", "Kishida"])[0] == PERSON


def test_a_people_or_a_language_is_no_person() -> None:
    from gistquiz.core.nlp.entities import PERSON, classify

    assert classify(["Norman", "French"])[0] != PERSON
    assert classify(["Orkney", "Vikings"])[0] != PERSON
    assert classify(["Roger", "Guiscard"])[0] == PERSON


def test_gazetteer() -> None:
    assert place_type("France") == "country"
    assert place_type("Russia") == "country"
    assert place_type("Kyiv") == "city"
    assert place_type("Texas") == "state"
    assert place_type("Europe") == "continent"
    assert place_type("Reading") is None


def test_a_census_first_name_makes_a_person_of_a_name_the_rules_miss() -> None:
    # "Storms" ends like an organisation ("Partners", "Holdings"); the first name decides.
    text = "North American removed Harrison Storms as program manager."
    assert entities(text)["Harrison Storms"][0] == "PERSON"


def test_the_typer_reads_a_first_name_only_when_capitalised() -> None:
    from gistquiz.core.nlp.gazetteer import given_names
    from gistquiz.core.nlp.typer import token_features

    assert {"harrison", "mary", "john"} <= given_names()
    tokens = tokenize("Harrison Storms met harrison.")
    tags = tagger.tag([t.norm for t in tokens])
    rules = ["O"] * len(tokens)
    assert "given" in token_features(tokens, tags, rules, 0)
    assert "given-1" in token_features(tokens, tags, rules, 1)
    assert "given" not in token_features(tokens, tags, rules, 3)


@pytest.mark.parametrize("use_model", [False, True])
def test_a_name_with_a_middle_initial_stays_whole(use_model: bool) -> None:
    # the tagger reads "Dwight" as an adjective: the rules lost it ("D. Eisenhower") and the
    # model kept only "Eisenhower", a place
    found = entities(
        "First conceived during Dwight D. Eisenhower's administration, Apollo was later "
        "dedicated to President John F. Kennedy's goal.",
        use_model=use_model,
    )
    assert found["Dwight D. Eisenhower"][0] == "PERSON", found
    assert found["John F. Kennedy"][0] == "PERSON", found
    assert "Eisenhower" not in found and "D. Eisenhower" not in found, found
