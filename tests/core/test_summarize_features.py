"""The fast word features see exactly the words sumy sees."""

from __future__ import annotations

from collections import Counter

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from summarize_corpus import document_text
from sumy.nlp.stemmers import null_stemmer

from gistquiz.core.document import Block, build_document, document_from_blocks
from gistquiz.core.errors import Cancelled, EmptyDocument
from gistquiz.core.language import install_nltk_punkt, stemmer, stop_words
from gistquiz.core.progress import CancelToken
from gistquiz.core.summarize import get
from gistquiz.core.summarize.fast_engine import FAST_SCORERS
from gistquiz.core.summarize.fast_tokenize import is_word, sumy_words_many, word_tokenize_many
from gistquiz.core.summarize.features import clear_shared_caches, sentence_terms, word_tokens
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


# Lines that take the batch tokenizer's less common paths: Punkt would split them again
# (NLTK's own path), contractions (windowed rewrites), whitespace other than single spaces
# (NLTK's fold), the control character used as the line marker, colons/commas at the end.
EDGE_LINES = [
    "He left. She stayed and cannot go.",
    'Stop! he cried. "Gonna go?" Yes.',
    "Mr. Smith met Dr. Jones at 5 p.m. on Main St. today.",
    "I cannot, gimme that, gotta go -- lemme see, wanna come? 'Tis true; 'twas so.",
    "CANNOT Gonna more'n d'ye cannot'tis x cannotcannot wanna\tgo.",
    "I cannot go, you cannot stay; Cannot! gonna, gonna and gonna.",
    "Tabs\there and\u00a0non-breaking\u2009thin  double spaces.",
    "A control \x01 character and\x01glued one.",
    "Ends with a colon:",
    "Ends with a comma,",
    "End.) And more.” Then “quoted.” Fine.)",
    "Really?! Yes!! No... Maybe.",
    # Punkt splits this line (NLTK's path) and it holds the control character.
    "\x01''Mr.B)\"–Mr.‘—9«--!'–b\xa0«",
    "x\x1cy \x01 z",
    # A letter whose lower case is two characters (no windowed rewrites) before contractions
    # that one split makes ("cannot'tis": "can not 'tis"); a period with closing characters
    # and plain words after it; lines of plain words only.
    "İstanbul: cannot'tis so",
    "İstanbul cannot gonna WANNA Gimme lemme gotta wait",
    "It ended. ) ” and more words. ) ”",
    "only plain words here",
    "Cannot",
]


def test_batch_tokenizer_on_edge_lines():
    install_nltk_punkt()
    for lines in (EDGE_LINES, EDGE_LINES[::-1], EDGE_LINES[3:5]):
        assert word_tokenize_many(lines) == [nltk.word_tokenize(s) for s in lines]


def test_batch_tokenizer_on_tricky_punctuation():
    install_nltk_punkt()
    assert word_tokenize_many(TRICKY) == [nltk.word_tokenize(s) for s in TRICKY]


EDGE_PIECES = [
    *("n't", "'s", "cannot", "gonna", "'tis", "Mr.", "..", "--", "''", "x\u0301"),
    *(" word ", "Cannot", "İ", " plain words ", ". ) ”"),
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [*"abcAB '\"-.,;:!?()[]{}<>`«»“”‘’—–…$%&*@#n't09 \t\xa0\x01", *EDGE_PIECES]
            ),
            min_size=1,
            max_size=30,
        ).map("".join),
        min_size=1,
        max_size=6,
    )
)
def test_batch_tokenizer_equals_nltk_on_random_punctuation(lines):
    install_nltk_punkt()
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


# Paragraphs English Punkt cuts in many places (abbreviations, initials, ellipses, quotes
# after the period, ellipses after a closing quote, lower-case starts): for English documents
# the batch tokenizer re-checks only headings and the last token of each sentence.
PUNKT_PIECES = [
    "Mr. Smith",
    "Dr. Who",
    "e.g. this",
    "U.S. army",
    "J. R. R. Tolkien",
    "5 p.m. Then",
    "end.",
    "end. The",
    'end." She',
    "end.) And",
    "Wait... what",
    "No! he",
    "Why? No.",
    "etc. and",
    "affetto.\u201d...",
    "it.\u201d... or",
    "end.)...",
    "No!\u201d",
    "St. Paul",
    "no. 5",
    "vs. them",
    "Jan. 3",
    "'Tis",
    "Inc. reported",
]


# Pieces whose tokens depend on the spaces around them, for text wrapped with runs of spaces.
SPACING_PIECES = ["' x", "x '", '" a', 'a "', "( b", "b )", ": c", ", d", "can't", "'tis", "--"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from([*PUNKT_PIECES, *SPACING_PIECES, "a", "b", "A", "I"]),
                st.sampled_from([" ", "  ", "\n", " \n   ", "\n "]),
            ),
            min_size=1,
            max_size=12,
        ).map(lambda pairs: "".join(piece + gap for piece, gap in pairs).strip()),
        min_size=1,
        max_size=5,
    ),
    st.booleans(),
)
def test_tokens_of_english_punkt_sentences_are_sumys(paragraphs, blank_lines):
    # Hard-wrapped text with runs of spaces: the tokenizer reads the runs as single spaces.
    text = ("\n\n" if blank_lines else "\n").join(paragraphs)
    try:
        doc = build_document(text, language="en")
    except EmptyDocument:
        return
    tokens = word_tokens(doc)
    for i, s in enumerate(to_sumy(doc).sentences):
        assert tokens.sentence_words(i) == list(s.words)


@pytest.mark.parametrize(
    "text",
    [
        "A first\x00 sentence here.  Second\t\tone\u00a0is\nhere. Third one, done.",
        "Tabs\tand\u2009thin spaces. A control \x01 mark and\x01glued. I cannot go!",
        "He said: 'Tis so. Gonna see Mr. Smith... (really?) Yes -- no.",
    ],
)
def test_tokens_are_sumy_sentence_words_in_odd_text(text):
    doc = build_document(text, language="en")
    tokens = word_tokens(doc)
    for i, s in enumerate(to_sumy(doc).sentences):
        assert tokens.sentence_words(i) == list(s.words)


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


@pytest.mark.parametrize(
    "token",
    [
        "cafe\u0301",
        "naïve",
        "x\u00b2",
        "\u216b",
        "a\u200dz",
        "\u01c5x",
        "don't",
        "-x",
        "_x",
        "x_y",
        "1st",
        "well-known",
        "O'Brien",
        "n't",
        "'s",
        "",
        "a",
        "ß",
    ],
)
def test_word_filter_is_sumys(token):
    from sumy.nlp.tokenizers import Tokenizer

    from gistquiz.core.summarize.fast_tokenize import is_word

    assert is_word(token) == Tokenizer._is_word(token)


def test_greek_uses_sumys_greek_word_tokenizer():
    text = "Η φάλαινα είναι μεγάλη; Ο καπετάνιος, όμως, δεν φοβάται. Η θάλασσα-ήρεμη σήμερα!"
    doc = build_document(text, language="el")
    tokens = word_tokens(doc)
    for i, s in enumerate(to_sumy(doc).sentences):
        assert tokens.sentence_words(i) == list(s.words)


class CancelAfter(CancelToken):
    """A token that cancels itself after ``checks`` checks (the job is then mid-way)."""

    def __init__(self, checks: int) -> None:
        super().__init__()
        self.left = checks

    def check(self) -> None:
        self.left -= 1
        if self.left < 0:
            self.cancel()
        super().check()


@pytest.mark.parametrize("checks", [0, 1, 2, 3])
def test_cancelled_feature_building_stops_and_caches_nothing(checks):
    doc = build_document(document_text(4, 60), language="en")
    clear_shared_caches()  # stems are computed (and checked between batches) again
    with pytest.raises(Cancelled):
        sentence_terms(doc, cancel=CancelAfter(checks))
    # Nothing half-built was kept: a later call builds the same features as a fresh document.
    fresh = build_document(document_text(4, 60), language="en")
    assert sentence_terms(doc).vocabulary == sentence_terms(fresh).vocabulary
    assert (sentence_terms(doc).counts != sentence_terms(fresh).counts).nnz == 0


@pytest.mark.parametrize("name", sorted(FAST_SCORERS))
def test_fast_summarizers_stop_on_a_cancelled_token(name):
    doc = build_document(document_text(5, 40), language="en")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        get(name).rank(doc, 3, engine="fast", cancel=token)


def test_headings_get_punkts_second_look():
    # A heading is kept whole by the Document, but nltk.word_tokenize splits it with Punkt
    # first: "one." before "The" is then "one" + "." (a word), not "one." (not a word).
    doc = document_from_blocks(
        [Block("Chapter one. The whale's end? Yes.", heading=True), Block("Body text. More.")],
        language="en",
    )
    expected = [w for w in nltk.word_tokenize(doc.clean_sentence(0)) if is_word(w)]
    assert "one" in expected
    assert word_tokens(doc).sentence_words(0) == expected
