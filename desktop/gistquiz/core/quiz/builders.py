"""The four built-in question builders: wh, MCQ, cloze (fill in the blank) and true/false.

Each returns candidates (often one, sometimes none) with a ``score`` holding the question's own
quality in [0, 1]; the quiz builder multiplies it by the fact's rank and validates the result.
The wording of wh-questions comes from ``wh.generate`` (subject replacement, inversion,
do-support); the other kinds are built here from the fact's sentence.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from ..facts.model import Fact, FactType
from ..language import stock_sentences
from .model import BLANK, Difficulty, Kind, Question
from .registry import Context, register
from .text import contains_tokens, normalize, paired_quotes, token_f1
from .validate import TF_OPTIONS

log = logging.getLogger("gistquiz.core.quiz")

_DISCOURSE = re.compile(
    r"^(?:instead|nevertheless|however|meanwhile|moreover|furthermore|also|still|yet|thus|"
    r"therefore|indeed|in addition|in response|in fact|at the same time|privately|publicly|"
    r"still|finally|then)\s*,\s*",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|this|these|those|that|his|her|its|their)\b", re.I)
MIN_WORDS, MAX_WORDS = 5, 60
TF_MAX_WORDS = 40
# Kinds that ask for the answer itself; TF asks about the whole statement.
_KIND_DIFFICULTY = {Kind.TF: Difficulty.EASY, Kind.MCQ: Difficulty.MEDIUM}


def _difficulty(kind: Kind, fact: Fact) -> Difficulty:
    if kind in _KIND_DIFFICULTY:
        level = _KIND_DIFFICULTY[kind]
        if kind is Kind.MCQ and fact.mentions > 1:
            return Difficulty.EASY  # repeated in the article: easier to recognise
        return level
    if fact.mentions > 1 or fact.type in (FactType.NUMBER, FactType.DATE):
        return Difficulty.MEDIUM
    return Difficulty.HARD


def _accepted(fact: Fact) -> tuple[str, ...]:
    forms = [fact.entity, *fact.aliases]
    return tuple(dict.fromkeys(f for f in forms if f and f != fact.text))


def _usable(ctx: Context, fact: Fact) -> bool:
    words = len(ctx.doc.clean_sentence(fact.sentence).split())
    return MIN_WORDS <= words <= MAX_WORDS and not ctx.doc.sentences[fact.sentence].heading


def _complete(ctx: Context, fact: Fact) -> bool:
    """Whether the sentence starts and ends like one: a fragment is not a statement."""
    text = ctx.doc.clean_sentence(fact.sentence)
    starts = text.lstrip("\"'“‘([ ")[:1].isupper()
    return starts and text.rstrip("\"'”’)] ").endswith((".", "!", "?"))


_ALNUM = re.compile(r"[a-z0-9]+")


def echoes(stem: str, sentence: str) -> bool:
    """Whether a question copies (in order) 95% or more of its sentence's words.

    Such a "question" is the sentence read back with one gap: it tests recognition of the
    wording, not understanding, so the builders leave it out.
    """
    q, s = _ALNUM.findall(stem.lower()), _ALNUM.findall(sentence.lower())
    if not q or not s:
        return False
    previous = [0] * (len(s) + 1)
    for x in q:
        current = [0]
        for j, y in enumerate(s, 1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1] >= 0.95 * len(s)


def _question(ctx: Context, kind: Kind, fact: Fact, **fields) -> Question:
    base = dict(
        id=ctx.question_id(kind, fact),
        kind=kind,
        answer=fact.text,
        accepted=_accepted(fact),
        sentence=fact.sentence,
        answer_start=fact.start,
        answer_end=fact.end,
        explanation=paired_quotes(ctx.doc.clean_sentence(fact.sentence)),
        fact_type=fact.type.value,
        difficulty=_difficulty(kind, fact),
    )
    base.update(fields)
    return Question(**base)


# ---- wh -----------------------------------------------------------------------------------
def wh_candidates(ctx: Context, fact: Fact) -> list:
    """The syntax layer's wh-questions for ``fact`` (none if that layer is missing)."""
    key = ("wh", fact.start, fact.end)
    if key not in ctx.memo:
        ctx.memo[key] = _wh_candidates(ctx, fact)
    return ctx.memo[key]  # type: ignore[return-value]


def _wh_candidates(ctx: Context, fact: Fact) -> list:
    try:
        from . import wh
    except ImportError:  # the wording module is optional for the other kinds
        return []
    try:
        return list(wh.generate(ctx.doc, fact))
    except Exception:  # a wording failure must cost one question, not the quiz
        log.debug("wh.generate failed on %r", fact.text, exc_info=True)
        return []


@register(Kind.WH)
def build_wh(ctx: Context, fact: Fact) -> list[Question]:
    out = []
    sentence = ctx.doc.clean_sentence(fact.sentence)
    for cand in wh_candidates(ctx, fact)[:2]:
        if ctx.doc.text[cand.answer_start : cand.answer_end] != cand.answer:
            continue
        if echoes(cand.stem, sentence):
            continue
        out.append(
            _question(
                ctx,
                Kind.WH,
                fact,
                stem=cand.stem,
                answer=cand.answer,
                answer_start=cand.answer_start,
                answer_end=cand.answer_end,
                score=float(cand.quality),
            )
        )
    return out


# ---- cloze ---------------------------------------------------------------------------------
def cloze_stem(ctx: Context, fact: Fact) -> str | None:
    before, _, after = ctx.split(fact)
    stem = f"{before}{BLANK}{after}"
    answer_words, sentence_words = len(fact.text.split()), len(stem.split())
    if answer_words > max(3, sentence_words // 2):
        return None  # a blank that is most of the sentence tests nothing
    return with_context(ctx, fact, stem)


CONTEXT_MAX_WORDS = 35


def with_context(ctx: Context, fact: Fact, stem: str) -> str:
    """A cloze that opens with a pronoun ("It fostered the development of ...") takes the
    sentence before it, from the same paragraph, as its context: a cloze must keep the
    sentence's own words, so it cannot name "it" the way a wh question does. Not when that
    sentence is long, quotes, or names the answer (the blank would be given away)."""
    i = fact.sentence
    if i == 0 or not _PRONOUN_START.match(stem):
        return stem
    doc = ctx.doc
    previous, this = doc.sentences[i - 1], doc.sentences[i]
    if previous.paragraph != this.paragraph or previous.heading:
        return stem
    context = doc.clean_sentence(i - 1)
    if (
        len(context.split()) > CONTEXT_MAX_WORDS
        or any(q in context for q in '"“”')
        or contains_tokens(normalize(context), normalize(fact.text))
    ):
        return stem
    return f"{context} {stem}"


@register(Kind.CLOZE)
def build_cloze(ctx: Context, fact: Fact) -> list[Question]:
    if not _usable(ctx, fact):
        return []
    stem = cloze_stem(ctx, fact)
    if stem is None:
        return []
    quality = 0.8 if len(fact.text) > 2 else 0.4
    if _dangling(stem):
        quality -= 0.3  # "... it is anticipated that he will ...": who? Another kind fits better
    return [_question(ctx, Kind.CLOZE, fact, stem=stem, score=quality)]


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][\w’'-]*")
_OPENERS = frozenset(
    re.findall(
        r"\w+",
        "In On At For After Before According The A An This That These Those It There When While "
        "Since Although As If But And Yet So Then However Instead",
    )
)


def _dangling(text: str) -> bool:
    """A personal pronoun with no name before it in the sentence (a cloze cannot be reworded)."""
    match = _SUBJECT_PRONOUN.search(text)
    if match is None:
        return False
    names = [m.group(0) for m in _NAME.finditer(text, 0, match.start())]
    return not [n for k, n in enumerate(names) if not (k == 0 and n in _OPENERS)]


# ---- multiple choice ----------------------------------------------------------------------
@register(Kind.MCQ)
def build_mcq(ctx: Context, fact: Fact) -> list[Question]:
    """Four options under a wh stem (on the wh answer's own span) or, where the fact has no
    good wh form, under its cloze sentence ("Which completes the sentence? ... _____ ...").

    The cloze stem scores lower (BLEU-4 3.6 against SQuAD's human questions where our wh
    stems score 11.6), so a fact with both forms is asked with its wh stem; without the
    fallback most facts of an article could only be blanks or true/false items and a quiz
    could not mix its kinds.
    """
    if not _usable(ctx, fact):
        return []
    sentence = ctx.doc.clean_sentence(fact.sentence)
    for cand in wh_candidates(ctx, fact):
        if echoes(cand.stem, sentence):
            continue
        if ctx.doc.text[cand.answer_start : cand.answer_end] != cand.answer:
            continue
        answer = replace(fact, text=cand.answer, start=cand.answer_start, end=cand.answer_end)
        question = _choice(ctx, answer, cand.stem, float(cand.quality))
        if question is not None:
            return [question]
    stem = cloze_stem(ctx, fact)
    if stem is None or not _complete(ctx, fact):
        return []
    question = _choice(ctx, fact, cloze_choice_stem(stem), CLOZE_CHOICE_QUALITY)
    return [question] if question is not None else []


CLOZE_CHOICE_QUALITY = 0.5


def cloze_choice_stem(cloze: str) -> str:
    """ "Which option completes “... _____ ...”?": a question, so it ends with "?"."""
    return f"Which option completes “{cloze.rstrip(' .')}”?"


def _choice(ctx: Context, answer: Fact, stem: str, quality: float) -> Question | None:
    distractors = ctx.distractors(answer)
    if len(distractors) < 3:
        return None
    options = [answer.text, *distractors[:3]]
    ctx.rng("options", answer.start).shuffle(options)
    return _question(
        ctx,
        Kind.MCQ,
        answer,
        stem=stem,
        options=tuple(options),
        correct=options.index(answer.text),
        score=quality,
    )


# ---- true / false -------------------------------------------------------------------------
def statement(text: str) -> str:
    """A sentence as a standalone statement: no leading discourse word, capitalised."""
    text = _DISCOURSE.sub("", text.strip())
    return text[:1].upper() + text[1:] if text else text


GROUNDED_F1 = 0.8  # a true statement matches its sentence at least this well (token F1)
PERTURBED_F1 = 0.5  # a false one stays this close to one


def _one_sentence_elsewhere(ctx: Context, stem: str, false: bool) -> bool:
    """Whether the statement is still one sentence of the text when a stock sentence splitter
    reads it: NLTK's own Punkt cuts "... cultural circles, i.e. its soft power, such that ..."
    after "i.e.", and a true statement that matches neither half is not grounded in any
    sentence to a reader (or a checker) using it."""
    pieces = stock_sentences(stem, ctx.doc.language)
    if len(pieces) == 1:
        return True
    best = max(token_f1(stem, piece) for piece in pieces)
    return best >= (PERTURBED_F1 if false else GROUNDED_F1)


@register(Kind.TF)
def build_true_false(ctx: Context, fact: Fact) -> list[Question]:
    if not _usable(ctx, fact) or not _complete(ctx, fact):
        return []
    if len(ctx.doc.clean_sentence(fact.sentence).split()) > TF_MAX_WORDS:
        return []  # a long statement buries the one detail a false version changes
    before, answer, after = ctx.split(fact)
    true_statement = statement(before + answer + after)
    if _PRONOUN_START.match(true_statement) and fact.sentence > 0:
        return []  # "It fostered the development of ...": true of what? Asked another way
    quality = 0.4 if _PRONOUN_START.match(true_statement) or _dangling(true_statement) else 0.7
    rng = ctx.rng("tf", fact.start)
    distractors = ctx.distractors(fact)
    # Half the time (seeded) a false statement: the fact swapped for a same-type distractor.
    false = bool(distractors) and rng.random() < 0.5
    stem = statement(before + (distractors[0] if false else answer) + after)
    if not _one_sentence_elsewhere(ctx, stem, false):
        return []
    return [
        _question(
            ctx,
            Kind.TF,
            fact,
            stem=stem,
            answer="False" if false else "True",
            options=TF_OPTIONS,
            correct=1 if false else 0,
            accepted=(),
            score=quality,
        )
    ]
