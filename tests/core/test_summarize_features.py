"""The fast word features see exactly the words sumy sees."""

from __future__ import annotations

from collections import Counter

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from summarize_corpus import document_text
from sumy.nlp.stemmers import null_stemmer

from gistquiz.core.document import build_document
from gistquiz.core.language import install_nltk_punkt, stemmer, stop_words
from gistquiz.core.summarize.fast_tokenize import sumy_words_many, word_tokenize_many
from gistquiz.core.summarize.features import sentence_terms, word_tokens
from gistquiz.core.summarize.sumy_engine import to_sumy


@pytest.mark.parametrize("seed", range(12))
def test_batch_tokenizer_equals_nltk_word_tokenize(seed):
    install_nltk_punkt()
    doc = build_document(document_text(seed, 80), language="en")
    sentences = [doc.clean_sentence(i) for i in range(len(doc.sentences))]
    assert word_tokenize_many(sentences) == [nltk.word_tokenize(s) for s in sentences]


TRICKY = [
    'He said, "Don\'t go." Then left.',
    "'Tis the season -- gimme that, wanna go? I cannot.",
    "The ship's log (1851) read: 'calm'; the crew's mood: grim...",
    "She asked: «Vraiment?» and he answered “yes” — or ‘no’.",
    "Dr. Smith and Mrs. Jones met at 5 p.m. in the U.S. embassy.",
    "Price: $3.88, or 3,36 euros; #1 & @home * stars.",
    "'Hello,' he said. 'You're late.'",
    "It was the end.”...",
    "O'Brien's well-known dog-house isn't far, y'know?",
    "Wait... what?! No!",
    "[Note] {brace} <angle> stuff.",
    '"Quoted start" and end."',
    "a's's x' ' y can't'll DON'T don'T Don'T 's start 'll 're n't I'M you'RE.",
    "'' double '' quotes ``like this'' and ‘single’ – en — em ‒ figure ― bar..",
    'Ends with colon: Ends with comma, "quote" (paren) [bracket] {brace} <angle> *star*',
]


def test_batch_tokenizer_on_tricky_punctuation():
    install_nltk_punkt()
    assert word_tokenize_many(TRICKY) == [nltk.word_tokenize(s) for s in TRICKY]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("abcAB '\"-.,;:!?()[]`«»“”‘’—–…$%&*n't0 ")),
            min_size=1,
            max_size=40,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_batch_tokenizer_equals_nltk_on_random_punctuation(lines):
    install_nltk_punkt()
    lines = [" ".join(line.split()) for line in lines]
    assert word_tokenize_many(lines) == [nltk.word_tokenize(s) for s in lines]


@pytest.mark.parametrize("seed", range(5))
def test_tokens_are_sumy_sentence_words(seed):
    doc = build_document(document_text(seed, 60), language="en")
    tokens = word_tokens(doc)
    sumy_doc = to_sumy(doc)
    assert len(sumy_doc.sentences) == len(doc.sentences)
    for i, s in enumerate(sumy_doc.sentences):
        assert tokens.sentence_words(i) == list(s.words)
    assert list(tokens.word_counts) == [len(s.words) for s in sumy_doc.sentences]


@pytest.mark.parametrize("seed", range(5))
def test_terms_are_sumys_stemmed_content_words(seed):
    doc = build_document(document_text(seed, 60), language="en")
    stops, stem = stop_words("en"), stemmer("en")
    terms = sentence_terms(doc)
    for i, s in enumerate(to_sumy(doc).sentences):
        expected = Counter(stem(w.lower()) for w in s.words if w.lower() not in stops)
        row = terms.counts.getrow(i)
        got = {terms.vocabulary[j]: int(c) for j, c in zip(row.indices, row.data, strict=True)}
        assert got == dict(expected)
        assert terms.lengths[i] == sum(expected.values())
    assert len(set(terms.vocabulary)) == len(terms.vocabulary)
    assert terms.counts.shape == (len(doc.sentences), len(terms.vocabulary))


def test_terms_are_cached_per_options_and_unstemmed_on_request():
    doc = build_document(document_text(3, 20), language="en")
    assert sentence_terms(doc) is sentence_terms(doc)
    plain = sentence_terms(doc, stop_words=(), stemmer=null_stemmer)
    assert plain is not sentence_terms(doc)
    assert "the" in plain.vocabulary and "the" not in sentence_terms(doc).vocabulary
    assert list(plain.lengths) == list(plain.word_counts)
    assert (plain.token_terms >= 0).all()


def test_sumy_words_many_filters_like_sumy():
    assert sumy_words_many(["Don't stop -- it's 1851, O'Brien's well-known x-ray!"]) == [
        ["Do", "n't", "stop", "it", "O'Brien", "well-known", "x-ray"]
    ]


def test_greek_uses_sumys_greek_word_tokenizer():
    text = "Η φάλαινα είναι μεγάλη; Ο καπετάνιος, όμως, δεν φοβάται. Η θάλασσα-ήρεμη σήμερα!"
    doc = build_document(text, language="el")
    tokens = word_tokens(doc)
    for i, s in enumerate(to_sumy(doc).sentences):
        assert tokens.sentence_words(i) == list(s.words)
