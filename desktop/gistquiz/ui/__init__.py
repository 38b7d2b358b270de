"""The Qt Widgets face of GistQuiz. Only this package imports Qt."""
