"""The last check on a wh-question drops the shapes a wrong parse leaves behind."""

from __future__ import annotations

import pytest

from gistquiz.core.quiz.wh_check import is_well_formed


@pytest.mark.parametrize(
    "stem",
    [
        "How long are more official negotiations set for Tuesday, although on Monday?",
        "What did Mr. Putin state in that aggressive American policies would not harm them?",
        # the time asked about is another one than the time the question still names
        "When are more official negotiations set for Tuesday?",
        "When did the company open its first store in 1998?",
        # a preposition stranded before a verb, an adverb or another preposition
        "Who would requesting a cease-fire according to not suffice?",
        "What has Tokyo given Kyiv assistance since in Ukraine?",
        # no finite verb, too short, a subject question that lost its agreement
        "What since the invasion?",
        "What there is?",
        "Who meet with Volodymyr Zelensky?",
        "What involved must remain calm?",
        # do-support with no subject after it: a fronted adjunct stayed in front of it
        "What did on 31 December 1687 the first organised group sail to the post at the Cape of?",
        "Where did, after the war, the settlers move?",
        "What do that hold the majority of seats in the Parliament forms the party or parties?",
        # do-support with a second finite "be"; a wh-word before a determiner; an open bracket
        "When did the highest temperature record was 104 °F?",
        "What the given graph is connected?",
        "What do all fats and proteins contain oxygen (due to the presence of?",
        "What assimilation – were offered?",
        "How long had copies of the theses spread throughout Germany within two weeks?",
        "Where is itself recorded?",
        "Of how many buildings are?",
        "Who was Paul Revere descended from Huguenot refugees, as?",
        "Who having recanted Protestantism in favour of Roman Catholicism?",
        "Who argues Bringing in deterrence detracts from the law's engagement?",
        "What are many of these designations recent—upon completion of the new line of?",
        # an existential asked with "what"
        "What shall there be?",
        # two clauses joined by a semicolon
        "What filed an objection to the claim; but in 2002, the Office ruled in favour of it?",
        # a list that lost its first item
        "Where did the Huguenots create two new neighbourhoods: and Friedrichstadt in 1700?",
        # nothing named but the verb: any passage could answer it
        "What may be solved?",
        "What is also used?",
        "What was this later replaced?",
    ],
)
def test_broken_questions_are_dropped(stem):
    assert not is_well_formed(stem)


@pytest.mark.parametrize(
    "stem",
    [
        "In how many nations might Mr. Putin theoretically be detained?",
        "Which court issued an arrest warrant for the Russian president?",
        "What did he see in that house?",
        "What did they do because of the storm?",
        "What has grown since 2010?",
        "Who spoke although it rained?",
        "When did Mr. Xi and Mr. Putin speak informally for more than four hours?",
        "What is the door always open for?",
        "What are the two main sources of revenue?",
        "Where did the team move out of the city?",
        "What did almost every country sign in 1997?",
        "In how many nations did the court issue warrants?",
        "Where did Mr. Xi travel days after the warrant was issued?",
        "When did the war that was fought in Europe end?",
        "What did the council (the new one) reject?",
        "What did the council – the new one – reject?",
        "How long did the siege last?",
        "How many methods are there?",
        "What did the council do?",
        "How long did Mr. Xi and Mr. Putin speak informally on Monday?",
    ],
)
def test_good_questions_pass(stem):
    assert is_well_formed(stem)
