"""Choosing the wh-phrase for an answer: who / what / which <noun> / when / where / how many
<noun> / how long / how much / what percentage, with the preposition dropped, pied-piped
("In how many nations ...") or left stranded ("Who did ... meet with?")."""

from __future__ import annotations

import re

from ..nlp.clauses import SentenceParse
from ..nlp.entities import DEMONYMS
from ..nlp.lemmas import lemma
from .wh_lexicon import (
    BOUND_PREPS,
    COUNT_ADJECTIVES,
    DURATION_UNITS,
    DURATION_UNITS_SINGULAR,
    HUMAN_NOUNS,
    MEASURE_ADJECTIVES,
    MONTHS,
    NAME_HEADS,
    NP_INTERNAL,
    PERSON_TITLES,
    PLACE_PREPS,
    SPEECH_VERBS,
    TIME_FRAME_WORDS,
    TIME_POINT_WORDS,
)


class _Skip(Exception):
    """No natural question for this answer here."""


def _wh_form(phrase: str) -> str:
    """ "in how many nations" -> "how many"; "which court" -> "which"."""
    words = phrase.lower().split()
    for i, w in enumerate(words):
        if w == "how":
            return " ".join(words[i : i + 2])
        if w in ("who", "what", "which", "when", "where", "whom", "why"):
            return w
    return words[0] if words else ""


def guess_type(sp: SentenceParse, span: tuple[int, int]) -> tuple[str, str]:
    """(fact type, subtype) of an untyped answer span: dates and numbers by their words,
    names by the entity rules of the language layer."""
    from ..nlp.entities import find_entities

    words = [sp.tokens[i].norm for i in range(*span)]
    tags = sp.tags[span[0] : span[1]]
    low = {w.lower() for w in words}
    if low & MONTHS or any(re.fullmatch(r"1[5-9]\d\d|20\d\d", w) for w in words):
        return "DATE", ""
    if "CD" in tags:
        return ("DURATION" if low & DURATION_UNITS else "NUMBER"), ""
    if low & PERSON_TITLES:
        return "PERSON", ""
    if tags and tags[-1] in ("NNP", "NNPS"):
        for e in find_entities(sp.tokens, sp.tags):
            if e.type and e.first < span[1] and span[0] < e.last and e.last == span[1]:
                return e.type, e.subtype
        return "PROPER", ""
    return "TERM", ""


PROPER_WHO = True  # an untyped name of one or two plain capitalised words is taken for a person


def _name_like(words: list[str], tags) -> bool:
    return (
        1 <= len(words) <= 2
        and all(t == "NNP" for t in tags)
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and words[-1].lower() not in NAME_HEADS
    )


def _a_people(word: str) -> bool:
    """A people named in the plural ("the Ancient Greeks", "the Normans"): asked "who"."""
    low = word.lower()
    return word[:1].isupper() and low.endswith("s") and (low in DEMONYMS or low[:-1] in DEMONYMS)


def _when(prep: str) -> str:
    """The wh-phrase for a date after ``prep``: "until 1400" is asked "until when" (a plain
    "When was Newcastle part of the county?" has the wrong answer), "before 1900" not at all."""
    if prep in ("until", "till", "since"):
        return f"{prep} when"
    if prep in BOUND_PREPS:
        raise _Skip
    return "when"


class WhPhrases:
    """Mixin for the question builder: needs ``a``, ``b``, ``words``, ``tags``, ``tree``,
    ``kids``, ``ftype``, ``subtype``, ``quality``, ``sub``, ``label`` and ``realise``."""

    def counted_noun(self, first: int, h: int) -> str:
        """The noun a count counts, with its compounds and describing adjectives: "How many
        large public parks ...?", "How many square kilometres", "How many full-time workers"
        (not "parks", "kilometres", "time workers"); "other", "different" and the like go."""
        keep = {
            i
            for i in range(first, h + 1)
            if i == h
            or self.label(i) == "compound"
            or self.words[i].lower() in MEASURE_ADJECTIVES  # "square kilometres"
            or (
                self.tags[i] == "JJ"
                and self.label(i) == "amod"
                and self.words[i].lower() not in COUNT_ADJECTIVES
            )
        }
        for i in range(first + 1, h):  # a dash-joined word stays whole: "full-time"
            if self.tags[i] == "HYPH" and (i - 1 in keep or i + 1 in keep):
                keep |= {i - 1, i, i + 1}
        out, prev = "", None
        for i in sorted(keep):
            tok = self.sp.tokens[i]
            joined = prev is not None and prev + 1 == i and tok.start == self.sp.tokens[prev].end
            out += ("" if joined or not out else " ") + self.words[i]
            prev = i
        return out

    def duration_of_noun(self, h: int):
        """ "his three-day tour" -> "How long was Mr. Xi's tour?" (answer: "three-day")."""
        if self.words[h].lower() in DURATION_UNITS:
            raise _Skip
        owner = [
            c for c in self.kids.get(h, ()) if self.label(c) in ("det", "nmod:poss") and c < self.a
        ]
        # the answer ends at the unit ("one-hour" of "one-hour weekend editions"); the
        # words between it and the noun stay in the question ("the weekend editions")
        unit = next(
            (k for k in range(self.a, h) if self.words[k].lower() in DURATION_UNITS_SINGULAR),
            h - 1,
        )
        plural = self.tags[h] in ("NNS", "NNPS")
        items: list = ["how long", "were" if plural else "was"]
        for c in owner:
            if self.words[c].lower() in ("a", "an"):
                items.append("the")
            else:
                items.extend(sorted(self.sub(c)))
        if not owner:
            items.append("the")
        items.extend(range(unit + 1, h + 1))
        for c in self.kids.get(h, ()):
            if c > h and self.label(c) == "nmod" and len(self.sub(c)) <= 4:
                items.extend(sorted(self.sub(c)))
        self.quality -= 0.05
        return self.realise(items), (self.a, unit + 1), "how long", self.quality

    # -- pieces -------------------------------------------------------------------------
    def _says_or_thinks(self, h: int) -> bool:
        """The subject of a verb of saying or thinking: "Who believed that many viewers had
        missed ...?" for the BBC (not "What believed ...?")."""
        verb = self.tree.heads[h]
        return (
            self.label(h) == "nsubj"
            and verb >= 0
            and self.tags[verb].startswith("VB")
            and lemma(self.words[verb].lower(), self.tags[verb]) in SPEECH_VERBS
        )

    def wh_phrase(
        self, h: int, dep: int, predicate: bool = False
    ) -> tuple[str, set[int], tuple[int, int], bool]:
        """The wh-phrase, the tokens it replaces, the answer's token span, pied-piped?"""
        a, b = self.a, self.b
        # the phrase's preposition before the answer, wherever the parse hung it ("in" of
        # "in number-theoretic questions" may hang from "number", inside the answer)
        case = sorted(c for c in self.sub(h) if self.label(c) == "case" and c < a)
        if predicate:  # a copular predicate dominates its clause: take only its own phrase
            moved = set(range(a, b))
            for c in self.kids.get(h, ()):
                if self.label(c) in NP_INTERNAL:
                    moved |= self.sub(c)
        else:
            moved = set(range(a, b)) | (self.sub(h) - {x for c in case for x in self.sub(c)})
        for c in self.kids.get(h, ()):
            if self.label(c) in ("det", "nmod:poss") and c < a:
                moved |= self.sub(c)
        prep = self.words[case[0]].lower() if case else ""
        ftype = self.ftype
        words = [self.words[i] for i in range(a, b)]
        low = [w.lower() for w in words]
        head_word = self.words[h].lower()
        pos = self.label(dep)
        adjunct = pos in ("obl", "obl:tmod", "obl:npmod", "advmod", "nmod")
        answer_span = (a, b)
        if ftype in ("NUMBER", "DURATION") and "CD" in self.tags[a:b]:
            nums = [
                i
                for i in range(a, b)
                if self.tags[i] in ("CD",)
                or (
                    self.label(i) in ("advmod", "fixed")
                    and self.tree.heads[i] in range(a, b)
                    and i < h
                )
            ]
            if ftype == "DURATION" or head_word in DURATION_UNITS:
                around = [self.tree.heads[h], *self.kids.get(h, ())]
                if any(k >= 0 and self.words[k].lower() in TIME_POINT_WORDS for k in around):
                    raise _Skip  # "ten years later" says when, not how long
                if any(self.words[k].lower() in TIME_FRAME_WORDS for k in self.kids.get(h, ())):
                    raise _Skip  # "within the last 5-10 million years": a period, not a length
                old = self.tree.heads[h]
                if self.words[old].lower() == "old":
                    # an age, "41 years old": "How old was Luther?", not "How long was Luther
                    # old?"; its adverbs go with it ("only 16 years old")
                    moved |= {old} | {
                        c for c in self.kids.get(old, ()) if self.label(c) == "advmod"
                    }
                    return "how old", moved, answer_span, False
                wh = "how long"
                moved |= set(case)
                return wh, moved, answer_span, False
            if self.tags[h] in ("NNS", "NNPS") and nums and max(nums) < h:
                answer_span = (min(nums), max(nums) + 1)
                wh = "how many " + self.counted_noun(max(nums) + 1, h)
                if prep == "of":
                    raise _Skip  # a part of a count, "one of [12] nuns": not "Of how many nuns ..."
                if case:
                    moved |= set(case)
                    return f"{prep} {wh}", moved, answer_span, True
                return wh, moved, answer_span, True
            if "%" in words or "percent" in low:
                wh = "what percentage"
            elif words[0].startswith("$") or "$" in words:
                wh = "how much"
            elif (
                ftype == "NUMBER"
                and len(words) == 1
                and re.fullmatch(r"1[5-9]\d\d|20\d\d", words[0])
            ):
                moved |= set(case)
                return _when(prep if case else ""), moved, answer_span, False
            else:
                raise _Skip
        elif ftype == "DATE":
            if adjunct or case:
                moved |= set(case)
                return _when(prep if case else ""), moved, answer_span, False
            wh = "what date" if low[0] not in MONTHS else "when"
        elif (ftype == "PLACE" and ((case and prep in PLACE_PREPS) or (adjunct and not case))) or (
            ftype == "PROPER" and prep in ("in", "at", "near") and adjunct
        ):
            moved |= set(case)
            wh = "where"
            if prep == "from":
                moved -= set(case)
            return wh, moved, answer_span, False
        elif (
            ftype == "PERSON"
            or _a_people(self.words[h])
            or (self.tags[h] == "NNP" and any(w in PERSON_TITLES for w in low))
            or (PROPER_WHO and ftype == "PROPER" and _name_like(words, self.tags[a:b]))
        ):
            wh = "who"
        elif ftype in ("ORG", "PLACE", "PROPER") and self.tags[h] in ("NNP", "NNPS"):
            noun = head_word if head_word in NAME_HEADS else self.subtype.lower()
            if noun in NAME_HEADS | {"country", "city", "nation", "state"}:
                wh = f"which {noun}"
                if case and prep not in ("of", "by"):
                    moved |= set(case)
                    return f"{prep} {wh}", moved, answer_span, True
                return wh, moved, answer_span, True
            wh = "who" if self._says_or_thinks(h) else "what"
            if ftype == "PROPER":
                self.quality -= 0.1
        elif head_word in HUMAN_NOUNS and self.tags[h] in ("NN", "NNS"):
            wh = "who"
        else:
            wh = "what"
            self.quality -= 0.05
        return wh, moved, answer_span, False  # prepositions stay (stranded) for who/what
