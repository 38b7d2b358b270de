"""Numbers, durations and dates in one analysed sentence, as token spans.

"123 different nations" is a NUMBER counting "nations"; "three-day tour" and "more than four
hours" are DURATIONs (the counted noun is a unit of time); "Monday", "February last year",
"this month" and "10:30 a.m." are DATEs. Each finder returns (first, last, subtype) token
spans; the caller turns them into Facts with char spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.analysis import SentenceAnalysis

WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ]
)
TIME_UNITS = frozenset(
    [
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "weekend",
        "fortnight",
        "month",
        "year",
        "decade",
        "century",
        "season",
        "term",
    ]
)
# periods counted rather than measured: "for 26 seasons" asks "How many seasons ...?", not
# "How long were the seasons?" (they still date a year: "the 2015 season")
COUNTED_PERIODS = frozenset(["season", "term"])
RELATIVE_DAYS = frozenset(["yesterday", "today", "tomorrow", "tonight"])
DATE_NOUNS = frozenset(
    [
        "week",
        "month",
        "year",
        "weekend",
        "decade",
        "century",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "morning",
        "afternoon",
        "evening",
    ]
)
DATE_MODIFIERS = frozenset(
    ["last", "next", "this", "early", "late", "mid", "previous", "coming", "past"]
)
# Words before a number that belong to the quantity: "more than four hours".
QUANTITY_PREFIXES = (
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("up", "to"),
    ("as", "many", "as"),
    ("as", "much", "as"),
    ("nearly",),
    ("almost",),
    ("about",),
    ("around",),
    ("roughly",),
    ("approximately",),
    ("over",),
    ("some",),
    ("only",),
    ("just",),
)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
# Earlier years only where a preposition of time stands before them ("in 1066"; "1200
# soldiers", "page 1205" stay numbers).
_OLD_YEAR = re.compile(r"^1[0-4]\d\d$")
YEAR_PREPOSITIONS = frozenset({"in", "by", "since", "until", "till", "after", "before", "from"})
_DECADE = re.compile(r"^(1[0-9]|20)\d0s$")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d\d$")
_NOT_COUNTED = frozenset(["another", "of", "other"])  # "one another", "one of them"


@dataclass(frozen=True, slots=True)
class Span:
    first: int
    last: int
    subtype: str


def _low(s: SentenceAnalysis, k: int) -> str:
    return s.tokens[k].norm.lower() if 0 <= k < len(s.tokens) else ""


def dates(s: SentenceAnalysis) -> list[Span]:
    spans: list[Span] = []
    n = len(s.tokens)
    k = 0
    while k < n:
        low = _low(s, k)
        first, last, subtype = k, k, ""
        if low in WEEKDAYS:
            last, subtype = k + 1, "weekday"
        elif _DAY.match(low) and _month_at(s, k + 1):
            last, subtype = k + 2, "month"  # "10 November": the day first, as in Britain
            if last < n and (_YEAR.match(s.tokens[last].norm) or _OLD_YEAR.match(_low(s, last))):
                last += 1  # "10 November 1483"
        elif _month_at(s, k):
            last, subtype = k + 1, "month"
            if last < n and s.tags[last] == "CD" and len(s.tokens[last].norm) <= 2:
                last += 1  # "March 3"
            if last + 1 < n and s.tokens[last].norm == "," and _YEAR.match(s.tokens[last + 1].norm):
                last += 2  # "March 3, 2022"
            elif last < n and _YEAR.match(s.tokens[last].norm):
                last += 1  # "February 2022"
        elif low in RELATIVE_DAYS:
            last, subtype = k + 1, "day"
        elif low in DATE_MODIFIERS and _low(s, k + 1) in DATE_NOUNS and s.tags[k] != "IN":
            last, subtype = k + 2, "relative"
        elif (
            s.tags[k] == "CD"
            and _YEAR.match(s.tokens[k].norm)
            and (
                not _counts_noun(s, k) or (s.tags[k + 1] == "NN" and s.lemmas[k + 1] in TIME_UNITS)
            )
        ):
            # a year before a singular unit of time dates it ("the 2015 season" is no duration)
            last, subtype = k + 1, "year"
        elif (
            s.tags[k] == "CD"
            and _OLD_YEAR.match(s.tokens[k].norm)
            and _low(s, k - 1) in YEAR_PREPOSITIONS
            and not _counts_noun(s, k)
        ):
            last, subtype = k + 1, "year"  # "in 1066", "by 1204": a year before 1500
        elif _DECADE.match(s.tokens[k].norm):  # "the 1970s" (tagged a plural noun as often)
            last, subtype = k + 1, "decade"
        elif (
            s.tags[k] == "CD"
            and _CLOCK.match(s.tokens[k].norm)
            and _low(s, k + 1)
            in (
                "a.m.",
                "p.m.",
                "am",
                "pm",
            )
        ):
            last, subtype = k + 2, "time"
        if last > first:
            # "February last year", "Monday morning"
            if _low(s, last) in DATE_MODIFIERS and _low(s, last + 1) in DATE_NOUNS:
                last += 2
            elif _low(s, last) in DATE_NOUNS and s.tags[last].startswith("NN"):
                last += 1
            spans.append(Span(first, last, subtype))
            k = last
        else:
            k += 1
    return spans


_DAY = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")


def _month_at(s: SentenceAnalysis, k: int) -> bool:
    low = _low(s, k)
    return low in MONTHS and (s.tags[k] == "NNP" or low != "may")


def _counts_noun(s: SentenceAnalysis, k: int) -> bool:
    return k + 1 < len(s.tags) and s.tags[k + 1] in ("NNS", "NN") and s.tags[k + 1] != "POS"


def quantities(s: SentenceAnalysis, taken: set[int]) -> list[tuple[str, Span]]:
    """("NUMBER" | "DURATION", span) for each number not already inside ``taken`` tokens."""
    found: list[tuple[str, Span]] = []
    head_of = {}
    for chunk in s.chunks:
        for k in range(chunk.first, chunk.last):
            head_of[k] = chunk.head
    n = len(s.tokens)
    k = 0
    while k < n:
        if s.tags[k] != "CD" or k in taken or not _numeric(s.tokens[k].norm):
            k += 1
            continue
        first = k
        while k + 1 < n and s.tags[k + 1] == "CD" and k + 1 not in taken:
            k += 1  # "5.3 billion", "two million"
        head = head_of.get(k, -1)
        before = s.tokens[first - 1].norm if first > 0 else ""
        after = k + 1
        while after + 1 < n and s.tags[after] == "HYPH" and s.tags[after + 1] == "CD":
            after += 2  # "Ninety - Five Theses": the word after the whole number
        word, following = s.tokens[first].text, s.tokens[after].text if after < n else ""
        spelt = word.replace("-", "").isalpha()  # "Two", "Ninety-Five"
        if first > 0 and word[:1].isupper() and spelt and following[:1].isupper():
            k += 1  # a number word inside a title ("The Two Doctors", "Ninety-Five Theses")
            continue
        range_start = -1
        if before in ("–", "-", "—") and first > 1 and s.tags[first - 2] == "CD":
            if _YEAR.match(s.tokens[first - 2].norm):
                k += 1  # the end of a range of years ("the 1965–66 season"): no count
                continue
            range_start = first - 2  # "9–88 cm": the range is the quantity
        if before.lower() in ("number", "numbers"):
            k += 1  # "the number 1 lacks ...": a name of a number, not a count
            continue
        if len(before) == 1 and before.isupper():
            k += 1  # "O 2", "Z 3": a formula's subscript or a model's number, not a count
            continue
        if _low(s, k + 1) in _NOT_COUNTED and k == first and _low(s, k) == "one":
            k += 1
            continue
        if head > k:
            last = head + 1
            unit = s.lemmas[head]
        elif _low(s, k + 1) in ("%", "percent", "per"):
            last, unit = k + 2, "percent"
        else:
            last, unit = k + 1, ""
        if range_start >= 0:
            if found and found[-1][1].first == range_start:
                found.pop()  # "9" alone was taken before its range was seen
            first = range_start
        first = _extend_prefix(s, first)
        if first > 0 and s.tokens[first - 1].norm in ("$", "€", "£"):
            first -= 1
            unit = unit or "money"
        kind = "DURATION" if unit in TIME_UNITS - COUNTED_PERIODS else "NUMBER"
        if s.tags[k + 1 : k + 2] == ("HYPH",) and k + 2 < n and s.lemmas[k + 2] in TIME_UNITS:
            if _low(s, k + 4) == "old" and s.tags[k + 3 : k + 4] == ("HYPH",):
                k += 5  # "a 21-year-old major": an age, not how long something lasted
                continue
            kind, unit = "DURATION", s.lemmas[k + 2]  # "a three-day tour"
        found.append((kind, Span(first, last, unit)))
        k = last
    return found


NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
    ]
)


def _numeric(word: str) -> bool:
    """Digits or a number word: not a Roman numeral ("Super Bowl XLIX") or a stray CD tag."""
    return any(ch.isdigit() for ch in word) or word.lower() in NUMBER_WORDS


def _extend_prefix(s: SentenceAnalysis, first: int) -> int:
    for prefix in QUANTITY_PREFIXES:
        a = first - len(prefix)
        if a >= 0 and tuple(_low(s, a + i) for i in range(len(prefix))) == prefix:
            return a
    return first
