"""sumy's word tokens for many sentences at once: ``nltk.word_tokenize`` + sumy's word filter.

sumy tokenizes every sentence with ``nltk.word_tokenize`` (Punkt split, then NLTK's
Treebank-style regex cascade) and keeps the tokens ``sumy.nlp.tokenizers.Tokenizer._is_word``
accepts. NLTK runs its ~30 substitutions per sentence through a timeout-guarded regex
wrapper, which costs about 2.5 s on a 10,000-sentence book. We run the same cascade once over
all sentences joined by newlines: the patterns anchored at the start or end of the text are
made line-anchored and the character classes that could reach across a line exclude the
newline, so each line is tokenized exactly as the lone sentence would be. Sentences Punkt
would split further (rare: our sentences already come from Punkt) take NLTK's own path.
``tests/core/test_summarize_tokens.py`` checks token-for-token equality with NLTK.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import regex  # the engine NLTK's tokenizer uses; ``re`` differs on some Unicode classes

_M = regex.MULTILINE
_FINAL_PERIOD_1 = "([^\\.\\n])(\\.)([\\]\\)}>\"'»”’ ]*+)[^\\S\\n]*$"
_FINAL_PERIOD_2 = "([^\\.\\n])(\\.)([\\]\\)}>\"']*)[^\\S\\n]*$"

# (needles, pattern, replacement) in NLTKWordTokenizer.tokenize's order, adapted to
# newline-joined text. A step whose needles (if any) all miss the text cannot match: skipped.
_ALWAYS = ()
_BEFORE_PADDING = [
    (tuple("«“‘„`"), regex.compile("([«“‘„]|[`]+)"), r" \1 "),
    (('"',), regex.compile(r'^"', _M), r"``"),
    (("``",), regex.compile(r"(``)"), r" \1 "),
    # ASCII-only pattern: the stdlib engine finds the same matches, twice as fast here.
    (('"', "''"), re.compile(r"([ \(\[{<])(\"|\'{2})"), r"\1 `` "),
    (("'",), regex.compile(r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)"), r"\1 "),
    (_ALWAYS, regex.compile(_FINAL_PERIOD_1, _M), r"\1 \2 \3 "),
    (tuple(":,"), regex.compile(r"([:,])([^\d\n])"), r" \1 \2"),
    (tuple(":,"), regex.compile(r"([:,])$", _M), r" \1 "),
    (("..",), regex.compile(r"\.{2,}"), r" \g<0> "),
    (tuple(";@#$%&"), regex.compile(r"[;@#$%&]"), r" \g<0> "),
    (tuple("\u2012\u2013\u2014\u2015"), regex.compile(r"[\u2012-\u2015]"), r" \g<0> "),
    (_ALWAYS, regex.compile(_FINAL_PERIOD_2, _M), r"\1 \2\3 "),
    (tuple("?!"), regex.compile(r"[?!]"), r" \g<0> "),
    (("' ",), regex.compile(r"([^'\n])' "), r"\1 ' "),
    (("*",), regex.compile(r"[*]"), r" \g<0> "),
    (tuple("[](){}<>"), regex.compile(r"[\]\[\(\)\{\}\<\>]"), r" \g<0> "),  # brackets
    (("--",), regex.compile(r"--"), r" -- "),
]
_AFTER_PADDING = [
    (tuple("»”’"), regex.compile("([»”’])"), r" \1 "),
    (("''",), regex.compile(r"''"), " '' "),
    (('"',), regex.compile(r'"'), " '' "),
    # NLTK folds every whitespace run to one space; runs of one plain space need no change.
    (_ALWAYS, regex.compile(r"[^\S\n]{2,}|[^\S \n]"), " "),
    # NLTK's "([^' ])('[sS]|'[mM]|'[dD]|') " -> "\1 \2 " and its n't/'ll rule, with the
    # preceding character as a look-behind so the engine can scan for the quote: the same
    # matches, faster (the engine can skip to a candidate).
    (("'",), regex.compile(r"(?<=[^' ])('[sS]|'[mM]|'[dD]|') "), r" \1 "),
    # One pass for n't and 'll/'re/'ve, as NLTK: a split must not enable another ("can't'll").
    (("'",), regex.compile(r"(?<=[^' ])(?=['nN])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), r" \1 "),
]
# MacIntyre contractions, each with a lower-case substring that must occur for it to match
# (checked first: most books contain few of them).
_CONTRACTIONS = [
    (needle, regex.compile(p))
    for needle, p in (
        ("cannot", r"(?i)\b(can)(?#X)(not)\b"),
        ("d'ye", r"(?i)\b(d)(?#X)('ye)\b"),
        ("gimme", r"(?i)\b(gim)(?#X)(me)\b"),
        ("gonna", r"(?i)\b(gon)(?#X)(na)\b"),
        ("gotta", r"(?i)\b(got)(?#X)(ta)\b"),
        ("lemme", r"(?i)\b(lem)(?#X)(me)\b"),
        ("more'n", r"(?i)\b(more)(?#X)('n)\b"),
        ("wanna", r"(?i)\b(wan)(?#X)(na)(?=\s)"),
        (" 'tis", r"(?i) ('t)(?#X)(is)\b"),
        (" 'twas", r"(?i) ('t)(?#X)(was)\b"),
    )
]

# sumy.nlp.tokenizers.Tokenizer._WORD_PATTERN: a letter, then letters, apostrophes, hyphens.
WORD_PATTERN = regex.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
# Punkt can only split after a sentence-ending character that is not the last one.
_MAY_SPLIT = regex.compile(r"[.?!](?!$)")


def _cascade(text: str, steps: list) -> str:
    for needles, pattern, replacement in steps:
        if not needles or any(needle in text for needle in needles):
            text = pattern.sub(replacement, text)
    return text


def _treebank_lines(lines: Sequence[str]) -> list[list[str]]:
    """NLTKWordTokenizer.tokenize applied to each line (lines hold no newline)."""
    text = _cascade("\n".join(lines), _BEFORE_PADDING)
    text = _cascade(" " + text.replace("\n", " \n ") + " ", _AFTER_PADDING)
    lower = text.lower()
    for needle, pattern in _CONTRACTIONS:
        if needle in lower:
            text = pattern.sub(r" \1 \2 ", text)
    return [line.split() for line in text.split("\n")]


def word_tokenize_many(sentences: Sequence[str]) -> list[list[str]]:
    """``nltk.word_tokenize(s)`` for every sentence ``s`` (English Punkt, like sumy).

    Sentences must not contain newlines (``Document.clean_sentence`` folds them).
    """
    import nltk

    from ..language import install_nltk_punkt

    install_nltk_punkt()
    lines = [s.replace("\n", " ") for s in sentences]
    tokens = _treebank_lines(lines)
    for i, line in enumerate(lines):
        if _MAY_SPLIT.search(line) and len(nltk.sent_tokenize(line)) > 1:
            tokens[i] = nltk.word_tokenize(line)
    return tokens


@functools.lru_cache(maxsize=65536)
def is_word(token: str) -> bool:
    """sumy's ``Tokenizer._is_word``."""
    return WORD_PATTERN.match(token) is not None


def sumy_words_many(sentences: Sequence[str]) -> list[list[str]]:
    """What ``sumy.nlp.tokenizers.Tokenizer(...).to_words(s)`` returns, for every sentence."""
    return [[t for t in line if is_word(t)] for line in word_tokenize_many(sentences)]
