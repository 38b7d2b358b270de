"""Word tokens with char spans, split the way the English treebanks split them.

The tagger was trained on UD English-EWT and GUM, whose tokens follow Penn Treebank habits:
clitics come off ("do" + "n't", "China" + "'s"), hyphens between word parts are tokens of
their own ("three" + "-" + "day"), punctuation is separate, abbreviations keep their period.
Matching those habits here is worth more accuracy than any tagger feature. A regex scanner
(not NLTK's TreebankWordTokenizer) because we need exact offsets into the original text, and
the original may carry curly quotes, which ``norm`` straightens for the tagger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text`` is exactly ``source[start:end]``; ``norm`` is what the tagger sees."""

    text: str
    start: int
    end: int
    norm: str


# Abbreviations that keep their period (lower-cased, without the period).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "pres",
        "rev",
        "hon",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "llc",
        "plc",
        "dept",
        "univ",
        "assn",
        "vs",
        "etc",
        "al",
        "approx",
        "est",
        "fig",
        "no",
        "nos",
        "vol",
        "pp",
        "ca",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "ave",
        "blvd",
        "rd",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
    ]
)

_TOKEN = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’]
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    | (?P<initials>(?:[^\W\d_]\.){2,})                         # U.S.  e.g.  a.m.
    | (?P<number>[$€£]?\d+(?:[.,:/]\d+)*(?:[^\W\d_]+)?)       # 123  1,000  3.5  10:30  1990s
    | (?P<word>[^\W_]+(?:['’][^\W\d_]+)*\.?)                   # words, O'Brien, Mr.
    | (?P<ellipsis>\.{2,}|…)
    | (?P<dash>-{2,}|[–—])
    | (?P<other>\S)
    """,
    re.VERBOSE,
)
_NEG = re.compile(r"(?i)n['’]t$")
_CLITIC = re.compile(r"(?i)['’](?:s|re|ve|ll|d|m)$")
_CURRENCY = re.compile(r"^[$€£]")

# How the treebanks write characters that newer text writes typographically.
_NORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "′": "'", "″": '"'})


def normalize(form: str) -> str:
    """The treebank spelling of a token: straight quotes and apostrophes, ASCII ellipsis."""
    form = form.translate(_NORM)
    return "..." if form == "…" else form


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets into ``text``."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        kind = match.lastgroup
        a, b = match.span()
        if kind == "word":
            _split_word(text, a, b, tokens)
        elif kind == "number" and _CURRENCY.match(text[a:b]):
            _add(tokens, text, a, a + 1)
            _add(tokens, text, a + 1, b)
        else:
            _add(tokens, text, a, b)
    return tokens


def _add(tokens: list[Token], text: str, a: int, b: int) -> None:
    if a < b:
        form = text[a:b]
        tokens.append(Token(form, a, b, normalize(form)))


def _split_word(text: str, a: int, b: int, tokens: list[Token]) -> None:
    """A word with a trailing period keeps it only if it is an abbreviation; clitics split."""
    if text[b - 1] == ".":
        stem = text[a : b - 1]
        is_initial = len(stem) == 1 and stem.isalpha() and stem.isupper()
        if stem.lower() in ABBREVIATIONS or is_initial:
            _add(tokens, text, a, b)
            return
        b -= 1
        _split_word(text, a, b, tokens)
        _add(tokens, text, b, b + 1)
        return
    word = text[a:b]
    for suffix in (_NEG, _CLITIC):  # "do|n't", "Xi|'s": split off as the treebanks do
        match = suffix.search(word)
        if match and match.start() > 0:
            cut = a + match.start()
            _add(tokens, text, a, cut)
            _add(tokens, text, cut, b)
            return
    _add(tokens, text, a, b)
