"""Small text helpers the quiz shares: answer normalisation, number words, surface types.

``normalize`` follows the SQuAD convention (lower case, no punctuation, no articles) so the
grader, the validator and the measurement agree on when two answers are "the same"; on top it
folds curly quotes and spells numbers as digits ("three" = "3").
"""

from __future__ import annotations

import functools
import re
import string

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_PUNCT = set(string.punctuation) | set("\u2018\u2019\u201c\u201d\u2013\u2014\u00ab\u00bb")
# str.translate instead of a join over every character: ~10x faster on the sentences the
# validator normalises.
_PUNCT_TO_SPACE = str.maketrans(dict.fromkeys(_PUNCT, " "))
_NO_PUNCT = str.maketrans(dict.fromkeys(_PUNCT))
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def _words(text: str) -> list[str]:
    return text.split()


UNITS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS = _words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(UNITS)}
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(TENS) if w != "_"})
NUMBER_WORDS["dozen"] = 12
NUMBER_WORD_RE = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:[- ](?:" + "|".join(UNITS[1:10]) + r"))?\b",
    re.IGNORECASE,
)


def unify(text: str) -> str:
    return text.translate(_QUOTES)


def fold_spaces(text: str) -> str:
    # str.split() splits on what re's \s matches (str.isspace), and drops the ends.
    return " ".join(text.split())


def word_to_int(word: str) -> int | None:
    """ "three" -> 3, "twenty-one" -> 21; None when ``word`` is not a spelled number."""
    parts = re.split(r"[- ]", word.lower())
    if not parts or any(p not in NUMBER_WORDS for p in parts):
        return None
    return sum(NUMBER_WORDS[p] for p in parts)


def int_to_word(value: int) -> str | None:
    """3 -> "three", 21 -> "twenty-one"; None above 99 (spelled larger numbers are rare)."""
    if 0 <= value < 20:
        return UNITS[value]
    if 20 <= value < 100:
        tens, unit = divmod(value, 10)
        return TENS[tens] + (f"-{UNITS[unit]}" if unit else "")
    return None


def digits_for_words(text: str) -> str:
    return NUMBER_WORD_RE.sub(lambda m: str(word_to_int(m.group(0).replace(" ", "-"))), text)


@functools.lru_cache(maxsize=65536)  # the same answers are compared many times
def normalize(text: str) -> str:
    """Lower case, digits for number words, no punctuation, no articles, single spaces."""
    low = unify(str(text)).lower()
    low = low.replace("-", " ")
    low = digits_for_words(low)
    low = low.replace(",", "") if re.search(r"\d,\d", low) else low
    low = low.translate(_PUNCT_TO_SPACE)
    low = _ARTICLES.sub(" ", low)
    return fold_spaces(low)


@functools.lru_cache(maxsize=65536)  # the same answers are compared many times
def squad_normalize(text: str) -> str:
    """The SQuAD v1.1 normalisation, exactly (used where we must agree with the harness)."""
    low = unify(str(text)).lower()
    low = low.translate(_NO_PUNCT)
    return fold_spaces(_ARTICLES.sub(" ", low))


def token_f1(first: str, second: str) -> float:
    """SQuAD's token F1 between two answers (after ``squad_normalize``)."""
    a, b = squad_normalize(first).split(), squad_normalize(second).split()
    if not a or not b:
        return float(a == b)
    common = sum(min(a.count(t), b.count(t)) for t in set(a) & set(b))
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def contains_tokens(haystack_norm: str, needle_norm: str) -> bool:
    """Whether the normalised ``needle`` occurs in the normalised ``haystack`` as whole tokens."""
    return bool(needle_norm) and f" {needle_norm} " in f" {haystack_norm} "


# ---- surface types: what an answer looks like from its words alone --------------------------
# The same coarse classes a reader (and the reference measurement) sees: date, number, a
# person/place/org/other name, or a common phrase. MCQ options must share one, whatever the
# extractor's finer type says, so a distractor never gives itself away by its shape.
MONTHS = set(
    _words(
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
DAYS = set(_words("monday tuesday wednesday thursday friday saturday sunday"))
_NUMWORDS = set(UNITS[:20]) | {t for t in TENS if t != "_"} | set(SCALES) | {"dozen", "half"}
_PERSON_CUES = set(
    _words(
        "mr mrs ms dr sir president prime minister king queen pope general senator governor "
        "chancellor spokesperson spokesman saint st lord lady prince princess emperor secretary "
        "chairman ceo"
    )
)
_ORG_CUES = set(
    _words(
        "court council committee union organization organisation ministry party agency bank "
        "university college school inc corp company corporation association institute house "
        "congress parliament army navy force forces nations commission foundation society league "
        "club team daily times news post press group department office church board federation "
        "fund"
    )
)
_PLACE_CUES = set(
    _words(
        "river mountain mount lake sea ocean island islands city county state province valley bay "
        "street kingdom republic empire region desert park airport station bridge square castle "
        "coast"
    )
)
_NAME_PARTICLES = {"of", "the", "and", "for", "de", "von", "van"}
# Well-known places, the list the reference measurement types answers with (so our surface
# types agree with it); gazetteers add more for distractors.
KNOWN_PLACES = frozenset(
    {
        "afghanistan",
        "africa",
        "america",
        "antarctica",
        "arctic",
        "argentina",
        "asia",
        "atlantic",
        "australia",
        "austria",
        "baghdad",
        "bangladesh",
        "beijing",
        "belarus",
        "belgium",
        "berlin",
        "boston",
        "brazil",
        "britain",
        "brussels",
        "cairo",
        "california",
        "canada",
        "chicago",
        "chile",
        "china",
        "colombia",
        "cuba",
        "delhi",
        "denmark",
        "egypt",
        "england",
        "ethiopia",
        "europe",
        "finland",
        "france",
        "geneva",
        "germany",
        "greece",
        "hong kong",
        "hungary",
        "india",
        "indonesia",
        "iran",
        "iraq",
        "ireland",
        "israel",
        "istanbul",
        "italy",
        "japan",
        "jerusalem",
        "jordan",
        "kabul",
        "kenya",
        "kiev",
        "korea",
        "kyiv",
        "lebanon",
        "london",
        "los angeles",
        "madrid",
        "malaysia",
        "mediterranean",
        "mexico",
        "moscow",
        "mumbai",
        "netherlands",
        "new york",
        "new zealand",
        "nigeria",
        "north korea",
        "norway",
        "pacific",
        "pakistan",
        "paris",
        "peru",
        "philippines",
        "poland",
        "portugal",
        "romania",
        "rome",
        "russia",
        "san francisco",
        "saudi arabia",
        "scotland",
        "seoul",
        "shanghai",
        "singapore",
        "south africa",
        "south korea",
        "soviet union",
        "spain",
        "sweden",
        "switzerland",
        "sydney",
        "syria",
        "taiwan",
        "tehran",
        "texas",
        "thailand",
        "the hague",
        "the united states",
        "the us",
        "tokyo",
        "toronto",
        "turkey",
        "u.k.",
        "u.s.",
        "uk",
        "ukraine",
        "united states",
        "us",
        "usa",
        "ussr",
        "venezuela",
        "vienna",
        "vietnam",
        "wales",
        "warsaw",
        "washington",
    }
)


@functools.lru_cache(maxsize=65536)  # the same answers are compared many times
def surface_type(answer: str, places: frozenset[str] = KNOWN_PLACES) -> str:
    """One of date | number | person | place | org | proper | common."""
    a = unify(str(answer)).strip()
    low = a.lower().strip(" .,'\"")
    toks = re.findall(r"[A-Za-z]+|\d+", low)
    if not a:
        return "common"
    if (
        re.search(r"\b(1[0-9]{3}|20[0-9]{2})s?\b", low)
        and len(toks) <= 6
        and not re.search(r"\d{5,}", low)
    ):
        return "date"
    if any(t in MONTHS or t in DAYS for t in toks) and len(toks) <= 5:
        return "date"
    if (
        re.search(r"\d", low)
        or any(t in _NUMWORDS for t in toks[:2])
        or re.match(r"^(\w+-)?(" + "|".join(_NUMWORDS) + r")\b", low)
    ):
        return "number"
    words = a.split()
    caps = [w for w in words if w[:1].isupper()]
    if low in places or low.replace("the ", "", 1) in places:
        return "place"
    content = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if caps and len(caps) >= max(1, len(content)):
        if any(t in _ORG_CUES for t in toks) or re.search(r"\([A-Z]{2,}\)|^[A-Z]{2,5}$", a):
            return "org"
        if any(t in _PLACE_CUES for t in toks):
            return "place"
        if any(t in _PERSON_CUES for t in toks) or (
            2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
        ):
            return "person"
        return "proper"
    return "common"


_NAMES = {"person", "place", "org", "proper"}


def types_compatible(first: str, second: str) -> bool:
    """Same surface type; an untyped name ("proper") goes with any kind of name."""
    if first == second:
        return True
    return first in _NAMES and second in _NAMES and "proper" in (first, second)


def paired_quotes(text: str) -> str:
    """``text`` without a quote mark it opens or closes without its pair: a speech that runs
    over several sentences ("“My dear Miss Eliza, why are you not dancing? Mr. Darcy, ...”")
    leaves one sentence with an opening mark and another with a closing one, and a stem, a
    statement or a source sentence shown alone would carry it unpaired."""
    cut_start, cut_end = _unpaired_ends(text)
    return text[cut_start : len(text) - cut_end]


def paired_quotes_around(before: str, answer: str, after: str) -> tuple[str, str, str]:
    """``paired_quotes`` of a sentence cut in three around its answer."""
    cut_start, cut_end = _unpaired_ends(before + answer + after)
    if cut_start <= len(before):
        before = before[cut_start:]
    if cut_end <= len(after):
        after = after[: len(after) - cut_end]
    return before, answer, after


def _unpaired_ends(text: str) -> tuple[int, int]:
    """How many characters to drop at the start and at the end of ``text`` (an unpaired
    quote mark and the space beside it)."""
    straight_odd = text.count('"') % 2 == 1
    opened = text.count("“") - text.count("”")  # > 0: more opening marks than closing
    cut_start = cut_end = 0
    if (text[:1] == "“" and opened > 0) or (text[:1] == '"' and straight_odd):
        cut_start = len(text) - len(text[1:].lstrip())
        straight_odd = False
    rest = text[cut_start:]
    if (rest[-1:] == "”" and opened < 0) or (rest[-1:] == '"' and straight_odd):
        cut_end = len(rest) - len(rest[:-1].rstrip())
    return cut_start, cut_end


def quote_marks(sentence: str) -> tuple[str, str]:
    """The marks to show a source sentence in: none if it is itself a quotation (“…”, not
    ““…””)."""
    if sentence[:1] in ("“", '"') and sentence[-1:] in ("”", '"'):
        return "", ""
    return "“", "”"
