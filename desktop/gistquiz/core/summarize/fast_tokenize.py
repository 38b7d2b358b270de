"""sumy's word tokens for many sentences at once: ``nltk.word_tokenize`` + sumy's word filter.

sumy tokenizes every sentence with ``nltk.word_tokenize`` (Punkt split, then NLTK's
Treebank-style regex cascade) and keeps the tokens ``sumy.nlp.tokenizers.Tokenizer._is_word``
accepts. NLTK runs its ~30 substitutions per sentence through a timeout-guarded regex
wrapper, which costs about 2.5 s on a 10,000-sentence book. We run the same cascade once over
all sentences joined by newlines: the patterns anchored at the start or end of the text are
made line-anchored and the character classes that could reach across a line exclude the
newline, so each line is tokenized exactly as the lone sentence would be. Sentences Punkt
would split further (rare: our sentences already come from Punkt) take NLTK's own path.

Cheaper than NLTK, same result (``tests/core/test_summarize_features.py`` checks token for
token against NLTK on generated and random text; ``tests/bench/check_tokenizer.py`` on four
whole books, where it is ~7x faster than NLTK):
* steps that only pad fixed strings with spaces run as ``str.replace`` (a C loop, several
  times faster than a regex substitution), merged where no step in between can tell a padded
  character from an unpadded one; NLTK's second final-period rule is left out (it can only
  match where the first one already did: see the comment at its place);
* NLTK's fold of every whitespace run to one space is skipped when the lines hold no
  whitespace but spaces: every step only asks whether a neighbour *is* a space, which a run of
  spaces answers the same way, and the final ``split()`` drops the runs;
* the MacIntyre contractions (rare) are rewritten in a small window around each occurrence
  instead of scanning the whole text once per pattern;
* Punkt re-checks only the lines where its own candidate rule could fire (one scan), and in
  an English document's own sentences (cut by English Punkt) only their last token;
* the result comes numbered (distinct tokens + an index per token, ``LINE_BREAK`` between
  sentences), so callers never loop over tokens in Python.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Collection, Sequence

import numpy as np
import regex  # the engine NLTK's tokenizer uses; ``re`` differs on some Unicode classes

_M = regex.MULTILINE
# NLTK's first final-period rule, "([^\.])(\.)([\]\)}>"'»”’ ]*+)\s*$" -> r"\1 \2 \3 ", with
# the preceding character as a look-behind (the engine then scans for the period).
_FINAL_PERIOD = "(?<=[^\\.\\n])\\.([\\]\\)}>\"'»”’ ]*+)[^\\S\\n]*$"
LINE_BREAK = "\x01"  # the token between two sentences in ``treebank_numbered``


_PAD = "pad"
_PAD_BEFORE_BREAK = "pad before break"


def _pad(match: regex.Match) -> str:
    # A function replacement is faster than the " \g<0> " template in both engines.
    return f" {match.group()} "


# (needles, pattern, replacement) in NLTKWordTokenizer.tokenize's order, adapted to
# newline-joined text. A step whose needles (if any) all miss the text cannot match: skipped.
# A step ``(strings, _PAD, None)`` surrounds every occurrence of each string with spaces by
# ``str.replace`` (a C loop, several times faster than a regex substitution); the strings
# must not overlap one another, so the order of the replacements does not matter.
_ALWAYS = ()
_BEFORE_PADDING = [
    # NLTK pads «“‘„ and runs of backticks in one pattern; the characters are disjoint.
    ("«“‘„", _PAD, None),
    (("`",), regex.compile("[`]+"), _pad),
    (('"',), regex.compile(r'^"', _M), r"``"),
    (("``",), regex.compile(r"(``)"), r" \1 "),
    # ASCII-only pattern: the stdlib engine finds the same matches, twice as fast here.
    (('"', "''"), re.compile(r"([ \(\[{<])(\"|\'{2})"), r"\1 `` "),
    (("'",), regex.compile(r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)"), r"\1 "),
    (_ALWAYS, regex.compile(_FINAL_PERIOD, _M), r" . \1 "),
    (tuple(":,"), regex.compile(r"([:,])([^\d\n])"), r" \1 \2"),
    # NLTK's "([:,])$": a colon or comma right before a line break (or the end) -- fixed
    # strings, so str.replace (the end of the text is handled in _treebank_text).
    ((":\n", ",\n"), _PAD_BEFORE_BREAK, None),
    (("..",), regex.compile(r"\.{2,}"), _pad),
    # NLTK pads ;@#$%&, then dashes, then (after the final-period step) ?!, then (after the
    # "' " step) *: one pass. Neither step in between can tell a padded character from an
    # unpadded one (the final period is followed by none of them; "' " only needs a
    # non-apostrophe before and a space after, and a padded character gives both).
    (";@#$%&\u2012\u2013\u2014\u2015?!*", _PAD, None),
    # NLTK's second final-period rule ("([^\.])(\.)([\]\)}>"']*)\s*$") is left out: it can
    # only match where the first one did (its closing characters are a subset of the first's,
    # and the steps in between only insert spaces), and the first one's rewrite leaves a
    # period followed by a space, which the second cannot match.
    (("' ",), regex.compile(r"([^'\n])' "), r"\1 ' "),
    # Brackets, then "--": disjoint characters, one pass.
    ((*"[](){}<>", "--"), _PAD, None),
]
_AFTER_PADDING = [
    ((*"»”’", "''"), _PAD, None),
    (('"',), '"', " '' "),
    # NLTK's "([^' ])('[sS]|'[mM]|'[dD]|') " -> "\1 \2 " and its n't/'ll rule, with the
    # preceding character as a look-behind so the engine can scan for the quote: the same
    # matches, faster (the engine can skip to a candidate).
    (("'",), regex.compile(r"(?<=[^' ])('[sS]|'[mM]|'[dD]|') "), r" \1 "),
    # One pass for n't and 'll/'re/'ve, as NLTK: a split must not enable another ("can't'll").
    (("'",), regex.compile(r"(?<=[^' ])(?=['nN])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), r" \1 "),
]
# NLTK's own fold of whitespace runs (the newline excepted), needed only when the text holds
# whitespace other than single spaces.
_ODD_SPACE = regex.compile(r"[^\S \n]")
_SPACES_BUT_NEWLINE = re.compile(r"[^\S\n]+")  # stdlib \s: str.split()'s whitespace
_FOLD_SPACE = regex.compile(r"[^\S\n]{2,}|[^\S \n]")
# MacIntyre contractions (NLTK compiles them with the stdlib engine), each with a lower-case
# substring that must occur for it to match (checked first: most books contain few of them).
_CONTRACTIONS = [
    (needle, re.compile(p))
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

# A substring each needle holds, shared by several needles: one scan rules them all out
# (most texts hold none of the contractions; many hold no ASCII apostrophe at all).
_CONTRACTION_HINTS = {
    needle: next(hint for hint in ("'", "nna", "mme", "cannot", "gotta") if hint in needle)
    for needle, _ in _CONTRACTIONS
}

# sumy.nlp.tokenizers.Tokenizer._WORD_PATTERN: a letter, then letters, apostrophes, hyphens.
# With the stdlib engine, as sumy: ``regex`` counts combining marks (a decomposed "é") and
# joiners as word characters where ``re`` does not, and superscript digits the other way.
WORD_PATTERN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


def _may_split_pattern() -> re.Pattern:
    """Where English Punkt could end a sentence inside a line (else the line is one sentence).

    Punkt considers a sentence-end character only when a "non-word" character or whitespace
    and a token follow it; a break followed by nothing but closing quotes and brackets is
    folded back by its boundary realignment. Built from NLTK's own patterns.
    """
    from nltk.tokenize.punkt import PunktLanguageVars

    lang = PunktLanguageVars()
    ends = "".join(regex.escape(c) for c in lang.sent_end_chars)
    non_word = lang._re_non_word_chars
    realign = lang.re_boundary_realignment.pattern.split("+?")[0]
    # Lines are joined by newlines: whitespace and a token must not reach the next line.
    # The stdlib engine is faster here; its \\s covers every space NLTK's engine knows (and a
    # few more), so the filter stays a superset of Punkt's candidates.
    return re.compile(
        f"[{ends}](?=[^\\S\\n]+\\S|(?!{realign}){non_word}|{realign}(?!{realign}*$))", re.M
    )


def _cascade(text: str, steps: list, absent: Collection[str] = ()) -> str:
    """``steps`` applied to ``text``; single-character needles in ``absent`` are known not to
    occur (``_absent_seldom``), so their steps and padding are skipped without a scan."""
    for needles, pattern, replacement in steps:
        # str.replace returns the text itself when the needle is absent: no need to look first.
        if pattern is _PAD:
            for needle in needles:
                if needle not in absent:
                    text = text.replace(needle, f" {needle} ")
        elif pattern is _PAD_BEFORE_BREAK:
            for needle in needles:
                text = text.replace(needle, f" {needle[0]} \n")
            if text[-1:] in (":", ","):
                text = f"{text[:-1]} {text[-1]} "
        elif not needles or any(needle not in absent and needle in text for needle in needles):
            if isinstance(pattern, str):
                text = text.replace(pattern, replacement)
            else:
                text = pattern.sub(replacement, text)
    return text


# Characters prose seldom holds. Each needle costs a scan of the text even where it is absent
# (~0.07 ms per 1,000 sentences); one pass over the UTF-8 bytes tells which of these occur,
# and about 20 scans of the cascade's 45 are skipped in a typical book. The cascade creates
# none of them before the steps that look for them ('"' becomes "``" and "''", which
# multi-character needles still look for in the text).
_SELDOM_ASCII = '`"@#$%&*[]{}<>'
_SELDOM_OTHER = "«»„\u2012\u2013\u2015"
_ALL_BUT_SELDOM_ASCII = bytes(sorted(set(range(256)) - set(_SELDOM_ASCII.encode())))


def _absent_seldom(text: str) -> frozenset[str]:
    raw = text.encode("utf-8", "surrogatepass")
    present = set(raw.translate(None, _ALL_BUT_SELDOM_ASCII).decode("ascii"))
    present.update(c for c in _SELDOM_OTHER if c.encode() in raw)
    return frozenset(_SELDOM_ASCII + _SELDOM_OTHER) - present


def _treebank_text(text: str, odd_space: bool) -> str:
    """NLTKWordTokenizer's rewriting of each line of ``text``, lines joined by " \\n "."""
    absent = _absent_seldom(text)
    text = _cascade(text, _BEFORE_PADDING, absent)
    text = _cascade(" " + text.replace("\n", " \n ") + " ", _AFTER_PADDING[:-2], absent)
    if odd_space:
        text = _FOLD_SPACE.sub(" ", text)
    text = _cascade(text, _AFTER_PADDING[-2:])
    return _split_contractions(text)


def _split_contractions(text: str) -> str:
    lower = text.lower()
    aligned = len(lower) == len(text)
    # Substitutions only insert spaces: a hint absent now stays absent.
    hints = {hint: hint in lower for hint in set(_CONTRACTION_HINTS.values())}
    for needle, pattern in _CONTRACTIONS:
        if not hints[_CONTRACTION_HINTS[needle]] or needle not in lower:
            continue
        if not aligned:  # (rare) lower-casing changed lengths: no windows, a fresh lower case
            text = pattern.sub(r" \1 \2 ", text)
            lower = text.lower()  # a split can make the next needle ("cannot'tis")
            continue
        text, lower = _split_around(text, lower, needle, pattern)
    return text


def _split_around(text: str, lower: str, needle: str, pattern: re.Pattern) -> tuple[str, str]:
    """``pattern`` substituted in ``text`` (and in its lower case, which is ``lower``).

    Every match covers an occurrence of the needle: substitute in a window around each one (a
    character of context either side for \\b and look-arounds). Scanning a book with a
    case-insensitive pattern costs ~2 ms per 1,000 sentences; this costs microseconds. The
    pattern ignores case and only inserts spaces, so the same edits of ``lower`` give the lower
    case of the result (lower-casing the whole text again would cost ~0.4 ms).
    """
    starts = [lower.find(needle)]
    while (start := lower.find(needle, starts[-1] + 1)) >= 0:
        starts.append(start)
    width = len(needle) + 2
    if any(b - a < width for a, b in itertools.pairwise(starts)):
        # Windows that overlap ("cannotcannot"): one at a time, from the last, so the
        # positions found in ``lower`` stay valid.
        for start in reversed(starts):
            a, b = max(start - 1, 0), start + len(needle) + 1
            text = text[:a] + pattern.sub(r" \1 \2 ", text[a:b]) + text[b:]
            lower = lower[:a] + pattern.sub(r" \1 \2 ", lower[a:b]) + lower[b:]
        return text, lower
    results = []
    for source in (text, lower):  # one join per string instead of a copy per occurrence
        parts, position = [], 0
        for start in starts:
            a, b = max(start - 1, 0), start + len(needle) + 1
            parts += (source[position:a], pattern.sub(r" \1 \2 ", source[a:b]))
            position = b
        parts.append(source[position:])
        results.append("".join(parts))
    return results[0], results[1]


@functools.cache
def _nltk():
    import nltk

    from ..language import install_nltk_punkt

    install_nltk_punkt()
    may_split = _may_split_pattern()
    # A candidate with no whitespace after it on its line: in the line's last token.
    last = re.compile(f"(?:{may_split.pattern})(?=\\S*$)", re.M)
    return nltk, may_split, last


def number_strings(items: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct items in first-seen order and every item's index among them (int64).

    No Python loop per item: ``dict.setdefault`` mapped over (item, position) keeps each
    item's first position (dict keys keep insertion order); numpy turns those into indices.
    """
    first: dict[str, int] = {}
    ids = np.fromiter(map(first.setdefault, items, itertools.count()), np.int64, len(items))
    lookup = np.empty(len(items), dtype=np.int64)
    lookup[np.fromiter(first.values(), np.int64, len(first))] = np.arange(len(first))
    return list(first), lookup[ids]


def treebank_numbered(
    text: str, *, single_spaces: bool = False, punkt_lines: Collection[int] | None = None
) -> tuple[list[str], np.ndarray, str]:
    """``nltk.word_tokenize`` of every sentence of ``text.split("\\n")`` as numbered tokens:
    (distinct tokens in first-seen order, the index of every token among them, the break
    token between sentences -- ``LINE_BREAK``, or a newline if the text holds that character).

    ``single_spaces``: the caller guarantees no whitespace but spaces (single, or runs: see
    below) and the newlines, which skips a scan for other whitespace.
    ``punkt_lines``: the lines English Punkt did not itself cut out of their paragraph (None:
    any line). In a line it did cut, Punkt alone can only split where the context changed: in
    the last token, whose next token was the next sentence's first (``"affetto.”..."``).
    Every other candidate has the same neighbours alone as in the paragraph, and was rejected.
    """
    nltk, may_split, may_split_last = _nltk()
    # The input may hold the usual break token itself (a control character; in a line NLTK
    # tokenizes too): then the newline serves, splitting on single spaces (slower).
    marker = "\n" if LINE_BREAK in text else LINE_BREAK
    # Sentences English Punkt splits further get NLTK's own treatment (a placeholder here).
    special: dict[int, list[str]] = {}
    pattern = may_split if punkt_lines is None else may_split_last
    candidates = [m.start() for m in pattern.finditer(text)]
    lines = text.split("\n") if candidates or punkt_lines else []
    ends = list(itertools.accumulate(len(line) + 1 for line in lines))
    recheck = {bisect.bisect_right(ends, position) for position in candidates}
    recheck.update(i for i in punkt_lines or () if may_split.search(lines[i]))
    if recheck:
        for i in sorted(recheck):
            if len(nltk.sent_tokenize(lines[i])) > 1:
                special[i] = nltk.word_tokenize(lines[i])
                lines[i] = ""
        if special:
            text = "\n".join(lines)
    odd_space = not single_spaces and _ODD_SPACE.search(text) is not None
    text = _treebank_text(text, odd_space)
    flat = _split(text, special, marker)
    types, ids = number_strings(flat)
    return types, ids, marker


def _split(text: str, special: dict[int, list[str]], marker: str) -> list[str]:
    if marker == LINE_BREAK:
        flat = text.replace("\n", LINE_BREAK).split()  # NLTK's own final split()
    else:  # NLTK's split(), but keeping the newlines (the rewrite put spaces around each)
        flat = [t for t in _SPACES_BUT_NEWLINE.split(text) if t]
    if special:
        breaks = [i for i, token in enumerate(flat) if token == marker]
        for line in sorted(special, reverse=True):
            start = breaks[line - 1] + 1 if line else 0
            stop = breaks[line] if line < len(breaks) else len(flat)
            flat[start:stop] = special[line]
    return flat


def word_tokenize_many(sentences: Sequence[str]) -> list[list[str]]:
    """``nltk.word_tokenize(s)`` for every sentence ``s`` (English Punkt, like sumy)."""
    types, ids, marker = treebank_numbered("\n".join(s.replace("\n", " ") for s in sentences))
    lines: list[list[str]] = [[]]
    for token in (types[i] for i in ids.tolist()):
        if token == marker:
            lines.append([])
        else:
            lines[-1].append(token)
    return lines if sentences else []


@functools.lru_cache(maxsize=65536)
def is_word(token: str) -> bool:
    """sumy's ``Tokenizer._is_word``."""
    # isalpha() is a C check, and an alphabetic character is always one of re's [^\W\d_].
    return token.isalpha() or WORD_PATTERN.match(token) is not None


def sumy_words_many(sentences: Sequence[str]) -> list[list[str]]:
    """What ``sumy.nlp.tokenizers.Tokenizer(...).to_words(s)`` returns, for every sentence."""
    return [[t for t in line if is_word(t)] for line in word_tokenize_many(sentences)]
