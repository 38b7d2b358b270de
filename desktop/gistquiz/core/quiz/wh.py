"""Answer-aware wh-questions from a sentence's dependency parse (rules, no neural model).

Given a fact (an answer span in one sentence) we find the clause the answer belongs to and
its role there, then either replace the subject by a wh-phrase ("Which court issued an arrest
warrant ...?") or front the wh-phrase and invert: an auxiliary or "be" moves before the
subject ("In how many nations might Mr. Putin theoretically be detained?"), otherwise
do-support with the verb's lemma ("Where did Mr. Xi travel ...?"). Clause simplification in
the manner of Heilman & Smith (2010): a subordinate, complement or relative clause is asked
about on its own; leading discourse words, fronted subordinate clauses (shortened and moved
to the end, or dropped), appositions and parentheticals go. A pronoun the question would
leave dangling is replaced by its antecedent or the question is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from ..facts.model import Fact
from ..facts.quantities import DATE_NOUNS, RELATIVE_DAYS, TIME_UNITS, WEEKDAYS
from ..nlp.clauses import VERB_TAGS, SentenceParse, clause_at, parse_sentence
from ..nlp.lemmas import inflect, lemma
from ..nlp.parser import Parse
from .wh_check import is_well_formed
from .wh_lexicon import (
    ADJUNCTS,
    DO_FORMS,
    DROP_ALWAYS,
    DURATION_UNITS,
    FRONT_DROP,
    MAX_BODY,
    MONTHS,
    NO_SPACE_BEFORE,
    NOMINAL_RELATIONS,
    PRONOUNS,
    REASONS,
    SHORTEN,
    SUBJ,
    VERB_PARTICLES,
)
from .wh_phrases import WhPhrases, _Skip, _wh_form, guess_type
from .wh_pronouns import Resolver, sentence_resolver

_NAME_LIKE = ("JJ", "NN", "NNS")  # tags a proper adjective or a name gets by mistake


@dataclass(frozen=True, slots=True)
class WhCandidate:
    stem: str
    answer: str
    answer_start: int
    answer_end: int
    sentence: int
    wh: str
    quality: float


def generate(doc: Document, fact: Fact) -> list[WhCandidate]:
    """wh-questions whose answer is ``fact`` (at most a couple, best first)."""
    sent = doc.sentences[fact.sentence]
    sp = parse_sentence(doc.text, sent.start, sent.end)
    span = sp.token_span(fact.start, fact.end)
    if span is None:
        return []
    resolver = sentence_resolver(doc, fact.sentence, sp)
    return questions_for_span(
        doc.text, sp, span, str(fact.type), fact.subtype, fact.sentence, resolver
    )


def questions_for_span(
    text: str,
    sp: SentenceParse,
    span: tuple[int, int],
    ftype: str = "",
    subtype: str = "",
    sentence: int = 0,
    resolver: Resolver | None = None,
) -> list[WhCandidate]:
    """Questions for the answer tokens ``span`` of a parsed sentence (see ``generate``)."""
    try:
        if not ftype:
            ftype, subtype = guess_type(sp, span)
        built = _Builder(text, sp, span, ftype, subtype, resolver)
        result = built.build()
    except _Skip:
        return []
    stem, (a, b), wh, quality = result
    start, end = sp.tokens[a].start, sp.tokens[b - 1].end
    answer = text[start:end]
    if _norm(answer) in _norm(stem) or not stem.endswith("?") or not is_well_formed(stem):
        return []
    return [WhCandidate(stem, answer, start, end, sentence, wh, round(quality, 3))]


DEFINITE = frozenset({"the", "this", "that", "these", "those"})
TIME_WORDS = DATE_NOUNS | MONTHS | RELATIVE_DAYS | TIME_UNITS | WEEKDAYS
APPEND_FRONTED = True  # fronted time/place adjuncts go to the end of the question, shortened


def _norm(s: str) -> str:
    return " " + " ".join(re.findall(r"\w+", s.lower())) + " "


class _Builder(WhPhrases):
    def __init__(self, text, sp, span, ftype, subtype, resolver):
        self.text, self.sp, self.ftype, self.subtype = text, sp, ftype.upper(), subtype
        self.resolver = resolver
        self.a, self.b = span
        self.tree: Parse = sp.tree
        self.tags = sp.tags
        self.words = [t.norm for t in sp.tokens]
        self.kids: dict[int, list[int]] = {}
        for j, h in enumerate(self.tree.heads):
            self.kids.setdefault(h, []).append(j)
        self.quality = 0.85

    # -- tree helpers -------------------------------------------------------------------
    def sub(self, k: int) -> set[int]:
        out, stack = set(), [k]
        while stack:
            x = stack.pop()
            out.add(x)
            stack.extend(self.kids.get(x, ()))
        return out

    def label(self, k: int) -> str:
        return self.tree.labels[k]

    def is_clause_head(self, k: int) -> bool:
        if self.label(k) in ("amod", "compound", "aux", "aux:pass", "cop", "case", "mark"):
            return False
        kid_labels = {self.label(c) for c in self.kids.get(k, ())}
        return self.tags[k] in VERB_TAGS or bool(kid_labels & (SUBJ | {"cop"}))

    def broken(self) -> bool:
        """A parse no question can be read off: a verb with its own auxiliary holding a noun
        phrase's relation ("A citadel [was built]/nsubj:pass and ... were taken over"), the
        greedy parser's way of giving up on a clause; or an adjective in front of a noun taken
        for the verb's adverb ("[aggressive]/advmod American policies would not harm ..."),
        which the question would move away from its noun ("... not harm aggressive?"); or
        a verb with a copula or a verb subject with its own subject ("whether or not to
        [plead]/cop:is guilty", "the preparation of the assessment [reports]/nsubj is ...")."""
        for k, lab in enumerate(self.tree.labels):
            if self.tags[k] not in VERB_TAGS:
                continue
            kid_labels = {self.label(c) for c in self.kids.get(k, ())}
            if "cop" in kid_labels or (lab in SUBJ and kid_labels & SUBJ):
                return True
        return any(
            lab in NOMINAL_RELATIONS
            and self.tags[k] in VERB_TAGS
            and any(self.label(c) in ("aux", "aux:pass") for c in self.kids.get(k, ()))
            for k, lab in enumerate(self.tree.labels)
        ) or any(
            lab == "advmod" and self.tags[k] in ("JJ", "JJR", "JJS") and self._before_noun(k)
            for k, lab in enumerate(self.tree.labels)
        )

    def _before_noun(self, k: int) -> bool:
        nxt = k + 1
        while nxt < len(self.tags) and self.label(nxt) == "punct":
            nxt += 1  # the closing quote of “aggressive”
        return nxt < len(self.tags) and self.tags[nxt][:2] in ("NN", "JJ", "CD")

    # -- the plan -----------------------------------------------------------------------
    def build(self):
        heads = self.tree.heads
        a, b = self.a, self.b
        if self.broken():
            raise _Skip
        inside = [i for i in range(a, b) if not a <= heads[i] < b and self.label(i) != "punct"]
        if len(inside) != 1 or self.tags[inside[0]] in VERB_TAGS:
            raise _Skip
        if self.in_range():
            raise _Skip  # "installed in [1919]–20": "When had the Soviet Union installed –20?"
        h = self.titled_name(inside[0])
        if (a > 0 and self.words[a - 1] in ("(", "-LRB-")) or self.label(h) == "appos":
            raise _Skip  # a parenthetical is no place for a question
        if any(self.words[c].lower() in ("than", "as") for c in self.kids.get(h, ())):
            raise _Skip  # the second term of a comparison
        if any(self.label(c) == "conj" and c >= b for c in self.kids.get(h, ())):
            raise _Skip  # one conjunct of "A and B" would leave "and B" behind
        if self.ftype == "DATE" and (
            (
                self.tree.heads[h] >= 0
                and (
                    self.words[self.tree.heads[h]].lower() in MONTHS
                    or self.tags[self.tree.heads[h]] == "CD"
                )
            )
            or any(c not in range(a, b) and self.tags[c] == "CD" for c in self.kids.get(h, ()))
        ):
            raise _Skip  # part of a date: "October" of "October 19, 2005"
        if self.label(h) in (
            "compound",
            "amod",
            "flat",
            "appos",
            "conj",
            "det",
            "fixed",
            "goeswith",
            "nmod:poss",  # a possessor cannot move: "Beijing's economy"
            "acl:relcl",  # a clause taken for a noun ("a place where [justice resides]")
        ):
            raise _Skip
        if (
            self.ftype == "DURATION"
            and self.tags[h].startswith("NN")
            and h > a
            and self.words[h].lower() not in DURATION_UNITS
        ):
            return self.duration_of_noun(h)
        if self.is_clause_head(h) and any(self.label(c) == "cop" for c in self.kids.get(h, ())):
            pred, dep = h, h  # the answer is a copular predicate: "Kyiv is [the capital]"
        else:
            x = h
            while heads[x] != -1 and not self.is_clause_head(heads[x]):
                x = heads[x]
            if heads[x] == -1:
                raise _Skip
            pred, dep = heads[x], x
            if x != h:
                self.quality -= 0.15  # answer nested inside a larger phrase
                if any(self.label(k) in ("appos", "conj", "amod") for k in self.path_up(h, x)):
                    # "the marriage of Emma, sister of Duke Richard II of [Normandy], and ...":
                    # the question would drop the apposition and ask "what" of the wrong thing;
                    # inside a second conjunct ("by Scheele ..., and Priestley in [Wiltshire]")
                    # it would ask of both; under an adjective ("NYPD Blue, a gritty police
                    # procedural from [Steven Bochco]") it would ask "... a procedural from?"
                    raise _Skip
        if (
            self.label(h) == "obj"
            and sum(self.label(k) == "obj" for k in self.kids.get(heads[h], ())) > 1
        ):
            raise _Skip  # a second object: "broadcasts the program Good Morning [America]"
        if self.of_a_name(h):
            raise _Skip  # "the Battle of [Bạch Đằng]": "... at the Battle of?"
        subjects = [k for k in self.kids.get(pred, ()) if self.label(k) in SUBJ]
        if len(subjects) > 1 and "," in self.words[max(self.sub(subjects[0])) : subjects[-1]]:
            # two subjects apart: a fronted apposition read as a second one ("The British
            # Superintendent ..., Johnson was known to the Iroquois as Warraghiggey"; not a
            # name the dash split, "Disney–ABC Television Group merged ...")
            raise _Skip
        if self._said_twice(pred):
            raise _Skip
        clause = clause_at(self.tree, self.tags, pred)
        if self._reduced_passive(clause.main_verb):
            raise _Skip
        subj = self.subject_tokens(pred, clause)
        wh, moved, answer_span, _pied = self.wh_phrase(h, dep, h == pred)
        role = self.role_before(h, pred, subjects)
        if role and wh == "who":
            # "IPCC author [Richard Lindzen] has made ...", parsed as two subjects: "Which
            # IPCC author has made ...?" (was "Who has IPCC author made ...?")
            moved |= role
            wh = "which " + " ".join(self.words[k] for k in sorted(role))
        if dep != h and (_wh_form(wh) in ("when", "where") or wh == "how long"):
            # an adverb stands for a whole phrase, not for the noun inside one: "at the end of
            # [1953]" asked "When did Walt Disney contact Goldenson at the end for ABC?"
            raise _Skip
        if dep != h and self.of_a_noun(h) and self.definite(self.tree.heads[h]):
            # "of" strands badly out of a definite noun phrase or an amount: "What had Céloron
            # limited the record of?", "What does the year average 81% of?" (not out of an
            # indefinite one: "What can any knot be expressed as a connected sum of?")
            raise _Skip
        moved -= self.particles(moved)
        fronted = self.fronted(pred, subj, moved)
        finite = clause.finite
        aux_tokens = list(clause.auxiliaries)
        if finite is None:
            finite, aux_tokens = self.inherited_finite(pred)
        body = [
            k
            for k in sorted(self.sub(pred))
            if k not in subj and k not in moved and k not in fronted and not self.dropped(k, pred)
        ]
        body = self.trim(body, pred, moved)
        is_subject = clause.subject_head is not None and clause.subject_head in moved
        inside_subject = clause.subject_head is not None and moved & self.sub(clause.subject_head)
        if (
            is_subject
            and wh.startswith("how many")
            and self.tags[pred] in ("NNP", "NNPS")
            and any(self.label(c) == "cop" for c in self.kids.get(pred, ()))
        ):
            # a count that a copula equates with names: "the two finalists were Sun Life
            # Stadium and Levi's Stadium" is no "How many finalists were ...?" ("How many
            # countries are members of the group?" is)
            raise _Skip
        if inside_subject and not is_subject:
            # the answer sits inside the subject, "Munden, formerly of [Marchwood], denied the
            # offence": no question can move it out ("What did Munden deny ...?")
            raise _Skip
        if (
            not is_subject
            and wh in ("what", "who", "whom")
            and self.label(h).startswith("obl")
            and not any(self.label(c) == "case" for c in self.kids.get(h, ()))
        ):
            raise _Skip  # a bare-noun adjunct ("Days after ...") is no object to ask "what" of
        stranded = [
            k
            for k in body
            if (self.label(k) == "case" and self.tree.heads[k] in moved)
            or (self.tags[k] in ("IN", "TO") and k + 1 in moved)
        ]
        if any(k != body[-1] for k in stranded):
            raise _Skip  # "the spokesperson for [the White House] urged": "for" cannot strand
        if is_subject:
            body = self.existential(body, finite)
            out = [wh] + (self.agree(body, finite) if wh in ("who", "what") else body)
        else:
            if finite is None or not subj:
                raise _Skip
            out = [wh, *self.invert(body, subj, finite, clause.main_verb, aux_tokens)]
        if APPEND_FRONTED:
            out += self.shorten(fronted)
        if any(isinstance(k, int) and self.tags[k] in ("WDT", "WP", "WP$") for k in out):
            raise _Skip  # a relative clause's pronoun would be left behind
        stem = self.realise(out)
        return stem, answer_span, _wh_form(wh), self.quality

    def role_before(self, h: int, pred: int, subjects: list[int]) -> set[int]:
        """The tokens of a common-noun subject right before the answer, its role ("IPCC
        author" of "IPCC author Richard Lindzen", which the parse makes a second subject)."""
        if len(subjects) != 2 or h != subjects[1] or self.tags[subjects[0]] not in ("NN", "NNS"):
            return set()
        role = self.sub(subjects[0])
        return set(role) if max(role) == min(self.sub(h)) - 1 else set()

    def titled_name(self, h: int) -> int:
        """A name the parse hung (flat) from the common noun before it, "Denver linebacker
        [Von Miller]": the question replaces the whole phrase ("Who was named MVP?")."""
        t = self.tree.heads[h]
        if self.label(h) != "flat" or not 0 <= t < self.a or self.tags[t] not in ("NN", "NNS"):
            return h
        phrase = self.sub(t)
        if max(phrase) >= self.b or not all(k in phrase for k in range(t, self.a)):
            return h
        self.quality -= 0.05
        return t

    def subject_tokens(self, pred: int, clause) -> list[int]:
        """The subject's tokens without appositions, or the borrowed subject of a clause that
        has none of its own (a second conjunct, a relative clause's noun)."""
        if clause.subject_head is None:
            if self.label(pred) == "conj":
                head = self.tree.heads[pred]
                hc = clause_at(self.tree, self.tags, head)
                if hc.subject_head is not None:
                    self.quality -= 0.05
                    return self.np_tokens(hc.subject_head)
            return []
        s = clause.subject_head
        if self.label(pred) == "acl:relcl" and self.tags[s] in ("WDT", "WP"):
            noun = self.tree.heads[pred]
            self.quality -= 0.05
            return [k for k in self.np_tokens(noun) if k not in self.sub(pred)]
        if self.tags[s] in ("WDT", "WP", "WRB"):
            raise _Skip
        return self.np_tokens(s)

    def np_tokens(self, head: int) -> list[int]:
        keep = self.sub(head)
        for k in list(keep):
            if k != head and self.label(k) in ("appos", "acl:relcl", "parataxis", "acl"):
                keep -= self.sub(k)
        return sorted(
            k for k in keep if not (self.label(k) == "punct" and self.tree.heads[k] == head)
        )

    def dropped(self, k: int, pred: int) -> bool:
        lab = self.label(k)
        if lab in DROP_ALWAYS and k != pred:
            return True
        if lab == "punct" and (self.tree.heads[k] == pred or self.tags[k] in ("``", "''")):
            return True
        if self.tree.heads[k] == pred and lab in FRONT_DROP and k < pred:
            return True
        # inside a kept phrase, its own apposition or parenthesis goes too
        x = k
        while x != pred and x != -1:
            if self.label(x) in ("appos", "parataxis"):
                return True
            x = self.tree.heads[x]
        return False

    def fronted(self, pred: int, subj: list[int], moved: set[int]) -> list[int]:
        """Adjuncts and discourse words before the subject: returned to be appended shortened
        (they are removed from their place); sentence adverbs ("Instead,") just go."""
        if not subj:
            return []
        first = min(subj)
        out: list[int] = []
        for c in self.kids.get(pred, ()):
            if c < first and self.label(c) in ("advcl", "obl", "obl:tmod", "advmod", "ccomp"):
                span = self.sub(c)
                if span & moved:
                    continue
                if self.label(c) == "advmod" and len(span) <= 2:
                    out.extend(sorted(span))  # "Instead", "Privately": dropped after shorten
                    continue
                out.extend(sorted(span))
        return out

    def shorten(self, fronted: list[int]) -> list[int]:
        if not fronted:
            return []
        fset = set(fronted)
        tops = [k for k in fronted if self.tree.heads[k] not in fset]
        keep: list[int] = []
        for top in tops:
            if self.label(top) == "advmod" and len(self.sub(top)) <= 2:
                continue
            if (
                self.label(top) == "obl"
                and not any(self.label(c) == "case" for c in self.kids.get(top, ()))
                and not any(self._timely(k) for k in self.sub(top))
            ):
                continue  # a bare noun before the subject that says no time ("last year") is
                # a title the parse split off its name ("Denver linebacker/obl Von Miller was
                # named ..."), no adjunct to append
            marks = [c for c in self.kids.get(top, ()) if self.label(c) == "mark"]
            if any(self.words[c].lower() in REASONS for c in marks):
                continue
            if self.label(top) == "advcl" and not marks and self.tags[top] in ("VBG", "VBN"):
                continue  # a participle clause reads only before its subject ("Traveling to
                # Paris, he threatened ...": not "What did he threaten ... traveling to Paris?")
            drop = set()
            for k in self.sub(top):
                if k != top and self.label(k) in SHORTEN and self.tree.heads[k] != top:
                    drop |= self.sub(k)
                if self.label(k) == "punct":
                    drop.add(k)
            part = sorted(self.sub(top) - drop)
            if len(part) <= 12:
                keep += part
                self.quality -= 0.03
        return keep

    def _timely(self, k: int) -> bool:
        word = self.words[k].lower()
        return self.tags[k] == "CD" or word in TIME_WORDS

    def trim(self, body: list[int], pred: int, moved: set[int]) -> list[int]:
        """Questions are short: drop the clause's own subordinate clauses and conjuncts, then
        trailing adjuncts while the question is long."""
        kept = set(body)
        nominal = self.tags[pred] not in VERB_TAGS  # a copular predicate: "were A and B"
        for c in self.kids.get(pred, ()):
            if self.sub(c) & moved or self.label(c) not in ("advcl", "conj"):
                continue
            if self.label(c) == "advcl" or not nominal or self.is_clause_head(c):
                kept -= self.sub(c)
        for k in list(kept):  # clauses coordinated inside a phrase: "X paid for A, Y paid for B"
            if (
                k != pred
                and self.label(k) in ("conj", "parataxis")
                and self.tags[k] in VERB_TAGS
                and not self.modifier_conjunct(k)
                and not self.sub(k) & moved
            ):
                kept -= self.sub(k)
        siblings = sorted(
            (c for c in self.kids.get(pred, ()) if c > pred and c in kept),
            reverse=True,
        )
        for c in siblings:
            if len(kept) <= MAX_BODY:
                break
            if self.label(c) in ADJUNCTS and not self.sub(c) & moved:
                kept -= self.sub(c)
                self.quality -= 0.02
        if len(kept) > MAX_BODY + 6:
            self.quality -= 0.2
        return [k for k in body if k in kept]

    def of_a_name(self, h: int) -> bool:
        """The answer completes a name through "of": "Battle of [Bạch Đằng]", "Planet of
        [Giants]" -- moving it out would leave half a name behind."""
        return self.of_a_noun(h) and self.tags[self.tree.heads[h]] in ("NNP", "NNPS")

    def in_range(self) -> bool:
        """The answer is one end of a range ("1919–20", "pages 10-12")."""
        dashes = ("–", "-", "—")
        a, b, n = self.a, self.b, len(self.words)
        after = b + 1 < n and self.words[b] in dashes and self.tags[b + 1] == "CD"
        before = a > 1 and self.words[a - 1] in dashes and self.tags[a - 2] == "CD"
        return after or before

    def of_a_noun(self, h: int) -> bool:
        """The answer hangs from a noun by "of" ("the record of [French claims]")."""
        head = self.tree.heads[h]
        return (
            self.label(h) == "nmod"
            and head >= 0
            and self.tags[head].startswith("NN")
            and any(
                self.label(c) == "case" and self.words[c].lower() == "of" and c < self.a
                for c in self.sub(h)
            )
        )

    def definite(self, noun: int) -> bool:
        """A noun phrase with "the"/"this"/a possessor, or an amount ("81%", "two types")."""
        kids = self.kids.get(noun, ())
        return (
            self.tags[noun] == "CD"
            or self.words[noun] == "%"
            or any(
                (self.label(c) == "det" and self.words[c].lower() in DEFINITE)
                or self.label(c) in ("nmod:poss", "nummod")
                for c in kids
            )
        )

    def particles(self, moved: set[int]) -> set[int]:
        """A phrasal verb's particle the parse hung on the answer ("lay [off] 5% of its
        staff"): it stays with the verb, "What percentage would the group lay off?"."""
        return {
            k
            for k in moved
            if not self.a <= k < self.b
            and k > 0
            and self.words[k].lower() in VERB_PARTICLES
            and self.tags[k - 1] in VERB_TAGS
        }

    def path_up(self, k: int, top: int) -> list[int]:
        """``k`` and its heads up to ``top`` (included)."""
        path = [k]
        while k != top and self.tree.heads[k] >= 0:
            k = self.tree.heads[k]
            path.append(k)
        return path

    def modifier_conjunct(self, k: int) -> bool:
        """A participle coordinated with a noun's modifier ("owned-and-operated stations",
        "current and pending agreements"): part of the phrase, not a clause to drop."""
        first = k
        while self.label(first) == "conj" and self.tree.heads[first] >= 0:
            first = self.tree.heads[first]
        return self.label(first) in ("amod", "compound")

    def inherited_finite(self, pred: int) -> tuple[int | None, list[int]]:
        if self.label(pred) == "conj":
            hc = clause_at(self.tree, self.tags, self.tree.heads[pred])
            same_form = self.tags[pred] == self.tags[hc.main_verb]  # "have pushed ... and asked"
            if hc.finite is not None and hc.finite != hc.main_verb and same_form:
                return hc.finite, list(hc.auxiliaries)
        return None, []

    def invert(self, body, subj, finite, main_verb, aux_tokens) -> list:
        """Subject-auxiliary inversion, or do-support with the lemmatised verb."""
        # a contracted "n't" goes along with its auxiliary: "Where won't the council meet?"
        neg = [k for k in body if k == finite + 1 and self.words[k].lower() == "n't"]
        rest = [k for k in body if k != finite and k not in neg]
        if finite != main_verb or self.label(finite) == "cop":
            return [finite, *neg, *subj, *rest]
        if finite > 0 and self.words[finite][:1].isupper():
            raise _Skip  # a name the tagger took for the verb ("the Cape of Good Hope/VBP")
        base = lemma(self.words[finite], "VB")
        if base == "be":
            return [finite, *neg, *subj, *rest]
        do = DO_FORMS.get(self.tags[finite])
        if do is None:
            raise _Skip
        return [do] + subj + [base if k == finite else k for k in body]

    def _reduced_passive(self, verb: int) -> bool:
        """ "the tune Ibstone composed in 1875 by Maria C. Tiddeman": a past participle with
        its agent and no object, which the tagger read as a past tense with a subject
        (questions would ask "Who did Ibstone compose in 1875 by?", "What composed ...?")."""
        kids = self.kids.get(verb, ())
        if self.tags[verb] != "VBD" or any(self.label(c) in ("obj", "iobj", "ccomp") for c in kids):
            return False
        return any(
            self.label(c) == "obl"
            and self.tags[c] in ("NNP", "NNPS")  # an agent's name, not "by night"
            and any(
                self.label(g) == "case" and self.words[g].lower() == "by"
                for g in self.kids.get(c, ())
            )
            for c in kids
        )

    def existential(self, body: list[int], finite: int | None) -> list[int]:
        """ "There are two methods" asked of its subject: "How many methods are there?" (the
        verb goes before the expletive, not "How many methods there are?")."""
        expl = [k for k in body if self.label(k) == "expl" and finite is not None and k < finite]
        if not expl or finite not in body:
            return body
        rest = [k for k in body if k != finite]
        at = rest.index(expl[0])
        return [*rest[:at], finite, *rest[at:]]

    def agree(self, body: list[int], finite: int | None) -> list:
        """who/what take a singular verb: "They have" -> "Who has"."""
        if finite is None or self.tags[finite] != "VBP":
            return body
        w = self.words[finite].lower()
        base = lemma(w, "VB")
        if base == "be" and self.label(finite) == "cop":
            predicate = self.tree.heads[finite]
            if predicate >= 0 and self.tags[predicate] in ("NNS", "NNPS"):
                return body  # "What are the points of ...?" (not "What is the points")
        third = {"be": "is", "have": "has", "do": "does"}.get(base)
        if base == "be" and w == "were":
            third = "was"
        third = third or inflect(base, "VBZ")
        return [third if k == finite else k for k in body]

    # -- surface ------------------------------------------------------------------------
    def _kept_commas(self, items: list) -> set[int]:
        """Positions in ``items`` of the commas that stay: a comma survives between the two
        words it stood between, and so does the one closing a phrase a kept comma opened,
        though the word after it changed ("What did Aken, adopted by Lupe Mayorga, grow up
        in?": "grew" became "grow", and the closing comma went)."""

        def comma(n: int) -> bool:
            return isinstance(items[n], int) and self.tags[items[n]] == ","

        def after_its_word(n: int) -> bool:
            return 0 < n < len(items) - 1 and items[n - 1] == items[n] - 1

        kept = {n for n in range(len(items)) if comma(n) and after_its_word(n)}
        kept = {n for n in kept if items[n + 1] == items[n] + 1}
        for n in range(len(items)):
            if n in kept or not comma(n) or not after_its_word(n):
                continue
            j = n - 1  # back over the phrase's words, all in their places
            while j > 0 and items[j - 1] == items[j] - 1 and not comma(j - 1):
                j -= 1
            if j - 1 in kept and items[j - 1] == items[j] - 1:
                kept.add(n)
        return kept

    def _said_twice(self, pred: int) -> bool:
        """The predicate joined to another of the same word ("is a member of [the Core Cities
        Group] and is a member of the Eurocities network"): "What is Newcastle a member of?"
        has two right answers."""
        heads = self.tree.heads
        word = self.words[pred].lower()
        near = [k for k in self.kids.get(pred, ()) if self.label(k) == "conj"]
        if self.label(pred) == "conj" and heads[pred] >= 0:
            near.append(heads[pred])

        def predicate(k: int) -> bool:  # a clause's own, not a noun in a list ("A and B")
            return self.tags[k].startswith("VB") or any(
                self.label(c) in ("cop", "aux") for c in self.kids.get(k, ())
            )

        return predicate(pred) and any(self.words[k].lower() == word and predicate(k) for k in near)

    def _capital_inside(self, word: str) -> bool:
        """A capitalised word the text also capitalises inside a sentence: a proper adjective
        or a name the tagger took for a common word ("Norman adventurers" opens the sentence
        and stays "Norman" in "Who did Norman adventurers found ... under?")."""
        if not word[:1].isupper() or not word[1:].islower():
            return False
        return re.search(rf"[a-z,;:]\s+{re.escape(word)}\b", self.text) is not None

    def realise(self, items: list) -> str:
        first = 0
        kept = self._kept_commas(items)
        items = [
            k
            for n, k in enumerate(items)
            if n in kept or not (isinstance(k, int) and self.tags[k] == ",")
        ]
        out: list[str] = []
        prev = None
        for item in items:
            if isinstance(item, str):
                word, gap = item, " "
            else:
                tok = self.sp.tokens[item]
                word = tok.text
                if (
                    item == first
                    and self.tags[item] not in ("NNP", "NNPS")
                    and word != "I"
                    and not (self.tags[item] in _NAME_LIKE and self._capital_inside(word))
                ):
                    word = word[0].lower() + word[1:]
                if isinstance(prev, int) and prev + 1 == item:
                    gap = " " if self.text[self.sp.tokens[prev].end : tok.start] else ""
                else:
                    gap = "" if word in NO_SPACE_BEFORE else " "
                word = self.pronoun(item, word, out)
            out.append(gap + word if out else word)
            prev = item
        stem = "".join(out).strip()
        stem = re.sub(r"\s*,\s*(,\s*)+", ", ", stem).strip(" ,;:-")
        stem = re.sub(r"\s+", " ", stem).rstrip(" .,;:!?")
        if len(stem.split()) < 3:
            raise _Skip
        return stem[0].upper() + stem[1:] + "?"

    def pronoun(self, k: int, word: str, before: list[str]) -> str:
        low = word.lower()
        if self.label(k) == "det" and low in ("this", "these", "those"):
            # "this basin" points back into a text the question stands apart from; "this
            # year" and "that year" date the event and stay
            if self.words[self.tree.heads[k]].lower() in TIME_WORDS:
                return word
            return "The" if word[:1].isupper() else "the"
        if low not in PRONOUNS:
            return word
        if low in ("i", "me", "my", "we", "us", "our", "you", "your"):
            raise _Skip
        if any(w.strip()[:1].isupper() for w in before[1:]) and low not in ("this", "these"):
            return word  # a name earlier in the question is its antecedent
        name = self.resolver(low, k) if self.resolver else None
        if not name:
            raise _Skip
        if name.lower() in "".join(before).lower():
            return word  # "What do marine organisms incorporate into their shells?"
        self.quality -= 0.05
        if low in ("his", "its", "their") or (low == "her" and self.label(k) == "nmod:poss"):
            # "the stations' equipment", not "the stations's equipment"
            return name + ("'" if name.endswith("s") and not name.endswith("ss") else "'s")
        return name
