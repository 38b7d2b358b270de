"""Data files shipped with GistQuiz (installed as the package ``gistquiz.resources``)."""
