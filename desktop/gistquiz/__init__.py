"""GistQuiz: extractive summaries and comprehension quizzes for articles, offline."""

__version__ = "0.1.0"
