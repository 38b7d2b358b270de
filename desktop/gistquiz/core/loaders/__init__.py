"""Loaders: one module per format behind one registry (see ``registry``)."""

from __future__ import annotations

from . import docx, epub, html, markdown, pdf, text  # noqa: F401  (each registers its loader)
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
