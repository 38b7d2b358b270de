"""The GistQuiz core: pure Python, no Qt. Shared by the CLI, the GUI and the tests."""
