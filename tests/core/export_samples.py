"""Quizzes built by hand for the exporter tests: every kind, and adversarial text in every
field (quotes, braces, markup, a script tag, emoji, right-to-left text, GIFT/Anki/Moodle
syntax, a CDATA terminator, a backslash)."""

from __future__ import annotations

from gistquiz.core.document import build_document
from gistquiz.core.quiz.model import BLANK, Difficulty, Kind, Question, Quiz, QuizOptions

NASTY = 'say "hi" & \'bye\' <script>alert("x")</script> ~ = # { } : \\ 😀 שלום עולם مرحبا ]]>'

SOURCE = 'Victor Hugo wrote "Les Misérables" in 1862 <script>alert(1)</script> {~=#:} 🙂 עברית.'


def adversarial_quiz() -> Quiz:
    questions = (
        Question(
            id="q-mcq-1",
            kind=Kind.MCQ,
            stem=f'Who wrote "Les Misérables" {{really}}? {NASTY}',
            answer="Victor Hugo ~ = # { } :",
            options=("Victor Hugo ~ = # { } :", "Émile Zola 😀", "שלום עולם", "A \\ & <b>b</b>"),
            correct=0,
            sentence=0,
            answer_start=0,
            answer_end=11,
            explanation=SOURCE,
            fact_type="PERSON",
            difficulty=Difficulty.EASY,
            score=0.875,
        ),
        Question(
            id="q-tf-2",
            kind=Kind.TF,
            stem="The treaty was signed in 1648 :: {braces} #hash ~tilde =equals",
            answer="False",
            options=("True", "False"),
            correct=1,
            sentence=1,
            answer_start=40,
            answer_end=44,
            explanation="The treaty was signed in 1648 {x}.",
            fact_type="DATE",
        ),
        Question(
            id="q-cloze-3",
            kind=Kind.CLOZE,
            stem=f"The {{{{c1::fake}}}} court in {BLANK} has 12 judges ~ = # {{1:SHORTANSWER:=x}}",
            answer='The Hague: "Den Haag"',
            accepted=("Den Haag / 's-Gravenhage",),
            sentence=2,
            answer_start=60,
            answer_end=69,
            explanation=f"The court sits in The Hague. {NASTY}",
            fact_type="PLACE",
            difficulty=Difficulty.HARD,
            score=0.5,
        ),
        Question(
            id="q-wh-4",
            kind=Kind.WH,
            stem="Which city hosts the مرحبا court? *wild* <i>it</i>",
            answer="The Hague}",
            accepted=("Hague", "Den Haag #2"),
            sentence=2,
            answer_start=60,
            answer_end=69,
            explanation=SOURCE,
            fact_type="PLACE",
        ),
        Question(
            id="q-mcq-5",
            kind=Kind.MCQ,
            stem="A. Lincoln said: ANSWER: C",
            answer="B) four",
            options=("three", "B) four", "]]> five", "# six"),
            correct=1,
            sentence=3,
            answer_start=80,
            answer_end=84,
            explanation="",
            fact_type="NUMBER",
        ),
    )
    return Quiz(
        document_id="0123456789abcdef",
        document_title='Hugo & "The Hague" <script>x</script> / {t}',
        questions=questions,
        options=QuizOptions(count=5, difficulty=Difficulty.MEDIUM, seed=7),
        notes=("A note with <b>markup</b> & 😀.",),
    )


def sample_document():
    return build_document(
        "Victor Hugo wrote a novel in 1862. The treaty was signed in 1648. "
        "The court sits in The Hague. Lincoln had four sons.",
        title="History notes",
        language="en",
    )
