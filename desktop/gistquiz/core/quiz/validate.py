"""The hard rules every produced question must pass; the builder drops any that fail.

``problems(doc, question)`` lists what is wrong in plain words (empty = valid). The rules:
the answer sits at its span inside its sentence; wh/MCQ stems end with "?" and do not give the
answer away; an MCQ has distinct options of one surface type, none nested in another, exactly
one of them correct, and no distractor that the article also makes true; a cloze stem has one
blank that the answer fills back into the sentence exactly; a true statement is grounded in its
sentence and a false one is said nowhere in the text.
"""

from __future__ import annotations

from dataclasses import replace

from ..document import Document
from .distractors import ArticleIndex, is_true_substitute, nested
from .model import BLANK, Kind, Question
from .text import contains_tokens, fold_spaces, normalize, squad_normalize, surface_type
from .text import types_compatible as _compatible

TF_OPTIONS = ("True", "False")


def problems(doc: Document, question: Question, index: ArticleIndex | None = None) -> list[str]:
    """What is wrong with ``question`` as a question on ``doc`` (empty list: valid)."""
    out: list[str] = []
    if not question.stem.strip():
        out.append("empty stem")
    if not question.answer.strip():
        out.append("empty answer")
    if not 0 <= question.sentence < len(doc.sentences):
        return [*out, f"sentence {question.sentence} is not in the document"]
    sentence = doc.sentences[question.sentence]
    if not sentence.start <= question.answer_start < question.answer_end <= sentence.end:
        out.append("the answer span is not inside its sentence")
        return out
    span_text = doc.text[question.answer_start : question.answer_end]
    if question.kind is not Kind.TF and span_text != question.answer:
        out.append(f"the text at the answer span is {span_text!r}, not the answer")
    if index is None:
        index = ArticleIndex.of(doc.sentence_text(s.index) for s in doc.sentences)
    if question.kind in (Kind.WH, Kind.MCQ):
        out += _question_problems(question)
    if question.kind is not Kind.TF:
        stem = question.stem.replace(BLANK, " ")
        for form in question.accepted:
            if len(normalize(form)) > 1 and _gives_away(stem, form):
                out.append(f"the stem gives the answer away as {form!r}")
    if question.kind is Kind.MCQ:
        out += _choice_problems(doc, question, index)
        if BLANK in question.stem:  # a cloze stem: its blank must fill back like a cloze's
            quoted = question.stem[question.stem.find("“") + 1 : question.stem.rfind("”")]
            out += _cloze_problems(doc, replace(question, stem=quoted))
    elif question.kind is Kind.CLOZE:
        out += _cloze_problems(doc, question)
    elif question.kind is Kind.TF:
        out += _true_false_problems(doc, question, index)
    return out


def _gives_away(stem: str, answer: str) -> bool:
    return contains_tokens(squad_normalize(stem), squad_normalize(answer)) or contains_tokens(
        normalize(stem), normalize(answer)
    )


def _question_problems(question: Question) -> list[str]:
    out = []
    if not question.stem.rstrip().endswith("?"):
        out.append("the question does not end with '?'")
    if _gives_away(question.stem, question.answer):
        out.append("the question contains its answer")
    return out


def _choice_problems(doc: Document, question: Question, index: ArticleIndex) -> list[str]:
    options = question.options
    out = []
    if len(options) < 3:
        out.append(f"an MCQ needs at least 3 options, it has {len(options)}")
    folded = [squad_normalize(o) for o in options]
    answer = squad_normalize(question.answer)
    if sum(f == answer for f in folded) != 1:
        out.append("not exactly one option is the answer")
    if question.correct is None or not 0 <= question.correct < len(options):
        out.append("the correct option index is missing")
    elif options[question.correct] != question.answer:
        out.append("the correct option index does not point at the answer")
    if len(set(folded)) != len(folded) or len({normalize(o) for o in options}) != len(options):
        out.append("two options are the same")
    kind = surface_type(question.answer)
    for option in options:
        if option != question.answer and not _compatible(surface_type(option), kind):
            out.append(f"option {option!r} is not of the answer's type")
    for i, first in enumerate(options):
        for second in options[i + 1 :]:
            if nested(first, second):
                out.append(f"option {first!r} is nested in {second!r}")
    sentence = doc.sentences[question.sentence]
    text = doc.sentence_text(sentence.index)
    start, end = question.answer_start - sentence.start, question.answer_end - sentence.start
    for option in options:
        if option != question.answer and is_true_substitute(text, start, end, option, index):
            out.append(f"distractor {option!r} is also true in the text")
    return out


def _cloze_problems(doc: Document, question: Question) -> list[str]:
    out = []
    stem = question.stem
    if stem.count(BLANK) != 1:
        return [f"a cloze needs exactly one blank, it has {stem.count(BLANK)}"]
    if _gives_away(stem.replace(BLANK, " "), question.answer):
        out.append("the cloze shows its answer outside the blank")
    filled = fold_spaces(stem.replace(BLANK, question.answer))
    sentence = doc.clean_sentence(question.sentence)
    if question.sentence > 0:  # a pronoun's sentence may come with the one before it
        sentence = f"{doc.clean_sentence(question.sentence - 1)} {sentence}"
    if filled not in sentence:
        out.append("the answer does not fill the blank back into the sentence")
    return out


def _true_false_problems(doc: Document, question: Question, index: ArticleIndex) -> list[str]:
    out = []
    if question.options != TF_OPTIONS or question.correct not in (0, 1):
        return ["a true/false item needs the options True/False and a correct index"]
    if question.answer != TF_OPTIONS[question.correct]:
        out.append("the answer does not match the correct option")
    statement = normalize(question.stem.rstrip(" .?!"))
    said = index.states(question.stem.rstrip(" .?!"))
    if question.correct == 0:
        if not contains_tokens(normalize(doc.sentence_text(question.sentence)), statement):
            out.append("the true statement is not grounded in its sentence")
    elif said:
        out.append("the false statement is true in the text")
    elif fold_spaces(question.stem.rstrip(" .?!")).lower() in fold_spaces(doc.text).lower():
        # "... State Route 9" from "... State Route 99": read as the start of a true sentence
        out.append("the false statement is part of the text word for word")
    elif not statement:
        out.append("empty statement")
    return out
