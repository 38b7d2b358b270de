"""The native format: a quiz with its document's identity and evidence spans, as JSON.

``load_quiz`` reads it back to an equal ``Quiz``. The schema is versioned ("gistquiz.quiz/1");
a reader refuses a newer major version instead of guessing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ExtractionFailed, UnsupportedFormat
from ..quiz.model import Difficulty, Kind, Question, Quiz, QuizOptions
from .registry import ExportOptions

SCHEMA = "gistquiz.quiz/1"
MAX_BYTES = 50 * 1024 * 1024


def quiz_to_json(quiz: Quiz, options: ExportOptions | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"id": quiz.document_id, "title": quiz.document_title}
    doc = options.document if options else None
    if doc is not None:
        document.update(language=doc.language, source=doc.source, sentences=len(doc.sentences))
    return {
        "schema": SCHEMA,
        "document": document,
        "options": {
            "count": quiz.options.count,
            "kinds": [k.value for k in quiz.options.kinds],
            "difficulty": quiz.options.difficulty.value if quiz.options.difficulty else None,
            "seed": quiz.options.seed,
        },
        "notes": list(quiz.notes),
        "questions": [_question_json(q, doc) for q in quiz.questions],
    }


def _question_json(q: Question, doc) -> dict[str, Any]:
    evidence: dict[str, Any] = {
        "sentence": q.sentence,
        "answer_start": q.answer_start,
        "answer_end": q.answer_end,
    }
    if doc is not None and 0 <= q.sentence < len(doc.sentences):
        s = doc.sentences[q.sentence]
        evidence.update(sentence_start=s.start, sentence_end=s.end)
    return {
        "id": q.id,
        "kind": q.kind.value,
        "stem": q.stem,
        "answer": q.answer,
        "accepted": list(q.accepted),
        "options": list(q.options),
        "correct": q.correct,
        "evidence": evidence,
        "explanation": q.explanation,
        "fact_type": q.fact_type,
        "difficulty": q.difficulty.value,
        "score": q.score,
    }


def write_json(quiz: Quiz, options: ExportOptions) -> bytes:
    text = json.dumps(quiz_to_json(quiz, options), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def quiz_from_json(data: dict[str, Any]) -> Quiz:
    """Build a Quiz from its JSON form. Raises ``UnsupportedFormat`` for another schema and
    ``ExtractionFailed`` for a damaged file."""
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("gistquiz.quiz/"):
        raise UnsupportedFormat("This is not a GistQuiz quiz file (no gistquiz.quiz schema).")
    if data["schema"] != SCHEMA:
        raise UnsupportedFormat(
            f"This quiz file uses {data['schema']}, which this version cannot read "
            f"(it reads {SCHEMA}). Update GistQuiz to open it."
        )
    try:
        opts = data.get("options") or {}
        difficulty = opts.get("difficulty")
        quiz_options = QuizOptions(
            count=int(opts.get("count", QuizOptions.count)),
            kinds=tuple(Kind(k) for k in opts.get("kinds", [k.value for k in Kind])),
            difficulty=Difficulty(difficulty) if difficulty else None,
            seed=int(opts.get("seed", 0)),
        )
        return Quiz(
            document_id=str(data["document"]["id"]),
            document_title=str(data["document"].get("title", "")),
            questions=tuple(_question_from(q) for q in data["questions"]),
            options=quiz_options,
            notes=tuple(str(n) for n in data.get("notes", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        problem = f"{type(error).__name__}: {error}"
        raise ExtractionFailed(f"The quiz file is damaged ({problem}).") from error


def _question_from(q: dict[str, Any]) -> Question:
    evidence = q.get("evidence", {})
    correct = q.get("correct")
    return Question(
        id=str(q["id"]),
        kind=Kind(q["kind"]),
        stem=str(q["stem"]),
        answer=str(q["answer"]),
        accepted=tuple(str(a) for a in q.get("accepted", ())),
        options=tuple(str(o) for o in q.get("options", ())),
        correct=None if correct is None else int(correct),
        sentence=int(evidence.get("sentence", 0)),
        answer_start=int(evidence.get("answer_start", 0)),
        answer_end=int(evidence.get("answer_end", 0)),
        explanation=str(q.get("explanation", "")),
        fact_type=str(q.get("fact_type", "")),
        difficulty=Difficulty(q.get("difficulty", Difficulty.MEDIUM.value)),
        score=float(q.get("score", 0.0)),
    )


def load_quiz(path: str | Path) -> Quiz:
    """Open a quiz saved as JSON (``export_quiz(quiz, "json", path)``)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ExtractionFailed(f"{path.name} is too large to be a quiz file.")
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise ExtractionFailed(f"No such quiz file: {path}") from error
    except OSError as error:
        raise ExtractionFailed(f"Cannot read {path}: {error.strerror or error}.") from error
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnsupportedFormat(f"{path.name} is not a GistQuiz quiz file (not JSON).") from error
    return quiz_from_json(data)
