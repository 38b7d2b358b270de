"""Typed errors of the core. Each carries a message a user can act on.

The CLI maps each class to its exit code (``exit_code``); the GUI shows ``str(error)``.
"""

from __future__ import annotations


class GistQuizError(Exception):
    """Base class: an expected failure with a user-facing message."""

    exit_code = 1


class UnsupportedFormat(GistQuizError):
    exit_code = 3


class EmptyDocument(GistQuizError):
    exit_code = 4


class ExtractionFailed(GistQuizError):
    """The file is of a known type but its text could not be read (corrupt, encrypted...)."""

    exit_code = 5


class TooLarge(GistQuizError):
    exit_code = 6


class UnsupportedLanguage(GistQuizError):
    exit_code = 7


class FetchFailed(GistQuizError):
    """A URL could not be fetched: bad scheme, timeout, HTTP error, size cap."""

    exit_code = 8


class InvalidOption(GistQuizError):
    """An option value (algorithm name, length, count...) is not valid."""

    exit_code = 2


class Cancelled(GistQuizError):
    exit_code = 130

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


class NotEnoughText(GistQuizError):
    """The document is too short for the requested work (e.g. a quiz from one sentence)."""

    exit_code = 9


# Finer kinds of ExtractionFailed, so the GUI and tests can tell them apart; same exit code.
class CorruptFile(ExtractionFailed):
    """The file is damaged, truncated or not really of the type its name says."""


class EncryptedDocument(ExtractionFailed):
    """The file is password-protected; we never try to guess passwords."""


class NoArticleText(ExtractionFailed):
    """A web page with no main text: only navigation, an app shell or a login wall."""
