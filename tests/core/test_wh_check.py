"""The last check on a wh-question drops the shapes a wrong parse leaves behind."""

from __future__ import annotations

import pytest

from gistquiz.core.quiz.wh_check import is_well_formed


@pytest.mark.parametrize(
    "stem",
    [
        "How long are more official negotiations set for Tuesday, although on Monday?",
        "What did Mr. Putin state in that aggressive American policies would not harm them?",
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
    ],
)
def test_good_questions_pass(stem):
    assert is_well_formed(stem)
