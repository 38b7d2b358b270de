"""Loaders: one module per format behind one registry (see ``registry``)."""

from __future__ import annotations

# Each import registers its loader; the order is the order of file-dialog filters.
# isort: off
from . import text, markdown, html, pdf, docx, epub  # noqa: F401

# isort: on
from .registry import (
    DEFAULT_MAX_BYTES,
    LoadContext,
    Loader,
    for_extension,
    for_media_type,
    loaders,
    read_limited,
    register,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LoadContext",
    "Loader",
    "for_extension",
    "for_media_type",
    "loaders",
    "read_limited",
    "register",
]
