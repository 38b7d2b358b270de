"""Quiz generation (see ``model`` for the data)."""

from .model import BLANK, Difficulty, Kind, Question, Quiz, QuizOptions

__all__ = ["BLANK", "Difficulty", "Kind", "Question", "Quiz", "QuizOptions"]
