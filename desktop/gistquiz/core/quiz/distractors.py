"""Distractors: wrong options of the answer's fine type that are not also true.

Sources in order: the article's own facts of the same type (same subtype first), then the
gazetteers, then -- for numbers, durations and dates -- the answer perturbed in the same format
and magnitude ("123 nations" -> "97 nations", "three-day tour" -> "five-day tour").
A candidate is refused when it is the answer under another name (an alias, the same entity),
when one option is nested in another ("Putin" / "Vladimir Putin"), when its surface type
differs from the answer's, or when putting it in the answer's place reproduces a sentence of
the article (then it is true too).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..facts.model import Fact, FactType
from ..facts.quantities import QUANTITY_PREFIXES
from ..nlp.entities import name_word
from ..nlp.gazetteer import ORG_HEADS, PERSON_TITLES, PLACE_HEADS, given_names
from . import gazetteer
from .text import (
    DAYS,
    MONTHS,
    contains_tokens,
    int_to_word,
    normalize,
    surface_type,
    types_compatible,
    word_to_int,
)
from .text import (
    NUMBER_WORD_RE as _NUMBER_WORD_RE,
)
from .wh_lexicon import HUMAN_NOUNS

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)$")
# days in each month (a leap February): "31 September" is no date
_MONTH_DAYS = dict(
    zip(gazetteer.MONTHS, (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), strict=True)
)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(%s)\b|\b(%s)\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    % (("|".join(gazetteer.MONTHS),) * 2)
)
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


@dataclass(frozen=True)
class ArticleIndex:
    """What the truth checks need from the article, computed once per quiz."""

    sentences_norm: tuple[str, ...]  # every sentence, normalized
    text_norm: str  # the whole text, normalized, sentences joined by " | "

    @classmethod
    def of(cls, sentences: Iterable[str]) -> ArticleIndex:
        norm = tuple(normalize(s) for s in sentences)
        return cls(norm, " | ".join(norm))

    def states(self, statement: str) -> bool:
        """Whether the article says ``statement`` (as a sentence or a part of one)."""
        return contains_tokens(self.text_norm, normalize(statement))


def is_true_substitute(
    sentence: str, answer_start: int, answer_end: int, candidate: str, index: ArticleIndex
) -> bool:
    """Whether the sentence with ``candidate`` in the answer's place is also said in the text.

    ``answer_start``/``answer_end`` are offsets into ``sentence``.
    """
    swapped = sentence[:answer_start] + candidate + sentence[answer_end:]
    return index.states(swapped.rstrip(" .!?"))


def nested(first: str, second: str) -> bool:
    a, b = normalize(first), normalize(second)
    return bool(a and b) and (contains_tokens(a, b) or contains_tokens(b, a))


def choose(
    fact: Fact,
    facts: Sequence[Fact],
    sentence: str,
    sentence_start: int,
    index: ArticleIndex,
    rng: random.Random,
    count: int = 3,
    sentence_starts: frozenset[int] = frozenset(),
) -> list[str]:
    """Up to ``count`` distractors for ``fact``; fewer when no safe ones exist.
    ``sentence_starts``: where the article's sentences begin (a term there is capitalised only
    because it opens its sentence)."""
    answer = fact.text
    answer_type = surface_type(answer)
    answer_date = date_shape(answer) if answer_type == "date" else None
    answer_bare = answer_type == "number" and bare_number(answer)
    own = {normalize(x) for x in (answer, fact.entity, *fact.aliases) if x}
    local_start = fact.start - sentence_start
    local_end = fact.end - sentence_start
    chosen: list[str] = []
    # The rest of the answer's sentence: a distractor named there gives itself away in any
    # stem that keeps it ("...asked China's President Xi Jinping to pressure _____", option
    # "Xi Jinping") and makes a false statement nonsense ("Xi asked Xi").
    around = normalize(f"{sentence[:local_start]} {sentence[local_end:]}")

    def named_around(candidate: str) -> bool:
        words = candidate.split()
        surname = words[-1] if len(words) > 1 and words[-1][:1].isupper() else ""
        return contains_tokens(around, normalize(candidate)) or bool(
            surname and contains_tokens(around, normalize(surname))
        )

    acronym = _acronym_in_parentheses(answer)

    def accept(candidate: str) -> bool:
        candidate = candidate.strip()
        if acronym and not _acronym_in_parentheses(candidate):
            # Same shape as "International Criminal Court (ICC)": give the name its acronym.
            initials = "".join(w[0] for w in candidate.split() if w[:1].isupper())
            if len(initials) < 2:
                return False
            candidate = f"{candidate} ({initials})"
        norm = normalize(candidate)
        if not norm or norm in own or any(nested(candidate, x) for x in (answer, *chosen)):
            return False
        if _singular(norm) in {_singular(x) for x in (*own, *map(normalize, chosen))}:
            return False  # "hymn" is no option beside "hymns"
        if any(normalize(c) == norm for c in chosen) or named_around(candidate):
            return False
        if not types_compatible(surface_type(candidate), answer_type):
            return False
        if answer_date is not None and date_shape(candidate) != answer_date:
            return False  # "31 December" is no option beside the year "1487"
        if answer_bare and not bare_number(candidate):
            return False  # "two-part mini-episode" is no option beside the count "Four"
        if answer_type == "number" and _scale(candidate) != _scale(answer):
            return False  # "90" and "three" are no options beside "350–375 million"
        if answer_bare and _far_apart(candidate, answer):
            return False  # "0.52" is no option beside "less than 200,000"
        if is_true_substitute(sentence, local_start, local_end, candidate, index):
            return False
        chosen.append(candidate)
        return len(chosen) >= count

    same, related = _from_article(fact, facts, sentence_starts)
    pool = gazetteer.names_for(fact.type.value, fact.subtype)
    # a country's options: its region's countries first ("UK" had "Moldova" and "Burundi")
    pools = [pool]
    if pool is gazetteer.countries():
        pools = gazetteer.country_tiers(fact.entity or answer)
    # Tiers: the article's own names of the same fine type, then the gazetteer's, then (for
    # numbers and dates) perturbations; names of the same coarse type but another fine type
    # only where fine types are loose (people, terms): "People's Daily" is no court.
    tiers = [
        _balanced(same, answer, rng),
        *(_balanced(p, answer, rng) for p in pools),
        perturbations(fact, rng),
    ]
    if fact.type is FactType.PERSON:
        tiers.append(_balanced(related, answer, rng))
    elif fact.type is FactType.TERM:
        # a role among roles, a thing among things: "First World War" is no option beside
        # "Presiding Officer"
        human = _names_people(answer)
        tiers.append(_balanced([r for r in related if _names_people(r) == human], answer, rng))
    for tier in tiers:
        for candidate in tier:
            if accept(candidate):
                return chosen
    return chosen


def _acronym_in_parentheses(name: str) -> bool:
    """ "International Criminal Court (ICC)", not "François Villion (Viljoen)": the bracketed
    word is mostly capitals."""
    match = _PAREN_ACRONYM.search(name)
    if not match:
        return False
    letters = [c for c in match.group(1) if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and 2 * capitals >= len(letters)


_PLAIN_NUMBER = re.compile(r"^[$€£]?\d[\d,]*(?:\.\d+)?%?$")


_SCALE = re.compile(r"\b(thousand|million|billion|trillion)\b", re.IGNORECASE)


def _scale(text: str) -> str:
    """The scale word of an amount ("million" of "450 million"), "" for none."""
    match = _SCALE.search(text)
    return match.group(1).lower() if match else ""


_SCALE_VALUES = {"": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
MAX_MAGNITUDE_RATIO = 100.0  # a bare amount's options stay within this factor of it


def _value(text: str) -> float | None:
    """The size of an amount ("200,000" 2e5, "1.5 million" 1.5e6, "three" 3), None if it
    names no number."""
    digits = _DIGITS.search(text)
    if digits:
        value = float(digits.group().replace(",", ""))
    else:
        words = [word_to_int(w) for w in re.findall(r"[A-Za-z]+", text)]
        value = next((float(w) for w in words if w is not None), None)
        if value is None:
            return None
    return value * _SCALE_VALUES[_scale(text)]


def _far_apart(first: str, second: str) -> bool:
    """Two amounts of very different size: "0.52" is no option beside "less than 200,000"."""
    a, b = _value(first), _value(second)
    if not a or not b:  # no number, or none at all: nothing to compare
        return False
    return max(a, b) / min(a, b) > MAX_MAGNITUDE_RATIO


def _names_people(term: str) -> bool:
    """Whether a term's head word names people ("Presiding Officer", "farmers"), or it ends
    in a person's name ("Design Principal Tony Kettle", not "Jordan River")."""
    head = _singular(normalize(term)).rpartition(" ")[2]
    if head in HUMAN_NOUNS or head in PERSON_TITLES or head.endswith(("ist", "ian")):
        return True
    words = term.split()
    return (
        len(words) >= 3
        and words[-2].lower() in given_names()
        and all(w[:1].isupper() for w in words[-2:])
        and words[-1].lower() not in PLACE_HEADS
        and words[-1].lower() not in ORG_HEADS
    )


def _singular(norm: str) -> str:
    """A normalised phrase with its last word's plural ending taken off (roughly: enough to
    tell "hymn" from "hymns", "country" from "countries", "box" from "boxes")."""
    head, _, last = norm.rpartition(" ")
    if len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith(("xes", "zes", "ches", "shes", "sses")):
        last = last[:-2]
    elif len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return f"{head} {last}".strip()


def bare_number(text: str) -> bool:
    """A number and nothing else but a hedge: "123", "3.5", "$40", "Four", "twenty-one",
    "only two", "about 1,000" (not "12 outings", "two-part mini-episode", "76 km")."""
    words = text.strip().split()
    for prefix in QUANTITY_PREFIXES:
        if [w.lower() for w in words[: len(prefix)]] == list(prefix) and len(words) > len(prefix):
            words = words[len(prefix) :]
            break
    return bool(words) and all(_PLAIN_NUMBER.match(w) or word_to_int(w) is not None for w in words)


def _real_date(text: str) -> bool:
    """No day beyond its month's length ("31 September", "30 February")."""
    match = _DAY_MONTH.search(text)
    if not match:
        return True
    day, month = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
    return 1 <= int(day) <= _MONTH_DAYS[month]


def date_shape(text: str) -> tuple[bool, bool, bool, bool]:
    """Which parts a date names: (year, month, day of the month, weekday). Options of one
    question name the same parts: a year among years, a day and month among days and months."""
    low = text.lower()
    words = re.findall(r"[a-z]+", low)
    year = _YEAR.search(low) is not None or re.search(r"\b\d{3,4}s\b", low) is not None
    month = any(w in MONTHS for w in words)
    day = month and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", low) is not None
    return year, month, day, any(w in DAYS for w in words)


def _from_article(
    fact: Fact, facts: Sequence[Fact], sentence_starts: frozenset[int] = frozenset()
) -> tuple[list[str], list[str]]:
    """Same-type facts of the article: (same fine type, other fine type), one per entity.
    A common term that opens its sentence comes in lower case: "Analyses" of "Analyses of
    sediment cores show ..." is no name to set beside "Purus Arch"."""
    answer_entity = normalize(fact.entity or fact.text)
    same_sub, same_type, seen = [], [], {answer_entity}
    # a bare amount ("450 million") takes bare amounts: "30–75%" and "38–41 °C" measure
    # other things; a name without a fine type takes any name of its type
    any_subtype = not fact.subtype and fact.type not in (FactType.NUMBER, FactType.DURATION)
    for other in facts:
        if other.type is not fact.type:
            continue
        key = normalize(other.entity or other.text)
        if key in seen:
            continue
        seen.add(key)
        form = _closest_form(other, len(fact.text.split()))
        if other.type is FactType.TERM and other.start in sentence_starts and form == other.text:
            first = form.split()[0]
            if first[1:].islower() and not name_word(first):
                form = form[0].lower() + form[1:]
        if any_subtype or other.subtype == fact.subtype:
            same_sub.append(form)
        else:
            same_type.append(form)
    return same_sub, same_type


def _closest_form(fact: Fact, words: int) -> str:
    """The entity's name in the shape of the answer: "Volodymyr Zelensky" beside "Vladimir
    Putin", "Zelensky" beside "Putin" (the option lengths then give nothing away)."""
    forms = [fact.text, *(f for f in (fact.entity, *fact.aliases) if f and f != fact.text)]
    if fact.type is FactType.PERSON:
        # a name without its title: "Architect _____" gets no "President Grover Cleveland"
        bare = [
            f for f in forms if f.split() and f.split()[0].lower().rstrip(".") not in PERSON_TITLES
        ]
        forms = bare or forms
    return min(forms, key=lambda f: abs(len(f.split()) - words))


def _balanced(pool: Sequence[str], answer: str, rng: random.Random) -> list[str]:
    """The pool shuffled by the seed, then stably sorted so similar lengths come first."""
    items = list(dict.fromkeys(pool))
    rng.shuffle(items)
    size = max(len(answer), 1)

    def imbalance(candidate: str) -> int:
        ratio = len(candidate) / size
        return 0 if 0.5 <= ratio <= 2.0 else 1

    return sorted(items, key=imbalance)


# ---- perturbation: same format, same magnitude ----------------------------------------------
_HEDGED = re.compile(
    r"^(?:around|about|approximately|roughly|circa|c\.|ca\.|some|nearly|almost)\s", re.IGNORECASE
)


def perturbations(fact: Fact, rng: random.Random, this_year: int | None = None) -> list[str]:
    """Variants of a number/duration/date answer with its number (or day/month) changed;
    a year stays at or before ``this_year`` (today's) unless the answer is later itself."""
    text = fact.text
    if fact.type not in (FactType.NUMBER, FactType.DURATION, FactType.DATE):
        return []
    out: list[str] = []
    year = _YEAR.search(text)
    if year:
        value = int(year.group(0))
        # no year still to come for a past event: "2027" beside "2015" gives itself away
        now = this_year if this_year is not None else date.today().year
        # a hedged year keeps its options apart: "Around 1292" is also around 1294
        steps = range(-50, 51, 10) if _HEDGED.match(text) else range(-12, 13)
        deltas = [d for d in steps if d and (value + d <= now or value > now)]
        rng.shuffle(deltas)
        for d in deltas[:8]:
            out.append(text[: year.start()] + str(value + d) + text[year.end() :])
        return out
    for names in (gazetteer.DAYS, gazetteer.MONTHS):
        for name in names:
            match = re.search(rf"\b{name}\b", text)
            if match:
                others = [n for n in names if n != name]
                rng.shuffle(others)
                variants = [text[: match.start()] + o + text[match.end() :] for o in others]
                return [v for v in variants if _real_date(v)]
    # a count with its noun agrees with it: "one thing" has no "three thing", "3 ships" no
    # "1 ships" (options the reader would strike out on grammar alone)
    digits = _DIGITS.search(text)
    if digits:
        counted = bool(text[digits.end() :].strip(" %"))
        if counted and digits.group(0) == "1":
            return []
        return [
            text[: digits.start()] + v + text[digits.end() :]
            for v in _digit_variants(digits.group(0), rng)
            if not (counted and v == "1")
        ]
    word = _NUMBER_WORD_RE.search(text)
    if word:
        value = word_to_int(word.group(0).replace(" ", "-"))
        counted = bool(text[word.end() :].strip())
        if value is not None and not (counted and value == 1):
            variants = []
            for v in _int_variants(value, rng):
                if counted and v == 1:
                    continue
                spelled = int_to_word(v)
                if spelled:
                    if word.group(0)[:1].isupper():
                        spelled = spelled.capitalize()
                    variants.append(text[: word.start()] + spelled + text[word.end() :])
            return variants
    return out


def _int_variants(value: int, rng: random.Random) -> list[int]:
    """Other counts of the same magnitude, alternately below and above the answer, so the
    answer is neither the smallest nor the largest option by construction."""
    if value <= 12:
        pool = [v for v in range(max(value - 4, 1 if value else 0), value + 6) if v != value]
    else:
        factors = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.1, 1.15, 1.2, 1.25, 1.4, 1.6)
        pool = sorted({round(value * f) for f in factors} - {value})
        if value % 10 == 0:  # a round number gets round alternatives
            pool = sorted({round(v, -1) for v in pool} - {value})
        same = [v for v in pool if len(str(v)) == len(str(value))]
        pool = same if len(same) >= 3 else pool
    below = [v for v in pool if v < value]
    above = [v for v in pool if v > value]
    rng.shuffle(below)
    rng.shuffle(above)
    if rng.random() < 0.5:
        below, above = above, below
    mixed = []
    for i in range(max(len(below), len(above))):
        mixed += below[i : i + 1] + above[i : i + 1]
    return mixed


def _digit_variants(token: str, rng: random.Random) -> list[str]:
    has_commas = "," in token
    raw = token.replace(",", "")
    if "." in raw:
        whole, frac = raw.split(".", 1)
        base = int(whole + frac)
        values = _int_variants(base, rng)
        out = []
        for v in values:
            s = str(v).rjust(len(frac) + 1, "0")
            out.append(f"{s[: -len(frac)]}.{s[-len(frac) :]}")
        return out
    out = []
    for v in _int_variants(int(raw), rng):
        out.append(f"{v:,}" if has_commas else str(v))
    return out
