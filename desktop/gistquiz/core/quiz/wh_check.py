"""A last look at a finished wh-question: reject the shapes a wrong parse leaves behind.

A question missing part of a clause is worse than no question (the quiz then asks something
else), so these checks drop, they never repair:
- a subordinate clause that lost its verb: "..., although on Monday?";
- a preposition whose object became a that-clause: "What did he state in that the policies
  would not harm ...?" (the answer was cut out from between them);
- a preposition left in the middle of the question before a verb, an adverb or another
  preposition ("Who would requesting a cease-fire according to not suffice?", "... the
  spokesperson for urge Mr. Xi?"): the answer was cut out of a phrase that cannot strand;
- no finite verb ("What since the invasion?") or fewer than four words ("What there is?");
- a list that lost its first item ("two new neighbourhoods: and Friedrichstadt");
- "What shall there be?": an existential asked anything but "How many ...?";
- "How long ...?" that still names a span of time, a reflexive left as the subject;
- a word twice in a row ("... from from these bases?"): a stranded preposition met a phrase;
- a semicolon: two clauses, the second one's words attached to the first's question;
- nothing named but the verb ("What may be solved?", "What is also used?"): a question a
  reader cannot tell apart from any other;
- "When ...?" that still names a time ("When are more official negotiations set for
  Tuesday?"): the time the question asks about is another one, or the question attached
  the answer to the wrong clause.
"""

from __future__ import annotations

import itertools
import re

from ..nlp.tagger import tag
from ..nlp.tokens import tokenize

# Conjunctions that always open a clause ("since", "until", "after" also take plain nouns).
CLAUSE_OPENERS = frozenset({"although", "though", "whereas", "because"})
_FINITE = frozenset({"MD", "VBD", "VBZ", "VBP"})
_VERB = _FINITE | {"VB", "VBG", "VBN"}


# Prepositions that legitimately stand before another one ("out of", "because of", "up to").
_PAIRS_FIRST = frozenset(
    {
        "out",
        "because",
        "instead",
        "up",
        "as",
        "ahead",
        "apart",
        "due",
        "according",
        "from",
        "away",
        "prior",
        "rather",
        "next",
        "close",
        "back",
        "down",
        "off",
        "over",
        "on",
        "along",
    }
)
_TIME_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|june|july|august|september|october|november|december|yesterday|today|tomorrow|"
    r"tonight|(?:this|last|next) (?:week|month|year|spring|summer|autumn|fall|winter)|"
    r"(?:1[0-9]|20)\d\d|\d+(?:st|nd|rd|th) century|\d+s)\b",
    re.IGNORECASE,
)
MIN_WORDS = 4
_SPAN_OF_TIME = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)"
    r"[ -](?:second|minute|hour|day|week|month|year|decade|centur)",
    re.IGNORECASE,
)
_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "oneself"})
_FINITE_BE = ("is", "are", "was", "were")
_BE = ("be", "been", *_FINITE_BE)
_DASH = re.compile(r"\s[–—-]\s|—")
# a list that lost its first item: a conjunction right after a colon or a bracket
_CUT_LIST = re.compile(r"[:(]\s*(?:and|or|but|nor)\b", re.IGNORECASE)
# a question names something besides its verb: a noun, number, pronoun or adjective
_CONTENT = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "PRP", "JJ", "JJR", "JJS", "FW", "EX"})
_PLURAL_OK = frozenset({"are", "were", "do", "have"})


def is_well_formed(stem: str) -> bool:
    words = [t.norm for t in tokenize(stem)]
    tags = tag(words)
    lower = [w.lower() for w in words]
    if sum(w.isalnum() for w in words) < MIN_WORDS or not any(t in _FINITE for t in tags):
        return False
    if not any(t in _CONTENT for t in tags[1:]):  # "What may be solved?", "What is also used?"
        return False
    when = lower.index("when") if "when" in lower[:2] else -1
    if when >= 0 and _TIME_WORDS.search(" ".join(words[when + 1 :])):
        return False
    if lower[:2] == ["how", "long"] and _SPAN_OF_TIME.search(stem[8:]):
        return False  # "How long had copies spread ... within two weeks?": another duration
    if any(w in _REFLEXIVES for w in lower[1:3]):
        return False  # "Where is itself recorded?": a reflexive left as the subject
    last = [w for w in lower if w not in ("?", ".")][-1]
    if last in _FINITE_BE:
        return False  # "Of how many buildings are?": the predicate went with the answer
    if re.search(r",\s*(?:as|of|in|at|on|by|for|with|to)\s*\?$", stem, re.IGNORECASE):
        return False  # "Who was Paul Revere descended from Huguenot refugees, as?"
    if lower[1:2] in (["having"], ["being"]):
        return False  # "Who having recanted Protestantism ...?": a participle, no clause
    if _CUT_LIST.search(stem):  # "... two new neighbourhoods: and Friedrichstadt ...?"
        return False
    if ";" in stem:  # two clauses: "What filed an objection ...; but in 2002, ... ruled ...?"
        return False
    if stem.count("(") != stem.count(")"):  # "... contain oxygen (due to the presence of?"
        return False
    if len(_DASH.findall(stem)) % 2:  # half a dashed aside: "What assimilation – were offered?"
        return False
    if any(w[:1].isupper() and t in _VERB for w, t in zip(words[1:], tags[1:], strict=True)):
        return False  # a quoted sentence's first word: "Who argues Bringing in deterrence ...?"
    if lower[0] in ("what", "who") and lower[1:2] in (["the"], ["a"], ["an"]):
        return False  # "What the given graph is connected?": the wh-word took a clause's place
    if lower[0] in ("what", "who", "which") and lower[-3:-2] == ["there"] and lower[-2] in _BE:
        return False  # "What shall there be?": an existential asks nothing but "how many"
    if lower[0] in ("who", "what") and (
        (tags[1] in ("VB", "VBP") and lower[1] not in _PLURAL_OK)  # "Who meet with ...?"
        or (tags[1] in ("VBD", "VBN") and tags[2] in _FINITE)  # "What involved must ...?"
    ):
        return False
    if not _do_support_complete(lower, tags):
        return False
    if any(w == nxt and w.isalpha() for w, nxt in itertools.pairwise(lower)):
        return False  # "... capture Sicily and Malta from from these bases?": two phrases met
    for i in range(len(lower) - 1):
        if tags[i] not in ("IN", "TO") or lower[i] in CLAUSE_OPENERS | {"that", "so", "if"}:
            continue
        after = tags[i + 1]
        stranded_before_verb = after in _VERB or lower[i + 1] in ("not", "n't")
        doubled = after in ("IN", "TO") and lower[i] not in _PAIRS_FIRST
        if stranded_before_verb or doubled:
            return False
    for i, word in enumerate(lower):
        if word in CLAUSE_OPENERS and lower[i + 1 : i + 2] != ["of"]:
            rest = _until_break(lower, tags, i + 1)
            if rest and not any(t in _VERB for _, t in rest):
                return False
        if (
            word == "that"
            and i > 0
            and tags[i - 1] == "IN"
            and lower[i - 1] not in CLAUSE_OPENERS | {"so", "that", "such"}
            and any(t in _FINITE for _, t in _until_break(lower, tags, i + 1))
        ):
            return False
    return True


def _do_support_complete(lower: list[str], tags: list[str]) -> bool:
    """After the wh-phrase, do-support needs the subject next: "What did on 31 December the
    first group ... to the post at the Cape of?" (a fronted adjunct left before the subject,
    the verb gone into the answer) has none. (The bare verb is not checked: the tagger reads
    a question's last word as a noun as often as not, "What did the council reject/NN?")"""
    i = next((k for k, w in enumerate(lower[:6]) if w in _DO_FORMS and tags[k] in _FINITE), None)
    if i is None or i == 0 or any(t not in _WH_PHRASE for t in tags[:i]):
        return True
    if tags[i + 1 : i + 2] in (["IN"], ["TO"], [","], ["WDT"], ["WP"]):
        return False
    # nor a second finite "be" after it, outside a clause of its own: "When did the highest
    # temperature record was 104 °F?" (not "... travel days after the warrant was issued?")
    for w in lower[i + 1 :]:
        if w in _CLAUSE_WORDS:
            break
        if w in _FINITE_BE:
            return False
    # nor a relative "that" with its verb: "What do that hold the majority of seats ...?"
    return not (lower[i + 1 : i + 2] == ["that"] and i + 2 < len(tags) and tags[i + 2] in _VERB)


_DO_FORMS = frozenset({"do", "does", "did"})
_CLAUSE_WORDS = frozenset(
    """that which who whom whose when where after before since until because although though
    while if unless as once whereas ,""".split()  # noqa: SIM905
)
_WH_PHRASE = frozenset(
    {"WDT", "WP", "WP$", "WRB", "IN", "TO", "JJ", "JJR", "RB", "NN", "NNS", "DT"}
)


def _until_break(words: list[str], tags: list[str], start: int) -> list[tuple[str, str]]:
    """The words after ``start`` up to the next comma or the question mark."""
    out = []
    for word, t in zip(words[start:], tags[start:], strict=True):
        if word in {",", "?", ";"}:
            break
        out.append((word, t))
    return out
