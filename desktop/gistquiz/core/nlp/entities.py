"""Named entities PERSON / ORG / PLACE by rules over Penn tags, titles and gazetteers.

A name is a run of proper-noun tokens, joined across "of"/"&" only when the left part is an
organisation or place head ("Ministry of Defence", "Gulf of Mexico"). Leading titles ("Mr.",
"President", "Prime Minister") make it a PERSON and are kept out of the span; the last word
("Court", "Council", "Ministry") makes it an ORG; the gazetteer makes it a PLACE; an acronym
in parentheses after a typed name inherits its type. What no rule decides stays untyped
("" type) so a later stage (the perceptron typer, or document-level aliasing) can decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import ORG_HEADS, PERSON_TITLES, PLACE_HEADS, TITLE_PREFIXES, place_type
from .tokens import Token

PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"
PROPER = frozenset({"NNP", "NNPS"})
_JOINERS = frozenset({"of", "&", "de", "da", "van", "von", "bin", "al", "del", "la", "le"})
# Institutions named by one word; other organisation heads need a name before them.
SINGLE_WORD_ORGS = frozenset(
    ["kremlin", "pentagon", "congress", "parliament", "senate", "nato", "interpol", "bundestag"]
)
# Capitalised words that are not acronyms of organisations.
_CAPS_WORDS = frozenset(
    ["am", "pm", "ok", "tv", "usa", "us", "uk", "eu", "id", "ad", "bc", "ce", "ps", "faq", "lol"]
)
_PLACE_JOIN_HEADS = frozenset({"republic", "kingdom", "state", "states", "isle", "city"})


@dataclass(frozen=True, slots=True)
class Entity:
    """Tokens ``[first, last)`` of a sentence and their char span; ``type`` may be ""."""

    type: str
    first: int
    last: int
    start: int
    end: int
    subtype: str = ""
    title: str = ""  # the title words before a person's name, as written ("President")


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    # A shouted ordinary word ("FREE", "NOT") is not an acronym: the tagger's dictionary of
    # frequent unambiguous words knows it in lower case.
    from .tagger import tagger

    return letters.lower() not in tagger().tagdict


# closed-class tags (modals aside: "Will", "May" are names too)
_FUNCTION_TAGS = frozenset({"IN", "DT", "CC", "PRP", "PRP$", "WDT", "WP", "WRB", "TO"})


def function_word(token: Token) -> bool:
    """A capitalised function word ("Between", "Although"): the tagger's dictionary knows it
    in lower case with a closed-class tag. It is no name even where it opens a sentence and
    was tagged NNP. All-caps words are left alone ("US" is a country, "us" a pronoun)."""
    text = token.text
    if not text[:1].isupper() or text.isupper():
        return False
    from .tagger import tagger

    return tagger().tagdict.get(text.lower()) in _FUNCTION_TAGS


def _name_like(token: Token, tag: str) -> bool:
    if tag in PROPER:
        return (token.text[:1].isupper() or token.text[:1].isdigit()) and not function_word(token)
    # The tagger sometimes calls an inner word of a long name an adjective or noun
    # ("International Criminal Court"); an all-caps acronym may come out as NN.
    return _is_acronym(token.text)


INITIAL = re.compile(r"^[A-Z]\.$")  # a middle initial: "Dwight D. Eisenhower"


def _capitalised_word(token: Token) -> bool:
    text = token.text
    return len(text) > 1 and text[0].isupper() and text[1:].islower() and not function_word(token)


def name_runs(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int]]:
    """Token spans of candidate names (proper-noun runs with inner joiners)."""
    runs: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not _name_like(tokens[i], tags[i]):
            i += 1
            continue
        j = i + 1
        if i > 0 and INITIAL.match(tokens[i].text) and _capitalised_word(tokens[i - 1]):
            i -= 1  # "Dwight D. Eisenhower": the tagger called "Dwight" an adjective
        while j < n:
            if _name_like(tokens[j], tags[j]):
                j += 1
            elif (
                tags[j] == "JJ"
                and tokens[j].text[:1].isupper()
                and j + 1 < n
                and tags[j + 1] in PROPER
            ):
                j += 1  # "International Criminal Court"
            elif (
                tags[j] == "POS"
                and j + 1 < n
                and tags[j + 1] in PROPER
                and tokens[j + 1].norm.lower() in ORG_HEADS
            ):
                j += 1  # "People's Daily", "Children's Hospital"
            elif tokens[j].norm.lower() in _JOINERS and j + 1 < n and tags[j + 1] in PROPER:
                head = tokens[j - 1].norm.lower()
                joiner = tokens[j].norm.lower()
                if joiner == "of" and not (
                    head in ORG_HEADS or head in PLACE_HEADS or head in _PLACE_JOIN_HEADS
                ):
                    break
                j += 1
                if j + 1 < n and tokens[j].norm.lower() == "the" and tags[j + 1] in PROPER:
                    j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


# Words for a people or a language: a name of two to four unknown words is a person's unless
# one of them is one of these.
DEMONYMS = frozenset(
    """english french german spanish italian portuguese dutch danish swedish norwegian finnish
    norman normans saxon saxons celtic gaelic latin greek roman romans arab arabic persian
    turkish russian polish czech hungarian austrian swiss belgian irish scottish welsh british
    american canadian mexican brazilian chinese japanese korean mongol mongols mongolian
    indian african egyptian jewish hebrew viking vikings frankish franks""".split()  # noqa: SIM905
)

# Titles that are common words too ("General Motors", "Father Christmas"): a person only when a
# name word (not an English word) follows.
_COMMON_TITLES = frozenset({"general", "father", "sister", "lady", "lord", "cardinal", "coach"})


def _title_words(tokens: Sequence[Token], first: int, last: int) -> int:
    """How many leading tokens of the run are a title ("Prime Minister", "Mr.")."""
    k = first
    while k < last - 1:
        low = tokens[k].norm.lower()
        if low in PERSON_TITLES:
            k += 1
        elif low in TITLE_PREFIXES and tokens[k + 1].norm.lower() in PERSON_TITLES:
            k += 2
        else:
            break
    return k - first


def _title_before(tokens: Sequence[Token], first: int) -> str:
    """A lower-case title just before the name: "spokesperson John Kirby"."""
    if first > 0:
        low = tokens[first - 1].norm.lower()
        if low in PERSON_TITLES and PERSON_TITLES[low] and not tokens[first - 1].text[0].isupper():
            return PERSON_TITLES[low]
    return ""


def name_word(word: str) -> bool:
    """A capitalised word that is not also an English word: "Kishida" yes, "Garden" no (so
    "Hidden Nook" is not taken for a person). Initials ("J.") count as name words."""
    from lemminflect import getAllLemmas

    bare = word.replace(".", "")
    if not (word[:1].isupper() and bare.isalpha()):
        return False
    return len(bare) == 1 or not getAllLemmas(bare.lower())


def classify(words: Sequence[str]) -> tuple[str, str]:
    """(type, subtype) of a name from its words alone, or ("", "") if no rule decides."""
    text = " ".join(words)
    lows = [w.lower() for w in words]
    # "Ministry of Defence", "Gulf of Mexico": the head stands before "of".
    head = lows[lows.index("of") - 1] if "of" in lows[1:] else lows[-1]
    place = place_type(text)
    if place:
        return PLACE, place
    if head in ORG_HEADS and len(words) > 1:
        return ORG, ORG_HEADS[head]
    if head in PLACE_HEADS and len(words) > 1:
        return PLACE, head
    if len(words) == 1 and _is_acronym(words[0]) and head not in _CAPS_WORDS:
        return ORG, "acronym"
    if head in SINGLE_WORD_ORGS:
        return ORG, head
    if len(words) >= 3 and place_type(" ".join(words[:2])):
        return "", ""  # "San Jose Marriott", "New York Times": a place's name opens it
    if (
        2 <= len(words) <= 4
        and all(name_word(w) for w in words)
        and not any(w.lower() in DEMONYMS for w in words)
    ):
        return PERSON, ""  # not "Norman French", "English Danelaw": a people or a language
    return "", ""


def find_entities(tokens: Sequence[Token], tags: Sequence[str]) -> list[Entity]:
    entities: list[Entity] = []
    for first, last in name_runs(tokens, tags):
        skip = _title_words(tokens, first, last)
        if (
            skip
            and tokens[first].norm.lower() in _COMMON_TITLES
            and not any(name_word(t.norm) for t in tokens[first + skip : last])
        ):
            skip = 0  # "General Assembly Hall", "General Motors": no general's name follows
        words = [t.norm for t in tokens[first + skip : last]]
        if skip:
            title_words = [t.text for t in tokens[first : first + skip]]
            role = next(
                (
                    PERSON_TITLES[w.lower()]
                    for w in reversed(title_words)
                    if w.lower() in PERSON_TITLES
                ),
                "",
            )
            a = first + skip
            entities.append(
                Entity(
                    PERSON,
                    a,
                    last,
                    tokens[a].start,
                    tokens[last - 1].end,
                    role,
                    " ".join(title_words),
                )
            )
            continue
        kind, subtype = classify(words)
        role = _title_before(tokens, first)
        if role and kind in ("", PERSON):
            kind, subtype = PERSON, role
        entities.append(
            Entity(kind, first, last, tokens[first].start, tokens[last - 1].end, subtype)
        )
    return _acronyms_inherit(tokens, entities)


def _acronyms_inherit(tokens: Sequence[Token], entities: list[Entity]) -> list[Entity]:
    """ "International Criminal Court (ICC)": the acronym takes the name's type."""
    by_first = {e.first: k for k, e in enumerate(entities)}
    for e in list(entities):
        if not e.type:
            continue
        j = e.last
        if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
            other = by_first.get(j + 1)
            if other is not None and _is_acronym(tokens[j + 1].text):
                acr = entities[other]
                entities[other] = Entity(e.type, acr.first, acr.last, acr.start, acr.end, e.subtype)
    return entities
