"""Tokenizer: treebank-style splits with exact char offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gistquiz.core.nlp.tokens import normalize, tokenize


def forms(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_clitics_and_negation_split_like_the_treebanks() -> None:
    assert forms("They don't know China’s plan, can't they?") == [
        "They", "do", "n't", "know", "China", "’s", "plan", ",", "ca", "n't", "they", "?",
    ]  # fmt: skip


def test_hyphen_is_its_own_token_between_word_pieces() -> None:
    assert forms("a 12-point plan and a cease-fire") == [
        "a", "12", "-", "point", "plan", "and", "a", "cease", "-", "fire",
    ]  # fmt: skip


def test_abbreviations_keep_their_period_and_sentence_period_splits() -> None:
    assert forms("Mr. Xi met the U.S. envoy at 10:30 a.m. today.") == [
        "Mr.", "Xi", "met", "the", "U.S.", "envoy", "at", "10:30", "a.m.", "today", ".",
    ]  # fmt: skip


def test_norm_straightens_typographic_quotes() -> None:
    tokens = tokenize("“Ceasing hostilities” isn’t enough…")
    assert [t.norm for t in tokens] == [
        '"', "Ceasing", "hostilities", '"', "is", "n't", "enough", "...",
    ]  # fmt: skip
    assert normalize("‘x’") == "'x'"


def test_offsets_are_absolute_inside_a_window() -> None:
    text = "Skip this. Mr. Putin spoke for four hours."
    start = text.index("Mr.")
    tokens = tokenize(text, start, len(text))
    assert tokens[0].text == "Mr." and tokens[0].start == start
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_currency_and_urls() -> None:
    assert forms("It cost $5.3 billion, see https://example.org/a.html.") == [
        "It", "cost", "$", "5.3", "billion", ",", "see", "https://example.org/a.html", ".",
    ]  # fmt: skip


@given(st.text(max_size=200))
def test_every_token_slices_back_and_tokens_do_not_overlap(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end and t.end > t.start
        assert not t.text.isspace()
        previous_end = t.end
